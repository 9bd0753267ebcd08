// Issue 14, 我的待办 of the Center (center_admin and center_staff): the queues it works through — 金桥 candidates not
// yet reviewed (第九条), year-end reports overdue (第十二条), host registrations to approve — each one task with its
// count and a link to exactly those rows. A district or a host does not get them.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { HAIDIAN, validUscc } from './support/fixtures';
import { openCall2026 } from './support/lifecycle';

const t: TestApp = await createTestApp();
afterAll(() => t.close());

type Task = { key: string; kind: string; title: string; link: string; article: string; dueOn: string | null };

async function tasksOf(username: string): Promise<Task[]> {
  const r = await t.call(await t.login(username), 'GET', '/api/v1/inbox');
  expect(r.status).toBe(200);
  return r.json.tasks as Task[];
}

async function pendingCandidates(year: number): Promise<number> {
  const r = await t.call(
    await t.login('center'),
    'GET',
    `/api/v1/golden-bridge?year=${year}&status=pending&pageSize=1`,
  );
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.total as number;
}

describe('我的待办 of the Center', () => {
  it('lists the year’s 金桥 candidates waiting for review, for both Center roles, with the filtered list’s link', async () => {
    const waiting = await pendingCandidates(2025);
    expect(waiting).toBeGreaterThan(0);
    for (const user of ['center', 'staff']) {
      const task = (await tasksOf(user)).find((x) => x.kind === 'review_golden_bridge');
      expect(task, user).toMatchObject({
        title: `审核 2025 年度 ${waiting} 项金桥工程候选成果`,
        link: '/golden-bridge?year=2025&status=pending',
        article: '第九条',
      });
    }
    for (const user of ['haidian', 'host']) {
      expect(
        (await tasksOf(user)).some((x) => x.kind === 'review_golden_bridge'),
        user,
      ).toBe(false);
    }
  });

  it('lists a host registration waiting for approval, linking to the open review drawer', async () => {
    expect((await tasksOf('center')).some((x) => x.kind === 'approve_registration')).toBe(false);
    await openCall2026(t, await t.login('center'));
    const r = await t.call(null, 'POST', '/api/v1/host-registrations', {
      organizationName: '北京市新材料学会',
      hostKind: 'society',
      uscc: validUscc(7102),
      districtCode: HAIDIAN,
      address: '北京市海淀区学院路 1 号',
      contactName: '周老师',
      contactPhone: '010-62000000',
      username: 'xincailiao',
      password: 'Xin#Cailiao2026',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    for (const user of ['center', 'staff']) {
      const task = (await tasksOf(user)).find((x) => x.kind === 'approve_registration');
      expect(task, user).toMatchObject({
        title: '审核 1 个依托单位注册申请',
        link: '/organizations?review=registrations',
      });
    }
  });

  it('after the reports’ due date, the projects that owe them, counted as the linked list counts them', async () => {
    expect((await tasksOf('center')).some((x) => x.kind === 'chase_reports')).toBe(false);
    t.clock.set(new Date('2026-11-03T10:00:00+08:00').toISOString());
    const center = await t.login('center');
    const due = await t.call(center, 'GET', '/api/v1/projects?year=2025&status=reports_due&pageSize=1');
    expect(due.json.total).toBeGreaterThan(0);
    for (const user of ['center', 'staff']) {
      const task = (await tasksOf(user)).find((x) => x.kind === 'chase_reports');
      expect(task, user).toMatchObject({
        title: `2025 年度 ${due.json.total} 个项目逾期未提交总结报告和决算报告，请督促`,
        link: '/projects?year=2025&status=reports_due',
        article: '第十二条',
      });
      expect(task!.dueOn! < '2026-11-03').toBe(true);
    }
    // The host's own task for its project stays its own: 提交总结报告和决算报告.
    expect((await tasksOf('host')).some((x) => x.kind === 'chase_reports')).toBe(false);
    expect((await tasksOf('host')).some((x) => x.kind === 'submit_reports')).toBe(true);
  });
});
