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

/** ≥ 100 % met, ≥ 60 % near, else low: the colour of a matrix cell. */
export function attainmentLevel(ratio: number): AttainmentLevel {
  if (ratio >= 1) return 'met';
  if (ratio >= 0.6) return 'near';
  return 'low';
}

/** The level of a matrix cell: `met` decides (a share is judged on its exact fraction, the ratio on the rounded one). */
export function cellLevel(k: { met: boolean; ratio: number }): AttainmentLevel {
  return k.met ? 'met' : attainmentLevel(Math.min(k.ratio, 0.999));
}

export const ATTAINMENT_STYLE: Record<AttainmentLevel, { label: string; background: string; color: string }> = {
  met: { label: '达标（≥100%）', background: '#d9f7be', color: '#135200' },
  near: { label: '接近（60%–99%）', background: '#fff1b8', color: '#613400' },
  low: { label: '不足（<60%）', background: '#ffccc7', color: '#820014' },
};

/** The pace of a KPI (issue #3) in Chinese, with the antd Tag colour and the Progress bar colour. */
export const PACE_STATUS: Record<PaceStatus, { label: string; tag: string; bar: string; hint: string }> = {
  met: { label: PACE_STATUS_LABELS.met, tag: 'success', bar: '#52c41a', hint: '实际值已达到目标值' },
  on_track: {
    label: PACE_STATUS_LABELS.on_track,
    tag: 'processing',
    bar: '#1677ff',
    hint: '按当前进度，期末可达到目标值',
  },
  at_risk: {
    label: PACE_STATUS_LABELS.at_risk,
    tag: 'warning',
    bar: '#fa8c16',
    hint: '按当前进度，期末难以达到目标值',
  },
  due: { label: PACE_STATUS_LABELS.due, tag: 'default', bar: '#8c8c8c', hint: '报告类指标在项目期末提交' },
  not_met: { label: PACE_STATUS_LABELS.not_met, tag: 'error', bar: '#ff4d4f', hint: '项目期已结束，未达到目标值' },
  not_started: { label: PACE_STATUS_LABELS.not_started, tag: 'default', bar: '#bfbfbf', hint: '项目期尚未开始' },
};

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
