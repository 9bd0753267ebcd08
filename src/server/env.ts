import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/qianqi.db';

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** Why a PostgreSQL URL cannot be used, or null; pg itself would fail later with an English message. */
function postgresUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '不是有效的 PostgreSQL 连接地址，应形如 postgres://用户名:密码@主机:5432/数据库名（密码中的特殊字符须 URL 编码）';
  }
  if (!u.hostname) return 'PostgreSQL 连接地址缺少主机名，应形如 postgres://用户名:密码@主机:5432/数据库名';
  if (u.pathname.replace(/^\//, '') === '')
    return 'PostgreSQL 连接地址缺少数据库名，应形如 postgres://用户名:密码@主机:5432/数据库名';
  return null;
}

/** The SQLite file of a `sqlite:` URL, or null for a database that would not survive a restart. */
export function sqliteFile(url: string): string | null {
  const file = url.slice('sqlite:'.length).trim();
  return file === '' || file === ':memory:' || file.startsWith('file::memory:') ? null : file;
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((v) => v.startsWith('sqlite:') || v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: '必须以 sqlite: 或 postgres:// 开头',
    })
    .refine((v) => !isPostgresUrl(v) || postgresUrlProblem(v) === null, {
      error: (issue) => postgresUrlProblem(String(issue.input)) ?? '',
    }),
  STORAGE_DIR: z.string().min(1).default('./data/storage'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy that terminates TLS: mark cookies Secure and trust X-Forwarded-For. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Required in production (1 behind HTTPS; 0 only on purpose, which start-up warns about). */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Extra origins allowed to call JSON routes (comma-separated), besides the server's own. */
  ALLOWED_ORIGINS: z.string().default(''),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Sign-in attempts per IP per minute. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  /** 1: check every JSON answer against its route's declared schema (on in tests; a drift answers 500). */
  VALIDATE_RESPONSES: z.enum(['0', '1']).optional(),
  /** Largest upload (evidence files, reports, ledgers), in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
  /**
   * Key for sensitive personal information at rest (PIPL 第二十八条: ID cards, bank accounts): 32 bytes, base64.
   * Required in production; development and tests fall back to a fixed key that protects nothing.
   */
  PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: '应为 32 字节密钥的 base64 编码（openssl rand -base64 32）',
    })
    .optional(),
  /**
   * Key of the audit trail's HMAC chain (等保 审计记录保护): base64 of at least 32 bytes. Required in production; a
   * chain written with one key does not verify with another, so keep it apart from the database and its backups.
   */
  AUDIT_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length >= 32, {
      message: '应为至少 32 字节密钥的 base64 编码（openssl rand -base64 32）',
    })
    .optional(),
  /**
   * The address users open (https://…): the only origin a browser's write request may come from. Required in
   * production; in development the server's own address is used.
   */
  PUBLIC_URL: z
    .string()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/' && !u.search;
        } catch {
          return false;
        }
      },
      { message: '应为用户访问的地址，例如 https://qianqi.example.gov.cn（不含路径）' },
    )
    .optional(),
  /** Seed the demo year and accounts into an empty database. Never in production. */
  DEMO_DATA: z.enum(['0', '1']).default('1'),
});

export type Env = z.infer<typeof schema>;

/** Parses the environment once at start-up; a bad variable stops the process with its name and why. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema
    .superRefine((e, ctx) => {
      if (e.NODE_ENV === 'production' && !e.PII_KEY) {
        ctx.addIssue({ code: 'custom', path: ['PII_KEY'], message: '生产环境必须设置个人敏感信息加密密钥' });
      }
      if (e.NODE_ENV === 'production' && !e.AUDIT_KEY) {
        ctx.addIssue({ code: 'custom', path: ['AUDIT_KEY'], message: '生产环境必须设置操作日志密钥' });
      }
      if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message: '生产环境必须设置用户访问的地址，例如 https://qianqi.example.gov.cn',
        });
      }
      // Defaulting to 0 in production would send the session cookie over plain HTTP without anyone deciding so.
      if (e.NODE_ENV === 'production' && source.COOKIE_SECURE === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['COOKIE_SECURE'],
          message: '生产环境必须明确设置：在 HTTPS 反向代理之后设为 1；确需经 HTTP 访问时设为 0（不安全）',
        });
      }
      // An empty path or :memory: gives a temporary database that is gone at the next restart, with every record.
      if (e.NODE_ENV !== 'test' && e.DATABASE_URL.startsWith('sqlite:') && sqliteFile(e.DATABASE_URL) === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message:
            '不能使用临时数据库（空路径或 :memory:，重启后数据全部丢失），请指定文件，例如 sqlite:./data/qianqi.db',
        });
      }
    })
    .safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误 (invalid environment):\n${lines.join('\n')}`);
  }
  return result.data;
}
