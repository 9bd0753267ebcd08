import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { migrations } from '../../../migrations/index';
import { logger } from '../logger';
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
    // SQLite ends the transaction itself when a statement fails with SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM …; the
    // ROLLBACK Kysely then sends fails with "cannot rollback - no transaction is active", and that error replaced the
    // real one (a full disk answered as a generic 500). Nothing is left to roll back then, so nothing is sent.
    const dialect = withRollback(new SqliteDialect({ database: sqlite }), async (rollback, connection) => {
      if (sqlite.inTransaction) await rollback(connection);
    });
    const db = new Kysely<DB>({ dialect });
    return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
  }
  // Without a connect timeout an unreachable host hangs start-up for the operating system's TCP timeout.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // A connection that breaks (pg_terminate_backend, a fail-over, a firewall's idle timeout) emits `error` on its client,
  // and on the pool when it was idle; an `error` event nobody listens to ends the process. Logged instead: the pool
  // drops the broken client and opens a new one for the next query, and the request that was using it fails with a
  // connection error that the HTTP layer answers as 503 (src/server/http/errors.ts).
  pool.on('error', () => {
    // already logged by the client's own listener below
  });
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      logger.warn({ err }, '数据库连接中断（PostgreSQL），已丢弃该连接，后续请求将使用新连接');
    });
    // JIT made small aggregate queries 20× slower in measurements (docs/architecture.md).
    client.query('set jit = off').catch(() => {});
  });
  // When the connection broke inside a transaction, ROLLBACK fails as well and its "Client has encountered a
  // connection error" would replace the real cause. Kysely has already marked the connection for discard (the server
  // ends the transaction with the connection), so the original error goes on.
  const dialect = withRollback(new PostgresDialect({ pool }), async (rollback, connection) => {
    try {
      await rollback(connection);
    } catch (err) {
      logger.warn({ err }, 'ROLLBACK 失败（连接已中断），连接已丢弃');
    }
  });
  const db = new Kysely<DB>({ dialect });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** The dialect with its driver's ROLLBACK replaced by `rollback`, which gets the original to call. */
function withRollback<D extends SqliteDialect | PostgresDialect>(
  dialect: D,
  rollback: (original: (c: DatabaseConnection) => Promise<void>, connection: DatabaseConnection) => Promise<void>,
): D {
  const createDriver = dialect.createDriver.bind(dialect);
  dialect.createDriver = (): Driver => {
    const driver = createDriver();
    const original = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = (connection) => rollback(original, connection);
    return driver;
  };
  return dialect;
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
