import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/server/app';
import { createLocalDiskStorage } from '../../src/server/blobs/local-disk';
import type { AppDeps, Clock, Ctx } from '../../src/server/context';
import { type DbHandle, migrateToLatest, openDatabase } from '../../src/server/db/database';
import { loadEnv } from '../../src/server/env';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed';

/** A clock the test moves by hand. */
export function testClock(
  start = '2025-06-15T02:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
    set(iso) {
      t = new Date(iso).getTime();
    },
  };
}

/**
 * A fresh database per call: a temp SQLite file by default; a new PostgreSQL database when TEST_DATABASE_URL is set
 * (the same tests then run on both engines, as CI does).
 */
export async function freshDatabase(): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void> }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const name = `qianqi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    return pgDatabase(pgUrl, name);
  }
  return sqliteDatabase(mkdtempSync(join(tmpdir(), 'qianqi-test-')));
}

function pgDatabase(pgUrl: string, name: string): { handle: DbHandle; url: string; drop: () => Promise<void> } {
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      // The pool's last connections may still be closing: wait for them rather than terminating them (a terminated
      // pooled client emits an error nobody listens to any more). Force only as a last resort.
      let dropped = false;
      for (let i = 0; i < 50 && !dropped; i++) {
        try {
          await a.query(`drop database if exists ${name}`);
          dropped = true;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006') throw e; // 55006: being accessed by other users
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      if (!dropped) await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function sqliteDatabase(dir: string): { handle: DbHandle; url: string; drop: () => Promise<void> } {
  const handle = openDatabase(`sqlite:${join(dir, 'test.db')}`);
  return {
    handle,
    url: `sqlite:${join(dir, 'test.db')}`,
    drop: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>['app'];
  routes: ReturnType<typeof createApp>['routes'];
  deps: AppDeps;
  clock: ReturnType<typeof testClock>;
  ctx: Ctx;
  close: () => Promise<void>;
  /** The database's URL, for a second connection (a backup reading while the app writes) */
  databaseUrl: string;
  /** Where the app's files are stored */
  blobDir: string;
  /** Signs in and returns the session cookie header value. */
  login: (username: string, password?: string) => Promise<string>;
  /** A JSON request with the cookie; method defaults to GET. */
  call: (
    cookie: string | null,
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; json: any; res: Response }>;
}

export const PASSWORD = DEMO_PASSWORD;

// Seeding the demo (migrations, 23 stations, a year of ledgers, projects) takes about a second, and some suites make a
// fresh app per case (audit coverage: one per route). Each test process seeds the usual demo once into a template —
// a PostgreSQL template database, or a SQLite file — and copies it, with its blob directory, for every app.
interface Template {
  /** PostgreSQL: the template database's name; SQLite: the seeded file */
  source: string;
  blobDir: string;
}
let template: Promise<Template> | null = null;

async function seededTemplate(): Promise<Template> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const blobDir = mkdtempSync(join(tmpdir(), 'qianqi-tpl-blobs-'));
  let handle: DbHandle;
  let source: string;
  if (pgUrl) {
    source = `qianqi_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    // Templates of test processes that are gone (a run cut short) are dropped; a live process keeps its own.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'qianqi_tpl_%'",
    );
    for (const { datname } of stale.rows) {
      const pid = Number(datname.split('_')[2]);
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive) await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.query(`create database ${source}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${source}`;
    handle = openDatabase(url.toString());
  } else {
    source = join(mkdtempSync(join(tmpdir(), 'qianqi-tpl-')), 'template.db');
    handle = openDatabase(`sqlite:${source}`);
  }
  await migrateToLatest(handle.db);
  const deps: AppDeps = {
    db: handle.db,
    engine: handle.engine,
    clock: testClock(),
    env: loadEnv({ NODE_ENV: 'test' }),
    blobs: createLocalDiskStorage(blobDir),
  };
  await seedDemo({ ...deps, actor: null, ip: null }, { ledgers: 'few' });
  // Closed, so that PostgreSQL may copy it (no connections) and SQLite's file holds everything (WAL checkpointed).
  await handle.close();
  return { source, blobDir };
}

/** A fresh database holding a copy of the seeded template. */
async function copyOfTemplate(t: Template): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void> }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const name = `qianqi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${t.source}`);
    await admin.end();
    return pgDatabase(pgUrl, name);
  }
  const dir = mkdtempSync(join(tmpdir(), 'qianqi-test-'));
  copyFileSync(t.source, join(dir, 'test.db'));
  return sqliteDatabase(dir);
}

/** Migrated, seeded with the demo data (2025 year, 23 stations, one account per role), ready for app.request. */
export async function createTestApp(
  opts: { seed?: boolean; env?: Record<string, string>; ledgers?: 'all' | 'few' } = {},
): Promise<TestApp> {
  const usual = opts.seed !== false && (opts.ledgers ?? 'few') === 'few';
  const blobDir = mkdtempSync(join(tmpdir(), 'qianqi-blobs-'));
  let db: { handle: DbHandle; url: string; drop: () => Promise<void> };
  if (usual) {
    template ??= seededTemplate();
    const t = await template;
    db = await copyOfTemplate(t);
    cpSync(t.blobDir, blobDir, { recursive: true });
  } else {
    db = await freshDatabase();
    await migrateToLatest(db.handle.db);
  }
  const { handle, drop } = db;
  const clock = testClock();
  const env = loadEnv({ NODE_ENV: 'test', ...opts.env });
  const deps: AppDeps = { db: handle.db, engine: handle.engine, clock, env, blobs: createLocalDiskStorage(blobDir) };
  const ctx: Ctx = { ...deps, actor: null, ip: null };
  if (!usual && opts.seed !== false) await seedDemo(ctx, { ledgers: opts.ledgers ?? 'few' });
  const { app, routes } = createApp(deps);
  const call: TestApp['call'] = async (cookie, method, path, body) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (body !== undefined || !['GET', 'HEAD', 'DELETE'].includes(method.toUpperCase())) {
      headers['content-type'] = 'application/json';
    }
    const res = await app.request(path, {
      method,
      headers,
      body:
        body !== undefined
          ? JSON.stringify(body)
          : ['GET', 'HEAD', 'DELETE'].includes(method.toUpperCase())
            ? undefined
            : '{}',
    });
    const type = res.headers.get('content-type') ?? '';
    const json = type.includes('application/json') ? await res.json() : null;
    return { status: res.status, json, res };
  };
  const login: TestApp['login'] = async (username, password = PASSWORD) => {
    const r = await call(null, 'POST', '/api/v1/sessions', { username, password });
    if (r.status !== 201) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.json)}`);
    const setCookie = r.res.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0];
  };
  const close = async () => {
    await drop();
    rmSync(blobDir, { recursive: true, force: true });
  };
  return { app, routes, deps, clock, ctx, close, login, call, databaseUrl: db.url, blobDir };
}
