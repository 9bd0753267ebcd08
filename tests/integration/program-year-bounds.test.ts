// The year's policy numbers (第六条 名额与支持金额, 第七条/第八条 考核指标) are refused out of bounds, never rounded or
// clamped; and a year whose projects have signed their agreements is running: its policy no longer changes directly,
// only a project's content by change request (第十一条). The seed's 2025 has 23 signed projects; 2026 is a fresh copy.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, FANGSHAN, snapshot, stationBody } from './support/fixtures';

let t: TestApp;
let center: string;
beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  const copy = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
  expect(copy.status).toBe(201);
});
afterAll(() => t.close());

const get = async (year: number) => {
  const r = await t.call(center, 'GET', `/api/v1/program-years/${year}`);
  expect(r.status).toBe(200);
  return r.json;
};

/** A refused edit: 400, the issue on its field, and not one row of any table changed. */
async function refused(body: Record<string, unknown>, issue: { path: string; message: string | RegExp }) {
  const before = await snapshot(t);
  const { version } = await get(2026);
  const r = await t.call(center, 'PUT', '/api/v1/program-years/2026', { version, ...body });
  expect(r.status, JSON.stringify(r.json)).toBe(400);
  expect(r.json.error.issues).toContainEqual({
    path: issue.path,
    message: typeof issue.message === 'string' ? issue.message : expect.stringMatching(issue.message),
  });
  expect(await snapshot(t)).toEqual(before);
}

describe('year policy bounds', () => {
  it('refuses ¥1,000,000,000,000.00 a station with a message naming the field, and keeps the year', async () => {
    await refused(
      { stationTypes: { iur: { fundingFen: 100_000_000_000_000 } } },
      { path: 'stationTypes.iur.fundingFen', message: '每站支持经费须在 0.01–2,000,000.00 元之间（第六条）' },
    );
    await refused(
      { stationTypes: { iur: { fundingFen: 0 } } },
      { path: 'stationTypes.iur.fundingFen', message: '每站支持经费须在 0.01–2,000,000.00 元之间（第六条）' },
    );
    expect((await get(2026)).policy.stationTypes.iur.fundingFen).toBe(5_000_000);
  });

  it('refuses a fraction of a fen (0.001 yuan) instead of rounding it', async () => {
    await refused(
      { stationTypes: { district_a: { fundingFen: 0.1 } } },
      { path: 'stationTypes.district_a.fundingFen', message: /金额最多两位小数/ },
    );
    await refused(
      { stationTypes: { district_a: { fundingFen: 15_000_000.5 } } },
      { path: 'stationTypes.district_a.fundingFen', message: /金额最多两位小数/ },
    );
    expect((await get(2026)).policy.stationTypes.district_a.fundingFen).toBe(15_000_000);
  });

  it('refuses a quota of −5, of 0, of 501 and of 2.5 instead of clamping it', async () => {
    for (const quota of [-5, 0, 501, 2.5]) {
      await refused(
        { stationTypes: { iur: { quota } } },
        { path: 'stationTypes.iur.quota', message: '名额须为 1–500 之间的整数（第六条）' },
      );
    }
    expect((await get(2026)).policy.stationTypes.iur.quota).toBe(6);
  });

  it('refuses KPI targets out of their measure’s bounds, each on its own field', async () => {
    const y = await get(2026);
    const kpis = y.policy.kpis.district_a as { id: string; target: number; name: string }[];
    const at = (id: string) => kpis.findIndex((k) => k.id === id);
    const edit = (id: string, target: number) => ({
      kpis: { district_a: kpis.map((k) => ({ id: k.id, target: k.id === id ? target : k.target })) },
    });
    await refused(edit('events', -1), {
      path: `kpis.district_a.${at('events')}.target`,
      message: '考核指标目标值须在 0–100,000 之间（第七条、第八条）',
    });
    // Within the route's loose bound, refused by the year's own measure of the KPI (a count, a share).
    await refused(edit('events', 20_000), {
      path: `kpis.district_a.${at('events')}.target`,
      message: '举办需求征集会、需求对接会等活动：考核指标目标值须为 0–10,000 之间的整数（第七条、第八条）',
    });
    await refused(edit('events', 4.5), {
      path: `kpis.district_a.${at('events')}.target`,
      message: /须为 0–10,000 之间的整数/,
    });
    await refused(edit('association_share', 1.5), {
      path: `kpis.district_a.${at('association_share')}.target`,
      message: /比例目标须在 0%–100% 之间/,
    });
    await refused(edit('association_share', 0.33333), {
      path: `kpis.district_a.${at('association_share')}.target`,
      message: /最多精确到 0.01%/,
    });
  });

  it('saves a valid change, with its audit row in the same transaction', async () => {
    const y = await get(2026);
    const seq = await t.deps.db
      .selectFrom('audit_head')
      .select('seq')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.seq));
    const kpis = (y.policy.kpis.district_a as { id: string; target: number }[]).map((k) => ({
      id: k.id,
      target: k.id === 'association_share' ? 0.3333 : k.target,
    }));
    const r = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: y.version,
      stationTypes: { iur: { fundingFen: 6_000_050, quota: 7 }, district_a: { fundingFen: 200_000_000 } },
      kpis: { district_a: kpis },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.policy.stationTypes.iur).toMatchObject({ fundingFen: 6_000_050, quota: 7 });
    expect(r.json.policy.stationTypes.district_a.fundingFen).toBe(200_000_000);
    expect(r.json.policy.kpis.district_a.find((k: { id: string }) => k.id === 'association_share').target).toBe(0.3333);
    expect(r.json).toMatchObject({ version: y.version + 1, editable: true, lockedReason: null });

    const rows = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', seq)
      .where('entity', '=', 'program_year')
      .execute();
    expect(rows.map((e) => [e.entity_id, e.action, e.actor_name])).toEqual([['2026', 'update', 'center']]);
    const diff = JSON.parse(rows[0].diff_json);
    expect(diff.stationTypes.before.iur.fundingFen).toBe(5_000_000);
    expect(diff.stationTypes.after.iur.fundingFen).toBe(6_000_050);
  });
});

describe('a running year (第十一条)', () => {
  it('refuses to edit 2025, whose projects have signed agreements, with 409 and the reason; the GET says so', async () => {
    const y = await get(2025);
    const reason = '2025 年度已有项目在实施中，年度政策不能直接修改；项目内容的调整请走变更申请（第十一条）';
    expect(y).toMatchObject({ status: 'draft', editable: false, lockedReason: reason });
    const before = await snapshot(t);
    const r = await t.call(center, 'PUT', '/api/v1/program-years/2025', {
      version: y.version,
      title: '2025年度工作站点政策（修订）',
    });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe(reason);
    expect(await snapshot(t)).toEqual(before);
  });

  it('keeps a year editable while its projects await their agreements, and locks it at the first signature', async () => {
    // A station of 2026 and its project waiting for the agreement (as an approval leaves it); signing is the
    // lifecycle's own test, so the status is set here directly.
    const ids = await demoIds(t);
    const station = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: FANGSHAN, type: 'district_b', hostOrgId: ids.orgs.haidianHost }),
    );
    expect(station.status, JSON.stringify(station.json)).toBe(201);
    const projectId = uuidv7();
    const now = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('projects')
      .values({
        id: projectId,
        station_id: station.json.id,
        application_id: null,
        program_year: 2026,
        status: 'agreement_pending',
        host_signed_on: null,
        center_signed_on: null,
        signed_file_id: null,
        reports_due_on: '2026-12-31',
        reports_submitted_at: null,
        return_reason: null,
        acceptance_comment: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();

    const pending = await get(2026);
    expect(pending).toMatchObject({ editable: true, lockedReason: null });
    const edit = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: pending.version,
      title: '2026年度工作站点政策（征求意见稿）',
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);

    await t.deps.db.updateTable('projects').set({ status: 'in_progress' }).where('id', '=', projectId).execute();
    const running = await get(2026);
    const reason = '2026 年度已有项目在实施中，年度政策不能直接修改；项目内容的调整请走变更申请（第十一条）';
    expect(running).toMatchObject({ editable: false, lockedReason: reason });
    const before = await snapshot(t);
    const refused = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: running.version,
      stationTypes: { iur: { quota: 6 } },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe(reason);
    expect(await snapshot(t)).toEqual(before);
  });
});
