// The web's session probe (issue #10 §6): `GET /api/v1/sessions/current` answers 200 whether or not anyone is signed
// in — `me: null` when nobody is — so a first visit to the sign-in page logs no failed request in the browser.
// `GET /api/v1/me` keeps answering 401 when signed out, for the clients that rely on it.
import { afterAll, describe, expect, it } from 'vitest';
import { currentSessionSchema } from '../../src/shared/schemas/auth';
import { createTestApp, type TestApp } from '../setup/test-app';
import { cookieOf, snapshot } from './support/fixtures';

const t: TestApp = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
afterAll(() => t.close());

const PROBE = '/api/v1/sessions/current';

describe('GET /api/v1/sessions/current', () => {
  it('signed out (no cookie, or a forged or ended one): 200 { me: null }, and /api/v1/me still 401', async () => {
    const before = await snapshot(t);
    for (const cookie of [null, 'qianqi_sid=forged-or-expired-token']) {
      const r = await t.call(cookie, 'GET', PROBE);
      expect(r.status, String(cookie)).toBe(200);
      expect(r.json).toEqual({ me: null });
      expect(currentSessionSchema.parse(r.json)).toEqual({ me: null });
      expect(r.res.headers.get('set-cookie')).toBeNull();
      const me = await t.call(cookie, 'GET', '/api/v1/me');
      expect(me.status).toBe(401);
      expect(me.json.error.code).toBe('unauthenticated');
    }
    // Asking who is signed in writes nothing, not even an audit row.
    expect(await snapshot(t)).toEqual(before);

    const cookie = await t.login('staff');
    expect((await t.call(cookie, 'DELETE', '/api/v1/sessions/current')).status).toBe(200);
    const ended = await t.call(cookie, 'GET', PROBE);
    expect(ended.status).toBe(200);
    expect(ended.json).toEqual({ me: null });
  });

  it('signed in: 200 with the same account as /api/v1/me, matching the declared schema', async () => {
    const cookie = await t.login('haidian');
    const r = await t.call(cookie, 'GET', PROBE);
    expect(r.status).toBe(200);
    expect(r.json.me).toMatchObject({ username: 'haidian', role: 'district', districtCode: '110108' });
    expect(currentSessionSchema.parse(r.json)).toEqual(r.json);
    const me = await t.call(cookie, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(r.json).toEqual(me.json);
  });

  it('answers an account that must change its password first (the web then shows the change-password page)', async () => {
    const sys = await t.login('sysadmin');
    const created = await t.call(sys, 'POST', '/api/v1/users', {
      username: 'probe_chaoyang',
      displayName: '朝阳区科协',
    });
    expect(created.status).toBe(201);
    const login = await t.call(null, 'POST', '/api/v1/sessions', {
      username: 'probe_chaoyang',
      password: created.json.temporaryPassword,
    });
    expect(login.status).toBe(201);
    const cookie = cookieOf(login.res);
    const r = await t.call(cookie, 'GET', PROBE);
    expect(r.status).toBe(200);
    expect(r.json.me).toMatchObject({ username: 'probe_chaoyang', mustChangePassword: true });
  });

  it('is public in the API document, with its answer’s schema', async () => {
    const doc = await t.call(null, 'GET', '/api/v1/openapi.json');
    const op = doc.json.paths[PROBE].get;
    expect(op.description).toBe('公开');
    const schema = op.responses['200'].content['application/json'].schema;
    expect(schema).toEqual({ $ref: '#/components/schemas/CurrentSession' });
    expect(JSON.stringify(doc.json.components.schemas.Me)).toContain('mustChangePassword');
  });
});
