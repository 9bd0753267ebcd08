// Issue 14, the calendar of the year: creating next year (复制为新年度, each Q4) does not move anybody's screens onto
// an empty year — the server marks the working year — and a project whose period has ended leaves 实施中 for
// 待提交报告 (第十二条), then 待验收 once its reports are in (第十三条), as a label and as a list filter.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

type Summary = {
  year: number;
  stationCount: number;
  working: boolean;
  periodStart: string | null;
  periodEnd: string | null;
};
type Project = {
  id: string;
  stationId: string;
  status: string;
  statusLabel: string;
  phase: string;
  reportsOverdue: boolean;
};

const workingOf = (items: Summary[]) => items.filter((y) => y.working).map((y) => y.year);

async function atBeijing(day: string) {
  t.clock.set(new Date(`${day}T10:00:00+08:00`).toISOString());
}

describe('the working year', () => {
  it('stays on the year whose stations are at work after the Center creates next year', async () => {
    await atBeijing('2025-11-20');
    const center = await t.login('center');
    const before = await t.call(center, 'GET', '/api/v1/program-years');
    expect(before.status).toBe(200);
    expect(workingOf(before.json.items)).toEqual([2025]);
    const next = Math.max(...(before.json.items as Summary[]).map((y) => y.year)) + 1;

    const created = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: next });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const after = await t.call(center, 'GET', '/api/v1/program-years');
    const items = after.json.items as Summary[];
    expect(items[0].year).toBe(next); // newest first, as before
    expect(items[0]).toMatchObject({ stationCount: 0, working: false, periodStart: null, periodEnd: null });
    expect(workingOf(items)).toEqual([2025]);
    const y2025 = items.find((y) => y.year === 2025)!;
    expect(y2025.stationCount).toBeGreaterThan(0);
    expect(y2025.periodStart! <= '2025-11-20' && '2025-11-20' <= y2025.periodEnd!).toBe(true);
  });

  it('is the same for a district association, over its own stations', async () => {
    const district = await t.login('haidian');
    const r = await t.call(district, 'GET', '/api/v1/program-years');
    expect(workingOf(r.json.items)).toEqual([2025]);
  });

  it('after the period has ended, the last year with stations stays the working year', async () => {
    await atBeijing('2026-11-03');
    const center = await t.login('center');
    const r = await t.call(center, 'GET', '/api/v1/program-years');
    expect(workingOf(r.json.items)).toEqual([2025]);
  });
});

describe('projects on the calendar', () => {
  async function haidianProject(token: string): Promise<Project> {
    const r = await t.call(token, 'GET', '/api/v1/projects?year=2025&pageSize=100');
    expect(r.status).toBe(200);
    return (r.json.items as Project[]).find((p) => p.stationId === ids.stations.haidian)!;
  }

  it('a signed project is 实施中 during its period', async () => {
    await atBeijing('2025-06-15');
    const center = await t.login('center');
    const p = await haidianProject(center);
    expect(p).toMatchObject({
      status: 'in_progress',
      phase: 'in_progress',
      statusLabel: '实施中',
      reportsOverdue: false,
    });
    const running = await t.call(center, 'GET', '/api/v1/projects?year=2025&status=in_progress&pageSize=100');
    const due = await t.call(center, 'GET', '/api/v1/projects?year=2025&status=reports_due&pageSize=100');
    expect(running.json.total).toBeGreaterThan(0);
    expect(due.json.total).toBe(0);
  });

  it('after the period it is 待提交报告 (第十二条), overdue after the reports’ due date, in the list and its filter', async () => {
    await atBeijing('2026-11-03');
    const center = await t.login('center');
    const p = await haidianProject(center);
    expect(p).toMatchObject({
      status: 'in_progress',
      phase: 'reports_due',
      statusLabel: '待提交报告',
      reportsOverdue: true,
    });
    const detail = await t.call(center, 'GET', `/api/v1/projects/${p.id}`);
    expect(detail.json).toMatchObject({ phase: 'reports_due', statusLabel: '待提交报告', phaseArticle: '第十二条' });

    const running = await t.call(center, 'GET', '/api/v1/projects?year=2025&status=in_progress&pageSize=100');
    const due = await t.call(center, 'GET', '/api/v1/projects?year=2025&status=reports_due&pageSize=100');
    expect(running.json.total).toBe(0);
    expect((due.json.items as Project[]).map((x) => x.id)).toContain(p.id);
    expect((due.json.items as Project[]).every((x) => x.phase === 'reports_due')).toBe(true);
  });

  it('a host sees its own project as 待提交报告 too', async () => {
    const host = await t.login('host');
    const p = await haidianProject(host);
    expect(p.statusLabel).toBe('待提交报告');
  });
});
