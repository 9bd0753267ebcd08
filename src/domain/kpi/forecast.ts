import type { KpiMeasure } from '../policy/types';
import type { KpiResult } from './types';

// A pace forecast for a period not yet over (issue #3): at the current pace, will the target be reached by the end?
// Counts are projected linearly over the days of the period; a share is judged as it stands; reports are due at
// the end, so before then they are only "due".

export type PaceStatus = 'met' | 'on_track' | 'at_risk' | 'due' | 'not_met' | 'not_started';

export interface Pace {
  status: PaceStatus;
  /** the count projected to the end of the period at the current pace (counts only) */
  projected: number | null;
  /** share of the period elapsed on `today`, 0–1 */
  elapsed: number;
}

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function elapsedShare(period: { start: string; end: string }, today: string): number {
  if (today < period.start) return 0;
  if (today >= period.end) return 1;
  return (days(period.start, today) + 1) / (days(period.start, period.end) + 1);
}

export interface PaceOptions {
  kpi: KpiResult;
  measure: KpiMeasure;
  period: { start: string; end: string };
  today: string;
}

export function paceOf({ kpi, measure, period, today }: PaceOptions): Pace {
  const elapsed = elapsedShare(period, today);
  if (kpi.met) return { status: 'met', projected: null, elapsed };
  if (elapsed >= 1) return { status: 'not_met', projected: null, elapsed };
  if (elapsed === 0) return { status: 'not_started', projected: null, elapsed };
  if (measure === 'presence' || measure === 'words') return { status: 'due', projected: null, elapsed };
  if (measure === 'share') return { status: 'at_risk', projected: null, elapsed };
  const projected = Math.floor(kpi.actual / elapsed);
  return { status: projected >= kpi.target ? 'on_track' : 'at_risk', projected, elapsed };
}
