// Station rules (《实施办法》第三条、第六条): one district station per district and year, the district's class decides
// the type, quotas per type, who may host which type, optimistic concurrency, and field-by-field input errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  CHAOYANG,
  CHINESE,
  type DemoIds,
  demoIds,
  FANGSHAN,
  HAIDIAN,
  snapshot,
  stationBody,
  validUscc,
} from './support/fixtures';

let t: TestApp;
let ids: DemoIds;
let center: string;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t);
  center = await t.login('center');
  staff = await t.login('staff');
  const copy = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
  expect(copy.status).toBe(201);
});
afterAll(() => t.close());

async function stationsOf(year: number, filter: (s: { districtCode: string | null; type: string }) => boolean) {
  const r = await t.call(center, 'GET', `/api/v1/stations?year=${year}&pageSize=200`);
  expect(r.status).toBe(200);
  return r.json.items.filter(filter);
}

describe('stations', () => {
  it('lists the 23 stations of 2025 for the Center: 7 A-class, 10 B-class, 6 IUR, with Chinese labels', async () => {
    const r = await t.call(center, 'GET', '/api/v1/stations?year=2025&pageSize=200');
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(23);
    const byType = (type: string) => r.json.items.filter((s: { type: string }) => s.type === type);
    expect(byType('district_a')).toHaveLength(7);
    expect(byType('district_b')).toHaveLength(10);
    expect(byType('iur')).toHaveLength(6);
    const haidian = r.json.items.find((s: { id: string }) => s.id === ids.stations.haidian);
    expect(haidian).toMatchObject({
      typeLabel: '区工作站点（A类）',
      districtCode: HAIDIAN,
      districtName: '海淀区',
      districtAssociationName: '北京市海淀区科学技术协会',
      hostName: '中关村智能制造创新学会',
      version: 1,
    });
    const search = await t.call(center, 'GET', `/api/v1/stations?year=2025&q=${encodeURIComponent('中关村')}`);
    expect(search.json.items.map((s: { id: string }) => s.id)).toEqual([ids.stations.haidian]);
  });

  it('allows one district station per district and year: the second is 409 citing 第六条', async () => {
    const first = await t.call(center, 'POST', '/api/v1/stations', stationBody({ hostOrgId: ids.orgs.haidianHost }));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ programYear: 2026, districtCode: HAIDIAN, type: 'district_a', version: 1 });
    expect((await t.call(center, 'GET', `/api/v1/stations/${first.json.id}`)).json.name).toBe(first.json.name);

    const before = await snapshot(t);
    const second = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ hostOrgId: ids.orgs.chaoyangHost, name: '海淀区第二工作站点' }),
    );
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('conflict');
    expect(second.json.error.message).toContain('第六条');
    expect(second.json.error.message).toContain('每区只设一个区工作站点');
    expect(await snapshot(t)).toEqual(before);
    expect(await stationsOf(2026, (s) => s.districtCode === HAIDIAN)).toHaveLength(1);

    // Moving another district's station into 海淀区 breaks the same rule.
    const chaoyang = (await t.call(center, 'GET', `/api/v1/stations/${ids.stations.chaoyang}`)).json;
    const move = await t.call(center, 'PUT', `/api/v1/stations/${ids.stations.chaoyang}`, {
      version: chaoyang.version,
      station: stationBody({
        programYear: 2025,
        districtCode: HAIDIAN,
        hostOrgId: ids.orgs.chaoyangHost,
        name: chaoyang.name,
        periodStart: '2025-04-01',
        periodEnd: '2025-12-31',
      }),
    });
    expect(move.status).toBe(409);
    expect(move.json.error.message).toContain('第六条');
    expect((await t.call(center, 'GET', `/api/v1/stations/${ids.stations.chaoyang}`)).json).toEqual(chaoyang);
  });

  it('takes the type from the district’s class: an A-class station in B-class 房山区 is 400 on `type`', async () => {
    const before = await snapshot(t);
    const r = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({
        districtCode: FANGSHAN,
        type: 'district_a',
        hostOrgId: ids.orgs.haidianHost,
        name: '房山区工作站点',
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([
      { path: 'type', message: '该区属于区工作站点（B类），站点类型应与区的类别一致（第三条）' },
    ]);
    expect(await snapshot(t)).toEqual(before);

    const right = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({
        districtCode: FANGSHAN,
        type: 'district_b',
        hostOrgId: ids.orgs.haidianHost,
        name: '房山区工作站点',
      }),
    );
    expect(right.status).toBe(201);
    expect(right.json.typeLabel).toBe('区工作站点（B类）');
  });

  it('refuses a district the year does not list (400 on districtCode)', async () => {
    const r = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: '110199', hostOrgId: ids.orgs.haidianHost, name: '不存在区工作站点' }),
    );
    expect(r.status).toBe(400);
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['districtCode']);
  });

  it('only lets a kind of host take a type it may host (第六条): a 学会 cannot host an IUR station', async () => {
    const before = await snapshot(t);
    const iur = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({ type: 'iur', districtCode: null, hostOrgId: ids.orgs.haidianHost, name: '学会产学研合作站点' }),
    );
    expect(iur.status).toBe(400);
    expect(iur.json.error.issues).toHaveLength(1);
    expect(iur.json.error.issues[0].path).toBe('hostOrgId');
    expect(iur.json.error.issues[0].message).toContain('中关村智能制造创新学会');
    expect(iur.json.error.issues[0].message).toContain('第六条');
    // …and a university 科协 cannot host a district station.
    const district = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: '110106', hostOrgId: ids.orgs.bit, name: '丰台区工作站点' }),
    );
    expect(district.status).toBe(400);
    expect(district.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['hostOrgId']);
    // A district association is not a host at all.
    const assoc = await t.call(
      staff,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: '110106', hostOrgId: ids.orgs.haidianAssociation, name: '丰台区工作站点' }),
    );
    expect(assoc.status).toBe(400);
    expect(assoc.json.error.issues).toEqual([{ path: 'hostOrgId', message: '依托单位不存在' }]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('holds the quota per type: six IUR stations fill 2026, the seventh is 409', async () => {
    expect(ids.orgs.universities).toHaveLength(6);
    for (const [i, host] of ids.orgs.universities.entries()) {
      const r = await t.call(
        center,
        'POST',
        '/api/v1/stations',
        stationBody({ type: 'iur', districtCode: null, hostOrgId: host, name: `2026 产学研合作站点 ${i + 1}` }),
      );
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    const university = await t.call(center, 'POST', '/api/v1/organizations', {
      name: '北京交通大学科协',
      hostKind: 'university_association',
      uscc: validUscc(4242, '12100000'),
    });
    expect(university.status).toBe(201);
    const before = await snapshot(t);
    const seventh = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ type: 'iur', districtCode: null, hostOrgId: university.json.id, name: '2026 产学研合作站点 7' }),
    );
    expect(seventh.status).toBe(409);
    expect(seventh.json.error.message).toBe('2026 年度产学研合作站点名额 6 个已满（第六条）');
    expect(await snapshot(t)).toEqual(before);
    expect(await stationsOf(2026, (s) => s.type === 'iur')).toHaveLength(6);
    const overview = await t.call(center, 'GET', '/api/v1/home/overview?year=2026');
    expect(overview.json.byType.find((x: { type: string }) => x.type === 'iur')).toMatchObject({
      quota: 6,
      stations: 6,
    });
  });

  it('refuses a stale version (409) and keeps the other user’s change', async () => {
    const loaded = (await t.call(staff, 'GET', `/api/v1/stations/${ids.stations.chaoyang}`)).json;
    const edit = (leaderName: string) => ({
      version: loaded.version,
      station: stationBody({
        programYear: 2025,
        districtCode: CHAOYANG,
        hostOrgId: ids.orgs.chaoyangHost,
        name: loaded.name,
        periodStart: loaded.periodStart,
        periodEnd: loaded.periodEnd,
        leaderName,
      }),
    });
    const first = await t.call(staff, 'PUT', `/api/v1/stations/${ids.stations.chaoyang}`, edit('王五'));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ leaderName: '王五', version: loaded.version + 1 });

    const before = await snapshot(t);
    const stale = await t.call(center, 'PUT', `/api/v1/stations/${ids.stations.chaoyang}`, edit('赵六'));
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe('该站点信息已被他人修改，请刷新后重试');
    const staleDelete = await t.call(
      center,
      'DELETE',
      `/api/v1/stations/${ids.stations.chaoyang}?version=${loaded.version}`,
    );
    expect(staleDelete.status).toBe(409);
    expect(await snapshot(t)).toEqual(before);
    const now = (await t.call(center, 'GET', `/api/v1/stations/${ids.stations.chaoyang}`)).json;
    expect(now).toMatchObject({ leaderName: '王五', version: loaded.version + 1 });
  });

  it('answers bad input with 400 and one Chinese message per bad field, and changes nothing', async () => {
    const before = await snapshot(t);
    const r = await t.call(center, 'POST', '/api/v1/stations', {
      programYear: 2026,
      type: 'district_c',
      districtCode: HAIDIAN,
      hostOrgId: '',
      name: '站',
      periodStart: '2026/04/01',
      periodEnd: '2026-12-31',
      leaderName: '张',
      leaderPhone: 'abc',
      contactName: '李四',
      contactPhone: '010-82001234',
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('validation');
    expect(r.json.error.message).toBe('提交的数据有误，请检查标出的字段');
    const issues: Array<{ path: string; message: string }> = r.json.error.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['hostOrgId', 'leaderName', 'leaderPhone', 'name', 'periodStart', 'type'].sort(),
    );
    for (const i of issues) expect(i.message, i.path).toMatch(CHINESE);
    expect(issues.find((i) => i.path === 'name')!.message).toBe('请输入站点名称（至少 4 个字）');
    expect(issues.find((i) => i.path === 'periodStart')!.message).toBe('日期格式应为 YYYY-MM-DD');
    expect(issues.find((i) => i.path === 'type')!.message).toBe('请选择站点类型');
    expect(await snapshot(t)).toEqual(before);
  });

  it('checks fields against each other: end before start, an IUR station with a district', async () => {
    const before = await snapshot(t);
    const dates = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ districtCode: '110106', hostOrgId: ids.orgs.haidianHost, periodEnd: '2026-01-01' }),
    );
    expect(dates.status).toBe(400);
    expect(dates.json.error.issues).toEqual([{ path: 'periodEnd', message: '结束日期不能早于开始日期' }]);
    const iur = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({ type: 'iur', districtCode: HAIDIAN, hostOrgId: ids.orgs.bit }),
    );
    expect(iur.status).toBe(400);
    expect(iur.json.error.issues).toEqual([{ path: 'districtCode', message: '产学研合作站点不属于某个区，请留空' }]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('keeps a station in its program year and deletes with the current version', async () => {
    const s = (await t.call(center, 'GET', `/api/v1/stations/${ids.stations.iurBit}`)).json;
    const move = await t.call(center, 'PUT', `/api/v1/stations/${s.id}`, {
      version: s.version,
      station: stationBody({
        programYear: 2026,
        type: 'iur',
        districtCode: null,
        hostOrgId: ids.orgs.bit,
        name: s.name,
      }),
    });
    expect(move.status).toBe(400);
    expect(move.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['programYear']);

    // Its ledger is the evidence of its year (第十三条): a station with records is not deleted.
    const refused = await t.call(center, 'DELETE', `/api/v1/stations/${s.id}?version=${s.version}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('台账');
    // The list says so before anyone tries (issue 14): 删除 is disabled with the same sentence.
    const shown = (await t.call(center, 'GET', `/api/v1/stations/${s.id}`)).json;
    expect(shown.deleteRefusal).toBe(refused.json.error.message);
    for (const table of [
      'contacts',
      'event_experts',
      'event_enterprises',
      'event_evidence',
      'events',
      'expense_vouchers',
      'expenses',
      'experts',
      'achievements',
      'demands',
      'press_releases',
      'cooperations',
      'outcomes',
      'reports',
      'station_enterprises',
      'attachments',
    ] as const) {
      if (table === 'expense_vouchers') {
        const xs = t.deps.db.selectFrom('expenses').select('id').where('station_id', '=', s.id);
        await t.deps.db.deleteFrom(table).where('expense_id', 'in', xs).execute();
      } else if (table === 'event_experts' || table === 'event_evidence' || table === 'event_enterprises') {
        const evs = t.deps.db.selectFrom('events').select('id').where('station_id', '=', s.id);
        await t.deps.db.deleteFrom(table).where('event_id', 'in', evs).execute();
      } else {
        await t.deps.db.deleteFrom(table).where('station_id', '=', s.id).execute();
      }
    }
    // The demo station also has its project (issue #4): with it the station is kept.
    const kept = await t.call(center, 'DELETE', `/api/v1/stations/${s.id}?version=${s.version}`);
    expect(kept.status).toBe(409);
    expect(kept.json.error.message).toContain('项目合作协议');
    const project = t.deps.db.selectFrom('projects').select('id').where('station_id', '=', s.id);
    await t.deps.db.deleteFrom('agreement_versions').where('project_id', 'in', project).execute();
    await t.deps.db.deleteFrom('lifecycle_files').where('owner_id', 'in', project).execute();
    await t.deps.db.deleteFrom('projects').where('station_id', '=', s.id).execute();
    expect((await t.call(center, 'GET', `/api/v1/stations/${s.id}`)).json.deleteRefusal).toBeNull();
    const gone = await t.call(center, 'DELETE', `/api/v1/stations/${s.id}?version=${s.version}`);
    expect(gone.status).toBe(200);
    const after = await t.call(center, 'GET', `/api/v1/stations/${s.id}`);
    expect(after.status).toBe(404);
    expect(after.json.error.message).toBe('工作站点不存在或您无权查看');
    const deleted = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'station')
      .where('entity_id', '=', s.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(deleted).toEqual({ action: 'delete', actor_name: 'center' });
  });
});
