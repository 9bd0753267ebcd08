// What a policy edit changes, one line a field (“字段：旧值 → 新值”), for the confirmation before saving: the Center
// signs off the year's numbers (第六条、第七条、第八条) and must see each one it is about to change.
import { formatYuan } from '../../../domain/money';
import { type KpiPolicy, type Policy, STATION_TYPES } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { UpdatePolicyInput } from '../../../shared/schemas/program-year';
import { shareToPercent } from '../../lib/money';

/** A target as the confirmation shows it: exact (33.33%, not the tables' rounded 33.3%), so no change is hidden. */
function targetText(k: Pick<KpiPolicy, 'measure' | 'unit'>, target: number): string {
  if (k.measure === 'share') return `${shareToPercent(target)}%`;
  return `${target.toLocaleString('zh-CN')}${k.unit ? ` ${k.unit}` : ''}`;
}

const line = (field: string, before: string, after: string) => `${field}：${before} → ${after}`;

export function policyChanges(policy: Policy, edit: UpdatePolicyInput): string[] {
  const out: string[] = [];
  if (edit.title !== undefined && edit.title !== policy.title) out.push(line('标题', policy.title, edit.title));
  for (const t of STATION_TYPES) {
    const before = policy.stationTypes[t];
    const after = edit.stationTypes?.[t];
    const name = before.shortName;
    if (after?.quota !== undefined && after.quota !== before.quota) {
      out.push(line(`${name}名额`, `${before.quota} 个`, `${after.quota} 个`));
    }
    if (after?.fundingFen !== undefined && after.fundingFen !== before.fundingFen) {
      out.push(line(`${name}每站支持经费`, formatYuan(before.fundingFen), formatYuan(after.fundingFen)));
    }
  }
  for (const d of edit.districts ?? []) {
    const before = policy.districts.find((x) => x.code === d.code);
    if (before && before.stationType !== d.stationType) {
      out.push(line(`${before.name}类别`, STATION_TYPE_LABELS[before.stationType], STATION_TYPE_LABELS[d.stationType]));
    }
  }
  for (const t of STATION_TYPES) {
    for (const r of edit.kpis?.[t] ?? []) {
      const k = policy.kpis[t].find((x) => x.id === r.id);
      if (k && k.target !== r.target) {
        out.push(
          line(`${policy.stationTypes[t].shortName}“${k.name}”目标`, targetText(k, k.target), targetText(k, r.target)),
        );
      }
    }
  }
  return out;
}
