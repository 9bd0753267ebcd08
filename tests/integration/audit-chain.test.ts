// The audit log's hash chain (等保 2.0 安全审计): intact after real work, and any edit or deletion is found and named.
// Since decision 017 the chain is keyed with AUDIT_KEY and the database refuses UPDATE and DELETE on it, so the edits
// below are made as the database owner would make them: triggers dropped first (support/audit.ts).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { auditKey, keyedChainHash, verifyAuditChain } from '../../src/server/audit/audit';
import { createTestApp, type TestApp } from '../setup/test-app';
import { dropAuditTriggers, rechain } from './support/audit';
import { demoIds, lastAuditSeq, validUscc } from './support/fixtures';

const keyOf = (app: TestApp) => auditKey(app.deps.env);

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A fresh app where the Center, the account administrator and a district user have done some work. */
async function appWithHistory(): Promise<TestApp> {
  t = await createTestApp();
  const ids = await demoIds(t);
  const center = await t.login('center');
  expect(
    (
      await t.call(center, 'POST', '/api/v1/organizations', {
        name: '北京市链条测试学会',
        hostKind: 'society',
        uscc: validUscc(7001),
      })
    ).status,
  ).toBe(201);
  expect((await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 })).status).toBe(201);
  const sys = await t.login('sysadmin');
  expect(
    (
      await t.call(sys, 'POST', '/api/v1/users', {
        username: 'chaoyang',
        displayName: '朝阳区科协',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await t.call(sys, 'PUT', `/api/v1/users/${ids.users.reviewer.id}`, {
        version: 1,
        displayName: '评审专家甲',
        isActive: true,
      })
    ).status,
  ).toBe(200);
  await t.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: 'wrong-password' });
  return t;
}

describe('audit chain', () => {
  it('is intact after real work, on the API and the function alike, and lists who did what', async () => {
    const app = await appWithHistory();
    const seq = await lastAuditSeq(app);
    expect(seq).toBeGreaterThan(50); // the seed and the work above
    expect(await verifyAuditChain(app.deps.db, keyOf(app))).toEqual({
      ok: true,
      checked: seq,
      firstBadSeq: null,
      reason: null,
      keyedFrom: 1,
    });

    const auditadmin = await app.login('auditadmin');
    const v = await app.call(auditadmin, 'GET', '/api/v1/audit-events/verification');
    expect(v.status).toBe(200);
    expect(v.json.ok).toBe(true);
    expect(v.json.checked).toBe(seq + 1); // + the audit administrator's own sign-in

    const list = await app.call(auditadmin, 'GET', '/api/v1/audit-events?actor=sysadmin&entity=user&pageSize=50');
    expect(list.status).toBe(200);
    const created = list.json.items.find((e: { action: string }) => e.action === 'create');
    expect(created.summary).toContain('chaoyang');
    expect(created.actorRole).toBe('sys_admin');
    // Secrets never reach the log: the new account's password hash is masked in the diff.
    expect(created.diff.password_hash).toEqual({ after: '***' });
    expect(JSON.stringify(list.json)).not.toContain('$argon2');

    const failed = await app.call(auditadmin, 'GET', '/api/v1/audit-events?action=login_failed');
    expect(failed.json.items.map((e: { actorName: string }) => e.actorName)).toEqual(['haidian']);
  });

  it('names the seq of a row whose content was changed in the database', async () => {
    const app = await appWithHistory();
    const head = await lastAuditSeq(app);
    const target = head - 3;
    await dropAuditTriggers(app);
    await sql`update audit_events set summary = ${'无事发生'} where seq = ${target}`.execute(app.deps.db);
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(target);
    expect(r.checked).toBe(target - 1);
    expect(r.reason).toContain('篡改');

    const auditadmin = await app.login('auditadmin');
    const v = await app.call(auditadmin, 'GET', '/api/v1/audit-events/verification');
    expect(v.json).toMatchObject({ ok: false, firstBadSeq: target });
  });

  it('finds an edited row whose own hash was recomputed WITH the key: the next row’s link breaks', async () => {
    const app = await appWithHistory();
    const target = 10;
    const row = await app.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', target)
      .executeTakeFirstOrThrow();
    const { hash: _old, ...rest } = { ...row, actor_name: 'someone-else' };
    const forged = keyedChainHash(keyOf(app), row.prev_hash, { ...rest, seq: Number(rest.seq) });
    await dropAuditTriggers(app);
    await sql`update audit_events set actor_name = ${'someone-else'}, hash = ${forged} where seq = ${target}`.execute(
      app.deps.db,
    );
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(target + 1);
    expect(r.reason).toContain('前序哈希');
  });

  // The finding of issue #11: a chain of plain SHA-256 could be rewritten and recomputed from the tampered row to the
  // end, head included, and `audit verify` passed. Keyed, the recomputation needs AUDIT_KEY, which the database lacks.
  it('fails a chain rewritten from a row to the end and recomputed without the key, head included', async () => {
    const app = await appWithHistory();
    const target = 12;
    await dropAuditTriggers(app);
    await rechain(app, target, { edit: (r) => (r.seq === target ? { ...r, summary: '无事发生' } : r) });
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r).toMatchObject({ ok: false, firstBadSeq: target, checked: target - 1 });
    expect(r.reason).toContain('AUDIT_KEY');
    // A forger holding a guessed key fares no better.
    await rechain(app, 1, { hasher: (prev, row) => keyedChainHash(Buffer.alloc(32, 1), prev, row) });
    expect(await verifyAuditChain(app.deps.db, keyOf(app))).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('does not verify with another AUDIT_KEY', async () => {
    const app = await appWithHistory();
    const other = createHash('sha256').update('another deployment').digest();
    const r = await verifyAuditChain(app.deps.db, other);
    expect(r).toMatchObject({ ok: false, firstBadSeq: 1, checked: 0 });
    expect(r.reason).toContain('AUDIT_KEY');
  });

  it('cannot be passed off as written before the key by moving keyed_from', async () => {
    const app = await appWithHistory();
    const head = await lastAuditSeq(app);
    await dropAuditTriggers(app);
    // The whole chain recomputed as plain SHA-256, and keyed_from moved past its end.
    await rechain(app, 1, { edit: (r) => (r.seq === 5 ? { ...r, summary: '无事发生' } : r) });
    await sql`update audit_head set keyed_from = ${head + 1}`.execute(app.deps.db);
    const past = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(past).toMatchObject({ ok: false, firstBadSeq: head + 1, keyedFrom: head + 1 });
    expect(past.reason).toContain('密钥起点');
    // Moved into the middle: the first keyed row there is one the forger had to recompute without the key.
    await sql`update audit_head set keyed_from = ${20}`.execute(app.deps.db);
    expect(await verifyAuditChain(app.deps.db, keyOf(app))).toMatchObject({ ok: false, firstBadSeq: 20 });
  });

  it('detects a deleted last row', async () => {
    const app = await appWithHistory();
    const head = await lastAuditSeq(app);
    await dropAuditTriggers(app);
    await sql`delete from audit_events where seq = ${head}`.execute(app.deps.db);
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r.ok).toBe(false);
    expect(r.firstBadSeq).toBe(head);
    expect(r.reason).toContain('末尾');
  });

  it('detects a deleted row in the middle', async () => {
    const app = await appWithHistory();
    await dropAuditTriggers(app);
    await sql`delete from audit_events where seq = ${20}`.execute(app.deps.db);
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r).toMatchObject({ ok: false, firstBadSeq: 20, checked: 19 });
  });

  it('stays intact under concurrent writes', async () => {
    t = await createTestApp();
    const app = t;
    const center = await app.login('center');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.call(center, 'POST', '/api/v1/organizations', {
          name: `并发测试学会${i}`,
          hostKind: 'society',
          uscc: validUscc(7100 + i),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const r = await verifyAuditChain(app.deps.db, keyOf(app));
    expect(r.ok).toBe(true);
    const created = await app.deps.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('entity', '=', 'organization')
      .where('summary', 'like', '%并发测试学会%')
      .execute();
    expect(created).toHaveLength(12);
  });
});

describe('no route changes the audit log', () => {
  it('declares only GET routes under /api/v1/audit-events', async () => {
    t = await createTestApp({ seed: false });
    const audit = t.routes.filter((r) => r.path.startsWith('/api/v1/audit-events'));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((r) => r.method !== 'get').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers 404 to PUT, PATCH, DELETE and POST on audit rows, and the rows stay as they were', async () => {
    t = await createTestApp();
    const auditadmin = await t.login('auditadmin');
    const rowsBefore = await t.deps.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const one = rowsBefore[0];
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of [
        '/api/v1/audit-events',
        `/api/v1/audit-events/${one.seq}`,
        `/api/v1/audit-events/${one.id}`,
      ]) {
        const r = await t.call(auditadmin, method, path, method === 'DELETE' ? undefined : { summary: '改写' });
        expect(r.status, `${method} ${path}`).toBe(404);
      }
    }
    expect(await t.deps.db.selectFrom('audit_events').selectAll().orderBy('seq').execute()).toEqual(rowsBefore);
    expect((await verifyAuditChain(t.deps.db, keyOf(t))).ok).toBe(true);
  });
});

describe('the database itself keeps the audit log append-only (decision 017)', () => {
  /** The database error of a statement the triggers must refuse, or null when it went through. */
  async function refused(app: TestApp, statement: ReturnType<typeof sql>): Promise<string | null> {
    try {
      await statement.execute(app.deps.db);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  it('refuses UPDATE and DELETE on audit_events, and moving audit_head back or off the chain, as the app connects', async () => {
    t = await createTestApp();
    const app = t;
    const rows = await app.deps.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const head = await app.deps.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const n = Number(head.seq);
    const attempts = [
      sql`update audit_events set summary = ${'无事发生'} where seq = ${3}`,
      sql`update audit_events set hash = prev_hash`,
      sql`delete from audit_events where seq = ${n}`,
      sql`delete from audit_events`,
      sql`delete from audit_head`,
      sql`update audit_head set seq = ${n - 1}, hash = ${rows[n - 2].hash} where id = 1`,
      sql`update audit_head set seq = ${n + 1}, hash = ${'f'.repeat(64)} where id = 1`,
      sql`update audit_head set keyed_from = ${n + 1} where id = 1`,
      ...(app.deps.engine === 'postgres' ? [sql`truncate audit_events`, sql`truncate audit_head`] : []),
    ];
    for (const statement of attempts) {
      const message = await refused(app, statement);
      expect(message, statement.compile(app.deps.db).sql).toMatch(/操作日志(只能追加|链尾只能前移)/);
    }
    expect(await app.deps.db.selectFrom('audit_events').selectAll().orderBy('seq').execute()).toEqual(rows);
    expect(await app.deps.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
    // Appending still works, through the recorder.
    const center = await app.login('center');
    expect(
      (
        await app.call(center, 'POST', '/api/v1/organizations', {
          name: '北京市追加测试学会',
          hostKind: 'society',
          uscc: validUscc(7201),
        })
      ).status,
    ).toBe(201);
    expect(await verifyAuditChain(app.deps.db, keyOf(app))).toMatchObject({ ok: true, checked: n + 2 });
  });
});
