// What an operator or an integrator checks first: the health check and the API document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system', () => {
  it('GET /api/health answers 200 with the engine in use, without signing in', async () => {
    const r = await t.call(null, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: t.deps.engine, databaseOk: true, storage: 'ok' });
    expect(t.deps.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
  });

  it('GET /api/v1/openapi.json lists every /api/v1 route with its method and declared access', async () => {
    const r = await t.call(null, 'GET', '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.1.0');
    expect(r.json.info.title).toContain('千企');
    const paths: Record<string, Record<string, { summary?: string; description?: string }>> = r.json.paths;
    const missing: string[] = [];
    for (const route of t.routes) {
      if (!route.path.startsWith('/api/v1/') || route.path === '/api/v1/openapi.json') continue;
      const op = paths[route.path]?.[route.method];
      if (!op) {
        missing.push(`${route.method} ${route.path}`);
        continue;
      }
      expect(op.summary).toBe(route.summary);
      if (typeof route.access === 'object') expect(op.description).toContain(route.access.permission);
    }
    expect(missing).toEqual([]);
    // …and nothing the router does not serve.
    const declared = new Set(t.routes.map((x) => `${x.method} ${x.path}`));
    const extra = Object.entries(paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .map((m) => `${m} ${p}`)
        .filter((k) => !declared.has(k)),
    );
    expect(extra).toEqual([]);
  });

  it('shows the security administrator the policy in force', async () => {
    const sec = await t.login('secadmin');
    const r = await t.call(sec, 'GET', '/api/v1/security-settings');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      passwordMinLength: 8,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
    });
  });
});
