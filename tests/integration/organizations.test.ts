// Host organisations (第六条): created by the Center with a checked 统一社会信用代码 (GB 32100), edited with optimistic
// concurrency; the Center and the district associations are maintained by the system.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import {
  badCheckUscc,
  CHINESE,
  type DemoIds,
  demoIds,
  HAIDIAN,
  snapshot,
  stationBody,
  validUscc,
} from './support/fixtures';

let t: TestApp;
let ids: DemoIds;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t);
  staff = await t.login('staff');
});
afterAll(() => t.close());

const org = (over: Record<string, unknown> = {}) => ({
  name: '北京市人工智能学会',
  hostKind: 'society',
  uscc: validUscc(5001),
  districtCode: HAIDIAN,
  contactName: '周老师',
  contactPhone: '010-62001234',
  address: '北京市海淀区中关村大街 1 号',
  ...over,
});

describe('organizations', () => {
  it('creates a host with a valid code, normalised to upper case, and finds it by a lower-case code', async () => {
    const code = validUscc(5001, '5111000MA');
    expect(code).toMatch(/[A-Z]/);
    const r = await t.call(staff, 'POST', '/api/v1/organizations', org({ uscc: `  ${code.toLowerCase()} ` }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({
      kind: 'host',
      kindLabel: '依托单位',
      hostKind: 'society',
      hostKindLabel: '学会',
      uscc: code,
      isActive: true,
      version: 1,
    });
    const found = await t.call(staff, 'GET', `/api/v1/organizations?q=${code.slice(5, 12).toLowerCase()}`);
    expect(found.json.items.map((o: { id: string }) => o.id)).toEqual([r.json.id]);
    const byName = await t.call(staff, 'GET', `/api/v1/organizations?q=${encodeURIComponent('人工智能学会')}`);
    expect(byName.json.total).toBe(1);
  });

  it('refuses a code with a wrong check character (400 on uscc) and creates nothing', async () => {
    const before = await snapshot(t);
    const bad = await t.call(staff, 'POST', '/api/v1/organizations', org({ uscc: badCheckUscc(5002) }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues).toEqual([{ path: 'uscc', message: '统一社会信用代码校验位不正确（GB 32100）' }]);
    const short = await t.call(staff, 'POST', '/api/v1/organizations', org({ uscc: '9111000012345' }));
    expect(short.status).toBe(400);
    expect(short.json.error.issues).toEqual([{ path: 'uscc', message: '统一社会信用代码应为 18 位' }]);
    // I, O, Z, S, V are not in the code's alphabet.
    const letters = await t.call(staff, 'POST', '/api/v1/organizations', org({ uscc: '91110000MA0IOZSV00' }));
    expect(letters.status).toBe(400);
    expect(letters.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['uscc']);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a code another organisation already uses', async () => {
    const existing = (await t.call(staff, 'GET', `/api/v1/organizations/${ids.orgs.haidianHost}`)).json;
    const before = await snapshot(t);
    const r = await t.call(staff, 'POST', '/api/v1/organizations', org({ name: '重复学会', uscc: existing.uscc }));
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([
      { path: 'uscc', message: '该统一社会信用代码已被“中关村智能制造创新学会”使用' },
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers several bad fields with one Chinese message each', async () => {
    const before = await snapshot(t);
    const r = await t.call(staff, 'POST', '/api/v1/organizations', {
      name: '学',
      hostKind: 'company',
      uscc: badCheckUscc(5003),
      districtCode: '1101',
      contactPhone: 'call me',
    });
    expect(r.status).toBe(400);
    const issues: Array<{ path: string; message: string }> = r.json.error.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['contactPhone', 'districtCode', 'hostKind', 'name', 'uscc']);
    for (const i of issues) expect(i.message).toMatch(CHINESE);
    expect(issues.find((i) => i.path === 'hostKind')!.message).toBe('请选择单位类型');
    expect(await snapshot(t)).toEqual(before);
  });

  it('edits with the current version; a stale version is 409 and nothing changes', async () => {
    const current = (await t.call(staff, 'GET', `/api/v1/organizations/${ids.orgs.chaoyangHost}`)).json;
    const body = {
      version: current.version,
      name: current.name,
      hostKind: current.hostKind,
      uscc: current.uscc,
      districtCode: current.districtCode,
      contactName: '新联系人',
      contactPhone: '010-85001234',
    };
    const ok = await t.call(staff, 'PUT', `/api/v1/organizations/${current.id}`, body);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ contactName: '新联系人', version: current.version + 1 });

    const center = await t.login('center');
    const before = await snapshot(t);
    const stale = await t.call(center, 'PUT', `/api/v1/organizations/${current.id}`, {
      ...body,
      contactName: '另一个人',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toBe('该单位信息已被他人修改，请刷新后重试');
    expect(await snapshot(t)).toEqual(before);
    expect((await t.call(staff, 'GET', `/api/v1/organizations/${current.id}`)).json.contactName).toBe('新联系人');
  });

  it('does not let the Center and district associations be edited here (409)', async () => {
    for (const id of [ids.orgs.center, ids.orgs.haidianAssociation]) {
      const o = (await t.call(staff, 'GET', `/api/v1/organizations/${id}`)).json;
      const before = await snapshot(t);
      const r = await t.call(staff, 'PUT', `/api/v1/organizations/${id}`, {
        version: o.version,
        name: '改名',
        hostKind: 'society',
        uscc: validUscc(5100),
      });
      expect(r.status).toBe(409);
      expect(r.json.error.message).toContain('由系统维护');
      expect(await snapshot(t)).toEqual(before);
    }
  });

  it('a deactivated host can no longer take a new station', async () => {
    const center = await t.login('center');
    expect((await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 })).status).toBe(201);
    const o = (await t.call(staff, 'GET', `/api/v1/organizations/${ids.orgs.haidianHost}`)).json;
    const off = await t.call(staff, 'PUT', `/api/v1/organizations/${o.id}`, {
      version: o.version,
      name: o.name,
      hostKind: o.hostKind,
      uscc: o.uscc,
      districtCode: o.districtCode,
      isActive: false,
    });
    expect(off.status).toBe(200);
    expect(off.json.isActive).toBe(false);
    const r = await t.call(staff, 'POST', '/api/v1/stations', stationBody({ hostOrgId: o.id }));
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([{ path: 'hostOrgId', message: '“中关村智能制造创新学会”已停用' }]);
  });
});
