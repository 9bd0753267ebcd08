// Pure helpers of the project pages (no React, no fetch): money typed in 元 ↔ integer fen, KPI targets as the user
// reads them, the change-request form's values ↔ agreement terms (第十一条).
import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type KpiPolicy } from '../../../domain/policy/types';
import { formatKpiValue } from '../kpis/format';

const FULL_WIDTH = /[０-９．]/g;

/**
 * A yuan amount as typed (`60000`, `60,000.5`, `¥ 1 234.56`, `１２.３`, `100元`) → integer fen, with string arithmetic
 * only (the digits of 元 and 分 are joined, never multiplied as floats). null when it is not an amount of at most two
 * decimals, or too large for the agreement (the schema's 1 亿元).
 */
export function parseYuanToFen(input: string | null | undefined): number | null {
  if (typeof input !== 'string') return null;
  const s = input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  // Thousands separators only between groups of three digits: `1,234,567.8`.
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!m) return null;
  const yuan = m[1].replace(/^0+(?=\d)/, '');
  const cents = (m[2] ?? '').padEnd(2, '0');
  const digits = `${yuan}${cents}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 11) return null; // more than 999,999,999.99 元
  const fen = Number(digits);
  return fen <= 10_000_000_000 ? fen : null;
}

/** Integer fen → the text of a yuan input: `6000000` → `60000`, `6000050` → `60000.50`. */
export function fenToYuanInput(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return cents === '00' ? `${sign}${yuan}` : `${sign}${yuan}.${cents}`;
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

/** A share target (0.4) as the percentage the user types (40); one decimal. */
export function shareToPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** A typed percentage (33.3) back to the stored fraction (0.333), without binary noise (0.33299999999999996). */
export function percentToShare(percent: number): number {
  return Number((percent / 100).toPrecision(12));
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

/** Today in Beijing as `YYYY-MM-DD`, whatever the PC's time zone. */
export function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
