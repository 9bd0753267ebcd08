import { roundHalfUp } from '../kpi/compute';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../policy/types';

// Budget execution (预算执行, 第十五条): how much of the granted funds is spent, against how much of the period has
// passed. The fixed funding is paid in advance and must be used within the period; money left as the end nears is
// a warning for the host and the Center, and money left after the end is the `unexecuted_funds` finding.

/** Days before the period's end from which unspent money is warned about. Not set by the regulation: a setting. */
export const DEFAULT_WARN_DAYS = 60;

export interface ExecutionInput {
  grantedFen: number;
  budgetFen: Record<ExpenseCategory, number> | null;
  grantSpentByCategoryFen: Partial<Record<string, number>>;
  matchingSpentFen: number;
  matchingPlannedFen: number;
  periodStart: string;
  periodEnd: string;
  today: string;
  warnDays?: number;
  /** category names for messages (the year's policy) */
  categoryNames?: Partial<Record<string, string>>;
}

export interface ExecutionRow {
  category: ExpenseCategory;
  budgetFen: number;
  spentFen: number;
  balanceFen: number;
  /** spent / budget, 4 decimals; 0 when the budget is 0 */
  rate: number;
}

export interface Execution {
  rows: ExecutionRow[];
  grantedFen: number;
  spentGrantFen: number;
  balanceFen: number;
  executionRate: number;
  matchingSpentFen: number;
  matchingPlannedFen: number;
  /** the share of the period passed by `today`, 4 decimals, within [0, 1] */
  timeElapsed: number;
  daysLeft: number;
  warnings: Array<{ level: 'info' | 'warn'; article: string; message: string }>;
}

function dayNo(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function yuan(fen: number): string {
  const s = (fen / 100).toFixed(2);
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function execution(x: ExecutionInput): Execution {
  const rows = EXPENSE_CATEGORIES.map((category): ExecutionRow => {
    const budgetFen = x.budgetFen?.[category] ?? 0;
    const spentFen = x.grantSpentByCategoryFen[category] ?? 0;
    return {
      category,
      budgetFen,
      spentFen,
      balanceFen: budgetFen - spentFen,
      rate: budgetFen > 0 ? roundHalfUp(spentFen, budgetFen, 4) : 0,
    };
  });
  const spentGrantFen = rows.reduce((s, r) => s + r.spentFen, 0);
  const total = dayNo(x.periodEnd) - dayNo(x.periodStart) + 1;
  const passed = Math.min(Math.max(dayNo(x.today) - dayNo(x.periodStart) + 1, 0), total);
  const daysLeft = Math.max(dayNo(x.periodEnd) - dayNo(x.today), 0);
  const executionRate = x.grantedFen > 0 ? roundHalfUp(spentGrantFen, x.grantedFen, 4) : 0;
  const timeElapsed = total > 0 ? roundHalfUp(passed, total, 4) : 0;
  const unspent = x.grantedFen - spentGrantFen;
  const warnings: Execution['warnings'] = [];
  const warnDays = x.warnDays ?? DEFAULT_WARN_DAYS;
  if (x.today > x.periodEnd && unspent > 0) {
    warnings.push({
      level: 'warn',
      article: '第十五条',
      message: `项目期已于 ${x.periodEnd} 结束，尚有 ${yuan(unspent)} 元资助经费未执行（第十五条）`,
    });
  } else if (x.today >= x.periodStart && daysLeft <= warnDays && unspent > 0) {
    warnings.push({
      level: 'warn',
      article: '第十五条',
      message: `距项目期结束还有 ${daysLeft} 天，尚有 ${yuan(unspent)} 元资助经费未执行，请抓紧按预算执行（第十五条）`,
    });
  } else if (executionRate + 0.25 < timeElapsed) {
    warnings.push({
      level: 'info',
      article: '第十五条',
      message: `项目期已过 ${Math.round(timeElapsed * 100)}%，经费执行率 ${(executionRate * 100).toFixed(1)}%，执行进度偏慢`,
    });
  }
  for (const r of rows) {
    if (r.spentFen > r.budgetFen && x.budgetFen) {
      warnings.push({
        level: 'warn',
        article: '第十条',
        message: `“${x.categoryNames?.[r.category] ?? r.category}”科目支出超出预算 ${yuan(r.spentFen - r.budgetFen)} 元（第十条）`,
      });
    }
  }
  return {
    rows,
    grantedFen: x.grantedFen,
    spentGrantFen,
    balanceFen: x.grantedFen - spentGrantFen,
    executionRate,
    matchingSpentFen: x.matchingSpentFen,
    matchingPlannedFen: x.matchingPlannedFen,
    timeElapsed,
    daysLeft,
    warnings,
  };
}
