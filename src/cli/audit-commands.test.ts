// bin/qianqi audit checkpoint / audit verify --checkpoint (等保 审计记录保护, decision 017): the exit codes and the
// Chinese messages an operator reads when the log was cut short, the checkpoint forged, or the key is not the one
// the log was written with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrations } from '../../migrations/index';
import { chainHash, GENESIS_HASH, KEYING_MIGRATION } from '../server/audit/audit';
import { openDatabase } from '../server/db/database';

// Each case runs several bin/qianqi processes one after another: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'qianqi-audit-cli-'));
const dbFile = join(dir, 'audit.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.alloc(32, 5).toString('base64');

function qianqi(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bin/qianqi', args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'silent', AUDIT_KEY: KEY, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The processes here name their own SQLite file: the PostgreSQL pass would only repeat them.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('bin/qianqi audit checkpoint and verify --checkpoint', () => {
  const cp = join(dir, 'checkpoint.json');

  it('writes a signed checkpoint, never over an existing file, and verifies against it', () => {
    expect(qianqi(['migrate']).code).toBe(0);
    const w = qianqi(['audit', 'checkpoint', cp]);
    expect(w.code, w.err).toBe(0);
    expect(w.out).toContain('已写出操作日志检查点：第 19 条');
    const file = JSON.parse(readFileSync(cp, 'utf8'));
    expect(file).toMatchObject({ format: 'qianqi-audit-checkpoint/1', seq: 19 });
    expect(file.signature).toMatch(/^[0-9a-f]{64}$/);
    const again = qianqi(['audit', 'checkpoint', cp]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('检查点文件已存在，未覆盖');
    expect(JSON.parse(readFileSync(cp, 'utf8'))).toEqual(file);

    expect(qianqi(['create-admin', 'root'], { QIANQI_PASSWORD: 'Str0ng-Passw0rd' }).code).toBe(0);
    const ok = qianqi(['audit', 'verify', '--checkpoint', cp]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('与检查点一致：第 19 条');
  });

  it('fails with another AUDIT_KEY', () => {
    const r = qianqi(['audit', 'verify'], { AUDIT_KEY: Buffer.alloc(32, 6).toString('base64') });
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 1 条记录');
    expect(r.err).toContain('AUDIT_KEY');
  });

  it('fails on a forged checkpoint (seq altered) naming the signature, and on a malformed one naming the field', () => {
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(readFileSync(cp, 'utf8')), seq: 10 }));
    const r = qianqi(['audit', 'verify', '--checkpoint', forged]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('检查点签名无效');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(cp, 'utf8')), hash: 'x' }));
    const b = qianqi(['audit', 'verify', '--checkpoint', bad]);
    expect(b.code).toBe(1);
    expect(b.err).toContain('检查点文件的 hash 应为 64 位十六进制');
    expect(qianqi(['audit', 'verify', '--checkpoint', join(dir, 'none.json')]).err).toContain('文件不存在');
  });

  it('catches a tail cut off by the database owner, which plain verify passes', () => {
    const db = new SQLite(dbFile);
    for (const trigger of ['audit_events_no_delete', 'audit_head_forward_only']) db.exec(`drop trigger ${trigger}`);
    db.prepare('delete from audit_events where seq > 15').run();
    const last = db.prepare('select hash from audit_events where seq = 15').get() as { hash: string };
    db.prepare('update audit_head set seq = 15, hash = ? where id = 1').run(last.hash);
    db.close();
    const plain = qianqi(['audit', 'verify']);
    expect(plain.code, plain.err).toBe(0);
    expect(plain.out).toContain('已校验 15 条记录');
    const r = qianqi(['audit', 'verify', '--checkpoint', cp]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 16 条记录');
    expect(r.err).toContain('记录到第 19 条，现只有 15 条（末尾记录被删除）');
    expect(existsSync(cp)).toBe(true);
  });

  it('keys an existing chain when it upgrades the database, and says which rows predate the key', async () => {
    const file = join(dir, 'before-012.db');
    const h = openDatabase(`sqlite:${file}`);
    const names = Object.keys(migrations).sort();
    const to = await new Migrator({ db: h.db, provider: { getMigrations: async () => migrations } }).migrateTo(
      names[names.indexOf(KEYING_MIGRATION) - 1],
    );
    expect(to.error).toBeUndefined();
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        seq,
        id: `00000000-0000-7000-8000-00000000000${seq}`,
        at: '2025-06-01T00:00:00.000Z',
        actor_id: null,
        actor_name: 'system',
        actor_role: null,
        ip: null,
        entity: 'system',
        entity_id: null,
        action: 'create',
        summary: `升级前的第 ${seq} 条`,
        diff_json: '{}',
        prev_hash: prev,
      };
      prev = chainHash(prev, row);
      await h.db
        .insertInto('audit_events')
        .values({ ...row, hash: prev })
        .execute();
    }
    await h.db.updateTable('audit_head').set({ seq: 3, hash: prev }).where('id', '=', 1).execute();
    await h.close();

    const r = qianqi(['audit', 'verify'], { DATABASE_URL: `sqlite:${file}` });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已校验 4 条记录；第 1–3 条为启用 AUDIT_KEY 前的 SHA-256 记录');
    const db = new SQLite(file, { readonly: true });
    expect(db.prepare('select action from audit_events where seq = 4').get()).toEqual({ action: 'audit_keyed' });
    db.close();
  });
});
