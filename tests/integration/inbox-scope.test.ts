// 我的待办 reads only the rows that can concern the account (issue #5 review): for every demo account and a database
// holding tasks of every kind — applications of three hosts in every state, review assignments, projects, change
// requests, findings and recovery orders — the narrowed collection gives exactly the tasks of the full one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTasks, forAccount } from '../../src/server/features/inbox/tasks';
import type { Role } from '../../src/shared/permissions';
import { createTestApp, type TestApp } from '../setup/test-app';
import { DEMO_USERS, demoIds } from './support/fixtures';
import { seedLifecycleTargets } from './support/lifecycle';
import { freshFinding, freshOrder, seedInspection } from './support/supervision';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

beforeAll(async () => {
  await seedLifecycleTargets(t, await t.login('center'), ids);
  const inspection = await seedInspection(t, [ids.stations.haidian, ids.stations.chaoyang]);
  await freshFinding(t, inspection, ids.stations.haidian);
  const responded = await freshFinding(t, inspection, ids.stations.chaoyang);
  await t.deps.db.updateTable('inspection_findings').set({ status: 'responded' }).where('id', '=', responded).execute();
  const violation = await freshFinding(t, inspection, ids.stations.haidian, 'violation');
  await freshOrder(t, violation, ids.stations.haidian);
});

describe('the inbox of each account', () => {
  it('narrowed in SQL, holds exactly the tasks the full collection gives it', async () => {
    const everything = await collectTasks(t.deps.db);
    const kinds = new Set(everything.map((x) => x.kind));
    // The database really holds tasks of many kinds, for many audiences.
    for (const k of ['recommend', 'organise_review', 'review', 'submit_reports', 'submit_change', 'respond_finding'])
      expect(kinds).toContain(k);
    for (const k of ['decide_finding', 'pay_recovery', 'record_recovery']) expect(kinds).toContain(k);
    const users = await t.deps.db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'organization_id', 'district_code'])
      .execute();
    let nonEmpty = 0;
    for (const u of users) {
      const who = {
        role: u.role as Role,
        userId: u.id,
        organizationId: u.organization_id,
        districtCode: u.district_code,
      };
      const full = everything.filter((x) => forAccount(x, who)).map((x) => x.key);
      const narrowed = (await collectTasks(t.deps.db, who)).filter((x) => forAccount(x, who)).map((x) => x.key);
      expect(narrowed, u.username).toEqual(full);
      if (full.length) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(Object.keys(DEMO_USERS).length - 4);
  });
});
