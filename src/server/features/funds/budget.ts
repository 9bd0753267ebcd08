import type { Ledger } from '../../../domain/ledger/schema';
import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import { fenToYuan } from '../../../domain/money';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type Policy } from '../../../domain/policy/types';
import type { Database, Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';

// The one answer to "what budget binds this station now" (第十条, 第十一条): the agreement version in force; a station
// without a project (created by a ledger import) has the budget its ledger brought (docs/ledger-format.md `funds`).

export interface BudgetInForce {
  grantedFen: number;
  budgetFen: Record<ExpenseCategory, number>;
  matchingFundsPlannedFen: number;
  /** the agreement version number, or null for a station budget */
  agreementNo: number | null;
  source: string;
}

/** The agreement version in force of a station's project (the latest applied one), or null. */
export async function agreementInForce(
  db: Database | Tx,
  stationId: string,
): Promise<{ no: number; terms: AgreementTerms } | null> {
  const v = await db
    .selectFrom('agreement_versions as v')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .select(['v.version_no', 'v.terms_json'])
    .where('p.station_id', '=', stationId)
    .where('v.applied_at', 'is not', null)
    .orderBy('v.version_no', 'desc')
    .executeTakeFirst();
  return v ? { no: v.version_no, terms: JSON.parse(v.terms_json) as AgreementTerms } : null;
}

function fullBudget(b: Partial<Record<string, number>>): Record<ExpenseCategory, number> {
  return Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, Number(b[c] ?? 0)])) as Record<ExpenseCategory, number>;
}

/** The budgets in force of many stations in two queries (the year's execution view pages over stations). */
export async function budgetsInForce(
  db: Database | Tx,
  stations: ReadonlyArray<Pick<StationTable, 'id' | 'type'>>,
  policy: Policy,
): Promise<Map<string, BudgetInForce>> {
  const out = new Map<string, BudgetInForce>();
  if (!stations.length) return out;
  const ids = stations.map((s) => s.id);
  const versions = await db
    .selectFrom('agreement_versions as v')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .select(['p.station_id', 'v.version_no', 'v.terms_json'])
    .where('p.station_id', 'in', ids)
    .where('v.applied_at', 'is not', null)
    .orderBy('v.version_no', 'desc')
    .execute();
  for (const s of stations) {
    const v = versions.find((x) => x.station_id === s.id);
    if (!v) continue;
    const terms = JSON.parse(v.terms_json) as AgreementTerms;
    out.set(s.id, {
      grantedFen: policy.stationTypes[s.type].fundingFen,
      budgetFen: fullBudget(terms.budgetFen),
      matchingFundsPlannedFen: terms.matchingFundsFen ?? 0,
      agreementNo: v.version_no,
      source: `项目合作协议第 ${v.version_no} 版（第十条、第十一条）`,
    });
  }
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length) {
    const own = await db.selectFrom('station_budgets').selectAll().where('station_id', 'in', rest).execute();
    for (const b of own) {
      out.set(b.station_id, {
        grantedFen: Number(b.granted_fen),
        budgetFen: fullBudget(JSON.parse(b.budget_json) as Record<string, number>),
        matchingFundsPlannedFen: 0,
        agreementNo: null,
        source: '导入台账中的经费预算（尚无项目合作协议）',
      });
    }
  }
  return out;
}

export async function budgetInForce(
  db: Database | Tx,
  station: Pick<StationTable, 'id' | 'type'>,
  policy: Policy,
): Promise<BudgetInForce | null> {
  return (await budgetsInForce(db, [station], policy)).get(station.id) ?? null;
}

/** The budget as docs/ledger-format.md's `funds` block (decimal yuan strings). */
export function ledgerFunds(b: BudgetInForce): NonNullable<Ledger['funds']> {
  return {
    granted: fenToYuan(b.grantedFen),
    budget: Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, fenToYuan(b.budgetFen[c])])) as NonNullable<
      Ledger['funds']
    >['budget'],
  };
}
