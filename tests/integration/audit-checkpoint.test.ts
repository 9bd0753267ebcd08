// 等保 审计记录保护 (issue #11, decision 017): a signed checkpoint kept outside the system catches what the chain alone
// cannot — its tail cut off and the head moved back — and the audit administrator's page issues and checks one.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import {
  auditKey,
  chainHash,
  GENESIS_HASH,
  keyedChainHash,
  sealAuditKeying,
  verifyAuditChain,
  writeTx,
} from '../../src/server/audit/audit';
import { type AuditCheckpoint, signCheckpoint, verifyWithCheckpoint } from '../../src/server/audit/checkpoint';
import { createBackup } from '../../src/server/backup/backup';
import { restoreBackup } from '../../src/server/backup/restore';
import type { Ctx } from '../../src/server/context';
import { migrateToLatest } from '../../src/server/db/database';
import { loadEnv } from '../../src/server/env';
import { createTestApp, freshDatabase, type TestApp, testClock } from '../setup/test-app';
import { dropAuditTriggers, rechain } from './support/audit';
import { lastAuditSeq, validUscc } from './support/fixtures';

let t: TestApp | null = null;
const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const d of drops.splice(0)) await d();
});

const keyOf = (app: TestApp) => auditKey(app.deps.env);

/** Some audited work by the Center: each organisation is one audit row. */
async function work(app: TestApp, n: number, from = 0): Promise<void> {
  const center = await app.login('center');
  for (let i = 0; i < n; i++) {
    const r = await app.call(center, 'POST', '/api/v1/organizations', {
      name: `北京市检查点测试学会${from + i}`,
      hostKind: 'society',
      uscc: validUscc(7300 + from + i),
    });
    expect(r.status).toBe(201);
  }
}

async function downloadCheckpoint(app: TestApp): Promise<AuditCheckpoint> {
  const auditadmin = await app.login('auditadmin');
  const r = await app.call(auditadmin, 'GET', '/api/v1/audit-events/checkpoint');
  expect(r.status).toBe(200);
  expect(r.res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
  return r.json as AuditCheckpoint;
}

describe('the audit checkpoint', () => {
  it('is issued by the audit administrator, signed, naming the head, and the export is itself audited', async () => {
    t = await createTestApp();
    const app = t;
    const cp = await downloadCheckpoint(app);
    const head = await lastAuditSeq(app);
    // The head at issue time; the export's own row comes right after it.
    expect(cp).toMatchObject({ format: 'qianqi-audit-checkpoint/1', seq: head - 1 });
    const atCp = await app.deps.db.selectFrom('audit_events').selectAll().where('seq', '=', cp.seq).executeTakeFirst();
    expect(cp.hash).toBe(atCp?.hash);
    expect(cp.signature).toBe(signCheckpoint(keyOf(app), cp).signature);
    const exported = await app.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', head)
      .executeTakeFirstOrThrow();
    expect(exported).toMatchObject({ entity: 'audit_event', action: 'export', actor_name: 'auditadmin' });
    expect(exported.summary).toContain(`第 ${cp.seq} 条`);

    // Only the audit administrator: the Center gets 403 (and leaves an access_denied row).
    const center = await app.login('center');
    expect((await app.call(center, 'GET', '/api/v1/audit-events/checkpoint')).status).toBe(403);
  });

  it('verifies a chain that only grew since, on the page and in the function', async () => {
    t = await createTestApp();
    const app = t;
    const cp = await downloadCheckpoint(app);
    await work(app, 3);
    const r = await verifyWithCheckpoint(app.deps.db, keyOf(app), cp);
    expect(r).toMatchObject({ ok: true, checkpoint: { seq: cp.seq, at: cp.at } });
    const auditadmin = await app.login('auditadmin');
    const page = await app.call(
      auditadmin,
      'GET',
      `/api/v1/audit-events/verification?checkpoint=${encodeURIComponent(JSON.stringify(cp))}`,
    );
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ ok: true, checkpoint: { seq: cp.seq } });
  });

  // The finding: deleting the last rows and moving the head back (as the database owner can, triggers dropped) leaves
  // a chain that verifies on its own. The checkpoint taken before says how far it reached.
  it('catches a truncated tail that plain verification passes', async () => {
    t = await createTestApp();
    const app = t;
    await work(app, 2);
    const cp = await downloadCheckpoint(app);
    await work(app, 2, 10);
    const keep = cp.seq - 3;
    await dropAuditTriggers(app);
    await sql`delete from audit_events where seq > ${keep}`.execute(app.deps.db);
    const last = await app.deps.db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await sql`update audit_head set seq = ${keep}, hash = ${last.hash} where id = 1`.execute(app.deps.db);

    expect(await verifyAuditChain(app.deps.db, keyOf(app))).toMatchObject({ ok: true, checked: keep });
    const r = await verifyWithCheckpoint(app.deps.db, keyOf(app), cp);
    expect(r).toMatchObject({ ok: false, firstBadSeq: keep + 1 });
    expect(r.reason).toContain(`检查点（${cp.at}）记录到第 ${cp.seq} 条，现只有 ${keep} 条`);

    const auditadmin = await app.login('auditadmin');
    const page = await app.call(
      auditadmin,
      'GET',
      `/api/v1/audit-events/verification?checkpoint=${encodeURIComponent(JSON.stringify(cp))}`,
    );
    expect(page.json).toMatchObject({ ok: false });
    expect(page.json.reason).toContain('比检查点短');
  });

  it('catches rows before it rewritten and re-chained even with the key', async () => {
    t = await createTestApp();
    const app = t;
    const cp = await downloadCheckpoint(app);
    await dropAuditTriggers(app);
    const key = keyOf(app);
    await rechain(app, 5, {
      hasher: (prev, row) => keyedChainHash(key, prev, row),
      edit: (r) => (r.seq === 5 ? { ...r, summary: '无事发生' } : r),
    });
    expect((await verifyAuditChain(app.deps.db, key)).ok).toBe(true);
    const r = await verifyWithCheckpoint(app.deps.db, key, cp);
    expect(r).toMatchObject({ ok: false, firstBadSeq: cp.seq });
    expect(r.reason).toContain('哈希与检查点不符');
  });

  it('refuses a forged checkpoint (seq altered), one signed with another key, and a malformed file naming the field', async () => {
    t = await createTestApp();
    const app = t;
    const cp = await downloadCheckpoint(app);
    const forged = { ...cp, seq: cp.seq - 5 };
    const r = await verifyWithCheckpoint(app.deps.db, keyOf(app), forged);
    expect(r).toMatchObject({ ok: false, firstBadSeq: null });
    expect(r.reason).toContain('检查点签名无效');
    const other = signCheckpoint(createHash('sha256').update('another deployment').digest(), cp);
    expect((await verifyWithCheckpoint(app.deps.db, keyOf(app), other)).reason).toContain('检查点签名无效');
    // The genuine one still verifies.
    expect((await verifyWithCheckpoint(app.deps.db, keyOf(app), cp)).ok).toBe(true);

    const auditadmin = await app.login('auditadmin');
    const q = (v: unknown) =>
      app.call(
        auditadmin,
        'GET',
        `/api/v1/audit-events/verification?checkpoint=${encodeURIComponent(JSON.stringify(v))}`,
      );
    expect((await q(forged)).json).toMatchObject({ ok: false });
    const bad = await q({ ...cp, hash: 'xyz' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues).toEqual([{ path: 'checkpoint', message: '检查点文件的 hash 应为 64 位十六进制' }]);
  });

  it('does not verify on a deployment whose AUDIT_KEY is not the one the chain was written with', async () => {
    // The template database was written with the development key; this app has a key of its own.
    t = await createTestApp({ env: { AUDIT_KEY: Buffer.alloc(32, 9).toString('base64') } });
    const app = t;
    const auditadmin = await app.login('auditadmin');
    const r = await app.call(auditadmin, 'GET', '/api/v1/audit-events/verification');
    expect(r.json).toMatchObject({ ok: false, firstBadSeq: 1, checked: 0 });
    expect(r.json.reason).toContain('AUDIT_KEY');
  });
});

/** A database at the migration before 012 with five audit rows as the code before it wrote them (plain SHA-256). */
async function databaseBefore012() {
  const fresh = await freshDatabase();
  drops.push(fresh.drop);
  const db = fresh.handle.db;
  const names = Object.keys(migrations).sort();
  const before012 = names[names.indexOf('012_audit_protection') - 1];
  const migrated = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(before012);
  expect(migrated.error).toBeUndefined();
  // Five rows as the code before 012 wrote them: plain SHA-256, head row moved by hand.
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 5; seq++) {
    const row = {
      seq,
      id: `00000000-0000-7000-8000-00000000000${seq}`,
      at: `2025-06-0${seq}T00:00:00.000Z`,
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
    await db
      .insertInto('audit_events')
      .values({ ...row, hash: prev })
      .execute();
  }
  await sql`update audit_head set seq = 5, hash = ${prev} where id = 1`.execute(db);
  return { fresh, db, lastHash: prev };
}

describe('a database whose chain predates the key (migration 012)', () => {
  it('keeps verifying its plain rows, is sealed by the first keyed row, and a rewrite of the plain part is caught', async () => {
    const { fresh, db } = await databaseBefore012();
    const applied = await migrateToLatest(db);
    const env = loadEnv({ NODE_ENV: 'test' });
    const key = auditKey(env);
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(Number(head.keyed_from)).toBe(6);
    // Upgraded but not yet written to: no keyed row vouches for the plain part yet.
    expect(await verifyAuditChain(db, key)).toMatchObject({ ok: false, firstBadSeq: 6 });

    const ctx: Ctx = {
      db,
      engine: fresh.handle.engine,
      clock: testClock(),
      env,
      blobs: null as never,
      actor: null,
      ip: null,
    };
    // Only right after the migration ran: later, keyed_from past the end is a forgery, not an upgrade.
    expect(await sealAuditKeying(ctx, [])).toBe(false);
    expect(await sealAuditKeying(ctx, applied)).toBe(true);
    expect(await sealAuditKeying(ctx, applied)).toBe(false);
    await writeTx(ctx, (_tx, audit) => audit.record({ entity: 'system', action: 'create', summary: '升级后的记录' }));
    expect(await verifyAuditChain(db, key)).toEqual({
      ok: true,
      checked: 7,
      firstBadSeq: null,
      reason: null,
      keyedFrom: 6,
    });
    const sealed = await db.selectFrom('audit_events').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    expect(sealed).toMatchObject({ entity: 'audit_event', action: 'audit_keyed' });
    // From 6 on the rows are HMACs: another key fails there, not before.
    expect(await verifyAuditChain(db, Buffer.alloc(32, 3))).toMatchObject({ ok: false, firstBadSeq: 6, checked: 5 });

    // The plain part rewritten and recomputed without the key: the first keyed row no longer links to it.
    const asOwner = { deps: { db, engine: ctx.engine } } as TestApp;
    await dropAuditTriggers(asOwner);
    await rechain(asOwner, 2, { through: 5, edit: (r) => (r.seq === 2 ? { ...r, summary: '无事发生' } : r) });
    const r = await verifyAuditChain(db, key);
    expect(r).toMatchObject({ ok: false, firstBadSeq: 6, checked: 5 });
    expect(r.reason).toContain('前序哈希');
  });

  it('restores from a backup taken before it: keyed from the row after the backup’s head, sealed, verified', async () => {
    const { fresh, db } = await databaseBefore012();
    const work = mkdtempSync(join(tmpdir(), 'qianqi-audit-backup-'));
    drops.push(async () => rmSync(work, { recursive: true, force: true }));
    const archive = join(work, 'before-012.tar.gz');
    await createBackup({
      db,
      engine: fresh.handle.engine,
      storageDir: join(work, 'none'),
      file: archive,
      liveFiles: [],
      now: new Date(),
    });
    const target = await freshDatabase();
    drops.push(target.drop);
    const env = loadEnv({ NODE_ENV: 'test' });
    const ctx: Ctx = {
      db: target.handle.db,
      engine: target.handle.engine,
      clock: testClock(),
      env,
      blobs: null as never,
      actor: null,
      ip: null,
    };
    const restored = await restoreBackup({ ctx, storageDir: join(work, 'storage'), archive });
    expect(restored.migrationsRun).toContain('012_audit_protection');
    const events = await ctx.db.selectFrom('audit_events').select(['seq', 'action']).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
      'create',
      'audit_keyed',
      'restore',
    ]);
    expect(await verifyAuditChain(ctx.db, auditKey(env))).toMatchObject({ ok: true, checked: 7, keyedFrom: 6 });
  });
});
