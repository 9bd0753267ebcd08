import { describe, expect, it } from 'vitest';
import { PROJECT_PHASE_LABELS, projectPhase, reportsOverdue } from './project-phase';

const p = { status: 'in_progress' as const, periodEnd: '2025-12-31', reportsDueOn: '2026-01-15' };

describe('a project on the calendar of its year', () => {
  it('is 实施中 through the last day of its period', () => {
    expect(projectPhase(p, '2025-12-31')).toBe('in_progress');
    expect(PROJECT_PHASE_LABELS.in_progress).toBe('实施中');
  });
  it('is 待提交报告 the day after the period ended (第十二条), overdue only after the due date', () => {
    expect(projectPhase(p, '2026-01-01')).toBe('reports_due');
    expect(PROJECT_PHASE_LABELS.reports_due).toBe('待提交报告');
    expect(reportsOverdue(p, '2026-01-15')).toBe(false);
    expect(reportsOverdue(p, '2026-01-16')).toBe(true);
  });
  it('is 待验收 once the reports are in, whatever the date (第十三条)', () => {
    const submitted = { ...p, status: 'reports_submitted' as const };
    expect(projectPhase(submitted, '2026-11-01')).toBe('reports_submitted');
    expect(PROJECT_PHASE_LABELS.reports_submitted).toBe('待验收');
    expect(reportsOverdue(submitted, '2026-11-01')).toBe(false);
  });
  it('returned reports are owed again, and overdue after the due date', () => {
    expect(reportsOverdue({ ...p, status: 'returned_for_revision' }, '2026-02-01')).toBe(true);
  });
  it('keeps an acceptance result as it is', () => {
    expect(projectPhase({ ...p, status: 'accepted' }, '2026-11-01')).toBe('accepted');
  });
});
