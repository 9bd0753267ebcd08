// Pure helpers of the project pages (no React, no fetch): money typed in 元 ↔ integer fen, KPI targets as the user
// reads them, the change-request form's values ↔ agreement terms (第十一条).
import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type KpiPolicy } from '../../../domain/policy/types';
import { formatKpiValue } from '../../lib/format';
import { fenToYuanInput, parseYuan, percentToShare, shareToPercent } from '../../lib/money';

export { fenToYuanInput, percentToShare, shareToPercent };

/** A yuan amount as typed → integer fen (string arithmetic, see lib/money); null when empty or not an amount. */
export function parseYuanToFen(input: string | null | undefined): number | null {
  const p = parseYuan(input);
  return p.ok ? p.fen : null;
}

/** The sum of yuan inputs in fen; null while any of them is not a valid amount. */
export function sumYuanInputs(values: ReadonlyArray<string | null | undefined>): number | null {
  let total = 0;
  for (const v of values) {
    const fen = parseYuanToFen(v ?? '');
    if (fen === null) return null;
    total += fen;
  }
  return total;
}

/** A KPI target as the agreement states it: a share as a percentage, a count with its unit. */
export function formatTarget(value: number | undefined, kpi: Pick<KpiPolicy, 'measure' | 'unit'> | undefined): string {
  if (value === undefined || value === null) return '—';
  return formatKpiValue(value, kpi?.measure ?? 'count', kpi?.unit ?? '');
}

/** The values of the change-request form: money as yuan text, shares as percentages. */
export interface ChangeFormValues {
  title: string;
  reason: string;
  effectiveOn: string | null;
  periodStart: string;
  periodEnd: string;
  leaderName: string;
  leaderPhone: string;
  contactName: string;
  contactPhone: string;
  targets: Record<string, number | null>;
  budgetYuan: Record<ExpenseCategory, string>;
  matchingFundsYuan: string;
  activityPlan: string;
}

type KpiLite = Pick<KpiPolicy, 'id' | 'measure'>;

export function termsToFormValues(
  terms: AgreementTerms,
  kpis: readonly KpiLite[],
  head: { title?: string; reason?: string; effectiveOn?: string | null } = {},
): ChangeFormValues {
  const targets: Record<string, number | null> = {};
  for (const k of kpis) {
    const v = terms.targets[k.id];
    targets[k.id] = v === undefined ? null : k.measure === 'share' ? shareToPercent(v) : v;
  }
  return {
    title: head.title ?? '',
    reason: head.reason ?? '',
    effectiveOn: head.effectiveOn ?? null,
    periodStart: terms.periodStart,
    periodEnd: terms.periodEnd,
    leaderName: terms.leaderName,
    leaderPhone: terms.leaderPhone,
    contactName: terms.contactName,
    contactPhone: terms.contactPhone,
    targets,
    budgetYuan: Object.fromEntries(
      EXPENSE_CATEGORIES.map((c) => [c, fenToYuanInput(terms.budgetFen[c] ?? 0)]),
    ) as Record<ExpenseCategory, string>,
    matchingFundsYuan: fenToYuanInput(terms.matchingFundsFen),
    activityPlan: terms.activityPlan,
  };
}

/**
 * The proposed terms from the form, on top of the current ones (what the form does not show — name, type, district —
 * stays as it is). A target left unchanged keeps its stored value exactly; money that does not parse stays as before
 * (the form's own rules refuse it first).
 */
export function formValuesToTerms(base: AgreementTerms, v: ChangeFormValues, kpis: readonly KpiLite[]): AgreementTerms {
  const targets: Record<string, number> = { ...base.targets };
  for (const k of kpis) {
    const typed = v.targets?.[k.id];
    if (typed === null || typed === undefined) continue;
    const before = base.targets[k.id];
    if (k.measure === 'share') {
      targets[k.id] = before !== undefined && shareToPercent(before) === typed ? before : percentToShare(typed);
    } else targets[k.id] = typed;
  }
  const budgetFen = { ...base.budgetFen };
  for (const c of EXPENSE_CATEGORIES) {
    const fen = parseYuanToFen(v.budgetYuan?.[c]);
    if (fen !== null) budgetFen[c] = fen;
  }
  return {
    ...base,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    leaderName: v.leaderName.trim(),
    leaderPhone: v.leaderPhone.trim(),
    contactName: v.contactName.trim(),
    contactPhone: v.contactPhone.trim(),
    targets,
    budgetFen,
    matchingFundsFen: parseYuanToFen(v.matchingFundsYuan) ?? base.matchingFundsFen,
    activityPlan: v.activityPlan ?? '',
  };
}

/** A server (or domain) issue path of the terms → the form's field: `terms.budgetFen.labour` → `budgetYuan.labour`. */
export function termsIssuePath(path: string): string {
  const p = path.startsWith('terms.') ? path.slice('terms.'.length) : path;
  if (p === 'budgetFen' || p.startsWith('budgetFen.')) return p.replace(/^budgetFen/, 'budgetYuan');
  if (p === 'matchingFundsFen') return 'matchingFundsYuan';
  return p;
}

/** `YYYY-MM-DD` of the day after `today`: the earliest effective date of a change (第十一条: 提前申请). */
export function dayAfter(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
