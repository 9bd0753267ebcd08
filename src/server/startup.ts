import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './db/database';
import { isPostgresUrl } from './env';

// Start-up checks that turn a misconfiguration into one Chinese line naming the setting (issue #10), instead of a
// stack trace after half the start-up has run.

/** The URL without its password, for messages and logs. */
export function maskUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function errno(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Why the database of `url` cannot be reached, in Chinese, naming DATABASE_URL. */
export function describeDatabaseError(url: string, err: unknown): string {
  const where = `DATABASE_URL=${maskUrl(url)}`;
  if (!isPostgresUrl(url)) {
    return `无法打开 SQLite 数据库（${where}）：${reasonOf(err)}。请检查文件路径和目录的读写权限`;
  }
  let host = '';
  let database = '';
  try {
    const u = new URL(url);
    host = `${u.hostname}:${u.port || '5432'}`;
    database = decodeURIComponent(u.pathname.slice(1));
  } catch {}
  const code = errno(err);
  const why =
    code === 'ECONNREFUSED'
      ? `${host} 拒绝连接：PostgreSQL 没有运行，或主机、端口不对`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `找不到主机 ${host.split(':')[0]}`
        : code === 'ETIMEDOUT' || /timeout/i.test(reasonOf(err))
          ? `连接 ${host} 超时：请检查网络和防火墙`
          : code === '28P01' || code === '28000'
            ? '用户名或密码错误，或该用户不允许连接（pg_hba.conf）'
            : code === '3D000'
              ? `数据库“${database}”不存在：请先创建（createdb ${database}）`
              : reasonOf(err);
  return `无法连接数据库（${where}）：${why}`;
}

/** Opens a connection once, so that a wrong DATABASE_URL fails here rather than in the first request. */
export async function checkDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * STORAGE_DIR must be a writable directory. A missing one is created — unless the database already refers to files,
 * which then means the storage volume is not mounted: starting would answer every download with 404.
 */
export async function checkStorageDir(dir: string, referencedFiles: () => Promise<number>): Promise<void> {
  const root = resolve(dir);
  const where = `STORAGE_DIR=${dir}${dir === root ? '' : `（${root}）`}`;
  let exists = true;
  try {
    const st = await stat(root);
    if (!st.isDirectory()) throw new Error(`文件存储目录不是目录（${where}）`);
  } catch (err) {
    if (errno(err) !== 'ENOENT') {
      throw err instanceof Error && !errno(err) ? err : new Error(`无法访问文件存储目录（${where}）：${reasonOf(err)}`);
    }
    exists = false;
  }
  if (!exists) {
    const n = await referencedFiles();
    if (n > 0) {
      throw new Error(
        `文件存储目录不存在（${where}），但数据库已登记 ${n} 个文件：请检查存储卷是否已挂载、路径是否正确`,
      );
    }
    try {
      await mkdir(root, { recursive: true });
    } catch (err) {
      throw new Error(`无法创建文件存储目录（${where}）：${reasonOf(err)}`);
    }
  }
  // A directory that exists but is read-only would fail the first upload, not the start.
  const probe = resolve(root, `.write-test-${process.pid}`);
  try {
    await writeFile(probe, 'ok');
    await unlink(probe);
  } catch (err) {
    throw new Error(`文件存储目录不可写（${where}）：${reasonOf(err)}`);
  }
}

/** Binds the port; a busy or forbidden port is one line naming PORT (or HOST). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((ok, fail) => {
    const onError = (err: unknown) => {
      server.off('listening', onListening);
      const code = errno(err);
      fail(
        new Error(
          code === 'EADDRINUSE'
            ? `端口 ${port} 已被占用（PORT=${port}）：请停止占用该端口的程序，或换一个端口，例如 PORT=${port + 1}`
            : code === 'EACCES'
              ? `无权监听端口 ${port}（PORT=${port}）：1024 以下的端口需要特权，请改用例如 PORT=3000 并由反向代理转发`
              : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
                ? `无法监听地址 ${host}（HOST=${host}）：本机没有这个地址`
                : `无法监听 ${host}:${port}（PORT、HOST）：${reasonOf(err)}`,
        ),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      ok();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
