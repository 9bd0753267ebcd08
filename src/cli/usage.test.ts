// bin/qianqi's contract with whoever types it (issue #10 §5, §2): help never acts, a mistyped command line exits 2
// with the usage and changes nothing, and every command that touches the database says which one.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case runs several bin/qianqi or server processes one after another: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

import { COMMANDS } from './commands';
import { PRODUCTION_DEFAULT_DB_WARNING } from './target';

const BIN = resolve('bin/qianqi');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'qianqi-usage-'));
  dirs.push(d);
  return d;
}

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** What the command left in its working directory, where its database and storage would be. */
  left: string[];
}

/** Runs in an empty directory that holds the database and storage the command would use. */
function qianqi(args: string[], env: Record<string, string | undefined> = {}, cwd = freshDir()): Promise<Run> {
  const base: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: `sqlite:${cwd}/x/qianqi.db`,
    STORAGE_DIR: `${cwd}/s`,
    LOG_LEVEL: 'silent',
    ...env,
  };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  return new Promise((done, fail) => {
    const child = spawn(BIN, args, { cwd, env: base });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err, left: readdirSync(cwd) }));
  });
}

// Every case here names its own SQLite database (or none): engine-independent, so it runs in the SQLite pass and is not
// repeated when the integration project runs again on PostgreSQL.
const describeCli = describe.skipIf(!!process.env.TEST_DATABASE_URL);

describeCli('bin/qianqi --help', () => {
  it.each(COMMANDS.map((c) => [c.name]))('%s answers --help and -h with its usage, without acting', async (name) => {
    const words = name.split(' ');
    const runs = await Promise.all([qianqi([...words, '--help']), qianqi([...words, '-h'])]);
    for (const r of runs) {
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`用法：bin/qianqi ${name}`);
      expect(r.err).toBe('');
      expect(r.left).toEqual([]);
    }
  });

  it('help wins wherever it stands, even after the arguments that would make the command act', async () => {
    const runs = await Promise.all([
      qianqi(['backup', 'a.tar.gz', '--help']),
      qianqi(['import', 'ledger.json', '--replace', '-h']),
      qianqi(['help', 'storage', 'check']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs[0].out).toContain('用法：bin/qianqi backup ARCHIVE');
    expect(runs[1].out).toContain('用法：bin/qianqi import FILE [--replace]');
    expect(runs[2].out).toContain('用法：bin/qianqi storage check [--clean]');
    for (const r of runs) expect(r.left).toEqual([]);
  });

  it('no command, help, --help and -h print the overall usage', async () => {
    for (const r of await Promise.all([[], ['help'], ['--help'], ['-h']].map((args) => qianqi(args)))) {
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.out).toContain(`bin/qianqi ${c.name}`);
      expect(r.left).toEqual([]);
    }
  });

  it('a group word prints the usage of its commands', async () => {
    const r = await qianqi(['storage', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：bin/qianqi storage check [--clean]');
  });
});

describeCli('bin/qianqi refuses a mistyped command line: exit 2, the usage on stderr, nothing done', () => {
  it('an unknown command', async () => {
    const r = await qianqi(['frobnicate', '--help']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('未知命令：frobnicate');
    expect(r.err).toContain('bin/qianqi audit verify');
    expect(r.left).toEqual([]);
  });

  it.each([
    [['migrate', '--force'], '--force'],
    [['import', 'ledger.json', '--replac'], '--replac'],
    [['kpis', '--station', 'x', '--of', '2026-01-10'], '--of'],
    [['storage', 'check', '--cleanup'], '--cleanup'],
  ])('%j: unknown option', async (args, option) => {
    const r = await qianqi(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`未知选项：${option}`);
    expect(r.err).toContain(`用法：bin/qianqi ${args[0]}`);
    expect(r.left).toEqual([]);
  });

  it.each([
    [['create-admin'], 'USERNAME'],
    [['import', '--replace'], 'FILE'],
    [['export'], '--station'],
    [['verify-package'], 'FILE'],
    [['backup'], 'ARCHIVE'],
    [['audit'], 'audit verify'],
    [['storage', 'clean'], 'storage clean'],
  ])('%j: missing argument', async (args, what) => {
    const r = await qianqi(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(what);
    expect(r.err).toContain('用法：bin/qianqi');
    expect(r.left).toEqual([]);
  });

  it.each([[['migrate', 'now']], [['backup', 'a.tar.gz', 'b.tar.gz']]])('%j: extra argument', async (args) => {
    const r = await qianqi(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('多余的参数');
    expect(r.left).toEqual([]);
  });

  it.each([
    [['kpis', '--station'], '--station'],
    [['create-admin', 'bob', '--name', '--role', 'sys_admin'], '--name'],
  ])('%j: option without its value', async (args, option) => {
    const r = await qianqi(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`选项 ${option} 缺少值`);
    expect(r.left).toEqual([]);
  });

  it('a role the command line cannot create', async () => {
    const r = await qianqi(['create-admin', 'bob', '--role', 'host']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('须指定所属区或单位');
    expect(r.err).toContain('用法：bin/qianqi create-admin');
    expect(r.left).toEqual([]);
  });
});

describeCli('bin/qianqi names the database it acts on', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: undefined,
    PII_KEY: Buffer.alloc(32, 7).toString('base64'),
    AUDIT_KEY: Buffer.alloc(32, 8).toString('base64'),
    PUBLIC_URL: 'https://qianqi.example.gov.cn',
    COOKIE_SECURE: '0',
    DEMO_DATA: '0',
  };

  it('warns when production runs on the default SQLite file for want of DATABASE_URL', async () => {
    const r = await qianqi(['migrate'], production);
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe(PRODUCTION_DEFAULT_DB_WARNING);
    expect(lines[1]).toMatch(/^数据库：sqlite:\.\/data\/qianqi\.db/);
    expect(r.left).toEqual(['data']);
  });

  it('does not warn when DATABASE_URL is set, nor outside production', async () => {
    const cwd = freshDir();
    const set = await qianqi(['migrate'], { ...production, DATABASE_URL: `sqlite:${cwd}/q.db` }, cwd);
    expect(set.code, set.err).toBe(0);
    expect(set.err).toBe(`数据库：sqlite:${cwd}/q.db\n`);
    const dev = await qianqi(['audit', 'verify'], { DATABASE_URL: undefined, NODE_ENV: 'development' });
    expect(dev.code, dev.err).toBe(0);
    expect(dev.err).not.toContain('警告');
    expect(dev.err).toContain('数据库：sqlite:./data/qianqi.db');
  });

  it('masks the password of a PostgreSQL URL and says in Chinese that it cannot connect', async () => {
    const r = await qianqi(['migrate'], { DATABASE_URL: 'postgres://qianqi:s3cret@127.0.0.1:1/qianqi' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('数据库：postgres://qianqi@127.0.0.1:1/qianqi\n');
    expect(r.err).toContain('无法连接数据库服务器');
    expect(r.err).not.toContain('s3cret');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('prints an environment error as it is, without a stack, exit 1', async () => {
    const r = await qianqi(['audit', 'verify'], { DATABASE_URL: 'mysql://x/qianqi' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('DATABASE_URL');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.left).toEqual([]);
  });

  it('the backup commands name the database too, before they act', async () => {
    const cwd = freshDir();
    const r = await qianqi(['storage', 'check'], {}, cwd);
    expect(r.err.split('\n')[0]).toBe(`数据库：sqlite:${cwd}/x/qianqi.db`);
  });
});

describeCli('bin/qianqi import merges a second import of a ledger', () => {
  it('imports the same ledger twice: the second adds, updates and deletes nothing', async () => {
    const cwd = freshDir();
    const ledger = JSON.parse(readFileSync('docs/examples/ledger-district-a.json', 'utf8')) as {
      expenses: Array<{ id: string }>;
    };
    // Without the example's refused expenses, which stop any import.
    ledger.expenses = ledger.expenses.filter((x) => !['X2', 'X3', 'X5'].includes(x.id));
    const file = join(cwd, 'ledger.json');
    writeFileSync(file, JSON.stringify(ledger));
    expect((await qianqi(['import', file], {}, cwd)).code).toBe(0);
    const again = await qianqi(['import', file], {}, cwd);
    expect(again.code, again.err).toBe(0);
    const plan = JSON.parse(again.out).plan as Record<string, { added: number; updated: number; deleted: number }>;
    expect(plan.expenses).toEqual({ added: 0, updated: 0, unchanged: ledger.expenses.length, deleted: 0 });
    expect(existsSync(join(cwd, 'x/qianqi.db'))).toBe(true);
  });
});
