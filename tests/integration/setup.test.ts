// 上线准备清单 (issue #10 §3): on an installation as production starts it (reference data, `create-admin root`, no
// demo), the checklist shows what is left; each step ticks itself off as the data appears — accounts, hosts imported
// from Excel, a station, next year's policy — with nothing marked done by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SetupChecklistDto, setupChecklistSchema } from '../../src/shared/schemas/setup';
import { createTestApp, type TestApp } from '../setup/test-app';
import { assignRoleAsSec, HOLDER_PASSWORD, holderSetsPassword } from './support/accounts';
import { addAccount, emptyInstall, hostWorkbook } from './support/empty-install';
import { HAIDIAN, rawRequest, stationBody, validUscc } from './support/fixtures';

const PATH = '/api/v1/setup/checklist';

async function checklist(t: TestApp, cookie: string): Promise<SetupChecklistDto> {
  const r = await t.call(cookie, 'GET', PATH);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  // The answer is exactly its declared schema.
  return setupChecklistSchema.strict().parse(r.json);
}
const states = (c: SetupChecklistDto) => c.steps.map((s) => [s.id, s.done, s.detail]);

describe('an empty production database after create-admin root', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await emptyInstall();
    await addAccount(t, 'root', 'sys_admin');
    root = await t.login('root');
  });
  afterAll(() => t.close());

  it('has the reference data only: the 2025 policy, the Center, 17 district associations', async () => {
    const orgs = await t.deps.db.selectFrom('organizations').select(['kind']).execute();
    expect(orgs.filter((o) => o.kind === 'center')).toHaveLength(1);
    expect(orgs.filter((o) => o.kind === 'district_association')).toHaveLength(17);
    expect(orgs.filter((o) => o.kind === 'host')).toHaveLength(0);
    expect(await t.deps.db.selectFrom('stations').select('id').execute()).toEqual([]);
  });

  it('shows the first administrator what is left, with who does it and where', async () => {
    const c = await checklist(t, root);
    expect(c).toMatchObject({ today: '2025-06-15', comingYear: 2025, workingYear: 2025, doneCount: 1, total: 4 });
    expect(c.isComplete).toBe(false);
    expect(states(c)).toEqual([
      ['accounts', false, '已有 1/4 类账户（缺少安全管理员、审计管理员、中心管理员）'],
      ['hosts', false, '尚未登记依托单位'],
      ['stations', false, '2025 年度尚未设立工作站点'],
      ['next_year', true, '2025 年度政策已建立'],
    ]);
    expect(c.steps.map((s) => [s.whoLabel, s.link])).toEqual([
      ['系统管理员', '/users'],
      ['中心管理员、中心工作人员', '/organizations/import'],
      ['中心管理员、中心工作人员', '/stations'],
      ['中心管理员', '/program-years'],
    ]);
    expect(c.steps[0].items.map((i) => [i.label, i.done, i.count])).toEqual([
      ['系统管理员', true, 1],
      ['安全管理员', false, 0],
      ['审计管理员', false, 0],
      ['中心管理员', false, 0],
    ]);
    expect(c.steps[1].why).toContain('第六条');
  });

  it('switches to next year’s policy at 00:00 on 1 October in Asia/Shanghai', async () => {
    try {
      // Moving the clock ends the session (idle timeout): sign in again at each time.
      t.clock.set('2025-09-30T15:59:59.000Z'); // 23:59:59 on 30 September in Beijing
      const q3 = await checklist(t, await t.login('root'));
      expect(q3.comingYear).toBe(2025);
      expect(q3.steps[3]).toMatchObject({ title: '设置 2025 年度政策', done: true });
      t.clock.set('2025-09-30T16:00:00.000Z'); // 00:00 on 1 October
      const q4 = await checklist(t, await t.login('root'));
      expect(q4).toMatchObject({ today: '2025-10-01', comingYear: 2026 });
      expect(q4.steps[3]).toMatchObject({
        title: '设置 2026 年度政策',
        done: false,
        detail: '尚无 2026 年度政策：可将 2025 年度“复制为新年度”后修改',
      });
    } finally {
      t.clock.set('2025-06-15T02:00:00.000Z');
      root = await t.login('root');
    }
  });

  it('ticks every step off from the data as the administrators do them', async () => {
    // An inactive account does not count.
    await addAccount(t, 'sec-old', 'sec_admin', { isActive: false });
    expect(states(await checklist(t, root))[0][2]).toBe('已有 1/4 类账户（缺少安全管理员、审计管理员、中心管理员）');

    // 三员 by the command line; the Center administrator's account by the system administrator in the web, its role
    // by the security administrator once the holder has set their own password (decision 018).
    await addAccount(t, 'secadmin', 'sec_admin');
    await addAccount(t, 'auditadmin', 'audit_admin');
    const created = await t.call(root, 'POST', '/api/v1/users', { username: 'zhongxin', displayName: '中心管理员' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await holderSetsPassword(t, 'zhongxin', created.json.temporaryPassword);
    expect(states(await checklist(t, root))[0][2]).toBe('已有 3/4 类账户（缺少中心管理员）');
    await assignRoleAsSec(t, created.json.user.id, { role: 'center_admin' });
    let center = await t.login('zhongxin', HOLDER_PASSWORD);
    let c = await checklist(t, center);
    expect(c.steps[0]).toMatchObject({ done: true, detail: '已有 4/4 类账户' });
    expect(c.steps[0].items.every((i) => i.done)).toBe(true);

    // Hosts from Excel.
    const file = await hostWorkbook([
      ['北京市人工智能学会', validUscc(7001), '学会', '海淀区', '周老师', '010-62001234', ''],
      ['北京市朝阳区数字经济协会', validUscc(7002), '协会', '朝阳区', '', '', ''],
    ]);
    const imported = await rawRequest(t, 'POST', '/api/v1/organizations/import', {
      cookie: center,
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(200);
    expect(imported.json.created).toBe(2);
    c = await checklist(t, center);
    expect(states(c)[1]).toEqual(['hosts', true, '已登记 2 个依托单位']);

    // A station in the working year.
    const host = await t.deps.db
      .selectFrom('organizations')
      .select('id')
      .where('uscc', '=', validUscc(7001))
      .executeTakeFirstOrThrow();
    const station = await t.call(
      center,
      'POST',
      '/api/v1/stations',
      stationBody({
        programYear: 2025,
        districtCode: HAIDIAN,
        hostOrgId: host.id,
        periodStart: '2025-04-01',
        periodEnd: '2025-12-31',
      }),
    );
    expect(station.status, JSON.stringify(station.json)).toBe(201);
    c = await checklist(t, center);
    expect(states(c)[2]).toEqual(['stations', true, '2025 年度已设 1 个工作站点']);
    expect(c.isComplete).toBe(true);

    // In the fourth quarter next year's policy is missing again, until the Center copies it.
    t.clock.set('2025-10-08T02:00:00.000Z');
    try {
      center = await t.login('zhongxin', HOLDER_PASSWORD);
      expect((await checklist(t, center)).isComplete).toBe(false);
      const copy = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
      expect(copy.status, JSON.stringify(copy.json)).toBe(201);
      c = await checklist(t, center);
      expect(states(c)).toEqual([
        ['accounts', true, '已有 4/4 类账户'],
        ['hosts', true, '已登记 2 个依托单位'],
        // 2026 is prepared ahead: the stations of 2025 are still the ones worked.
        ['stations', true, '2025 年度已设 1 个工作站点'],
        ['next_year', true, '2026 年度政策已建立'],
      ]);
      expect(c).toMatchObject({ doneCount: 4, isComplete: true, workingYear: 2025, comingYear: 2026 });
      // The security administrator reads it too.
      expect((await checklist(t, await t.login('secadmin'))).isComplete).toBe(true);
    } finally {
      t.clock.set('2025-06-15T02:00:00.000Z');
    }
  });
});

describe('the demo installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  });
  afterAll(() => t.close());

  it('is ready in June 2025 and lacks the 2026 policy from October', async () => {
    const center = await t.login('center');
    const june = await checklist(t, center);
    expect(states(june)).toEqual([
      ['accounts', true, '已有 4/4 类账户'],
      ['hosts', true, '已登记 23 个依托单位'],
      ['stations', true, '2025 年度已设 23 个工作站点'],
      ['next_year', true, '2025 年度政策已建立'],
    ]);
    t.clock.set('2025-11-01T02:00:00.000Z');
    try {
      const nov = await checklist(t, await t.login('staff'));
      expect(nov.isComplete).toBe(false);
      expect(nov.steps.filter((s) => !s.done).map((s) => s.id)).toEqual(['next_year']);
    } finally {
      t.clock.set('2025-06-15T02:00:00.000Z');
    }
  });

  it('is read by the Center and the account and security administrators only', async () => {
    for (const [username, status] of [
      ['center', 200],
      ['staff', 200],
      ['sysadmin', 200],
      ['secadmin', 200],
      ['auditadmin', 403],
      ['haidian', 403],
      ['host', 403],
      ['reviewer', 403],
      ['auditor', 403],
    ] as const) {
      const r = await t.call(await t.login(username), 'GET', PATH);
      expect(r.status, username).toBe(status);
      if (status === 403) expect(r.json.error.code).toBe('forbidden');
    }
    expect((await t.call(null, 'GET', PATH)).status).toBe(401);
  });
});
