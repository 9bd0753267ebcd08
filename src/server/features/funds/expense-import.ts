import { uuidv7 } from 'uuidv7';
import { checkBooking } from '../../../domain/expenses/booking';
import type { Ledger } from '../../../domain/ledger/schema';
import { yuanToFen } from '../../../domain/money';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type Policy } from '../../../domain/policy/types';
import type { ImportProblemDto } from '../../../shared/schemas/ledger';
import type { Database, Tx } from '../../db/database';
import type { ExpenseTable, StationTable } from '../../db/schema';
import { type BudgetInForce, budgetInForce } from './budget';

// A ledger's expenses come in through the same engine as a booking (issue #5): an expense the engine refuses is an
// error of its row and nothing is imported; the budget that binds is the agreement in force, else the ledger's own
// `funds` (a station without a project).

type Expert = Ledger['experts'][number];

export interface MoneyContext {
  policy: Policy;
  /** the agreement's budget, when the station has one */
  agreement: BudgetInForce | null;
}

export async function moneyContext(db: Database | Tx, station: StationTable, policy: Policy): Promise<MoneyContext> {
  const b = await budgetInForce(db, station, policy);
  return { policy, agreement: b?.agreementNo ? b : null };
}

function ledgerBudgetFen(ledger: Ledger): Record<ExpenseCategory, number> | null {
  if (!ledger.funds) return null;
  const b = ledger.funds.budget;
  return Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, yuanToFen(b[c])])) as Record<ExpenseCategory, number>;
}

export function expenseImportProblems(
  ledger: Ledger,
  station: Pick<StationTable, 'period_end'>,
  money: MoneyContext,
): { errors: ImportProblemDto[]; warnings: ImportProblemDto[] } {
  const errors: ImportProblemDto[] = [];
  const warnings: ImportProblemDto[] = [];
  const budget = money.agreement?.budgetFen ?? ledgerBudgetFen(ledger);
  if (money.agreement && ledger.funds) {
    const own = ledgerBudgetFen(ledger)!;
    const differs =
      yuanToFen(ledger.funds.granted) !== money.agreement.grantedFen ||
      EXPENSE_CATEGORIES.some((c) => own[c] !== money.agreement!.budgetFen[c]);
    if (differs) {
      warnings.push({
        path: 'funds',
        message: `台账中的经费预算与${money.agreement.source}不一致，以协议为准（第十一条：调整须经批准），台账中的预算未导入`,
      });
    }
  }
  const experts = new Map<string, Expert>();
  for (const x of ledger.experts) if (!experts.has(x.id)) experts.set(x.id, x);
  const spent = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])) as Record<ExpenseCategory, number>;
  ledger.expenses.forEach((e, i) => {
    const { blocks } = checkBooking(e, {
      policy: money.policy,
      periodEnd: station.period_end,
      experts,
      budgetFen: budget,
      spentInCategoryFen: spent[e.category],
    });
    for (const b of blocks) errors.push({ path: `expenses[${i}]`, message: `支出 ${e.id}：${b.message}` });
    if (!blocks.length && e.source === 'grant') spent[e.category] += yuanToFen(e.amount);
  });
  if (!budget && ledger.expenses.some((e) => e.source === 'grant')) {
    warnings.push({
      path: 'funds',
      message: '站点尚无项目合作协议，台账也未给出经费预算（funds），资助经费支出未做预算检查',
    });
  }
  return { errors, warnings };
}

export interface ExpenseRowsOptions {
  stationId: string;
  ledger: Ledger;
  /** a ledger expert id → its new row's id */
  expertIds: ReadonlyMap<string, string>;
  policy: Policy;
  periodEnd: string;
  now: string;
}

/** The rows a validated ledger's expenses become; `expertIds` maps a ledger expert id to its new row. */
export function expenseRows({
  stationId,
  ledger,
  expertIds,
  policy,
  periodEnd,
  now,
}: ExpenseRowsOptions): ExpenseTable[] {
  const experts = new Map<string, Expert>();
  for (const x of ledger.experts) if (!experts.has(x.id)) experts.set(x.id, x);
  return ledger.expenses.map((e) => {
    const expertId = e.payee?.expertId ? (expertIds.get(e.payee.expertId) ?? null) : null;
    // Warnings only: refusals were errors of the import, and the budget was checked over the whole ledger.
    const { warnings } = checkBooking(e, { policy, periodEnd, experts, budgetFen: null, spentInCategoryFen: 0 });
    return {
      id: uuidv7(),
      station_id: stationId,
      ref: e.id,
      date: e.date,
      category: e.category,
      item: e.item,
      amount_fen: yuanToFen(e.amount),
      source: e.source,
      payee_kind: expertId
        ? 'expert'
        : e.category === 'consulting' || e.category === 'labour'
          ? 'person'
          : 'organization',
      payee_name: e.payee?.name ?? '（未填写）',
      payee_expert_id: expertId,
      payee_host_staff: e.payee?.hostStaff ? 1 : 0,
      payee_fiscally_supported: e.payee?.fiscallySupported ? 1 : 0,
      days: e.days === undefined ? null : String(e.days),
      net_fen: e.net === undefined ? null : yuanToFen(e.net),
      tax_fen: e.net === undefined ? null : yuanToFen(e.amount) - yuanToFen(e.net),
      purpose: e.purpose ?? null,
      warnings_json: JSON.stringify(warnings),
      created_at: now,
      updated_at: now,
      created_by: null,
      version: 1,
    };
  });
}

/** The ledger's `funds` kept as the station's budget, for a station without an agreement. */
export function stationBudgetRow(stationId: string, ledger: Ledger, now: string) {
  if (!ledger.funds) return null;
  return {
    station_id: stationId,
    granted_fen: yuanToFen(ledger.funds.granted),
    budget_json: JSON.stringify(ledgerBudgetFen(ledger)),
    updated_at: now,
    version: 1,
  };
}
