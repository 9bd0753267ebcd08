// A press release's link is opened by whoever reads the ledger: a ledger import (JSON or Excel) must refuse the same
// links the record form refuses — javascript:, data: … — with the JSON path of the field (issue #11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerInput } from '../../src/domain/ledger/schema';
import { policy2025 } from '../../src/domain/policy/index';
import { ledgerWorkbook } from '../../src/server/features/ledger-exchange/ledger-excel';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, rawRequest } from './support/fixtures';

const MESSAGE = '链接应以 http:// 或 https:// 开头';
const BAD_URLS = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

let t: TestApp;
let host: string;
let station: string;
let stationId: string;
let good: LedgerInput;
beforeAll(async () => {
  t = await createTestApp();
  host = await t.login('host');
  stationId = (await demoIds(t)).stations.haidian;
  station = `/api/v1/stations/${stationId}`;
  const exported = await t.call(host, 'GET', `${station}/ledger`);
  expect(exported.status).toBe(200);
  good = exported.json;
  good.pressReleases = [
    { title: '站点动态一', date: '2025-05-21', channel: 'association_website', url: 'https://kx.example.cn/1' },
    { title: '站点动态二', date: '2025-06-21', channel: 'other', url: 'http://kx.example.cn/2' },
  ];
});
afterAll(async () => {
  await t?.close();
});

function withUrl(url: string): LedgerInput {
  const ledger = structuredClone(good);
  ledger.pressReleases![0].url = url;
  return ledger;
}

const pressRows = () =>
  t.deps.db
    .selectFrom('press_releases')
    .select(['id', 'url'])
    .where('station_id', '=', stationId)
    .orderBy('id')
    .execute();

describe('press-release links in a ledger import', () => {
  it('the JSON import refuses a javascript:, data: or file: link with pressReleases[0].url and writes nothing', async () => {
    const before = await pressRows();
    for (const url of BAD_URLS) {
      const r = await t.call(host, 'POST', `${station}/ledger`, { ledger: withUrl(url), replace: true });
      expect(r.status, url).toBe(400);
      expect(r.json.error.issues, url).toContainEqual({ path: 'pressReleases[0].url', message: MESSAGE });
    }
    expect(await pressRows()).toEqual(before);
  });

  it('the Excel import refuses it too, on its sheet and row, and writes nothing', async () => {
    const before = await pressRows();
    for (const url of BAD_URLS.slice(0, 3)) {
      const xlsx = await ledgerWorkbook(withUrl(url), policy2025);
      const r = await rawRequest(t, 'POST', `${station}/ledger/xlsx?replace=1`, {
        cookie: host,
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(xlsx),
      });
      expect(r.status, url).toBe(400);
      const errors = r.json.report.errors as Array<{ path: string; message: string; sheet?: string; row?: number }>;
      expect(
        errors.find((e) => e.path === 'pressReleases[0].url'),
        url,
      ).toMatchObject({
        message: MESSAGE,
        sheet: '新闻宣传',
        row: 2,
      });
    }
    expect(await pressRows()).toEqual(before);
  });

  it('the record form refuses the same links with the same message (one rule)', async () => {
    for (const url of BAD_URLS) {
      const r = await t.call(host, 'POST', `${station}/press-releases`, {
        title: '站点动态',
        date: '2025-06-03',
        channel: 'association_website',
        url,
      });
      expect(r.status, url).toBe(400);
      expect(r.json.error.issues, url).toEqual([{ path: 'url', message: MESSAGE }]);
    }
  });

  it('http and https links, and none at all, still import', async () => {
    const ledger = structuredClone(good);
    ledger.pressReleases!.push({ title: '站点动态三', date: '2025-07-01', channel: 'other' });
    const r = await t.call(host, 'POST', `${station}/ledger`, { ledger, replace: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await pressRows()).map((p) => p.url).sort()).toEqual([
      'http://kx.example.cn/2',
      'https://kx.example.cn/1',
      null,
    ]);
  });
});
