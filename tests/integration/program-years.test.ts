// Program years (第三条 年度项目制): a new year starts as a copy of a past one, its numbers are edited while it is a
// draft and must stay consistent with the district split, and it is locked when the call opens (第十条).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, FANGSHAN, HAIDIAN, snapshot, stationBody } from './support/fixtures';

let t: TestApp;
let center: string;
beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
});
afterAll(() => t.close());

const get = async (year: number) => {
  const r = await t.call(center, 'GET', `/api/v1/program-years/${year}`);
  expect(r.status).toBe(200);
  return r.json;
};

describe('program years', () => {
  it('lists 2025 as a consistent draft with its 23 stations and 23 places', async () => {
    const list = await t.call(center, 'GET', '/api/v1/program-years');
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([
      expect.objectContaining({ year: 2025, status: 'draft', stationCount: 23, quotaTotal: 23, version: 1 }),
    ]);
    const y = await get(2025);
    expect(y.problems).toEqual([]);
    expect(y.policy.districts).toHaveLength(17);
    expect(y.policy.stationTypes.iur).toMatchObject({ quota: 6, quotaArticle: '第六条' });
    expect((await t.call(center, 'GET', '/api/v1/program-years/2019')).status).toBe(404);
  });

  it('copies 2025 into 2026: same numbers, a 2026 title, a draft with no stations', async () => {
    const r = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ year: 2026, status: 'draft', version: 1, problems: [] });
    expect(r.json.title).toContain('2026');
    expect(r.json.title).not.toContain('2025');
    const source = await get(2025);
    expect(r.json.policy.stationTypes).toEqual(source.policy.stationTypes);
    expect(r.json.policy.districts).toEqual(source.policy.districts);
    const list = await t.call(center, 'GET', '/api/v1/program-years');
    expect(list.json.items.map((y: { year: number; stationCount: number }) => [y.year, y.stationCount])).toEqual([
      [2026, 0],
      [2025, 23],
    ]);
    // Neither a year that exists nor a source that does not can be copied.
    const before = await snapshot(t);
    const again = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
    expect(again.status).toBe(400);
    expect(again.json.error.issues).toEqual([{ path: 'year', message: '2026 年度已存在' }]);
    expect((await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2019, year: 2027 })).status).toBe(404);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses quotas inconsistent with the district split (400) and keeps the year as it was', async () => {
    const before = await snapshot(t);
    const r = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: 1,
      stationTypes: { district_a: { quota: 8 } },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe(
      '年度政策前后不一致：区工作站点（A类）名额为 8 个，但划入该类的区有 7 个；每区一个站点（第六条）',
    );
    expect(r.json.error.issues).toEqual([
      {
        path: 'policy',
        message: '区工作站点（A类）名额为 8 个，但划入该类的区有 7 个；每区一个站点（第六条）',
      },
    ]);
    // Moving a district to class A without the quota breaks both classes.
    const moved = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: 1,
      districts: [{ code: FANGSHAN, stationType: 'district_a' }],
    });
    expect(moved.status).toBe(400);
    expect(moved.json.error.issues).toHaveLength(2);
    const negative = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: 1,
      stationTypes: { iur: { quota: -1 } },
    });
    expect(negative.status).toBe(400);
    expect(negative.json.error.issues).toEqual([
      { path: 'stationTypes.iur.quota', message: '名额须为 1–500 之间的整数（第六条）' },
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('saves a consistent edit of some numbers only, and the station rules follow it', async () => {
    const r = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: 1,
      stationTypes: { district_a: { quota: 8 }, district_b: { quota: 9 }, iur: { quota: 7, fundingFen: 6_000_000 } },
      districts: [{ code: FANGSHAN, stationType: 'district_a' }],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.version).toBe(2);
    expect(r.json.problems).toEqual([]);
    expect(r.json.policy.stationTypes.district_a.quota).toBe(8);
    expect(r.json.policy.stationTypes.iur).toMatchObject({ quota: 7, fundingFen: 6_000_000 });
    expect(r.json.quotaTotal).toBe(24);
    expect(r.json.policy.districts.find((d: { code: string }) => d.code === FANGSHAN).stationType).toBe('district_a');
    // 2025 is untouched.
    expect((await get(2025)).policy.stationTypes.district_a.quota).toBe(7);

    // 房山区 is now A-class in 2026: an A-class station there is accepted, a B-class one is not.
    const ids = await demoIds(t);
    const b = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: FANGSHAN, type: 'district_b', hostOrgId: ids.orgs.haidianHost }),
    );
    expect(b.status).toBe(400);
    expect(b.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['type']);
    const a = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: FANGSHAN, type: 'district_a', hostOrgId: ids.orgs.haidianHost }),
    );
    expect(a.status).toBe(201);

    const stale = await t.call(center, 'PUT', '/api/v1/program-years/2026', { version: 1, title: '旧版本的修改' });
    expect(stale.status).toBe(409);
    expect((await get(2026)).title).not.toBe('旧版本的修改');
  });

  it('locks a year: further edits and a second lock are 409, and its stations can no longer be deleted', async () => {
    const y = await get(2026);
    // A lock against a version the admin has not seen is refused: nobody fixes numbers they never looked at.
    const stale = await t.call(center, 'POST', '/api/v1/program-years/2026/lock', { version: y.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe('该年度政策已被他人修改，请刷新核对后再锁定');
    expect((await get(2026)).status).toBe('draft');
    const lock = await t.call(center, 'POST', '/api/v1/program-years/2026/lock', { version: y.version });
    expect(lock.status).toBe(200);
    expect(lock.json).toMatchObject({ status: 'locked', version: y.version + 1 });
    expect(lock.json.lockedAt).toBe(t.clock.now().toISOString());

    const before = await snapshot(t);
    const edit = await t.call(center, 'PUT', '/api/v1/program-years/2026', {
      version: y.version + 1,
      title: '锁定后修改',
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toBe('2026 年度的申报已开启，年度政策已锁定，不能修改（第十条）');
    expect(await get(2026)).toMatchObject({
      editable: false,
      lockedReason: '2026 年度的申报已开启，年度政策已锁定，不能修改（第十条）',
    });
    const again = await t.call(center, 'POST', '/api/v1/program-years/2026/lock', { version: y.version + 1 });
    expect(again.status).toBe(409);
    const station = (await t.call(center, 'GET', `/api/v1/stations?year=2026&districtCode=${FANGSHAN}`)).json.items[0];
    const del = await t.call(center, 'DELETE', `/api/v1/stations/${station.id}?version=${station.version}`);
    expect(del.status).toBe(409);
    expect(del.json.error.message).toContain('已锁定');
    expect(await snapshot(t)).toEqual(before);

    const audit = await t.call(
      await t.login('auditadmin'),
      'GET',
      '/api/v1/audit-events?entity=program_year&entityId=2026',
    );
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['lock', 'update', 'create']);
  });

  it('keeps the year’s numbers from the center staff: only the Center administrator edits them', async () => {
    const staff = await t.login('staff');
    const r = await t.call(staff, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2027 });
    expect(r.status).toBe(403);
    const list = await t.call(staff, 'GET', '/api/v1/program-years');
    expect(list.json.items.map((y: { year: number }) => y.year)).toEqual([2026, 2025]);
    const overview = await t.call(staff, 'GET', `/api/v1/home/overview?year=2025`);
    expect(overview.json.byType.map((x: { stations: number }) => x.stations)).toEqual([7, 10, 6]);
    const districts = await t.call(staff, 'GET', '/api/v1/districts?year=2025');
    expect(districts.json.items.find((d: { code: string }) => d.code === HAIDIAN)).toMatchObject({
      stationType: 'district_a',
      associationName: '北京市海淀区科学技术协会',
    });
  });
});
