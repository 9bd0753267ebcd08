// 工作调整 (第十一条) is asked for in advance and takes effect inside the project period: once the period has ended no
// request can succeed, so the server refuses a new one up front with the reason, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { count, demoIds, lastAuditSeq } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let projectId: string;
let terms: Record<string, unknown>;
beforeAll(async () => {
  host = await t.login('host');
  const p = await t.deps.db
    .selectFrom('projects')
    .select('id')
    .where('station_id', '=', ids.stations.haidian)
    .executeTakeFirstOrThrow();
  projectId = p.id;
  terms = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json.terms;
});

const request = (effectiveOn: string) => ({
  title: '更换联系人',
  reason: '原联系人调岗，更换联系人',
  effectiveOn,
  terms: { ...terms, contactName: '新联系人' },
});

describe('a change request after the project period', () => {
  it('is refused with the reason and the article, and nothing is written', async () => {
    const end = String(terms.periodEnd);
    // The day after the period's last day, 10:00 in Beijing.
    const dayAfter = new Date(`${end}T10:00:00+08:00`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    t.clock.set(dayAfter.toISOString());
    host = await t.login('host');
    const rows = await count(t, 'change_requests');
    const seq = await lastAuditSeq(t);
    const r = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, request(end));
    expect(r.status, JSON.stringify(r.json)).toBe(409);
    expect(r.json.error.message).toBe('项目期已结束，不能再提出调整申请（第十一条：工作调整须在项目期内提前申请）');
    expect(await count(t, 'change_requests')).toBe(rows);
    expect(await lastAuditSeq(t)).toBe(seq);
  });

  it('on the period’s last day a request can still be drafted', async () => {
    const end = String(terms.periodEnd);
    t.clock.set(new Date(`${end}T10:00:00+08:00`).toISOString());
    host = await t.login('host');
    const r = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, request(end));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.status).toBe('draft');
  });
});
