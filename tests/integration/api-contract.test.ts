// The typed contract between server and web (decision 020): every operation declares what it answers, the document
// names its schemas, and the real answers of the demo data match what is declared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';

type Schema = Record<string, unknown>;
type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

let t: TestApp;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.call(null, 'GET', '/api/v1/openapi.json')).json;
});
afterAll(() => t.close());

// One sign-in per account: the sign-in rate limit (20 a minute from one address) is part of what is tested elsewhere.
const cookies = new Map<string, string>();
async function as(user: string): Promise<string> {
  let c = cookies.get(user);
  if (!c) {
    c = await t.login(user);
    cookies.set(user, c);
  }
  return c;
}

/** A schema says something: not `{}` (z.any()), whether inline or a reference to a component. */
function saysSomething(s: Schema | undefined): boolean {
  if (!s) return false;
  return Object.keys(s).length > 0;
}

describe('the OpenAPI document', () => {
  it('gives every operation a success response with a schema (JSON) or a declared file type (downloads)', () => {
    const without: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = op.responses['200'] ?? op.responses['201'];
        const content = ok?.content ?? {};
        const types = Object.keys(content);
        const json = content['application/json'];
        const good =
          types.length === 1 && (json ? saysSomething(json.schema) : types[0] !== 'application/json' && !!types[0]);
        if (!good) without.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(without).toEqual([]);
  });

  it('names its schemas as components, and every error answer shares one schema', () => {
    const names = Object.keys(doc.components?.schemas ?? {});
    expect(names).toContain('Error');
    expect(names.length).toBeGreaterThan(40);
    const errorRef = { $ref: '#/components/schemas/Error' };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const status of ['400', '401', '403', '404', '409', '413']) {
          expect(op.responses[status]?.content?.['application/json']?.schema, `${method} ${path} ${status}`).toEqual(
            errorRef,
          );
        }
      }
    }
  });
});

// With NODE_ENV=test the router checks every JSON answer against its declared schema (VALIDATE_RESPONSES), so each
// request below fails with a 500 naming the field if the answer drifts from the contract.
describe('the demo data answers as declared', () => {
  const lists: Array<[user: string, path: string]> = [
    ['center', '/api/v1/me'],
    ['center', '/api/v1/stations?year=2025'],
    ['center', '/api/v1/organizations'],
    ['center', '/api/v1/program-years'],
    ['center', '/api/v1/program-years/2025'],
    ['center', '/api/v1/projects?year=2025'],
    ['center', '/api/v1/applications?year=2025'],
    ['center', '/api/v1/calls'],
    ['center', '/api/v1/inspections?year=2025'],
    ['center', '/api/v1/recoveries'],
    ['center', '/api/v1/kpi-matrix?year=2025'],
    ['center', '/api/v1/funds/execution?year=2025'],
    ['center', '/api/v1/golden-bridge?year=2025'],
    ['center', '/api/v1/host-registrations'],
    ['center', '/api/v1/auditors'],
    ['center', '/api/v1/enterprises'],
    ['center', '/api/v1/inbox'],
    ['center', '/api/v1/notices'],
    ['center', '/api/v1/reminder-settings'],
    ['center', '/api/v1/districts?year=2025'],
    ['center', '/api/v1/home/overview?year=2025'],
    ['sysadmin', '/api/v1/users'],
    ['sysadmin', '/api/v1/setup/checklist'],
    ['secadmin', '/api/v1/users/scope-options'],
    ['secadmin', '/api/v1/password-resets'],
    ['secadmin', '/api/v1/security-settings'],
    ['auditadmin', '/api/v1/audit-events'],
    ['host', '/api/v1/stations?year=2025'],
    ['reviewer', '/api/v1/review-assignments'],
  ];
  it.each(lists)('%s: GET %s', async (user, path) => {
    const c = await as(user);
    const r = await t.call(c, 'GET', path);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  });

  it('a station, its ledger of every kind, its KPIs and its funds', async () => {
    const host = await as('host');
    const stations = await t.call(host, 'GET', '/api/v1/stations?year=2025');
    expect(stations.status).toBe(200);
    const id = stations.json.items[0].id as string;
    for (const path of [
      `/api/v1/stations/${id}`,
      `/api/v1/stations/${id}/kpis`,
      `/api/v1/stations/${id}/funds`,
      `/api/v1/stations/${id}/expenses`,
      `/api/v1/stations/${id}/supervision`,
      `/api/v1/stations/${id}/auditors`,
      ...[
        'enterprises',
        'contacts',
        'demands',
        'experts',
        'events',
        'press-releases',
        'cooperations',
        'outcomes',
        'achievements',
        'reports',
      ].map((k) => `/api/v1/stations/${id}/${k}`),
    ]) {
      const r = await t.call(host, 'GET', path);
      expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
    }
  });

  it('a project and an application in detail', async () => {
    const center = await as('center');
    const projects = await t.call(center, 'GET', '/api/v1/projects?year=2025');
    const p = await t.call(center, 'GET', `/api/v1/projects/${projects.json.items[0].id}`);
    expect(p.status, JSON.stringify(p.json)).toBe(200);
    const apps = await t.call(center, 'GET', '/api/v1/applications?year=2025');
    if (apps.json.items.length) {
      const a = await t.call(center, 'GET', `/api/v1/applications/${apps.json.items[0].id}`);
      expect(a.status, JSON.stringify(a.json)).toBe(200);
    }
  });
});
