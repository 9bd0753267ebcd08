import { describe, expect, it } from 'vitest';
import { elapsedShare, paceOf } from './forecast';
import type { KpiResult } from './types';

const period = { start: '2025-04-01', end: '2025-12-31' }; // 275 days
const kpi = (actual: number, target: number, met = actual >= target): KpiResult => ({
  id: 'events',
  article: '第七条',
  target,
  actual,
  met,
});

describe('elapsedShare', () => {
  it.each([
    ['2025-03-31', 0],
    ['2025-04-01', 1 / 275],
    ['2025-08-15', 137 / 275],
    ['2025-12-31', 1],
    ['2026-01-10', 1],
  ])('on %s', (today, share) => {
    expect(elapsedShare(period, today)).toBeCloseTo(share, 10);
  });
});

describe('paceOf', () => {
  it('a met KPI is met whatever the date', () => {
    expect(paceOf({ kpi: kpi(4, 4), measure: 'count', period, today: '2025-05-01' }).status).toBe('met');
  });

  it('projects a count linearly: on track at the pace, at risk below it', () => {
    // Half-way (day 137 of 275 is 2025-08-15): 25 of 50 is on track, 20 of 50 is not.
    expect(paceOf({ kpi: kpi(25, 50, false), measure: 'count', period, today: '2025-08-15' })).toMatchObject({
      status: 'on_track',
      projected: 50,
    });
    const risk = paceOf({ kpi: kpi(20, 50, false), measure: 'count', period, today: '2025-08-15' });
    expect(risk.status).toBe('at_risk');
    expect(risk.projected).toBe(40);
  });

  it('before the period nothing is judged; after it an unmet KPI is not met', () => {
    expect(paceOf({ kpi: kpi(0, 4, false), measure: 'count', period, today: '2025-03-01' }).status).toBe('not_started');
    expect(paceOf({ kpi: kpi(3, 4, false), measure: 'count', period, today: '2026-01-01' }).status).toBe('not_met');
    expect(paceOf({ kpi: kpi(3, 4, false), measure: 'count', period, today: '2025-12-31' }).status).toBe('not_met');
  });

  it('reports are due at the end; a share below target is at risk', () => {
    expect(paceOf({ kpi: kpi(0, 2000, false), measure: 'words', period, today: '2025-06-01' }).status).toBe('due');
    expect(paceOf({ kpi: kpi(0, 1, false), measure: 'presence', period, today: '2025-06-01' }).status).toBe('due');
    expect(paceOf({ kpi: kpi(0.3, 0.4, false), measure: 'share', period, today: '2025-06-01' }).status).toBe('at_risk');
  });
});
