import { roundHalfUp } from '../kpi/compute';
import { type Finding, type FundsSummary, finding } from '../kpi/types';
import type { Ledger, LedgerExpense } from '../ledger/schema';
import { fenToYuan, yuanToFen } from '../money';
import {
  EXPENSE_CATEGORIES,
  type ExpenseCategory,
  type ExpertGrade,
  FORBIDDEN_ITEM_CODES,
  type Policy,
} from '../policy/types';

type Expert = Ledger['experts'][number];

/** A number as an exact fraction num/den from its shortest decimal form (1.3 → 13/10), for exact rate checks. */
function decimalFraction(x: number): { num: bigint; den: bigint } | null {
  const s = String(x);
  if (/e/i.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

/** 第十条 (rates of 财科教〔2017〕128号): the per-day cap for a consulting payee, by the registered expert's grade. */
function consultingCapFen(policy: Policy, expert: Expert | undefined): number | null {
  const std = policy.feeStandards.consulting;
  if (!std.checked) return null;
  const grade: ExpertGrade = expert?.grade ?? std.defaultGrade;
  return std.grades.find((g) => g.grade === grade)?.maxPerDayFen ?? null;
}

/** The per-person-day cap that applies to an expense, in fen; null where the year sets none. */
export function capPerDayFen(policy: Policy, e: LedgerExpense, expert: Expert | undefined): number | null {
  switch (e.category) {
    case 'consulting':
      return consultingCapFen(policy, expert);
    case 'labour':
      return policy.feeStandards.labour.checked ? policy.feeStandards.labour.capPerDayFen : null;
    default:
      // Meeting caps depend on the meeting's class, which the ledger does not carry; 2025 does not check them.
      return null;
  }
}

/** Whether amount / days exceeds the cap, in exact integer arithmetic. */
export function aboveRate(amountFen: number, days: number, capFen: number): boolean {
  const f = decimalFraction(days);
  if (!f) return amountFen / days > capFen;
  return BigInt(amountFen) * f.den > BigInt(capFen) * f.num;
}

/**
 * The findings of one expense taken alone (docs/ledger-format.md, 第十条, 第十五条–第十七条). A `block` among them refuses it.
 * `budget_overrun` and `unexecuted_funds` depend on all expenses and are decided in `expenseFindings`.
 */
export function expenseOwnFindings(
  e: LedgerExpense,
  ctx: { policy: Policy; periodEnd: string; experts: ReadonlyMap<string, Expert> },
): Finding[] {
  const out: Finding[] = [];
  const ref = `expenses[${e.id}]`;
  const expert = e.payee?.expertId ? ctx.experts.get(e.payee.expertId) : undefined;
  const forbidden = (FORBIDDEN_ITEM_CODES as readonly string[]).includes(e.item);
  if (forbidden) out.push(finding('forbidden_item', ref));
  else {
    const cat = ctx.policy.expenseCategories.find((c) => c.code === e.category);
    if (!cat?.items.some((i) => i.code === e.item)) out.push(finding('item_not_in_category', ref));
  }
  const hostStaff = !!e.payee?.hostStaff || !!expert?.hostStaff;
  const fiscal = !!e.payee?.fiscallySupported || !!expert?.fiscallySupported;
  if (e.category === 'consulting' && hostStaff) out.push(finding('consulting_to_host_staff', ref));
  if (e.category === 'labour' && fiscal) out.push(finding('labour_to_fiscal_personnel', ref));
  if (e.source === 'grant' && e.date > ctx.periodEnd) out.push(finding('after_deadline', ref));
  if (e.days !== undefined) {
    const cap = capPerDayFen(ctx.policy, e, expert);
    // The standards are after tax (docs/fee-standards.md): the net paid when the record has it, else the amount.
    if (cap !== null && aboveRate(yuanToFen(e.net ?? e.amount), e.days, cap))
      out.push(finding('rate_above_standard', ref));
  }
  return out;
}

export function isRefused(own: readonly Finding[]): boolean {
  return own.some((f) => f.severity === 'block');
}

/** Expense findings and the `funds` block of a ledger, evaluated on the date `on` (YYYY-MM-DD). */
/** What the expense rules read of a ledger (a stored station supplies just this). */
export type ExpenseLedger = Pick<Ledger, 'experts' | 'expenses' | 'funds'> & {
  station: { period: Pick<Ledger['station']['period'], 'end'> };
};

export function expenseFindings(
  ledger: ExpenseLedger,
  policy: Policy,
  on: string,
): { findings: Finding[]; funds?: FundsSummary } {
  const experts = new Map<string, Expert>();
  for (const x of ledger.experts) if (!experts.has(x.id)) experts.set(x.id, x);
  const periodEnd = ledger.station.period.end;
  const findings: Finding[] = [];
  const byCategoryFen = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])) as Record<ExpenseCategory, number>;
  let spentGrantFen = 0;
  let spentMatchingFen = 0;
  for (const e of ledger.expenses) {
    const own = expenseOwnFindings(e, { policy, periodEnd, experts });
    findings.push(...own);
    if (isRefused(own)) continue; // refused expenses count nowhere
    const fen = yuanToFen(e.amount);
    if (e.source === 'grant') {
      spentGrantFen += fen;
      byCategoryFen[e.category] += fen;
    } else spentMatchingFen += fen;
  }
  if (!ledger.funds) return { findings };
  const { granted, budget } = ledger.funds;
  for (const cat of EXPENSE_CATEGORIES) {
    if (byCategoryFen[cat] > yuanToFen(budget[cat])) findings.push(finding('budget_overrun', `budget[${cat}]`));
  }
  const grantedFen = yuanToFen(granted);
  if (on > periodEnd && spentGrantFen < grantedFen) findings.push(finding('unexecuted_funds', 'station'));
  return {
    findings,
    funds: {
      granted: fenToYuan(grantedFen),
      spentGrant: fenToYuan(spentGrantFen),
      spentMatching: fenToYuan(spentMatchingFen),
      executionRate: grantedFen === 0 ? 0 : roundHalfUp(spentGrantFen, grantedFen, 4),
      byCategory: Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, fenToYuan(byCategoryFen[c])])),
    },
  };
}
