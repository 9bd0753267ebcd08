import { sql } from 'kysely';
import { expenseFindings } from '../../../domain/expenses/findings';
import { assembleEvaluation } from '../../../domain/kpi/evaluate';
import { elapsedShare, paceOf } from '../../../domain/kpi/forecast';
import { shortfalls } from '../../../domain/kpi/shortfall';
import type { Evaluation } from '../../../domain/kpi/types';
import type { KpiId, Policy, StationType } from '../../../domain/policy/types';
import { notFound } from '../../../shared/errors';
import { FINDING_LABELS, STATION_TYPE_LABELS } from '../../../shared/labels';
import type { KpiActivityMonthDto, KpiMatrixDto, KpiMatrixRowDto, StationKpisDto } from '../../../shared/schemas/kpis';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import type { StationTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';
import { budgetInForce, ledgerFunds } from '../funds/budget';
import { ledgerExpenses } from '../funds/expenses.service';
import { kpiCounts, recordFindings } from './kpis.queries';

export interface EvaluateStationOptions {
  station: StationTable;
  /** the date evaluated on, YYYY-MM-DD (Asia/Shanghai) */
  on: string;
  /** the station's year's policy when the caller has it loaded already */
  policy?: Policy;
}

/**
 * The evaluation (`qianqi-evaluation/1`) of one stored station on the date `on` (YYYY-MM-DD, Asia/Shanghai). KPIs
 * and record findings are counted in SQL; the expense rules run over the station's expenses with the same pure
 * function as `qianqi evaluate`, so that `kpis` equals `evaluate` of the exported ledger (decision 010).
 */
export async function evaluateStation(
  ctx: Pick<Ctx, 'db'>,
  { station, on, policy }: EvaluateStationOptions,
): Promise<Evaluation> {
  const p = policy ?? (await loadPolicy(ctx.db, station.program_year));
  const ids = sql`${station.id}`;
  const counts = (await kpiCounts(ctx.db, ids)).get(station.id)!;
  const findings = (await recordFindings(ctx.db, ids)).get(station.id) ?? [];
  const { expenses, experts } = await ledgerExpenses(ctx.db, station.id);
  const budget = await budgetInForce(ctx.db, station, p);
  const money = expenseFindings(
    {
      station: { period: { end: station.period_end } },
      experts: [...experts.values()],
      expenses,
      ...(budget ? { funds: ledgerFunds(budget) } : {}),
    },
    p,
    on,
  );
  return assembleEvaluation({
    policy: p,
    station: { type: station.type, district: station.district_code },
    counts,
    findings: [...findings, ...money.findings],
    funds: money.funds,
  });
}

/**
 * Computed station KPIs, kept per database while the station's ledger, its program year's policy and the day are
 * unchanged (`ledger_version`, raised by every ledger write in its transaction; the policy's `version`). Any process
 * sees a change through the database, so the cache never answers for a newer ledger.
 */
const kpiCaches = new WeakMap<object, Map<string, StationKpisDto>>();
const KPI_CACHE_SIZE = 5000;

function cacheOf(db: object): Map<string, StationKpisDto> {
  let c = kpiCaches.get(db);
  if (!c) {
    c = new Map();
    kpiCaches.set(db, c);
  }
  return c;
}

export async function getStationKpis(ctx: Ctx, stationId: string): Promise<StationKpisDto> {
  const today = shanghaiDate(ctx.clock.now());
  const row = await ctx.db
    .selectFrom('stations')
    .innerJoin('program_years as py', 'py.year', 'stations.program_year')
    .selectAll('stations')
    .select('py.version as policy_version')
    .where('stations.id', '=', stationId)
    .where(stationScope(ctx.actor!, today))
    .executeTakeFirst();
  if (!row) throw notFound('工作站点');
  const { policy_version, ...station } = row;
  const key = `${station.id}|${station.ledger_version}|${policy_version}|${today}`;
  const cache = cacheOf(ctx.db);
  const hit = cache.get(key);
  if (hit) return hit;
  const dto = await computeStationKpis(ctx, station, today);
  if (cache.size >= KPI_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, dto);
  return dto;
}

async function computeStationKpis(ctx: Ctx, station: StationTable, today: string): Promise<StationKpisDto> {
  const policy = await loadPolicy(ctx.db, station.program_year);
  const ev = await evaluateStation(ctx, { station, on: today, policy });
  const period = { start: station.period_start, end: station.period_end };
  const defs = new Map(policy.kpis[station.type].map((k) => [k.id, k]));
  const kpis = ev.kpis.map((k) => {
    const d = defs.get(k.id)!;
    return {
      ...k,
      name: d.name,
      unit: d.unit,
      measure: d.measure,
      countingRule: d.countingRule,
      pace: paceOf({ kpi: k, measure: d.measure, period, today }),
    };
  });
  return {
    station: {
      id: station.id,
      name: station.name,
      type: station.type,
      typeLabel: STATION_TYPE_LABELS[station.type],
      districtCode: station.district_code,
      periodStart: station.period_start,
      periodEnd: station.period_end,
      programYear: station.program_year,
    },
    today,
    kpis,
    findings: ev.findings.map((f) => ({ ...f, label: FINDING_LABELS[f.id] ?? f.id })),
    ...(ev.funds ? { funds: ev.funds } : {}),
    metCount: kpis.filter((k) => k.met).length,
  };
}

export interface MatrixFilter {
  year: number;
  type?: StationType;
  districtCode?: string;
}

/** Every station of a year in the actor's scope × its KPIs: the same SQL aggregates as one station, grouped. */
export async function kpiMatrix(ctx: Ctx, f: MatrixFilter): Promise<KpiMatrixDto> {
  const policy = await loadPolicy(ctx.db, f.year);
  const today = shanghaiDate(ctx.clock.now());
  let sq = ctx.db
    .selectFrom('stations')
    .select('stations.id')
    .where('stations.program_year', '=', f.year)
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())));
  if (f.type) sq = sq.where('stations.type', '=', f.type);
  if (f.districtCode) sq = sq.where('stations.district_code', '=', f.districtCode);
  const stations = await ctx.db
    .selectFrom('stations')
    .innerJoin('organizations as h', 'h.id', 'stations.host_org_id')
    .selectAll('stations')
    .select('h.name as host_name')
    .where('stations.id', 'in', sq)
    .orderBy('stations.type')
    .orderBy('stations.district_code')
    .orderBy('stations.name')
    .execute();
  const counts = await kpiCounts(ctx.db, sq);
  const districtNames = new Map(policy.districts.map((d) => [d.code, d.name]));
  const rows: KpiMatrixRowDto[] = stations.map((s) => {
    const c = counts.get(s.id)!;
    const ev = assembleEvaluation({
      policy,
      station: { type: s.type, district: s.district_code },
      counts: c,
      findings: [],
    });
    const period = { start: s.period_start, end: s.period_end };
    const defs = new Map(policy.kpis[s.type].map((k) => [k.id, k]));
    const standing = ev.kpis.map((k) => {
      const d = defs.get(k.id)!;
      return { ...k, name: d.name, unit: d.unit, measure: d.measure };
    });
    const behind = shortfalls(standing, { period, today });
    const byId = new Map(behind.map((b) => [b.kpiId, b]));
    const kpis: KpiMatrixRowDto['kpis'] = {};
    for (const k of standing) {
      kpis[k.id] = {
        actual: k.actual,
        target: k.target,
        met: k.met,
        ratio: k.target > 0 ? Math.min(k.actual / k.target, 9.99) : 1,
        pace: paceOf({ kpi: k, measure: k.measure, period, today }).status,
        behind: byId.has(k.id),
      };
    }
    return {
      stationId: s.id,
      name: s.name,
      type: s.type,
      districtCode: s.district_code,
      districtName: s.district_code ? (districtNames.get(s.district_code) ?? null) : null,
      hostName: s.host_name,
      kpis,
      metCount: ev.kpis.filter((k) => k.met).length,
      kpiCount: ev.kpis.length,
      behindCount: behind.length,
      mainShortfall: behind[0] ?? null,
      elapsed: elapsedShare(period, today),
    };
  });
  const columns = new Map<KpiId, KpiMatrixDto['columns'][number]>();
  for (const t of ['district_a', 'district_b', 'iur'] as StationType[]) {
    for (const k of policy.kpis[t]) {
      const col = columns.get(k.id) ?? {
        id: k.id,
        name: k.name,
        unit: k.unit,
        measure: k.measure,
        types: [],
        nameByType: {},
        unitByType: {},
      };
      col.types.push(t);
      col.nameByType[t] = k.name;
      col.unitByType[t] = k.unit;
      columns.set(k.id, col);
    }
  }
  const totals = (['district_a', 'district_b', 'iur'] as StationType[]).map((type) => {
    const rs = rows.filter((r) => r.type === type);
    const metByKpi: Partial<Record<KpiId, number>> = {};
    for (const k of policy.kpis[type]) metByKpi[k.id] = rs.filter((r) => r.kpis[k.id]?.met).length;
    const met = rs.reduce((a, r) => a + r.metCount, 0);
    const all = rs.reduce((a, r) => a + r.kpiCount, 0);
    return {
      type,
      typeLabel: STATION_TYPE_LABELS[type],
      stations: rs.length,
      fullyMet: rs.filter((r) => r.metCount === r.kpiCount).length,
      attainment: all ? met / all : 0,
      metByKpi,
    };
  });
  return { year: f.year, columns: [...columns.values()], rows, totals };
}

/** Work recorded per month (events, contacts, demands) for the stations of a year in scope: the activity chart. */
export async function kpiActivity(ctx: Ctx, f: MatrixFilter): Promise<KpiActivityMonthDto[]> {
  let sq = ctx.db
    .selectFrom('stations')
    .select('stations.id')
    .where('stations.program_year', '=', f.year)
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())));
  if (f.type) sq = sq.where('stations.type', '=', f.type);
  if (f.districtCode) sq = sq.where('stations.district_code', '=', f.districtCode);
  const series: Record<string, Omit<KpiActivityMonthDto, 'month'>> = {};
  for (const [table, col, key] of [
    ['events', 'date', 'events'],
    ['contacts', 'date', 'contacts'],
    ['demands', 'collected_on', 'demands'],
  ] as const) {
    const r = await sql<{ month: string; n: number | string }>`
      select substr(${sql.ref(col)}, 1, 7) as month, count(*) as n from ${sql.table(table)}
      where station_id in (${sq}) group by substr(${sql.ref(col)}, 1, 7) order by month`.execute(ctx.db);
    for (const row of r.rows) {
      series[row.month] ??= { events: 0, contacts: 0, demands: 0 };
      series[row.month][key] = Number(row.n);
    }
  }
  return Object.entries(series)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, v]) => ({ month, ...v }));
}
