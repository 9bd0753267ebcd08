// What the command line prints for an error that reaches it: users read Chinese, and a stack trace only helps a
// developer (QIANQI_DEBUG=1). Libraries (node, SQLite, pg) report in English; the common cases are said here.

/** A failure whose message is already what the user should read. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}

/** A wrong argument found after parsing (an unknown role): printed with the command's usage, exit 2. */
export class UsageError extends CliFailure {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

interface Coded {
  code?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  sha256?: unknown;
  userMessage?: unknown;
  issues?: unknown;
}

const FS: Record<string, string> = {
  ENOENT: '文件或目录不存在',
  EACCES: '没有权限访问',
  EPERM: '不允许此操作',
  EISDIR: '这是目录，不是文件',
  ENOTDIR: '路径中有一项不是目录',
  EEXIST: '已存在',
  ENOSPC: '磁盘空间不足',
  EROFS: '文件系统只读',
  EMFILE: '打开的文件过多',
};

const SQLITE: Record<string, string> = {
  SQLITE_BUSY: '数据库正被其他进程使用（已锁定），请稍后重试',
  SQLITE_LOCKED: '数据库表已锁定，请稍后重试',
  SQLITE_CANTOPEN: '无法打开 SQLite 数据库文件（检查路径和权限）',
  SQLITE_NOTADB: '文件不是 SQLite 数据库',
  SQLITE_CORRUPT: 'SQLite 数据库文件已损坏',
  SQLITE_READONLY: '数据库只读，无法写入',
  SQLITE_FULL: '磁盘已满，无法写入数据库',
  SQLITE_PERM: '没有权限访问数据库文件',
};

// SQLSTATE classes and codes of PostgreSQL that an operator can act on.
const PG: Record<string, string> = {
  '28P01': '数据库认证失败：请检查 DATABASE_URL 中的用户名和密码',
  '28000': '数据库拒绝了此连接（pg_hba.conf 或用户权限）',
  '3D000': 'DATABASE_URL 指定的数据库不存在',
  '42501': '数据库用户权限不足',
  '53300': '数据库连接数已满，请稍后重试',
  '57P03': '数据库服务器正在启动或暂不可用，请稍后重试',
};

const NET: Record<string, string> = {
  ECONNREFUSED: '无法连接数据库服务器：连接被拒绝',
  ENOTFOUND: '无法连接数据库服务器：找不到主机',
  ETIMEDOUT: '无法连接数据库服务器：连接超时',
  ECONNRESET: '与数据库服务器的连接被断开',
  EHOSTUNREACH: '无法连接数据库服务器：主机不可达',
};

function known(err: Coded & Error): string | null {
  if (err instanceof CliFailure) return err.message;
  const code = typeof err.code === 'string' ? err.code : '';
  if (typeof err.userMessage === 'string') {
    // AppError from a service: already Chinese, with its field problems.
    const issues = Array.isArray(err.issues) ? (err.issues as Array<{ path: string; message: string }>) : [];
    return [err.userMessage, ...issues.map((i) => `${i.path}: ${i.message}`)].join('\n');
  }
  if (code === 'blob_not_found') return `文件库（STORAGE_DIR）中缺少文件 ${String(err.sha256 ?? '')}`.trimEnd();
  if (FS[code] && typeof err.path === 'string') return `${FS[code]}：${err.path}`;
  if (NET[code]) {
    const where = err.address ? `${err.address}${err.port ? `:${err.port}` : ''}` : err.hostname;
    return `${NET[code]}${where ? `（${where}）` : ''}`;
  }
  if (code.startsWith('SQLITE_')) {
    const base = Object.keys(SQLITE).find((k) => code === k || code.startsWith(`${k}_`));
    if (base) return `${SQLITE[base]}（${code}）`;
    if (code.startsWith('SQLITE_IOERR')) return `读写数据库文件时发生 I/O 错误（${code}）`;
    if (code.startsWith('SQLITE_CONSTRAINT')) return `数据不符合数据库约束（${code}）`;
    return `SQLite 出错（${code}）`;
  }
  if (PG[code]) return PG[code];
  if (FS[code]) return `${FS[code]}（${code}）`;
  return null;
}

/** The lines to print for an error; the stack too when QIANQI_DEBUG=1. */
export function describeError(err: unknown): string {
  const e = err instanceof Error ? (err as Coded & Error) : null;
  // Node reports a failed connection to a host with several addresses (localhost: ::1 and 127.0.0.1) as an
  // AggregateError without a message; its first error says why.
  const inner = e instanceof AggregateError && e.errors.length ? (e.errors[0] as Coded & Error) : null;
  const text = (e && known(e)) ?? (inner && known(inner)) ?? `出错：${e ? e.message || e.name : String(err)}`;
  const debug = process.env.QIANQI_DEBUG === '1' && e?.stack ? `\n${e.stack}` : '';
  return text + debug;
}

/** The exit code for an error: a CliFailure says its own; anything else is a failure of the command (1). */
export function exitCodeOf(err: unknown): number {
  return err instanceof CliFailure ? err.exitCode : 1;
}
