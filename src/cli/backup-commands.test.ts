// bin/qianqi backup / restore / storage check (issue #10) as an operator types them: one command each way, onto an
// empty target only, with the result checked; SQLite here, and PostgreSQL as the target when CI provides one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case runs several bin/qianqi or server processes one after another: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'qianqi-cli-backup-'));
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `qianqi_cli_restore_${process.pid}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop database if exists ${pgName} with (force)`);
    await c.end();
  }
});
const EXAMPLE = new URL('../../docs/examples/ledger-district-a.json', import.meta.url).pathname;

function qianqi(args: string[], target: { db: string; storage: string }) {
  const r = spawnSync('bin/qianqi', args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: target.db, STORAGE_DIR: target.storage, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const source = { db: `sqlite:${join(dir, 'live.db')}`, storage: join(dir, 'storage') };

describe('bin/qianqi backup and restore', () => {
  it('backs up into one archive and restores it onto an empty database, checked', async () => {
    // A station's ledger (the worked example, without the expenses the import refuses) and an administrator.
    const ledger = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
      expenses: Array<{ id: string }>;
    };
    ledger.expenses = ledger.expenses.filter((x) => !['X2', 'X3', 'X5'].includes(x.id));
    writeFileSync(join(dir, 'ledger.json'), JSON.stringify(ledger));
    expect(qianqi(['import', join(dir, 'ledger.json')], source).code).toBe(0);
    expect(qianqi(['create-admin', 'root'], source).code).toBe(0);

    const archive = join(dir, 'qianqi-backup.tar.gz');
    const b = qianqi(['backup', archive], source);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toMatch(/^已备份到 .*qianqi-backup\.tar\.gz：\d+ 张表 \d+ 行数据、0 个文件/m);
    expect(b.out).toMatch(/清单 SHA-256：[0-9a-f]{64}/);
    // The same file is not overwritten, nor is the live database.
    expect(qianqi(['backup', archive], source).err).toContain('已存在');
    const onLive = qianqi(['backup', join(dir, 'live.db')], source);
    expect(onLive.code).toBe(1);
    expect(onLive.err).toContain('正在使用的数据库文件');

    let targetDb = `sqlite:${join(dir, 'restored.db')}`;
    if (pgUrl) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${pgName} with (force)`);
      await c.query(`create database ${pgName}`);
      await c.end();
      const u = new URL(pgUrl);
      u.pathname = `/${pgName}`;
      targetDb = u.toString();
    }
    const target = { db: targetDb, storage: join(dir, 'restored-storage') };
    const r = qianqi(['restore', archive], target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('校验通过：行数与备份一致，所有登记的文件都在，操作日志哈希链完整');
    const verify = qianqi(['audit', 'verify'], target);
    expect(verify.code).toBe(0);
    // The restored system is the same system: the station's KPIs equal the source's.
    const station = JSON.parse(qianqi(['export', '--station', stationIdOf(source)], source).out).station;
    const restoredStation = JSON.parse(qianqi(['export', '--station', stationIdOf(source)], target).out).station;
    expect(restoredStation).toEqual(station);

    // A second restore onto the now non-empty target is refused and changes nothing.
    const again = qianqi(['restore', archive], target);
    expect(again.code).toBe(1);
    expect(again.err).toContain('目标数据库不是空的');
    expect(qianqi(['audit', 'verify'], target).out).toBe(verify.out);
  });

  it('storage check names what is missing and leftovers; --clean removes only old leftovers', () => {
    const blobs = join(source.storage, 'ab', 'cd');
    mkdirSync(blobs, { recursive: true });
    const orphan = join(blobs, `abcd${'0'.repeat(60)}`);
    const fresh = join(blobs, `abcd${'1'.repeat(60)}`);
    const tmp = join(blobs, `abcd${'2'.repeat(60)}.0b0e.tmp`);
    for (const f of [orphan, fresh, tmp]) writeFileSync(f, 'x');
    const old = new Date(Date.now() - 3 * 24 * 3_600_000);
    utimesSync(orphan, old, old);
    utimesSync(tmp, old, old);
    const check = qianqi(['storage', 'check'], source);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain('未被引用的文件：2 个（超过 24 小时可清理 1 个');
    expect(check.out).toContain('中断写入留下的临时文件：1 个（超过 24 小时可清理 1 个）');
    const clean = qianqi(['storage', 'check', '--clean'], source);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('已清理：删除 1 个未被引用的文件、1 个临时文件');
    expect(clean.out).toContain('宽限期内保留 1 个');
    const after = qianqi(['storage', 'check'], source);
    expect(after.out).toContain('未被引用的文件：1 个（超过 24 小时可清理 0 个');
    expect(after.out).toContain('中断写入留下的临时文件：0 个');
  });
});

function stationIdOf(target: { db: string }): string {
  const db = new SQLite(target.db.slice('sqlite:'.length), { readonly: true });
  try {
    return (db.prepare('select id from stations').get() as { id: string }).id;
  } finally {
    db.close();
  }
}
