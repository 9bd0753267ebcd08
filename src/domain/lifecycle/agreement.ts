import type { ApplicationForm } from '../../shared/schemas/application';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type Policy, type StationType } from '../policy/types';
import { budgetTotalFen, formatFen } from './application-rules';

// 项目合作协议 (第十条) and its versions (第十一条). The terms are what the agreement states; approval makes version 1
// from the application, each approved change request a new version. Pure.

export interface AgreementTerms {
  stationName: string;
  stationType: StationType;
  districtCode: string | null;
  periodStart: string;
  periodEnd: string;
  leaderName: string;
  leaderPhone: string;
  contactName: string;
  contactPhone: string;
  /** KPI id → target (a share as a fraction) */
  targets: Record<string, number>;
  budgetFen: Record<ExpenseCategory, number>;
  matchingFundsFen: number;
  activityPlan: string;
}

export function termsFromApplication(form: ApplicationForm, period: { start: string; end: string }): AgreementTerms {
  const budget = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, form.budgetFen?.[c] ?? 0])) as Record<
    ExpenseCategory,
    number
  >;
  return {
    stationName: form.stationName ?? '',
    stationType: form.stationType ?? 'district_a',
    districtCode: form.districtCode ?? null,
    periodStart: period.start,
    periodEnd: period.end,
    leaderName: form.leaderName ?? '',
    leaderPhone: form.leaderPhone ?? '',
    contactName: form.contactName ?? '',
    contactPhone: form.contactPhone ?? '',
    targets: { ...(form.targets ?? {}) } as Record<string, number>,
    budgetFen: budget,
    matchingFundsFen: form.matchingFundsFen ?? 0,
    activityPlan: form.activityPlan ?? '',
  };
}

export interface TermChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

const FIELD_LABELS: Array<[keyof AgreementTerms, string]> = [
  ['stationName', '站点名称'],
  ['periodStart', '执行期开始'],
  ['periodEnd', '执行期结束'],
  ['leaderName', '负责人'],
  ['leaderPhone', '负责人电话'],
  ['contactName', '联系人'],
  ['contactPhone', '联系人电话'],
];

/** What changed between two versions, field by field, with readable values (money in 元, shares in %). */
export function diffTerms(a: AgreementTerms, b: AgreementTerms, policy: Policy): TermChange[] {
  const out: TermChange[] = [];
  for (const [k, label] of FIELD_LABELS) {
    if (a[k] !== b[k]) out.push({ path: k, label, before: String(a[k] ?? ''), after: String(b[k] ?? '') });
  }
  const kpis = policy.kpis[b.stationType] ?? [];
  const ids = new Set([...Object.keys(a.targets), ...Object.keys(b.targets)]);
  for (const id of ids) {
    if (a.targets[id] === b.targets[id]) continue;
    const k = kpis.find((x) => x.id === id);
    const show = (v: number | undefined) =>
      v === undefined ? '—' : k?.measure === 'share' ? `${Math.round(v * 1000) / 10}%` : `${v}${k?.unit ?? ''}`;
    out.push({
      path: `targets.${id}`,
      label: `目标：${k?.name ?? id}`,
      before: show(a.targets[id]),
      after: show(b.targets[id]),
    });
  }
  for (const c of EXPENSE_CATEGORIES) {
    if (a.budgetFen[c] === b.budgetFen[c]) continue;
    const name = policy.expenseCategories.find((x) => x.code === c)?.name ?? c;
    out.push({
      path: `budgetFen.${c}`,
      label: `预算：${name}`,
      before: formatFen(a.budgetFen[c]),
      after: formatFen(b.budgetFen[c]),
    });
  }
  if (a.matchingFundsFen !== b.matchingFundsFen)
    out.push({
      path: 'matchingFundsFen',
      label: '配套经费',
      before: formatFen(a.matchingFundsFen),
      after: formatFen(b.matchingFundsFen),
    });
  if (a.activityPlan !== b.activityPlan)
    out.push({ path: 'activityPlan', label: '活动计划', before: a.activityPlan, after: b.activityPlan });
  return out;
}

/**
 * What a change may not do (第十一条 read with 第七条/第八条 and 第十五条): targets below the year's, a budget whose
 * total differs from the fixed funding, a period outside the program year or ending before it starts.
 */
export function changeProblems(
  base: AgreementTerms,
  proposed: AgreementTerms,
  policy: Policy,
): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  if (proposed.stationType !== base.stationType || proposed.districtCode !== base.districtCode)
    out.push({ path: 'stationType', message: '站点类型和所在区不能通过工作调整变更（第三条）' });
  for (const k of policy.kpis[base.stationType] ?? []) {
    const t = proposed.targets[k.id];
    if (t === undefined || t < k.target)
      out.push({ path: `targets.${k.id}`, message: `目标“${k.name}”不能低于年度目标（${k.article}）` });
  }
  const fundingFen = policy.stationTypes[base.stationType].fundingFen;
  const total = budgetTotalFen(proposed.budgetFen);
  if (total !== fundingFen)
    out.push({
      path: 'budgetFen',
      message: `调整后预算合计 ${formatFen(total)}，应仍等于资助额度 ${formatFen(fundingFen)}（第十五条：只能在类别之间调整）`,
    });
  const y = String(policy.year);
  if (proposed.periodStart > proposed.periodEnd) out.push({ path: 'periodEnd', message: '执行期结束不能早于开始' });
  if (!proposed.periodStart.startsWith(y) || !proposed.periodEnd.startsWith(y))
    out.push({ path: 'periodEnd', message: `执行期须在 ${y} 年度内（第三条：年度项目制）` });
  for (const [k, label] of [
    ['leaderName', '负责人'],
    ['leaderPhone', '负责人电话'],
    ['contactName', '联系人'],
    ['contactPhone', '联系人电话'],
    ['stationName', '站点名称'],
  ] as const) {
    if (!proposed[k].trim()) out.push({ path: k, message: `${label}不能为空` });
  }
  if (diffTerms(base, proposed, policy).length === 0) out.push({ path: 'terms', message: '调整内容与现行协议相同' });
  return out;
}
