import { describe, expect, it } from 'vitest';
import { type KpiStanding, shortfalls } from './shortfall';

const period = { start: '2025-01-01', end: '2025-12-31' };
const k = (p: Partial<KpiStanding> & Pick<KpiStanding, 'id' | 'measure' | 'actual' | 'target'>): KpiStanding => ({
  name: p.id,
  unit: '项',
  article: '第七条',
  met: p.actual >= p.target,
  ...p,
});

describe('主要短板', () => {
  it('a count is behind when below target × the share of the period elapsed, the worst against that pace first', () => {
    // 2025-07-02 is day 183 of 365: 50.1% elapsed; 4 events → 3 expected (rounded up), 20 contacts → 11 expected.
    const list = shortfalls(
      [
        k({ id: 'events', measure: 'count', actual: 1, target: 4 }),
        k({ id: 'enterprises_contacted', measure: 'count', actual: 2, target: 20 }),
        k({ id: 'press_releases', measure: 'count', actual: 3, target: 4 }),
      ],
      { period, today: '2025-07-02' },
    );
    expect(list.map((s) => [s.kpiId, s.expected])).toEqual([
      ['enterprises_contacted', 11],
      ['events', 3],
    ]);
  });

  it('reports are due at the end of the period (第十二条): not behind before, behind after', () => {
    const report = k({ id: 'report_final_accounts', measure: 'presence', actual: 0, target: 1 });
    expect(shortfalls([report], { period, today: '2025-11-30' })).toEqual([]);
    expect(shortfalls([report], { period, today: '2026-01-05' })[0]).toMatchObject({
      kpiId: 'report_final_accounts',
      status: 'not_met',
      expected: 1,
    });
  });

  it('nothing is behind before the period starts, and a met KPI never is', () => {
    const events = k({ id: 'events', measure: 'count', actual: 0, target: 4 });
    expect(shortfalls([events], { period, today: '2024-12-20' })).toEqual([]);
    expect(
      shortfalls([k({ id: 'events', measure: 'count', actual: 5, target: 4 })], { period, today: '2026-01-05' }),
    ).toEqual([]);
  });
});
