// Quotas under concurrent approvals (第六条, 第十条), the to-do inbox with reminders, and the notice board (issue #4).
// On PostgreSQL (npm run test:pg) the two approvals run on two connections at once; on SQLite they queue.

import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderSweep } from '../../src/server/features/inbox/inbox.service';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { completeForm, hostAccountFor, openCall2026, scoreAll, submitApplication, userId } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let center: string;
let callId: string;
beforeAll(async () => {
  center = await t.login('center');
  callId = await openCall2026(t, center);
});

async function underReview(cookie: string, name: string) {
  const app = await submitApplication(t, cookie, callId, completeForm('iur', null, name));
  const reviewers = ['reviewer', 'reviewer2', 'reviewer3'];
  const assign = await t.call(center, 'POST', `/api/v1/applications/${app.id}/reviewers`, {
    reviewerIds: await Promise.all(reviewers.map((u) => userId(t, u))),
  });
  expect(assign.status, JSON.stringify(assign.json)).toBe(201);
  await scoreAll(t, app.id, reviewers, [85, 80, 75]);
  const a = (await t.call(center, 'GET', `/api/v1/applications/${app.id}`)).json;
  const s = await t.call(center, 'POST', `/api/v1/applications/${app.id}/start-review`, { version: a.version });
  expect(s.status, JSON.stringify(s.json)).toBe(200);
  return s.json as { id: string; version: number };
}

describe('two approvals racing for the last IUR place: one wins', () => {
  it('fills five of six places, then two approvals race for the sixth', async () => {
    // Five IUR stations of 2026 already exist (registered directly), so one place is left of the quota of six.
    const now = t.clock.now().toISOString();
    const unis = ids.orgs.universities;
    for (const org of [unis[3], unis[4], unis[5], unis[3], unis[4]]) {
      await t.deps.db
        .insertInto('stations')
        .values({
          id: uuidv7(),
          program_year: 2026,
          type: 'iur',
          district_code: null,
          host_org_id: org,
          name: `已立项站点 ${uuidv7().slice(-6)}`,
          period_start: '2026-01-01',
          period_end: '2026-12-31',
          leader_name: '甲',
          leader_phone: '13800000000',
          contact_name: '乙',
          contact_phone: '13800000001',
          created_at: now,
          updated_at: now,
          version: 1,
          ledger_version: 0,
        })
        .execute();
    }
    const a = await underReview(await hostAccountFor(t, unis[0], 'uni0'), '甲大学产学研站点');
    const b = await underReview(await hostAccountFor(t, unis[1], 'uni1'), '乙大学产学研站点');

    const center2 = await t.login('center');
    const [ra, rb] = await Promise.all([
      t.call(center, 'POST', '/api/v1/applications/approve', { items: [{ id: a.id, version: a.version }] }),
      t.call(center2, 'POST', '/api/v1/applications/approve', { items: [{ id: b.id, version: b.version }] }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.json.error.message).toMatch(/名额.*满/);
    const n = await t.deps.db
      .selectFrom('stations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('program_year', '=', 2026)
      .where('type', '=', 'iur')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(6);
    // The loser's application is unchanged and still under review.
    const lost = ra.status === 409 ? a : b;
    expect((await t.call(center, 'GET', `/api/v1/applications/${lost.id}`)).json.status).toBe('under_review');
  });
});

describe('to-do inbox, reminders and notices', () => {
  it('each role sees what waits for it; the reminder job writes each reminder once', async () => {
    let host = await t.login('host');
    const draft = await t.call(host, 'POST', '/api/v1/applications', {
      callId,
      form: { stationName: '海淀待办测试站点', stationType: 'district_a', districtCode: '110108' },
    });
    expect(draft.status).toBe(201);
    const inbox = await t.call(host, 'GET', '/api/v1/inbox');
    expect(inbox.status).toBe(200);
    const task = inbox.json.tasks.find((x: { link: string }) => x.link === `/applications/${draft.json.id}`);
    expect(task).toMatchObject({ kind: 'submit_application', dueOn: '2025-07-31', article: '第十条' });
    // The demo projects wait for the host's year-end reports (第十二条).
    expect(inbox.json.tasks.some((x: { kind: string }) => x.kind === 'submit_reports')).toBe(true);
    // Another host does not see it.
    let other = await hostAccountFor(t, ids.orgs.chaoyangHost, 'chaoyang-host');
    const oi = await t.call(other, 'GET', '/api/v1/inbox');
    expect(oi.json.tasks.some((x: { link: string }) => x.link === `/applications/${draft.json.id}`)).toBe(false);

    // Seven days before the deadline (the default), the job writes the reminder, once.
    t.clock.set('2025-07-25T02:00:00.000Z');
    const written = await runReminderSweep(t.deps);
    expect(written).toBeGreaterThan(0);
    expect(await runReminderSweep(t.deps)).toBe(0);
    // Sessions expired with the jump of the clock: sign in again.
    host = await t.login('host');
    other = await t.login('chaoyang-host');
    center = await t.login('center');
    const after = await t.call(host, 'GET', '/api/v1/inbox');
    expect(after.json.reminders.map((r: { title: string }) => r.title)).toContain(
      '2025-07-31 截止：完成并提交申报书“海淀待办测试站点”',
    );
    expect(
      (await t.call(other, 'GET', '/api/v1/inbox')).json.reminders.map((r: { title: string }) => r.title),
    ).not.toContain('2025-07-31 截止：完成并提交申报书“海淀待办测试站点”');
    // Configurable: with 3 days a task due in 6 is not yet due soon.
    const s = await t.call(center, 'PUT', '/api/v1/reminder-settings', { days: 3, version: null });
    expect(s.status, JSON.stringify(s.json)).toBe(200);
    const soon = await t.call(host, 'GET', '/api/v1/inbox');
    expect(soon.json.reminderDays).toBe(3);
    expect(soon.json.tasks.find((x: { link: string }) => x.link === `/applications/${draft.json.id}`).dueSoon).toBe(
      false,
    );
    t.clock.set('2025-06-15T02:00:00.000Z');
    center = await t.login('center');
  });

  it('opening the call put it on the notice board; the Center publishes and withdraws notices', async () => {
    const reviewer = await t.login('reviewer');
    const list = await t.call(reviewer, 'GET', '/api/v1/notices');
    expect(list.json.items[0]).toMatchObject({ kind: 'call', title: '2026年度“千人进千企”工作站点申报通知' });
    const host = await t.login('host');
    expect(
      (await t.call(host, 'POST', '/api/v1/notices', { kind: 'general', title: '测试公告', body: '正文正文正文' }))
        .status,
    ).toBe(403);
    const n = await t.call(center, 'POST', '/api/v1/notices', {
      kind: 'result',
      title: '2026年度立项结果公告',
      body: '经评审，以下站点立项。',
    });
    expect(n.status, JSON.stringify(n.json)).toBe(201);
    expect((await t.call(host, 'GET', '/api/v1/notices')).json.items[0].title).toBe('2026年度立项结果公告');
    expect((await t.call(center, 'DELETE', `/api/v1/notices/${n.json.id}`)).status).toBe(200);
  });
});
