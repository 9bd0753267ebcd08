import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from '../../../migrations/index';
import type { DB } from './schema';

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Engine = 'sqlite' | 'postgres';

// int8 (bigint, count(*)) as Number: our integers (fen, seq) stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface DbHandle {
  db: Database;
  engine: Engine;
  /** SQLite only: the raw handle, for online backup. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function openDatabase(url: string): DbHandle {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
  }
  // Without a connect timeout an unreachable host hangs start-up for the operating system's TCP timeout.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // JIT made small aggregate queries 20× slower in measurements (docs/architecture.md).
  pool.on('connect', (client) => {
    client.query('set jit = off').catch(() => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<unknown> | Database): Promise<string[]> {
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
