// How KPI figures read on screen: pure functions of the station page, the matrix and the home card (values and
// percentages themselves are lib/format.ts).
import type { PaceStatus } from '../../../domain/kpi/forecast';
import { PACE_STATUS_LABELS } from '../../../shared/labels';
import { formatKpiValue } from '../../lib/format';

/** A value in a dense matrix cell: no unit (it is in the column header), a share still as a percentage. */
export function formatCell(v: number, measure: string): string {
  return formatKpiValue(v, measure === 'share' ? 'share' : 'count');
}

/** The progress towards a target, 0–100 (capped), for a progress bar. A zero target counts as reached. */
export function progressPercent(actual: number, target: number): number {
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((actual / target) * 1000) / 10));
}

export type AttainmentLevel = 'met' | 'near' | 'low';

/**
 * ≥ 100 % met, ≥ 60 % near, else low: a district's bar in 各区指标达标率, which measures the share of KPIs met, not
 * one KPI's progress (that is coloured by its pace, PACE_STATUS).
 */
export function attainmentLevel(ratio: number): AttainmentLevel {
  if (ratio >= 1) return 'met';
  if (ratio >= 0.6) return 'near';
  return 'low';
}

/**
 * The pace of a KPI (issue #3) in Chinese: the antd Tag colour and the Progress bar colour of the station page, and
 * the light tint of the same hue with a dark text (contrast ≥ 7:1) for a matrix cell — one colour scale everywhere.
 */
export const PACE_STATUS: Record<
  PaceStatus,
  { label: string; tag: string; bar: string; hint: string; cell: { background: string; color: string } }
> = {
  met: {
    label: PACE_STATUS_LABELS.met,
    tag: 'success',
    bar: '#52c41a',
    hint: '实际值已达到目标值',
    cell: { background: '#d9f7be', color: '#135200' },
  },
  on_track: {
    label: PACE_STATUS_LABELS.on_track,
    tag: 'processing',
    bar: '#1677ff',
    hint: '按当前进度，期末可达到目标值',
    cell: { background: '#e6f4ff', color: '#002c8c' },
  },
  at_risk: {
    label: PACE_STATUS_LABELS.at_risk,
    tag: 'warning',
    bar: '#fa8c16',
    hint: '按当前进度，期末难以达到目标值',
    cell: { background: '#ffe7ba', color: '#612500' },
  },
  due: {
    label: PACE_STATUS_LABELS.due,
    tag: 'default',
    bar: '#8c8c8c',
    hint: '报告类指标在项目期末提交',
    cell: { background: '#f0f0f0', color: '#262626' },
  },
  not_met: {
    label: PACE_STATUS_LABELS.not_met,
    tag: 'error',
    bar: '#ff4d4f',
    hint: '项目期已结束，未达到目标值',
    cell: { background: '#ffccc7', color: '#5c0011' },
  },
  not_started: {
    label: PACE_STATUS_LABELS.not_started,
    tag: 'default',
    bar: '#bfbfbf',
    hint: '项目期尚未开始',
    cell: { background: '#fafafa', color: '#434343' },
  },
};

/** The legend's order: from done to failed, then the statuses that say nothing yet. */
export const PACE_LEGEND: readonly PaceStatus[] = ['met', 'on_track', 'at_risk', 'not_met', 'due', 'not_started'];

/** `已过 37%` of the period, or that it is over / not begun. */
export function periodProgressLabel(elapsed: number): string {
  if (elapsed >= 1) return '项目期已结束';
  if (elapsed <= 0) return '项目期尚未开始';
  return `项目期已过 ${Math.min(99, Math.max(1, Math.round(elapsed * 100)))}%`;
}

/** A station's share of KPIs met (metCount / kpiCount), 0 when it has none. */
export function attainmentOf(met: number, all: number): number {
  return all > 0 ? met / all : 0;
}

/** A station's KPI page with one KPI's drill-down open; an unmet KPI opens on the records that did not count. */
export function drillPath({ stationId, kpiId, met }: { stationId: string; kpiId: string; met: boolean }): string {
  const q = new URLSearchParams({ kpi: kpiId });
  if (!met) q.set('counted', 'false');
  return `/stations/${encodeURIComponent(stationId)}/kpis?${q}`;
}

/** The 主要短板 of a matrix row (src/domain/kpi/shortfall.ts). */
export interface Shortfall {
  name: string;
  unit: string;
  article: string;
  actual: number;
  target: number;
  expected: number;
  status: PaceStatus;
}

/** `举办活动 1/4（应达 3）`: the pace's figure only while it asks for less than the target (a count mid-period). */
export function shortfallText(s: Shortfall, measure: string): string {
  const v = (n: number) => formatCell(n, measure);
  const pace = s.expected < s.target ? `（应达 ${v(s.expected)}）` : '';
  return `${s.name} ${v(s.actual)}/${v(s.target)}${pace}`;
}

/** Why it is the main shortfall: the period elapsed, what the pace asked for by now, and the article. */
export function shortfallNote(s: Shortfall, { measure, elapsed }: { measure: string; elapsed: number }): string {
  const v = (n: number) => formatKpiValue(n, measure, s.unit);
  if (s.status === 'not_met' || elapsed >= 1) {
    return `项目期已结束，目标 ${v(s.target)}，实际 ${v(s.actual)}，未达标（${s.article}）`;
  }
  if (measure === 'count') {
    return `${periodProgressLabel(elapsed)}，按进度应完成 ${v(s.expected)}，实际 ${v(s.actual)}（${s.article}）`;
  }
  return `${periodProgressLabel(elapsed)}，应不低于 ${v(s.target)}，实际 ${v(s.actual)}（${s.article}）`;
}

interface Ranked {
  name: string;
  behindCount: number;
  mainShortfall: Pick<Shortfall, 'actual' | 'expected'> | null;
}

const lag = (r: Ranked) =>
  r.mainShortfall && r.mainShortfall.expected > 0 ? r.mainShortfall.actual / r.mainShortfall.expected : 1;

/** Worst first: more KPIs behind, then the main shortfall furthest below what was expected by now, then by name. */
export function worstFirst(a: Ranked, b: Ranked): number {
  return b.behindCount - a.behindCount || lag(a) - lag(b) || a.name.localeCompare(b.name, 'zh-CN');
}
