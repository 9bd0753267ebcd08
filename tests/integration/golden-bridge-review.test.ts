// 金桥工程推荐 review (第九条): the Center reviews a candidate on its details, never with a decision made for it, and
// a 不推荐 carries its reason; several candidates can be reviewed at once, all or none, one audit row per candidate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { GOLDEN_BRIDGE_BATCH_MAX, GOLDEN_BRIDGE_REASON_REQUIRED } from '../../src/shared/schemas/golden-bridge';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, HAIDIAN, lastAuditSeq } from './support/fixtures';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

const REVIEW = (id: string) => `/api/v1/golden-bridge/${id}/review`;
const BATCH = '/api/v1/golden-bridge/reviews/batch';

/** Up to `n` outcomes of a station, those with an enterprise first (sorted here: engines order NULLs differently). */
const outcomesOf = async (stationId: string, n: number) => {
  const rows = await t.deps.db
    .selectFrom('outcomes')
    .selectAll()
    .where('station_id', '=', stationId)
    .orderBy('id')
    .execute();
  return rows.sort((a, b) => Number(a.uscc === null) - Number(b.uscc === null)).slice(0, n);
};

const reviews = () => t.deps.db.selectFrom('golden_bridge_reviews').selectAll().orderBy('outcome_id').execute();

const newAudit = (seq: number) =>
  t.deps.db.selectFrom('audit_events').selectAll().where('seq', '>', seq).orderBy('seq').execute();

let haidian: Awaited<ReturnType<typeof outcomesOf>>;
let chaoyang: Awaited<ReturnType<typeof outcomesOf>>;
let iur: Awaited<ReturnType<typeof outcomesOf>>;
let center: string;
let staff: string;

beforeAll(async () => {
  await t.deps.db.updateTable('outcomes').set({ golden_bridge: 0 }).execute();
  haidian = await outcomesOf(ids.stations.haidian, 2);
  chaoyang = await outcomesOf(ids.stations.chaoyang, 1);
  iur = await outcomesOf(ids.stations.iurBit, 1);
  expect(haidian.length + chaoyang.length).toBeGreaterThanOrEqual(3);
  await t.deps.db
    .updateTable('outcomes')
    .set({ golden_bridge: 1 })
    .where(
      'id',
      'in',
      [...haidian, ...chaoyang, ...iur].map((o) => o.id),
    )
    .execute();
  center = await t.login('center');
  staff = await t.login('staff');
});

// Each case starts from no review at all, so that every version it sends is the one it means.
beforeEach(async () => {
  await t.deps.db.deleteFrom('golden_bridge_reviews').execute();
});

describe('金桥工程 review: one candidate', () => {
  it('refuses a 不推荐 without a reason (400 on the comment field) and changes nothing', async () => {
    const seq = await lastAuditSeq(t);
    for (const comment of [undefined, '', '   ']) {
      const r = await t.call(center, 'POST', REVIEW(haidian[0].id), { recommend: false, comment, version: null });
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error.code).toBe('validation');
      expect(r.json.error.issues).toContainEqual({ path: 'comment', message: GOLDEN_BRIDGE_REASON_REQUIRED });
    }
    expect(GOLDEN_BRIDGE_REASON_REQUIRED).toBe('选择“不推荐”时请填写理由（第九条）');
    expect(await reviews()).toEqual([]);
    expect(await lastAuditSeq(t)).toBe(seq);

    // No decision at all is refused too: nothing is recommended by default.
    const none = await t.call(center, 'POST', REVIEW(haidian[0].id), { comment: '已阅', version: null });
    expect(none.status).toBe(400);
    expect(none.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['recommend']);

    const ok = await t.call(center, 'POST', REVIEW(haidian[0].id), {
      recommend: false,
      comment: '成果尚未形成可推广的产业化效益',
      version: null,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json).toMatchObject({
      recommended: false,
      statusLabel: '不推荐',
      comment: '成果尚未形成可推广的产业化效益',
    });
    expect(ok.json.reviewerName).toBeTruthy();
  });

  it('the candidate carries the outcome’s details: enterprise, station, district and host', async () => {
    const o = haidian[0];
    const list = await t.call(center, 'GET', '/api/v1/golden-bridge?pageSize=100');
    expect(list.status).toBe(200);
    const c = list.json.items.find((x: { outcomeId: string }) => x.outcomeId === o.id);
    const station = await t.deps.db
      .selectFrom('stations')
      .innerJoin('organizations', 'organizations.id', 'stations.host_org_id')
      .select(['stations.name', 'organizations.name as host'])
      .where('stations.id', '=', o.station_id)
      .executeTakeFirstOrThrow();
    expect(o.uscc, 'the demo ledger has an outcome with an enterprise').not.toBeNull();
    const enterprise = await t.deps.db
      .selectFrom('enterprises')
      .select('name')
      .where('uscc', '=', o.uscc!)
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      title: o.title,
      date: o.date,
      uscc: o.uscc,
      enterpriseName: enterprise.name,
      stationName: station.name,
      stationTypeLabel: expect.stringMatching(/^区工作站点/),
      districtCode: HAIDIAN,
      districtName: '海淀区',
      hostOrgName: station.host,
      recordedAt: o.created_at,
      recordUpdatedAt: o.updated_at,
      recommended: null,
      statusLabel: '待审核',
      reviewerName: null,
      reviewVersion: null,
    });
  });

  it('a district or host account cannot review, alone or in a batch (403)', async () => {
    for (const user of ['haidian', 'host']) {
      const cookie = await t.login(user);
      const one = await t.call(cookie, 'POST', REVIEW(haidian[0].id), { recommend: true, version: null });
      expect(one.status, user).toBe(403);
      const many = await t.call(cookie, 'POST', BATCH, {
        items: [{ id: haidian[0].id, version: null }],
        recommend: true,
      });
      expect(many.status, user).toBe(403);
    }
    expect(await reviews()).toEqual([]);
  });
});

describe('金桥工程 review: a batch', () => {
  it('recommends two candidates in one call, with one audit row each', async () => {
    const picked = [haidian[0], chaoyang[0]];
    const seq = await lastAuditSeq(t);
    const r = await t.call(staff, 'POST', BATCH, {
      items: picked.map((o) => ({ id: o.id, version: null })),
      recommend: true,
      comment: '成果转化效果显著',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.count).toBe(2);
    expect(r.json.items.map((c: { outcomeId: string }) => c.outcomeId).sort()).toEqual(picked.map((o) => o.id).sort());
    expect(r.json.items.every((c: { statusLabel: string }) => c.statusLabel === '推荐')).toBe(true);

    const rows = await reviews();
    expect(rows.map((x) => [x.outcome_id, Number(x.recommended), x.comment, Number(x.version)])).toEqual(
      picked
        .map((o) => o.id)
        .sort()
        .map((id) => [id, 1, '成果转化效果显著', 1]),
    );
    const audit = await newAudit(seq);
    expect(audit.map((a) => [a.action, a.entity, a.actor_name])).toEqual([
      ['golden_bridge_review', 'outcome', 'staff'],
      ['golden_bridge_review', 'outcome', 'staff'],
    ]);
    expect(audit.map((a) => a.entity_id).sort()).toEqual(picked.map((o) => o.id).sort());
    for (const a of audit)
      expect(a.summary).toMatch(/^批量审核（共 2 项）：金桥工程候选“.+”（.+）：推荐（第九条）：成果转化效果显著$/);
    expect((await verifyAuditChain(t.deps.db, auditKey(t.deps.env))).ok).toBe(true);

    // A second batch over reviewed candidates names their current versions.
    const again = await t.call(staff, 'POST', BATCH, {
      items: picked.map((o) => ({ id: o.id, version: 1 })),
      recommend: false,
      comment: '经复核暂不推荐',
    });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect((await reviews()).map((x) => [Number(x.recommended), Number(x.version)])).toEqual([
      [0, 2],
      [0, 2],
    ]);
  });

  it('refuses the whole batch when one version is stale (409): neither candidate changes', async () => {
    const [a, b] = [haidian[0], chaoyang[0]];
    const first = await t.call(center, 'POST', REVIEW(a.id), { recommend: true, comment: '', version: null });
    expect(first.status).toBe(200);
    const before = await reviews();
    const seq = await lastAuditSeq(t);
    // `a` was reviewed meanwhile (version 1), the reviewer's page still showed it unreviewed.
    const r = await t.call(staff, 'POST', BATCH, {
      items: [
        { id: b.id, version: null },
        { id: a.id, version: null },
      ],
      recommend: false,
      comment: '材料不足',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(409);
    expect(r.json.error.message).toContain(`“${a.title}”`);
    expect(r.json.error.message).toContain('本批次未保存');
    expect(await reviews()).toEqual(before);
    expect(await lastAuditSeq(t)).toBe(seq);
  });

  it('refuses a batch 不推荐 without a reason, an IUR outcome, duplicates and more than the cap', async () => {
    const seq = await lastAuditSeq(t);
    const noReason = await t.call(center, 'POST', BATCH, {
      items: [{ id: haidian[0].id, version: null }],
      recommend: false,
      comment: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues).toContainEqual({ path: 'comment', message: GOLDEN_BRIDGE_REASON_REQUIRED });

    // 第九条 is for district stations: an IUR station's outcome is no candidate, and the batch lands not at all.
    const withIur = await t.call(center, 'POST', BATCH, {
      items: [
        { id: haidian[0].id, version: null },
        { id: iur[0].id, version: null },
      ],
      recommend: true,
    });
    expect(withIur.status, JSON.stringify(withIur.json)).toBe(404);

    const dup = await t.call(center, 'POST', BATCH, {
      items: [
        { id: haidian[0].id, version: null },
        { id: haidian[0].id, version: null },
      ],
      recommend: true,
    });
    expect(dup.status).toBe(400);
    expect(dup.json.error.issues).toContainEqual({ path: 'items', message: '候选成果重复' });

    const tooMany = await t.call(center, 'POST', BATCH, {
      items: Array.from({ length: GOLDEN_BRIDGE_BATCH_MAX + 1 }, (_, i) => ({ id: `x${i}`, version: null })),
      recommend: true,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.issues[0]).toMatchObject({ path: 'items', message: expect.stringContaining('200') });

    const empty = await t.call(center, 'POST', BATCH, { items: [], recommend: true });
    expect(empty.status).toBe(400);

    expect(await reviews()).toEqual([]);
    expect(await lastAuditSeq(t)).toBe(seq);
  });
});
