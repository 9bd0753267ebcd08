import type { Finding, FindingId } from '../kpi/types';
import { finding } from '../kpi/types';
import type { Ledger, LedgerExpense } from '../ledger/schema';
import { formatYuan, yuanToFen } from '../money';
import type { Article, ExpenseCategory, Policy } from '../policy/types';
import { capPerDayFen, expenseOwnFindings } from './findings';
import { purposeWarnings } from './tax';

// Booking an expense (issue #5): the same findings as `qianqi evaluate` (docs/ledger-format.md), decided before the row exists,
// each with a Chinese sentence that names the rule and its article. A `block` refuses the booking; `warn`s are kept
// with the expense and listed on the station. The purpose-word screen (第十七条) only ever warns: words are a hint
// for a human, the item code is what the rule judges.

type Expert = Ledger['experts'][number];

export interface BookingIssue {
  /** a finding id of docs/ledger-format.md, or `purpose_word` for the purpose screen */
  id: FindingId | 'purpose_word';
  article: Article | null;
  severity: 'block' | 'warn';
  message: string;
}

export interface BookingContext {
  policy: Policy;
  periodEnd: string;
  /** registered experts of the station by ledger id (E1 …) */
  experts: ReadonlyMap<string, Expert>;
  /** the budget by category in force (agreement version or the station's budget); null when there is none */
  budgetFen: Record<ExpenseCategory, number> | null;
  /** grant spending already booked in the expense's category, this expense excluded (an edit replaces it) */
  spentInCategoryFen: number;
}

function categoryName(policy: Policy, code: string): string {
  return policy.expenseCategories.find((c) => c.code === code)?.name ?? code;
}

export function itemName(policy: Policy, code: string): string {
  for (const c of policy.expenseCategories) {
    const i = c.items.find((x) => x.code === code);
    if (i) return i.name;
  }
  return policy.forbiddenItems.find((x) => x.code === code)?.name ?? code;
}

interface MessageOptions {
  finding: Finding;
  expense: LedgerExpense;
  /** the registered expert the expense pays, if any */
  expert: Expert | undefined;
}

function message(ctx: BookingContext, { finding: f, expense: e, expert }: MessageOptions): string {
  const { policy } = ctx;
  const payee = e.payee?.name ?? expert?.name ?? '收款人';
  switch (f.id) {
    case 'forbidden_item': {
      const x = policy.forbiddenItems.find((i) => i.code === e.item);
      return `“${x?.name ?? e.item}”属于不得列支的支出（${x?.article ?? '第十七条'}${x?.clause ?? ''}），不能记账`;
    }
    case 'item_not_in_category':
      return `支出事项“${itemName(policy, e.item)}”不属于“${categoryName(policy, e.category)}”科目（第十六条），请改选正确的科目`;
    case 'consulting_to_host_staff':
      return `咨询费不得支付给依托单位工作人员（第十六条）：收款人“${payee}”登记为依托单位工作人员`;
    case 'labour_to_fiscal_personnel':
      return `劳务费不得支付给财政供养人员（第十六条）：收款人“${payee}”登记为财政供养人员`;
    case 'after_deadline':
      return `项目期已于 ${ctx.periodEnd} 结束，资助经费不得在项目期结束后列支（第十五条）`;
    case 'rate_above_standard': {
      const perDay = Math.round(yuanToFen(e.net ?? e.amount) / (e.days ?? 1));
      const cap = capPerDayFen(policy, e, expert) ?? 0;
      const source = e.category === 'consulting' ? `，${policy.feeStandards.consulting.source}` : '';
      return `${categoryName(policy, e.category)}${e.net ? '（税后）' : ''}每人天约 ${formatYuan(perDay, { symbol: false })} 元，高于本年度标准上限 ${formatYuan(cap, { symbol: false })} 元（第十条${source}），请核实`;
    }
    default:
      return f.id;
  }
}

/** What booking `e` (new, or an edit of an existing expense) would find: the refusals and the warnings. */
export function checkBooking(
  e: LedgerExpense,
  ctx: BookingContext,
): { blocks: BookingIssue[]; warnings: BookingIssue[] } {
  const expert = e.payee?.expertId ? ctx.experts.get(e.payee.expertId) : undefined;
  const own = expenseOwnFindings(e, { policy: ctx.policy, periodEnd: ctx.periodEnd, experts: ctx.experts });
  const issues: BookingIssue[] = own.map((f) => ({
    id: f.id,
    article: f.article,
    severity: f.severity,
    message: message(ctx, { finding: f, expense: e, expert }),
  }));
  // 第十条 / 第十一条: grant spending stays within the category's budget of the agreement in force; only a refused
  // expense is exempt, since it is never booked.
  if (e.source === 'grant' && ctx.budgetFen && !own.some((f) => f.severity === 'block')) {
    const budget = ctx.budgetFen[e.category as ExpenseCategory] ?? 0;
    const after = ctx.spentInCategoryFen + yuanToFen(e.amount);
    if (after > budget) {
      const f = finding('budget_overrun', `budget[${e.category}]`);
      issues.push({
        id: f.id,
        article: f.article,
        severity: f.severity,
        message: `“${categoryName(ctx.policy, e.category)}”科目预算 ${formatYuan(budget, { symbol: false })} 元，已列支 ${formatYuan(ctx.spentInCategoryFen, { symbol: false })} 元，本笔 ${formatYuan(yuanToFen(e.amount), { symbol: false })} 元将超出预算 ${formatYuan(after - budget, { symbol: false })} 元（第十条：按协议预算执行；调整预算须申请变更，第十一条）`,
      });
    }
  }
  for (const w of purposeWarnings(e.purpose, ctx.policy.forbiddenPurposeWords)) {
    issues.push({
      id: 'purpose_word',
      article: ctx.policy.forbiddenPurposeArticle,
      severity: 'warn',
      message: `用途中含“${w}”，可能属于不得列支的支出（${ctx.policy.forbiddenPurposeArticle}），请核实`,
    });
  }
  return {
    blocks: issues.filter((i) => i.severity === 'block'),
    warnings: issues.filter((i) => i.severity === 'warn'),
  };
}
