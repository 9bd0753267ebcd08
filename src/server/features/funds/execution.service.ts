import { type Execution, execution } from '../../../domain/expenses/execution';
import { roundHalfUp } from '../../../domain/kpi/compute';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type StationType } from '../../../domain/policy/types';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../http/paging';
import { shanghaiDate, stationScope } from '../../scope';
import { loadPolicy } from '../program-years/program-years.service';
import { budgetInForce } from './budget';
import { spendingOf } from './expenses.service';

// The year's budget execution across the stations in the actor's scope (第十五条): one row per station with its
// execution against time elapsed and its warning, and the totals by category. Sums come from SQL (`spendingOf`);
// the page of stations is paged in SQL.

export interface StationExecutionDto {
  stationId: string;
  name: string;
  type: StationType;
  districtCode: string | null;
  periodEnd: string;
  grantedFen: number;
  spentGrantFen: number;
  matchingSpentFen: number;
  paidFen: number;
  executionRate: number;
  timeElapsed: number;
  hasBudget: boolean;
  warning: string | null;
}

export interface YearExecutionDto extends Page<StationExecutionDto> {
  year: number;
  today: string;
  totals: {
    stations: number;
    grantedFen: number;
    spentGrantFen: number;
    matchingSpentFen: number;
    executionRate: number;
    byCategory: Array<{ category: ExpenseCategory; name: string; spentFen: number }>;
  };
}

export async function yearExecution(
  ctx: Ctx,
  f: { year: number; type?: StationType; districtCode?: string; q?: string },
  page: { page: number; pageSize: number },
): Promise<YearExecutionDto> {
  const today = shanghaiDate(ctx.clock.now());
  const policy = await loadPolicy(ctx.db, f.year);
  let qb = ctx.db
    .selectFrom('stations')
    .selectAll('stations')
    .where('stations.program_year', '=', f.year)
    .where(stationScope(ctx.actor!, today));
  if (f.type) qb = qb.where('stations.type', '=', f.type);
  if (f.districtCode) qb = qb.where('stations.district_code', '=', f.districtCode);
  if (f.q) qb = qb.where(containsCi('stations.name', f.q));
  const stations = await paginate(qb, {
    ...page,
    map: (r) => r,
    orderBy: (q) => q.orderBy('stations.type').orderBy('stations.district_code').orderBy('stations.id'),
  });
  const ids = stations.items.map((s) => s.id);
  const spending = await spendingOf(ctx.db, ids);
  const paid = ids.length
    ? await ctx.db
        .selectFrom('fund_payments')
        .select(['station_id'])
        .select((eb) => eb.fn.sum<number>('amount_fen').as('n'))
        .where('station_id', 'in', ids)
        .groupBy('station_id')
        .execute()
    : [];
  const names = Object.fromEntries(policy.expenseCategories.map((c) => [c.code, c.name]));
  const items: StationExecutionDto[] = [];
  for (const s of stations.items) {
    const budget = await budgetInForce(ctx.db, s, policy);
    const sp = spending.get(s.id) ?? { grantByCategory: {}, matchingFen: 0 };
    const ex: Execution = execution({
      grantedFen: budget?.grantedFen ?? policy.stationTypes[s.type].fundingFen,
      budgetFen: budget?.budgetFen ?? null,
      grantSpentByCategoryFen: sp.grantByCategory,
      matchingSpentFen: sp.matchingFen,
      matchingPlannedFen: budget?.matchingFundsPlannedFen ?? 0,
      periodStart: s.period_start,
      periodEnd: s.period_end,
      today,
      categoryNames: names,
    });
    items.push({
      stationId: s.id,
      name: s.name,
      type: s.type,
      districtCode: s.district_code,
      periodEnd: s.period_end,
      grantedFen: ex.grantedFen,
      spentGrantFen: ex.spentGrantFen,
      matchingSpentFen: ex.matchingSpentFen,
      paidFen: Number(paid.find((p) => p.station_id === s.id)?.n ?? 0),
      executionRate: ex.executionRate,
      timeElapsed: ex.timeElapsed,
      hasBudget: !!budget,
      warning: ex.warnings.find((w) => w.level === 'warn')?.message ?? null,
    });
  }
  // Totals over every station of the filter (not just the page), in SQL.
  const scoped = qb.clearSelect().select('stations.id');
  const byCat = await ctx.db
    .selectFrom('expenses')
    .select(['source', 'category'])
    .select((eb) => eb.fn.sum<number>('amount_fen').as('n'))
    .where('station_id', 'in', scoped)
    .groupBy(['source', 'category'])
    .execute();
  const byType = await qb
    .clearSelect()
    .select(['stations.type'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('stations.type')
    .execute();
  const grantedFen = byType.reduce((s, r) => s + Number(r.n) * policy.stationTypes[r.type].fundingFen, 0);
  const spentGrantFen = byCat.filter((r) => r.source === 'grant').reduce((s, r) => s + Number(r.n), 0);
  return {
    ...stations,
    items,
    year: f.year,
    today,
    totals: {
      stations: stations.total,
      grantedFen,
      spentGrantFen,
      matchingSpentFen: byCat.filter((r) => r.source !== 'grant').reduce((s, r) => s + Number(r.n), 0),
      executionRate: grantedFen > 0 ? roundHalfUp(spentGrantFen, grantedFen, 4) : 0,
      byCategory: EXPENSE_CATEGORIES.map((c) => ({
        category: c,
        name: names[c] ?? c,
        spentFen: byCat.filter((r) => r.source === 'grant' && r.category === c).reduce((s, r) => s + Number(r.n), 0),
      })),
    },
  };
}
