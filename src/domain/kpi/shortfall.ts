import type { Article, KpiId, KpiMeasure } from '../policy/types';
import { elapsedShare, type PaceStatus, paceOf } from './forecast';

// 主要短板 (issue 14): of a station's KPIs, which are behind — a count below the target × the share of the period
// elapsed, a share below its target, anything unmet once the period is over; reports are due at the end (第十二条)
// and are not behind before then — and which of those is the worst, measured against what was expected by now.

export interface KpiStanding {
  id: KpiId;
  name: string;
  unit: string;
  article: Article;
  measure: KpiMeasure;
  actual: number;
  target: number;
  met: boolean;
}

export interface KpiShortfall {
  kpiId: KpiId;
  name: string;
  unit: string;
  article: Article;
  actual: number;
  target: number;
  /** what the pace asks for by today: target × elapsed share for counts (rounded up), the target otherwise */
  expected: number;
  status: PaceStatus;
}

/** Expected by now: target × days elapsed / days of the period, rounded up, in integers (no float drift). */
function expectedNow(k: KpiStanding, period: { start: string; end: string }, today: string): number {
  if (k.measure !== 'count') return k.target;
  const DAY = 86_400_000;
  const days = (a: string, b: string) =>
    Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
  const of = days(period.start, period.end) + 1;
  const done = today < period.start ? 0 : today >= period.end ? of : days(period.start, today) + 1;
  return Math.floor((k.target * done + of - 1) / of);
}

export function shortfalls(
  kpis: readonly KpiStanding[],
  { period, today }: { period: { start: string; end: string }; today: string },
): KpiShortfall[] {
  const out: KpiShortfall[] = [];
  for (const k of kpis) {
    const status = paceOf({ kpi: { ...k, met: k.met }, measure: k.measure, period, today }).status;
    const expected = expectedNow(k, period, today);
    const behind = status === 'not_met' || (status === 'at_risk' && (k.measure !== 'count' || k.actual < expected));
    if (behind)
      out.push({
        kpiId: k.id,
        name: k.name,
        unit: k.unit,
        article: k.article,
        actual: k.actual,
        target: k.target,
        expected,
        status,
      });
  }
  const ratio = (s: KpiShortfall) => (s.expected > 0 ? s.actual / s.expected : 1);
  return out.sort((a, b) => ratio(a) - ratio(b) || b.expected - b.actual - (a.expected - a.actual));
}

/** The share of the period elapsed, 0–1, for the sentence beside the shortfall. */
export const periodShare = elapsedShare;
