// 第三方审计 (第十二条, issue #5): the Center gives an auditor account a station for a time window; the auditor reads
// the station within the window only, and not after it is removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { userId } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let center: string;
let auditorId: string;
beforeAll(async () => {
  center = await t.login('center');
  auditorId = await userId(t, 'auditor');
});

const sees = async (stationId: string) =>
  (await t.call(await t.login('auditor'), 'GET', `/api/v1/stations/${stationId}`)).status;

describe('auditor assignment', () => {
  it('an assignment whose window has not started gives nothing; one that covers today gives the station', async () => {
    const path = `/api/v1/stations/${ids.stations.haidian}/auditors`;
    expect(await sees(ids.stations.haidian)).toBe(404);
    const later = await t.call(center, 'POST', path, {
      userId: auditorId,
      validFrom: '2025-07-01',
      validTo: '2025-07-31',
    });
    expect(later.status, JSON.stringify(later.json)).toBe(201);
    expect(await sees(ids.stations.haidian)).toBe(404);
    // Today (the test clock) is 2025-06-15; July comes.
    t.clock.set('2025-07-10T02:00:00.000Z');
    expect(await sees(ids.stations.haidian)).toBe(200);
    t.clock.set('2025-08-01T02:00:00.000Z');
    expect(await sees(ids.stations.haidian)).toBe(404);
    t.clock.set('2025-06-15T02:00:00.000Z');
    center = await t.login('center');
  });

  it('refuses a non-auditor account, an inverted window and a second assignment; removing ends access', async () => {
    const path = `/api/v1/stations/${ids.stations.haidian}/auditors`;
    const host = await t.call(center, 'POST', path, {
      userId: await userId(t, 'host'),
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
    });
    expect(host.status).toBe(400);
    expect(host.json.error.issues[0].path).toBe('userId');
    const inverted = await t.call(center, 'POST', path, {
      userId: auditorId,
      validFrom: '2025-12-31',
      validTo: '2025-06-01',
    });
    expect(inverted.status).toBe(400);
    expect(inverted.json.error.issues[0].path).toBe('validTo');
    const again = await t.call(center, 'POST', path, {
      userId: auditorId,
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
    });
    expect(again.status).toBe(409);
    const removed = await t.call(center, 'DELETE', `${path}/${auditorId}`);
    expect(removed.status).toBe(200);
    expect(removed.json.items).toEqual([]);
    const now = await t.call(center, 'POST', path, {
      userId: auditorId,
      validFrom: '2025-06-01',
      validTo: '2025-12-31',
    });
    expect(now.status).toBe(201);
    expect(now.json.items[0]).toMatchObject({ username: 'auditor', validFrom: '2025-06-01', validTo: '2025-12-31' });
    expect(await sees(ids.stations.haidian)).toBe(200);
    expect((await t.call(center, 'DELETE', `${path}/${auditorId}`)).status).toBe(200);
    expect(await sees(ids.stations.haidian)).toBe(404);
  });
});
