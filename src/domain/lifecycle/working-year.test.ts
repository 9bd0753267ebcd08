import { describe, expect, it } from 'vitest';
import { workingYear, type YearPeriod } from './working-year';

const y2025: YearPeriod = { year: 2025, stationCount: 23, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
const y2026empty: YearPeriod = { year: 2026, stationCount: 0, periodStart: null, periodEnd: null };
const y2026: YearPeriod = { year: 2026, stationCount: 20, periodStart: '2026-03-01', periodEnd: '2026-12-31' };

describe('the working year', () => {
  it('is the year whose period contains today, not a newer year that has no stations yet', () => {
    expect(workingYear([y2026empty, y2025], '2025-11-20')).toBe(2025);
  });
  it('stays on the last year with stations after its period ended, until the next year has stations', () => {
    expect(workingYear([y2026empty, y2025], '2026-02-10')).toBe(2025);
  });
  it('between the end of one period and the start of the next, the newest year with stations', () => {
    expect(workingYear([y2025, y2026], '2026-02-10')).toBe(2026);
  });
  it('moves to the new year once today is in its period', () => {
    expect(workingYear([y2025, y2026], '2026-03-01')).toBe(2026);
  });
  it('an older year whose period still runs wins over a newer one that has not started', () => {
    const long = { ...y2025, periodEnd: '2026-06-30' };
    expect(workingYear([long, y2026], '2026-02-10')).toBe(2025);
  });
  it('without any station, the newest year; without years, none', () => {
    expect(
      workingYear([{ ...y2025, stationCount: 0, periodStart: null, periodEnd: null }, y2026empty], '2025-06-15'),
    ).toBe(2026);
    expect(workingYear([], '2025-06-15')).toBeUndefined();
  });
});
