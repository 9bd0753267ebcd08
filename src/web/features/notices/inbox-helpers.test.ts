import { describe, expect, it } from 'vitest';
import { daysBetween, dueTag, sortTasks } from './inbox-helpers';

describe('daysBetween', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-11-29', '2026-11-29')).toBe(0);
    expect(daysBetween('2026-11-29', '2026-12-06')).toBe(7);
    expect(daysBetween('2026-11-29', '2025-12-31')).toBe(-333);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('dueTag', () => {
  const today = '2026-11-29';
  it('no date, no tag', () => {
    expect(dueTag({ dueOn: null, overdue: false, dueSoon: false }, today)).toBeNull();
  });
  it('overdue is red with the days late', () => {
    expect(dueTag({ dueOn: '2025-12-31', overdue: true, dueSoon: false }, today)).toEqual({
      label: '已逾期',
      color: 'red',
      hint: '截止 2025-12-31，已逾期 333 天',
    });
  });
  it('due soon is orange', () => {
    expect(dueTag({ dueOn: '2026-12-02', overdue: false, dueSoon: true }, today)).toMatchObject({
      label: '即将到期',
      color: 'orange',
      hint: '截止 2026-12-02，还剩 3 天',
    });
    expect(dueTag({ dueOn: today, overdue: false, dueSoon: true }, today)?.hint).toBe('今天（2026-11-29）截止');
  });
  it('a later date is plain', () => {
    expect(dueTag({ dueOn: '2027-03-01', overdue: false, dueSoon: false }, today)).toMatchObject({
      label: '2027-03-01 截止',
      color: 'default',
    });
  });
});

describe('sortTasks', () => {
  it('overdue, due soon, dated, undated; stable otherwise', () => {
    const t = (key: string, dueOn: string | null, overdue = false, dueSoon = false) => ({
      key,
      dueOn,
      overdue,
      dueSoon,
    });
    const sorted = sortTasks([
      t('undated-a', null),
      t('later', '2027-01-10'),
      t('soon', '2026-12-01', false, true),
      t('late-2', '2026-01-01', true),
      t('late-1', '2025-12-31', true),
      t('undated-b', null),
    ]);
    expect(sorted.map((x) => x.key)).toEqual(['late-1', 'late-2', 'soon', 'later', 'undated-a', 'undated-b']);
  });
});
