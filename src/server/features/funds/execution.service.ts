import { type Execution, execution } from '../../../domain/expenses/execution';
import { roundHalfUp } from '../../../domain/kpi/compute';
import { EXPENSE_CATEGORIES } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { ExecutionFilter, StationExecutionDto, YearExecutionDto } from '../../../shared/schemas/funds';
import type { Ctx } from '../../context';
import { containsCi, paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { EXPORT_LIMIT, xlsxBuffer } from '../../http/excel';
import { shanghaiDate, stationScope } from '../../scope';
import { budgetsInForce } from './budget';
import { spendingOf } from './expenses.service';

// The year's budget execution across the stations in the actor's scope (第十五条): one row per station with its
// execution against time elapsed and its warning, and the totals by category. Sums come from SQL (`spendingOf`);
// the page of stations is paged in SQL.

export async function yearExecution(
  ctx: Ctx,
  f: ExecutionFilter,
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
  const budgets = await budgetsInForce(ctx.db, stations.items, policy);
  const items: StationExecutionDto[] = [];
  for (const s of stations.items) {
    const budget = budgets.get(s.id);
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
  const byPeriod = await qb
    .clearSelect()
    .select(['stations.type', 'stations.period_start', 'stations.period_end'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['stations.type', 'stations.period_start', 'stations.period_end'])
    .execute();
  const grantedFen = byPeriod.reduce((s, r) => s + Number(r.n) * policy.stationTypes[r.type].fundingFen, 0);
  // The time elapsed over the filter, weighted like the execution rate (by the funding), in integers: each group's
  // share comes from the same rule as a station's (`execution`), in ten-thousandths.
  const elapsedWeighted = byPeriod.reduce(
    (s, r) =>
      s +
      Number(r.n) *
        policy.stationTypes[r.type].fundingFen *
        Math.round(periodElapsed(r.period_start, r.period_end, today) * 10_000),
    0,
  );
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
      timeElapsed: grantedFen > 0 ? roundHalfUp(elapsedWeighted, grantedFen * 10_000, 4) : 0,
      byCategory: EXPENSE_CATEGORIES.map((c) => ({
        category: c,
        name: names[c] ?? c,
        spentFen: byCat.filter((r) => r.source === 'grant' && r.category === c).reduce((s, r) => s + Number(r.n), 0),
      })),
    },
  };
}

/** The share of a period passed by `today` (4 decimals), by the same rule as a station's execution (第十五条). */
function periodElapsed(periodStart: string, periodEnd: string, today: string): number {
  return execution({
    grantedFen: 0,
    budgetFen: null,
    grantSpentByCategoryFen: {},
    matchingSpentFen: 0,
    matchingPlannedFen: 0,
    periodStart,
    periodEnd,
    today,
  }).timeElapsed;
}

const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
/** Yuan as a number (fen / 100) so that the finance office can sum the cells in Excel, as in the final accounts. */
const yuanCell = (fen: number) => fen / 100;

/**
 * The year's execution as an Excel workbook: every station of the filter (up to EXPORT_LIMIT), in the order of the
 * page, with the same figures and warnings (第十五条). No HTTP here: the route sends the bytes.
 */
export async function yearExecutionXlsx(ctx: Ctx, f: ExecutionFilter): Promise<{ fileName: string; bytes: Buffer }> {
  const d = await yearExecution(ctx, f, { page: 1, pageSize: EXPORT_LIMIT });
  const policy = await loadPolicy(ctx.db, f.year);
  const districts = new Map(policy.districts.map((x) => [x.code, x.name]));
  const bytes = await xlsxBuffer<StationExecutionDto>(
    `${d.year}年度经费执行`,
    [
      { header: '站点', width: 36, value: (s) => s.name },
      { header: '类型', width: 18, value: (s) => STATION_TYPE_LABELS[s.type] ?? s.type },
      {
        header: '所在区',
        width: 10,
        value: (s) => (s.districtCode ? (districts.get(s.districtCode) ?? s.districtCode) : ''),
      },
      { header: '项目期结束', width: 12, value: (s) => s.periodEnd },
      { header: '资助经费（元）', width: 16, value: (s) => yuanCell(s.grantedFen) },
      { header: '已拨付（元）', width: 16, value: (s) => yuanCell(s.paidFen) },
      { header: '已支出（元，资助经费）', width: 20, value: (s) => yuanCell(s.spentGrantFen) },
      { header: '执行率', width: 10, value: (s) => pct(s.executionRate) },
      { header: '时间进度', width: 10, value: (s) => pct(s.timeElapsed) },
      { header: '配套经费支出（元，第十四条）', width: 24, value: (s) => yuanCell(s.matchingSpentFen) },
      { header: '预算', width: 10, value: (s) => (s.hasBudget ? '已有预算' : '尚无预算') },
      { header: '提示（第十五条）', width: 60, value: (s) => s.warning ?? '' },
    ],
    d.items,
  );
  return { fileName: `${d.year}年度经费执行情况.xlsx`, bytes };
}
