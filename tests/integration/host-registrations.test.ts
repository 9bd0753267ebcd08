// 依托单位注册 (issue #4): a new host registers during an open call (USCC checked), cannot sign in until the Center
// approves, and then applies like any host. Outside the window the form is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { badCheckUscc, validUscc } from './support/fixtures';
import { completeForm, openCall2026 } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  organizationName: '北京市新材料学会',
  hostKind: 'society',
  uscc: validUscc(7001),
  districtCode: '110108',
  address: '北京市海淀区学院路 1 号',
  contactName: '周老师',
  contactPhone: '010-62000000',
  username: 'xincailiao',
  password: 'Xin#Cailiao2026',
  ...over,
});

describe('依托单位注册', () => {
  let center: string;
  beforeAll(async () => {
    center = await t.login('center');
  });

  it('is closed outside an open call', async () => {
    expect((await t.call(null, 'GET', '/api/v1/host-registrations/window')).json).toEqual({ open: false });
    const r = await t.call(null, 'POST', '/api/v1/host-registrations', body());
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('第十条');
  });

  it('checks the USCC, the password policy and taken names; changes nothing when refused', async () => {
    await openCall2026(t, center);
    expect((await t.call(null, 'GET', '/api/v1/host-registrations/window')).json).toMatchObject({
      open: true,
      programYear: 2026,
    });
    const bad = await t.call(
      null,
      'POST',
      '/api/v1/host-registrations',
      body({ uscc: badCheckUscc(7001), password: 'x' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['uscc']);
    const weak = await t.call(null, 'POST', '/api/v1/host-registrations', body({ password: 'weakpass' }));
    expect(weak.status).toBe(400);
    expect(weak.json.error.issues[0].path).toBe('password');
    const taken = await t.call(null, 'POST', '/api/v1/host-registrations', body({ username: 'host' }));
    expect(taken.status).toBe(400);
    expect(taken.json.error.issues[0]).toMatchObject({ path: 'username' });
    expect(await t.deps.db.selectFrom('host_registrations').selectAll().execute()).toEqual([]);
  });

  it('a registered host cannot sign in until approved; then it applies', async () => {
    const r = await t.call(null, 'POST', '/api/v1/host-registrations', body());
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const again = await t.call(null, 'POST', '/api/v1/host-registrations', body({ username: 'other-name' }));
    expect(again.status).toBe(400);
    expect(again.json.error.issues[0].path).toBe('uscc');
    const early = await t.call(null, 'POST', '/api/v1/sessions', {
      username: 'xincailiao',
      password: 'Xin#Cailiao2026',
    });
    expect(early.status).toBe(403);
    expect(early.json.error.message).toContain('等待创新服务中心审核');

    const host = await t.login('host');
    expect((await t.call(host, 'GET', '/api/v1/host-registrations')).status).toBe(403);
    const list = await t.call(center, 'GET', '/api/v1/host-registrations?status=pending');
    expect(list.json.items).toHaveLength(1);
    const reg = list.json.items[0];
    expect(reg).toMatchObject({ organizationName: '北京市新材料学会', statusLabel: '待审核', username: 'xincailiao' });
    const noReason = await t.call(center, 'POST', `/api/v1/host-registrations/${reg.id}/decision`, {
      version: reg.version,
      approve: false,
    });
    expect(noReason.status).toBe(400);
    const ok = await t.call(center, 'POST', `/api/v1/host-registrations/${reg.id}/decision`, {
      version: reg.version,
      approve: true,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json.status).toBe('approved');

    const me = await t.login('xincailiao', 'Xin#Cailiao2026');
    const call = (await t.call(me, 'GET', '/api/v1/calls')).json.items[0];
    const app = await t.call(me, 'POST', '/api/v1/applications', {
      callId: call.id,
      form: completeForm('district_a', '110108', '新材料学会海淀站点'),
    });
    expect(app.status, JSON.stringify(app.json)).toBe(201);
    expect(app.json.hostName).toBe('北京市新材料学会');
  });
});
