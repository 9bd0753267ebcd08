// Double submits and two users at once: the rules hold (quota, one station per district, versions) and a duplicate
// is a 400/409 the user can act on, never a 500, on both engines.
import { afterEach, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { createTestApp, type TestApp } from '../setup/test-app';
import { CHAOYANG, count, demoIds, HAIDIAN, stationBody, validUscc } from './support/fixtures';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const statuses = (rs: Array<{ status: number }>) => rs.map((r) => r.status).sort();

describe('concurrent requests', () => {
  it('keep the station rules: 7 IUR stations at once fill the quota of 6, two 海淀 stations at once give one', async () => {
    t = await createTestApp();
    const app = t;
    const ids = await demoIds(app);
    const center = await app.login('center');
    expect((await app.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 })).status).toBe(201);
    const extra = await app.call(center, 'POST', '/api/v1/organizations', {
      name: '北京交通大学科协',
      hostKind: 'university_association',
      uscc: validUscc(4243, '12100000'),
    });
    const hosts = [...ids.orgs.universities, extra.json.id];
    const iur = await Promise.all(
      hosts.map((h, i) =>
        app.call(
          center,
          'POST',
          '/api/v1/stations',
          stationBody({ type: 'iur', districtCode: null, hostOrgId: h, name: `产学研合作站点${i}号` }),
        ),
      ),
    );
    expect(statuses(iur)).toEqual([201, 201, 201, 201, 201, 201, 409]);
    const district = await Promise.all(
      [ids.orgs.haidianHost, ids.orgs.chaoyangHost].map((h, i) =>
        app.call(center, 'POST', '/api/v1/stations', stationBody({ hostOrgId: h, name: `海淀区工作站点${i}号` })),
      ),
    );
    expect(statuses(district)).toEqual([201, 409]);
    const rows = await app.deps.db
      .selectFrom('stations')
      .select(['type', 'district_code'])
      .where('program_year', '=', 2026)
      .execute();
    expect(rows.filter((r) => r.type === 'iur')).toHaveLength(6);
    expect(rows.filter((r) => r.district_code === HAIDIAN)).toHaveLength(1);
    expect((await verifyAuditChain(app.deps.db, auditKey(app.deps.env))).ok).toBe(true);
  });

  it('let one of two saves with the same version win; the other is 409', async () => {
    t = await createTestApp();
    const app = t;
    const ids = await demoIds(app);
    const [a, b] = [await app.login('center'), await app.login('staff')];
    const s = (await app.call(a, 'GET', `/api/v1/stations/${ids.stations.chaoyang}`)).json;
    const body = (leaderName: string) => ({
      version: s.version,
      station: stationBody({
        programYear: 2025,
        districtCode: CHAOYANG,
        hostOrgId: ids.orgs.chaoyangHost,
        name: s.name,
        leaderName,
      }),
    });
    const rs = await Promise.all([
      app.call(a, 'PUT', `/api/v1/stations/${s.id}`, body('甲负责人')),
      app.call(b, 'PUT', `/api/v1/stations/${s.id}`, body('乙负责人')),
    ]);
    expect(statuses(rs)).toEqual([200, 409]);
    const winner = rs.find((r) => r.status === 200)!.json.leaderName;
    const now = (await app.call(a, 'GET', `/api/v1/stations/${s.id}`)).json;
    expect(now).toMatchObject({ leaderName: winner, version: s.version + 1 });
  });

  it('turn a double submit of the same new record into one row and a 400/409, never a 500', async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
    const app = t;
    const center = await app.login('center');
    const sys = await app.login('sysadmin');
    const twice = async (cookie: string, path: string, body: unknown) => {
      const rs = await Promise.all([app.call(cookie, 'POST', path, body), app.call(cookie, 'POST', path, body)]);
      const codes = statuses(rs);
      expect(codes[0], `${path}: ${JSON.stringify(rs.map((r) => r.json))}`).toBe(201);
      expect([400, 409], `${path}: ${JSON.stringify(rs.map((r) => r.json))}`).toContain(codes[1]);
      const refused = rs.find((r) => r.status !== 201)!;
      expect(refused.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    };
    const usersBefore = await count(app, 'users');
    await twice(sys, '/api/v1/users', { username: 'dup', displayName: '重复提交' });
    expect(await count(app, 'users')).toBe(usersBefore + 1);
    const orgsBefore = await count(app, 'organizations');
    await twice(center, '/api/v1/organizations', { name: '重复提交学会', hostKind: 'society', uscc: validUscc(6001) });
    expect(await count(app, 'organizations')).toBe(orgsBefore + 1);
    await twice(center, '/api/v1/program-years', { fromYear: 2025, year: 2026 });
    expect(await count(app, 'program_years')).toBe(2);
    expect((await verifyAuditChain(app.deps.db, auditKey(app.deps.env))).ok).toBe(true);
  });
});
