// A station's computed KPIs are reused while its ledger is unchanged (ledger_version): every way the ledger changes
// must show at once on the KPI page — a record, evidence, an import elsewhere that changes the shared enterprise
// registry, the station's period. Each case reads the KPIs first (so they are cached), changes, and reads again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../../src/server/demo/sample-png';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, rawRequest } from './support/fixtures';
import { freshUscc } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let center: string;
beforeAll(async () => {
  host = await t.login('host');
  center = await t.login('center');
});
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;

async function kpis(cookie = center) {
  const r = await t.call(cookie, 'GET', `${HD()}/kpis`);
  expect(r.status).toBe(200);
  return r.json as { kpis: Array<{ id: string; actual: number }>; findings: Array<{ id: string; ref: string }> };
}
const actual = async (id: string) => (await kpis()).kpis.find((k) => k.id === id)!.actual;

describe('the KPI cache follows every change', () => {
  it('a new contact with a listed enterprise of the district counts at once', async () => {
    const code = freshUscc();
    const before = await actual('enterprises_contacted');
    expect(
      (
        await t.call(host, 'POST', `${HD()}/enterprises`, {
          uscc: code,
          name: '北京缓存测试科技有限公司',
          districtCode: '110108',
          hasAssociation: true,
          srdi: 'none',
          keyServed: false,
        })
      ).status,
    ).toBe(201);
    expect(await actual('enterprises_contacted')).toBe(before);
    expect(
      (await t.call(host, 'POST', `${HD()}/contacts`, { uscc: code, date: '2025-06-01', mode: 'visit' })).status,
    ).toBe(201);
    expect(await actual('enterprises_contacted')).toBe(before + 1);
  });

  it('evidence uploaded for an event clears its evidence_missing finding', async () => {
    const ev = await t.call(host, 'POST', `${HD()}/events`, {
      kind: 'training',
      title: '缓存测试培训',
      date: '2025-06-02',
      expertIds: [],
      enterpriseUsccs: [],
    });
    const ref = `events[${ev.json.ref}]`;
    expect((await kpis()).findings.map((f) => f.ref)).toContain(ref);
    const up = await rawRequest(t, 'POST', `${HD()}/events/${ev.json.id}/evidence?kind=photo&fileName=a.png`, {
      cookie: host,
      headers: { 'content-type': 'application/octet-stream' },
      body: samplePng(8, 8),
    });
    expect(up.status).toBe(201);
    expect((await kpis()).findings.map((f) => f.ref)).not.toContain(ref);
  });

  it('an import elsewhere that changes the shared registry changes this station’s association share', async () => {
    const listed = await t.call(host, 'GET', `${HD()}/enterprises?q=缓存测试`);
    const e = listed.json.items[0];
    const share = await actual('association_share');
    const chaoyang = await t.deps.db
      .selectFrom('stations')
      .selectAll()
      .where('id', '=', ids.stations.chaoyang)
      .executeTakeFirstOrThrow();
    const ledger = (await t.call(center, 'GET', `/api/v1/stations/${chaoyang.id}/ledger`)).json;
    ledger.enterprises.push({
      uscc: e.uscc,
      name: e.name,
      district: '110108',
      hasAssociation: false,
      srdi: 'none',
      keyServed: false,
    });
    const r = await t.call(center, 'POST', `/api/v1/stations/${chaoyang.id}/ledger`, { ledger, replace: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(await actual('association_share')).toBeLessThan(share);
  });

  it('a shorter period (the station edited by the Center) counts fewer records', async () => {
    const before = await actual('events');
    const s = (await t.call(center, 'GET', HD())).json;
    const r = await t.call(center, 'PUT', HD(), {
      version: s.version,
      station: {
        programYear: s.programYear,
        type: s.type,
        districtCode: s.districtCode,
        hostOrgId: s.hostOrgId,
        name: s.name,
        periodStart: s.periodStart,
        periodEnd: '2025-05-31',
        leaderName: s.leaderName,
        leaderPhone: s.leaderPhone,
        contactName: s.contactName,
        contactPhone: s.contactPhone,
      },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(await actual('events')).toBeLessThan(before);
  });
});
