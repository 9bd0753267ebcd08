// The server process as an operator and a supervisor meet it (issue #10 §2, §3, §4): a wrong setting is one Chinese
// line naming it and exit 1 before anything is written; a production start on an empty database loads the reference
// data and nothing else; SIGTERM stops it cleanly; a kill during the demo seeding leaves nothing half-seeded.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case runs several bin/qianqi or server processes one after another: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'qianqi-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const KEY = Buffer.alloc(32, 9).toString('base64');
const ROOT = resolve('.');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Proc {
  const child = spawn(
    process.execPath,
    ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, 'src/server/main.ts')],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, LOG_LEVEL: 'warn', ...env },
    },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    out += s;
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    err += s;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  return { child, out: () => out, err: () => err, exit };
}

async function health(port: number): Promise<number | null> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return null;
  }
}

async function until(p: Proc, port: number, want: number, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await health(port)) === want) return;
    if (p.child.exitCode !== null) throw new Error(`server exited: ${p.err()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`health never answered ${want}: ${p.err()}`);
}

function count(file: string, table: string, where = '1 = 1'): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

// Engine-independent: these run in the SQLite pass; the PostgreSQL pass repeats the suites that touch the database.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('the server process', () => {
  it('a busy port is one line naming PORT, and nothing is seeded', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as { port: number }).port;
    try {
      const db = join(dir, 'busy.db');
      const p = start({ PORT: String(port), DATABASE_URL: `sqlite:${db}`, STORAGE_DIR: join(dir, 'busy-storage') });
      expect((await p.exit).code).toBe(1);
      expect(p.err().trim()).toBe(
        `端口 ${port} 已被占用（PORT=${port}）：请停止占用该端口的程序，或换一个端口，例如 PORT=${port + 1}`,
      );
      // Bound before the seed: the failed start wrote no organisation, account or station.
      expect(count(db, 'organizations')).toBe(0);
      expect(count(db, 'users')).toBe(0);
    } finally {
      blocker.close();
    }
  });

  it('an unreachable PostgreSQL and an unusable STORAGE_DIR name their setting', async () => {
    const pg = start({ PORT: String(await freePort()), DATABASE_URL: 'postgres://qianqi:secret@127.0.0.1:1/qianqi' });
    expect((await pg.exit).code).toBe(1);
    expect(pg.err()).toContain('无法连接数据库（DATABASE_URL=postgres://qianqi:***@127.0.0.1:1/qianqi）');
    expect(pg.err()).toContain('拒绝连接');
    expect(pg.err()).not.toContain('secret');
    expect(pg.err().trim().split('\n')).toHaveLength(1);

    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const st = start({
      PORT: String(await freePort()),
      DATABASE_URL: `sqlite:${join(dir, 'st.db')}`,
      STORAGE_DIR: file,
    });
    expect((await st.exit).code).toBe(1);
    expect(st.err().trim()).toBe(`文件存储目录不是目录（STORAGE_DIR=${file}）`);

    const prod = start({
      NODE_ENV: 'production',
      PII_KEY: KEY,
      AUDIT_KEY: KEY,
      PUBLIC_URL: 'https://qianqi.example.gov.cn',
      DATABASE_URL: `sqlite:${join(dir, 'p.db')}`,
    });
    expect((await prod.exit).code).toBe(1);
    expect(prod.err()).toContain('COOKIE_SECURE: 生产环境必须明确设置');
  });

  it('production on an empty database: the reference data, no demo; SIGTERM stops it with exit 0', async () => {
    const db = join(dir, 'prod.db');
    const port = await freePort();
    const env = {
      NODE_ENV: 'production',
      PII_KEY: KEY,
      AUDIT_KEY: KEY,
      PUBLIC_URL: 'https://qianqi.example.gov.cn',
      COOKIE_SECURE: '0',
      PORT: String(port),
      DATABASE_URL: `sqlite:${db}`,
      STORAGE_DIR: join(dir, 'prod-storage'),
    };
    const p = start(env);
    await until(p, port, 200);
    expect(count(db, 'program_years', 'year = 2025')).toBe(1);
    expect(count(db, 'organizations', "kind = 'center'")).toBe(1);
    expect(count(db, 'organizations', "kind = 'district_association'")).toBe(17);
    expect(count(db, 'organizations', "kind = 'host'")).toBe(0);
    expect(count(db, 'stations')).toBe(0);
    expect(count(db, 'users')).toBe(0);
    expect(p.out()).toContain('COOKIE_SECURE=0：会话 Cookie 可经明文 HTTP 发送');
    p.child.kill('SIGTERM');
    expect(await p.exit).toEqual({ code: 0, signal: null });
    expect(p.out()).toContain('收到 SIGTERM');
    expect(await health(port)).toBeNull();

    // A second start finds the reference data there and adds nothing.
    const again = start(env);
    await until(again, port, 200);
    expect(count(db, 'organizations')).toBe(18);
    again.child.kill('SIGINT');
    expect((await again.exit).code).toBe(0);

    // The storage volume missing while the database names files: refused rather than serving 404s.
    const withFile = new SQLite(db);
    withFile
      .prepare(
        "insert into lifecycle_files (id, owner_kind, owner_id, purpose, sha256, size, mime, file_name, created_at) values ('f1', 'project', 'p1', 'x', ?, 1, 'image/png', 'a.png', '2026-01-01T00:00:00Z')",
      )
      .run('a'.repeat(64));
    withFile.close();
    const unmounted = start({ ...env, STORAGE_DIR: join(dir, 'not-mounted') });
    expect((await unmounted.exit).code).toBe(1);
    expect(unmounted.err()).toContain('文件存储目录不存在');
    expect(unmounted.err()).toContain('数据库已登记 1 个文件');
  });

  it('a kill during the demo seeding leaves no half-seeded database; the next start seeds it whole', async () => {
    const db = join(dir, 'demo.db');
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: `sqlite:${db}`, STORAGE_DIR: join(dir, 'demo-storage') };
    const first = start(env);
    // 503 means bound and not ready: the seed is about to run or running. Killed without warning at that moment, it
    // must leave nothing of the demo whatever it had written (seed.test.ts fails a seed midway, deterministically).
    await until(first, port, 503);
    first.child.kill('SIGKILL');
    await first.exit;
    expect(count(db, 'organizations', "kind = 'host'")).toBe(0);
    expect(count(db, 'stations')).toBe(0);
    expect(count(db, 'users')).toBe(0);

    const second = start(env);
    await until(second, port, 200, 120_000);
    expect(second.out()).toContain('已写入演示数据');
    expect(count(db, 'stations')).toBe(23);
    expect(count(db, 'users')).toBe(14);
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
