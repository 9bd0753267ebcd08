// A PostgreSQL connection that breaks — pg_terminate_backend, a fail-over, a firewall's idle timeout — must not end
// the server (issue #11, decision 016): the broken client is dropped, the next request gets a new connection, and
// the request that was using it is told to retry (503 with Retry-After). PostgreSQL only: SQLite has no connection.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../src/server/logger';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, validUscc } from './support/fixtures';

vi.setConfig({ testTimeout: 120_000 });

const PG = process.env.TEST_DATABASE_URL;
const ROOT = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'qianqi-pgloss-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

let t: TestApp | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
  t = null;
});

async function admin(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  return c;
}

/** Ends every connection to `database` but the caller's own (and `spare`), as an administrator or a fail-over would. */
async function terminateBackends(a: pg.Client, database: string, spare: number[] = []): Promise<number[]> {
  const r = await a.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and not (pid = any($2::int[]))',
    [database, spare],
  );
  const pids = r.rows.map((x) => x.pid);
  await a.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
  // Gone on the server, so the client side has been sent its FATAL message and end of stream.
  for (let i = 0; i < 100; i++) {
    const left = await a.query('select 1 from pg_stat_activity where pid = any($1::int[])', [pids]);
    if (!left.rowCount) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return pids;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

async function health(port: number): Promise<number | null> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return null;
  }
}

describe.runIf(PG)('a dropped PostgreSQL connection', () => {
  it('does not end the server process: /api/health answers 200 again within seconds, twice over', async () => {
    const a = await admin();
    const name = `qianqi_t_${randomBytes(6).toString('hex')}`;
    await a.query(`create database ${name}`);
    const url = new URL(PG!);
    url.pathname = `/${name}`;
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, 'src/server/main.ts')],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? dir,
          NODE_ENV: 'development',
          DEMO_DATA: '0',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          DATABASE_URL: url.toString(),
          STORAGE_DIR: join(dir, 'storage'),
        },
      },
    );
    children.push(child);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    const healthy = async (timeoutMs: number) => {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${out}`);
        if ((await health(port)) === 200) return;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error(`health never answered 200: ${out}`);
    };
    try {
      await healthy(90_000);
      for (let round = 0; round < 2; round++) {
        // The health check has just used a pooled connection, which now sits idle: the case that ended the process.
        expect(await health(port)).toBe(200);
        const killed = await terminateBackends(a, name);
        expect(killed.length, `round ${round}: backends to terminate`).toBeGreaterThan(0);
        await healthy(10_000);
        expect(child.exitCode, out).toBeNull();
      }
      expect(out).toContain('数据库连接中断');
    } finally {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode === null ? child.once('exit', ok) : ok(null)));
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    }
  });

  it('a request whose connection is terminated mid-flight gets 503 with Retry-After; the next one is served', async () => {
    t = await createTestApp();
    const app = t;
    const ids = await demoIds(app);
    const host = await app.login('host');
    const name = new URL(app.databaseUrl).pathname.slice(1);
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    // Another session holds the audit chain's head row, so the request's transaction waits on it: deterministically
    // in flight, inside a transaction, when its connection is terminated.
    const blocker = new pg.Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    const a = await admin();
    try {
      await blocker.query('begin');
      await blocker.query('select * from audit_head where id = 1 for update');
      const blockerPid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      const pending = app.call(host, 'POST', `/api/v1/stations/${ids.stations.haidian}/demands`, {
        uscc: validUscc(8801, '91110108'),
        title: '连接中断时提交的需求',
        collectedOn: '2025-06-01',
        status: 'collected',
      });
      for (let i = 0; ; i++) {
        const waiting = await a.query(
          "select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and pid <> $2",
          [name, blockerPid],
        );
        if (waiting.rowCount) break;
        if (i > 400) throw new Error('the request never waited on the lock');
        await new Promise((ok) => setTimeout(ok, 25));
      }
      await terminateBackends(a, name, [blockerPid]);
      const r = await pending;
      expect(r.status).toBe(503);
      expect(r.json).toEqual({
        error: { code: 'unavailable', message: '数据库连接暂时中断，本次请求未完成，请稍后重试' },
      });
      expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThan(0);
      // The log names the real cause (the terminated backend), not the failed ROLLBACK that followed it.
      const codes = errors.mock.calls.map((c) => (c[0] as { err?: { code?: string } }).err?.code);
      expect(codes).toContain('57P01');
    } finally {
      await blocker.query('rollback').catch(() => {});
      await blocker.end();
      await a.end();
    }
    // Nothing of the interrupted request was written; the pool has new connections and the same request now works.
    const demands = await app.deps.db
      .selectFrom('demands')
      .select('id')
      .where('title', '=', '连接中断时提交的需求')
      .execute();
    expect(demands).toEqual([]);
    expect((await app.call(null, 'GET', '/api/health')).status).toBe(200);
    const again = await app.call(host, 'POST', `/api/v1/stations/${ids.stations.haidian}/demands`, {
      uscc: validUscc(8801, '91110108'),
      title: '连接中断时提交的需求',
      collectedOn: '2025-06-01',
      status: 'collected',
    });
    expect(again.status).toBe(201);
  });
});
