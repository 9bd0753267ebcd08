// Issue 14, 工作概览: a program year at a glance for the Center and, scoped, for a district — stations behind with their
// main shortfall, reports overdue and awaiting acceptance, findings and recoveries open, funds against time — each
// figure equal to what the list behind it shows.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, HAIDIAN } from './support/fixtures';
import { freshFinding, freshOrder, seedInspection } from './support/supervision';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

type Worst = {
  stationId: string;
  behindCount: number;
  mainShortfall: { kpiId: string; actual: number; expected: number; target: number; article: string };
};

async function at(day: string) {
  t.clock.set(new Date(`${day}T10:00:00+08:00`).toISOString());
}

describe('工作概览 of a program year', () => {
  it('names the stations behind the pace, worst first, each with its main shortfall as the KPI matrix computes it', async () => {
    await at('2025-09-15');
    const center = await t.login('center');
    const r = await t.call(center, 'GET', '/api/v1/oversight?year=2025');
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const o = r.json;
    const matrix = (await t.call(center, 'GET', '/api/v1/kpi-matrix?year=2025')).json;
    expect(o.stations.total).toBe(matrix.rows.length);
    const behindRows = matrix.rows.filter((x: { behindCount: number }) => x.behindCount > 0);
    expect(behindRows.length).toBeGreaterThan(0);
    expect(o.stations.behind).toBe(behindRows.length);
    expect(o.stations.worst.length).toBe(Math.min(10, behindRows.length));
    const worst = o.stations.worst as Worst[];
    for (let i = 1; i < worst.length; i++)
      expect(worst[i - 1].behindCount).toBeGreaterThanOrEqual(worst[i].behindCount);
    for (const w of worst) {
      const row = matrix.rows.find((x: { stationId: string }) => x.stationId === w.stationId);
      expect(w.mainShortfall).toEqual(row.mainShortfall);
      expect(w.mainShortfall.actual).toBeLessThan(w.mainShortfall.expected);
      expect(w.mainShortfall.article).toMatch(/^第.+条$/);
    }
    // Before the period ends no report is due: 项目决算报告 0/1 is not a shortfall yet (第十二条).
    expect(worst.some((w) => w.mainShortfall.kpiId.startsWith('report_'))).toBe(false);
    expect(o.reports).toEqual({ due: 0, overdue: 0, awaitingAcceptance: 0 });
  });

  it('counts findings and recovery orders still open, and those past their due date', async () => {
    const inspection = await seedInspection(t, [ids.stations.haidian, ids.stations.chaoyang]);
    await freshFinding(t, inspection, ids.stations.haidian);
    const violation = await freshFinding(t, inspection, ids.stations.chaoyang, 'violation');
    await freshOrder(t, violation, ids.stations.chaoyang);
    const center = await t.login('center');
    const o = (await t.call(center, 'GET', '/api/v1/oversight?year=2025')).json;
    expect(o.findings.open).toBeGreaterThanOrEqual(2);
    expect(o.recoveries.open).toBe(1);
    expect(o.recoveries.owedFen).toBeGreaterThan(0);
    // A district sees its own district only: 海淀 has the rectification, not 朝阳's recovery.
    const haidian = (await t.call(await t.login('haidian'), 'GET', '/api/v1/oversight?year=2025')).json;
    expect(haidian.recoveries.open).toBe(0);
    expect(haidian.findings.open).toBeGreaterThanOrEqual(1);
    expect(haidian.stations.total).toBe(
      (await t.call(center, 'GET', `/api/v1/stations?year=2025&districtCode=${HAIDIAN}&pageSize=100`)).json.total,
    );
  });

  it('after the period, the projects owing reports are due, and overdue after the due date, as the projects list filters them', async () => {
    await at('2026-11-03');
    const center = await t.login('center');
    const o = (await t.call(center, 'GET', '/api/v1/oversight?year=2025')).json;
    const due = (await t.call(center, 'GET', '/api/v1/projects?year=2025&status=reports_due&pageSize=1')).json.total;
    expect(o.reports.due).toBe(due);
    expect(o.reports.overdue).toBe(due);
    expect(o.funds.timeElapsed).toBe(1);
    const funds = (await t.call(center, 'GET', '/api/v1/funds/execution?year=2025&pageSize=1')).json;
    expect(o.funds.spentGrantFen).toBe(funds.totals.spentGrantFen);
  });

  it('refuses a missing year with a Chinese message naming it, and an account without ledgers', async () => {
    const center = await t.login('center');
    const r = await t.call(center, 'GET', '/api/v1/oversight');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('请选择年度');
    const reviewer = await t.login('reviewer');
    expect((await t.call(reviewer, 'GET', '/api/v1/oversight?year=2025')).status).toBe(403);
  });
});
