// The year's calendar as project states (issue 14). A project's stored state moves on actions (projectMachine); the
// calendar moves it too, without anybody acting: once the station's project period has ended, an 实施中 project
// owes its 总结报告 and 决算报告 (第十二条) — it is 待提交报告, overdue after the reports' due date — and a project
// whose reports are in waits for the Center's acceptance (第十三条). Derived from the dates, so it is never stale
// and needs no scheduled job; the stored state stays what the actions made it.
import { type ProjectState, projectMachine } from './machines';

export const PROJECT_PHASES = [
  'agreement_pending',
  'in_progress',
  'reports_due',
  'reports_submitted',
  'returned_for_revision',
  'accepted',
  'accepted_after_rectification',
  'not_accepted',
] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  ...projectMachine.stateLabels,
  reports_due: '待提交报告',
  reports_submitted: '待验收',
};

/** The article each phase follows, shown beside it. */
export const PROJECT_PHASE_ARTICLES: Record<ProjectPhase, string> = {
  agreement_pending: '第十条',
  in_progress: '第十条',
  reports_due: '第十二条',
  reports_submitted: '第十三条',
  returned_for_revision: '第十三条',
  accepted: '第十三条',
  accepted_after_rectification: '第十三条',
  not_accepted: '第十三条',
};

export interface ProjectCalendar {
  status: ProjectState;
  /** the station's project period end */
  periodEnd: string;
  reportsDueOn: string;
}

export function projectPhase(p: ProjectCalendar, today: string): ProjectPhase {
  return p.status === 'in_progress' && today > p.periodEnd ? 'reports_due' : p.status;
}

/** The reports are owed and their due date has passed (第十二条). */
export function reportsOverdue(p: ProjectCalendar, today: string): boolean {
  return (p.status === 'in_progress' || p.status === 'returned_for_revision') && today > p.reportsDueOn;
}
