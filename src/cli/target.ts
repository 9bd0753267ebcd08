import { isAbsolute, resolve } from 'node:path';
import { sealAuditKeying } from '../server/audit/audit';
import { createLocalDiskStorage } from '../server/blobs/local-disk';
import { type Ctx, systemClock } from '../server/context';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { type Env, loadEnv } from '../server/env';
import { CliFailure } from './errors';
import type { CliIo } from './evaluate';

// Issue #10 §2: an operator who runs the command line without the service's DATABASE_URL acts on another database
// (the default SQLite file) without noticing. Every command that touches the database says which one it is.

export const PRODUCTION_DEFAULT_DB_WARNING =
  '警告：NODE_ENV=production 但未设置 DATABASE_URL，将使用默认的 SQLite 文件 ./data/qianqi.db；' +
  '若生产数据库是 PostgreSQL，请为命令行设置与服务相同的 DATABASE_URL';

/** The environment, or a failure whose message (already Chinese, one line per variable) is printed as it is. */
export function cliEnv(): Env {
  try {
    return loadEnv();
  } catch (e) {
    throw new CliFailure(e instanceof Error ? e.message : String(e), 1);
  }
}

/** The database URL without its password; a relative SQLite path also as the absolute file it resolves to. */
export function databaseLabel(url: string): string {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return file === ':memory:' || isAbsolute(file) ? url : `${url}（${resolve(file)}）`;
  }
  try {
    const u = new URL(url);
    u.password = '';
    for (const k of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@').replace(/([?&][^=&]*(?:pass|secret|key)[^=&]*=)[^&]*/gi, '$1***');
  }
}

/** On stderr, before the command acts, so that stdout stays the command's output (JSON for export and kpis). */
export function announceDatabase(env: Env, io: CliIo): void {
  if (env.NODE_ENV === 'production' && !process.env.DATABASE_URL) io.err(PRODUCTION_DEFAULT_DB_WARNING);
  io.err(`数据库：${databaseLabel(env.DATABASE_URL)}`);
}

/** Opens and migrates the database the environment names, and acts on it as the command line (no actor). */
export async function withDb(io: CliIo, fn: (ctx: Ctx, label: string) => Promise<number>): Promise<number> {
  const env = cliEnv();
  announceDatabase(env, io);
  const h = openDatabase(env.DATABASE_URL);
  try {
    const applied = await migrateToLatest(h.db);
    const ctx: Ctx = {
      db: h.db,
      engine: h.engine,
      clock: systemClock,
      env,
      blobs: createLocalDiskStorage(env.STORAGE_DIR),
      actor: null,
      ip: null,
    };
    // Right after migration 012 upgraded an existing chain, so that `audit verify` finds it keyed (decision 017).
    await sealAuditKeying(ctx, applied);
    return await fn(ctx, databaseLabel(env.DATABASE_URL));
  } finally {
    await h.close();
  }
}
