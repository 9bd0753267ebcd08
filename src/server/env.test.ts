// The settings an operator gets wrong, refused at start with the variable's name (issue #10 §2).
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const KEY = Buffer.alloc(32, 7).toString('base64');
/** What production needs besides the case's own settings. */
const PROD = { NODE_ENV: 'production', PII_KEY: KEY, AUDIT_KEY: KEY, PUBLIC_URL: 'https://qianqi.example.gov.cn' };
const problem = (source: Record<string, string>) => {
  try {
    loadEnv(source);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe('loadEnv', () => {
  it('starts development with nothing set, on the SQLite file', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBe('sqlite:./data/qianqi.db');
    expect(env.COOKIE_SECURE).toBe('0');
  });

  it('in production requires PII_KEY, AUDIT_KEY, PUBLIC_URL and an explicit COOKIE_SECURE, naming each', () => {
    const msg = problem({ NODE_ENV: 'production' });
    expect(msg).toContain('PII_KEY');
    expect(msg).toContain('AUDIT_KEY: 生产环境必须设置操作日志密钥');
    expect(msg).toContain('PUBLIC_URL: 生产环境必须设置用户访问的地址');
    expect(msg).toContain('COOKIE_SECURE: 生产环境必须明确设置');
    expect(problem({ ...PROD, COOKIE_SECURE: '1' })).toBeNull();
    // 0 is allowed when chosen (start-up then warns), but not by default.
    expect(problem({ ...PROD, COOKIE_SECURE: '0' })).toBeNull();
    expect(problem(PROD)).toContain('COOKIE_SECURE');
    expect(problem({ ...PROD, COOKIE_SECURE: '1', AUDIT_KEY: Buffer.alloc(16).toString('base64') })).toContain(
      'AUDIT_KEY: 应为至少 32 字节',
    );
    expect(problem({ ...PROD, COOKIE_SECURE: '1', PUBLIC_URL: 'https://qianqi.example.gov.cn/app' })).toContain(
      'PUBLIC_URL',
    );
  });

  it.each(['sqlite:', 'sqlite::memory:', 'sqlite:  ', 'sqlite:file::memory:?cache=shared'])(
    'refuses the temporary database %j outside tests',
    (url) => {
      expect(problem({ DATABASE_URL: url })).toContain('DATABASE_URL: 不能使用临时数据库');
      expect(problem({ DATABASE_URL: url, ...PROD, COOKIE_SECURE: '1' })).toContain('临时数据库');
      expect(problem({ DATABASE_URL: url, NODE_ENV: 'test' })).toBeNull();
    },
  );

  it.each([
    ['postgres://', '缺少主机名'],
    ['postgres://user:pw@db.internal:5432/', '缺少数据库名'],
    ['postgres://user:p@ss@[bad/qianqi', '不是有效的 PostgreSQL 连接地址'],
    ['mysql://localhost/qianqi', '必须以 sqlite: 或 postgres:// 开头'],
  ])('names DATABASE_URL for the malformed %j', (url, why) => {
    const msg = problem({ DATABASE_URL: url });
    expect(msg).toContain('DATABASE_URL');
    expect(msg).toContain(why);
  });

  it('accepts a well-formed PostgreSQL URL with an encoded password', () => {
    expect(loadEnv({ DATABASE_URL: 'postgresql://qianqi:p%40ss@127.0.0.1:5432/qianqi' }).DATABASE_URL).toContain(
      'qianqi',
    );
  });
});
