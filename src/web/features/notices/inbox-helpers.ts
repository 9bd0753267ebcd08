// Pure helpers of the notice board and the to-do inbox (no React, no fetch).
import type { InboxTask, Notice } from './api';

export const NOTICE_KINDS = ['call', 'result', 'general'] as const satisfies ReadonlyArray<Notice['kind']>;

export const NOTICE_KIND_META: Record<Notice['kind'], { label: string; color: string }> = {
  call: { label: '申报通知', color: 'blue' },
  result: { label: '立项结果', color: 'green' },
  general: { label: '通知', color: 'default' },
};

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export interface DueTag {
  label: string;
  color: 'red' | 'orange' | 'default';
  /** the longer wording, for a tooltip or a screen reader */
  hint: string;
}

/** The tag of a task's due date: 已逾期 (red), 即将到期 (orange), otherwise the date; null for a task with none. */
export function dueTag(task: Pick<InboxTask, 'dueOn' | 'overdue' | 'dueSoon'>, today: string): DueTag | null {
  if (!task.dueOn) return null;
  const days = daysBetween(today, task.dueOn);
  if (task.overdue) return { label: '已逾期', color: 'red', hint: `截止 ${task.dueOn}，已逾期 ${Math.abs(days)} 天` };
  if (task.dueSoon)
    return {
      label: '即将到期',
      color: 'orange',
      hint: days === 0 ? `今天（${task.dueOn}）截止` : `截止 ${task.dueOn}，还剩 ${days} 天`,
    };
  return { label: `${task.dueOn} 截止`, color: 'default', hint: `截止 ${task.dueOn}，还剩 ${days} 天` };
}

/** Overdue first, then due soon, then by date (undated last); the server's order within each group. */
export function sortTasks<T extends Pick<InboxTask, 'dueOn' | 'overdue' | 'dueSoon'>>(tasks: readonly T[]): T[] {
  const rank = (t: T) => (t.overdue ? 0 : t.dueSoon ? 1 : t.dueOn ? 2 : 3);
  return tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || (a.t.dueOn ?? '').localeCompare(b.t.dueOn ?? '') || a.i - b.i)
    .map((x) => x.t);
}
