/**
 * The KPI benchmarks of issue #3 (item 7), on a database made by `generate.ts`:
 *  (a) the Center's all-stations matrix (`kpiMatrix`, server time) against ONE hand-written SQL aggregate computing the
 *      same per-station counts, and whether both give the same numbers;
 *  (b) one station's KPIs over HTTP (`GET /api/v1/stations/{id}/kpis`), p50/p95 of sequential requests;
 *  (c) the throughput of that endpoint as a ratio to an empty JSON route (`/api/health`) of the same server;
 *  (d) one station with 12,700 contacts outside its period (issue #11): its KPI recompute, and how long `/api/health`
 *      waits behind it (a quadratic statement once took 5 s here and stalled every other request).
 * When a goal is missed it says where the time goes: each SQL statement of the service with its time, and the plan
 * (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE) of the slowest.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { type CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { computeKpis } from '../src/domain/kpi/compute';
import { emptyCounts } from '../src/domain/kpi/from-ledger';
import type { KpiCounts } from '../src/domain/kpi/types';
import type { ReportKind } from '../src/domain/ledger/codes';
import type { StationType } from '../src/domain/policy/types';
import { createLocalDiskStorage } from '../src/server/blobs/local-disk';
import { type Ctx, systemClock } from '../src/server/context';
import { loadPolicy } from '../src/server/core/policy';
import { type Database, type DbHandle, openDatabase } from '../src/server/db/database';
import type { DB } from '../src/server/db/schema';
import { loadEnv } from '../src/server/env';
import { kpiCounts, recordFindings } from '../src/server/features/kpis/kpis.queries';
import { evaluateStation, getStationKpis, kpiMatrix } from '../src/server/features/kpis/kpis.service';
import { DEMO_PASSWORD } from '../src/server/seed';
import { addOutOfPeriodStation, type Generated, OUT_OF_PERIOD_CONTACTS } from './generate';

export const YEAR = 2025;
export const MATRIX_RUNS = 20;
export const HTTP_REQUESTS = 300;
export const THROUGHPUT_SECONDS = 5;
export const CONCURRENCY = 16;

export interface KpiResult {
  engine: string;
  scale: number;
  date: string;
  stations: number;
  enterprises: number;
  ledgerRecords: number;
  generationSeconds: number;
  matrixMs: number;
  handSqlMs: number;
  ratio: number;
  agree: boolean;
  checkedStations: number;
  mismatches: string[];
  stationP50: number;
  stationP95: number;
  healthRps: number;
  kpiRps: number;
  throughputRatio: number;
  /** where the time goes, when a goal is missed (or --explain) */
  notes: string[];
  /** (d); absent in columns measured before it existed */
  outOfPeriod?: OutOfPeriodFigures;
}

const STATION_PARTS_RUNS = 200;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ---------------------------------------------------------------------------------------------------------------
// (a) The hand-written aggregate: one statement, a CTE per KPI family, one row per station of the year.

const REPORT_KIND_LIST: ReportKind[] = [
  'summary',
  'demand_analysis',
  'expert_service_mode',
  'regional_development',
  'iur_mode',
  'final_accounts',
];

/** The stations of a year (the matrix) or one station (to show what one statement costs for the station endpoint). */
export type HandFilter = { year: number } | { stationId: string };

export function handSql(f: HandFilter) {
  const which = 'year' in f ? sql`program_year = ${f.year}` : sql`id = ${f.stationId}`;
  const inPeriod = (col: string) => sql.raw(`${col} >= s.period_start and ${col} <= s.period_end`);
  const words = sql.join(
    REPORT_KIND_LIST.map(
      (k) => sql`max(case when r.kind = ${sql.lit(k)} then r.word_count else 0 end) as ${sql.ref(`w_${k}`)}`,
    ),
  );
  return sql<Record<string, unknown> & { station_id: string; type: StationType }>`
    with s as (
      select id, type, district_code, period_start, period_end from stations where ${which}
    ),
    ev as (
      select t.station_id, count(*) as n from events t join s on s.id = t.station_id
      where ${inPeriod('t.date')} group by t.station_id
    ),
    ex as (
      select t.station_id, count(*) as n from event_experts ee join events t on t.id = ee.event_id
      join s on s.id = t.station_id where ${inPeriod('t.date')} group by t.station_id
    ),
    pr as (
      select t.station_id, count(*) as n,
             sum(case when t.channel = 'association_website' then 1 else 0 end) as web
      from press_releases t join s on s.id = t.station_id where ${inPeriod('t.date')} group by t.station_id
    ),
    co as (
      select t.station_id, count(*) as n from cooperations t join s on s.id = t.station_id
      where t.has_content = 1 and ${inPeriod('t.date')} group by t.station_id
    ),
    oc as (
      select t.station_id, count(*) as n from outcomes t join s on s.id = t.station_id
      where ${inPeriod('t.date')} group by t.station_id
    ),
    ac as (
      select t.station_id, count(*) as n from achievements t join s on s.id = t.station_id
      where t.promoted = 1 and ${inPeriod('t.collected_on')} group by t.station_id
    ),
    de as (
      select t.station_id, count(*) as n from demands t join s on s.id = t.station_id
      where ${inPeriod('t.collected_on')} group by t.station_id
    ),
    en as (
      select x.station_id, count(*) as contacted,
             sum(case when se.id is not null and e.has_association = 1 then 1 else 0 end) as assoc,
             sum(case when se.key_served = 1 then 1 else 0 end) as key_served,
             sum(case when se.key_served = 1 and e.srdi in ('municipal', 'national') then 1 else 0 end) as key_srdi
      from (select distinct t.station_id, t.uscc from contacts t join s on s.id = t.station_id
            where ${inPeriod('t.date')}) x
      join s on s.id = x.station_id
      left join enterprises e on e.uscc = x.uscc
      left join station_enterprises se on se.station_id = x.station_id and se.enterprise_id = e.id
      where s.type = 'iur' or (se.id is not null and e.district_code = s.district_code)
      group by x.station_id
    ),
    rw as (
      select r.station_id, ${words} from reports r join s on s.id = r.station_id group by r.station_id
    )
    select s.id as station_id, s.type,
           coalesce(ev.n, 0) as events, coalesce(ex.n, 0) as expert_person_times,
           coalesce(pr.n, 0) as press, coalesce(pr.web, 0) as press_web, coalesce(co.n, 0) as cooperations,
           coalesce(oc.n, 0) as outcomes, coalesce(ac.n, 0) as achievements, coalesce(de.n, 0) as demands,
           coalesce(en.contacted, 0) as contacted, coalesce(en.assoc, 0) as assoc,
           coalesce(en.key_served, 0) as key_served, coalesce(en.key_srdi, 0) as key_srdi,
           ${sql.join(REPORT_KIND_LIST.map((k) => sql`coalesce(rw.${sql.ref(`w_${k}`)}, 0) as ${sql.ref(`w_${k}`)}`))}
    from s
    left join ev on ev.station_id = s.id left join ex on ex.station_id = s.id left join pr on pr.station_id = s.id
    left join co on co.station_id = s.id left join oc on oc.station_id = s.id left join ac on ac.station_id = s.id
    left join de on de.station_id = s.id left join en on en.station_id = s.id left join rw on rw.station_id = s.id`;
}

/**
 * The shape suggested for one station's counts (see "where the time goes"): the same families as `kpiCounts`, but
 * as ONE statement of UNION ALL branches (cheap to plan, unlike one join of ten CTEs), one row per family.
 */
export function stationCountsUnion(stationId: string) {
  const id = stationId;
  const fam = ({ k, table, col, cond = '1 = 1' }: { k: string; table: string; col: string; cond?: string }) =>
    sql`select ${sql.lit(k)} as k, count(*) as n, 0 as n2, 0 as n3, 0 as n4 from ${sql.table(table)} t
        join stations s on s.id = t.station_id
        where t.station_id = ${id} and ${sql.raw(`t.${col} >= s.period_start and t.${col} <= s.period_end and ${cond}`)}`;
  return sql<{ k: string; n: number | string; n2: number | string; n3: number | string; n4: number | string }>`
    ${fam({ k: 'events', table: 'events', col: 'date' })}
    union all ${fam({ k: 'press', table: 'press_releases', col: 'date' })}
    union all ${fam({ k: 'press_web', table: 'press_releases', col: 'date', cond: "t.channel = 'association_website'" })}
    union all ${fam({ k: 'cooperations', table: 'cooperations', col: 'date', cond: 't.has_content = 1' })}
    union all ${fam({ k: 'outcomes', table: 'outcomes', col: 'date' })}
    union all ${fam({ k: 'achievements', table: 'achievements', col: 'collected_on', cond: 't.promoted = 1' })}
    union all ${fam({ k: 'demands', table: 'demands', col: 'collected_on' })}
    union all select 'expert_person_times', count(*), 0, 0, 0 from event_experts ee join events t on t.id = ee.event_id
      join stations s on s.id = t.station_id
      where t.station_id = ${id} and t.date >= s.period_start and t.date <= s.period_end
    union all select 'contacted', count(*),
        sum(case when se.id is not null and e.has_association = 1 then 1 else 0 end),
        sum(case when se.key_served = 1 then 1 else 0 end),
        sum(case when se.key_served = 1 and e.srdi in ('municipal', 'national') then 1 else 0 end)
      from (select distinct t.uscc from contacts t join stations s on s.id = t.station_id
            where t.station_id = ${id} and t.date >= s.period_start and t.date <= s.period_end) x
      join stations s on s.id = ${id}
      left join enterprises e on e.uscc = x.uscc
      left join station_enterprises se on se.station_id = s.id and se.enterprise_id = e.id
      where s.type = 'iur' or (se.id is not null and e.district_code = s.district_code)
    union all select 'w_' || kind, max(word_count), 0, 0, 0 from reports where station_id = ${id} group by kind`;
}

/**
 * The same record findings as `recordFindings` for one station in ONE statement. The 0-based ledger index of an
 * out-of-period record is its row number among the station's records (a window function, linear).
 */
export function stationFindingsUnion(stationId: string) {
  const id = stationId;
  const outside = (col: string) => sql.raw(`(t.${col} < s.period_start or t.${col} > s.period_end)`);
  const byIndex = (key: string, table: string, col: string) =>
    sql`select 'outside_period' as f, ${sql.lit(key)} as k, cast(t.idx as text) as ref
        from (select x.station_id, ${sql.ref(`x.${col}`)} as ${sql.ref(col)},
                row_number() over (order by x.id) - 1 as idx
              from ${sql.table(table)} x where x.station_id = ${id}) t
        join stations s on s.id = t.station_id
        where ${outside(col)}`;
  return sql<{ f: string; k: string; ref: string }>`
    select 'evidence_missing' as f, 'events' as k, t.ref as ref from events t join stations s on s.id = t.station_id
      where t.station_id = ${id} and t.date >= s.period_start and t.date <= s.period_end
        and not exists (select 1 from event_evidence v where v.event_id = t.id and v.kind in ('plan', 'photo', 'minutes'))
    union all select 'outside_period', 'events', t.ref from events t join stations s on s.id = t.station_id
      where t.station_id = ${id} and ${outside('date')}
    union all select 'outside_period', 'demands', t.ref from demands t join stations s on s.id = t.station_id
      where t.station_id = ${id} and ${outside('collected_on')}
    union all ${byIndex('contacts', 'contacts', 'date')}
    union all ${byIndex('pressReleases', 'press_releases', 'date')}
    union all ${byIndex('cooperations', 'cooperations', 'date')}
    union all ${byIndex('outcomes', 'outcomes', 'date')}
    union all ${byIndex('achievements', 'achievements', 'collected_on')}`;
}

function countsOfUnion(rows: Array<{ k: string; n: unknown; n2: unknown; n3: unknown; n4: unknown }>): KpiCounts {
  const r: Record<string, unknown> = {};
  for (const x of rows) {
    if (x.k === 'contacted') Object.assign(r, { contacted: x.n, assoc: x.n2, key_served: x.n3, key_srdi: x.n4 });
    else r[x.k] = x.n;
  }
  return countsOf(r);
}

function countsOf(r: Record<string, unknown>): KpiCounts {
  const n = (k: string) => Number(r[k] ?? 0);
  const c = emptyCounts();
  c.events = n('events');
  c.expertPersonTimes = n('expert_person_times');
  c.pressReleases = n('press');
  c.pressReleasesWebsite = n('press_web');
  c.cooperations = n('cooperations');
  c.landedOutcomes = n('outcomes');
  c.achievements = n('achievements');
  c.demands = n('demands');
  c.enterprisesContacted = n('contacted');
  c.enterprisesWithAssociation = n('assoc');
  c.keyEnterprises = n('key_served');
  c.keyEnterprisesSrdi = n('key_srdi');
  for (const k of REPORT_KIND_LIST) c.reportWords[k] = n(`w_${k}`);
  return c;
}

export function benchCtx(handle: DbHandle, g: Generated, db: Database = handle.db): Ctx {
  return {
    db,
    engine: handle.engine,
    clock: systemClock,
    env: loadEnv({ NODE_ENV: 'development', DATABASE_URL: g.url, STORAGE_DIR: g.storageDir, DEMO_DATA: '0' }),
    blobs: createLocalDiskStorage(g.storageDir),
    actor: {
      userId: g.centerUserId,
      username: 'center',
      displayName: '中心管理员',
      role: 'center_admin',
      organizationId: null,
      districtCode: null,
      sessionId: 'bench',
      mustChangePassword: false,
    },
    ip: null,
  };
}

/** A second Kysely over the same database that records each statement and its time (for "where the time goes"). */
function tracedDb(handle: DbHandle, url: string): { db: Database; log: LogEvent[]; close: () => Promise<void> } {
  const log: LogEvent[] = [];
  if (handle.sqlite) {
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: handle.sqlite }),
      log: (e) => {
        log.push(e);
      },
    });
    return { db, log, close: async () => {} };
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 }); // one warm connection
  pool.on('connect', (client) => {
    client.query('set jit = off').catch(() => {});
  });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      log.push(e);
    },
  });
  return { db, log, close: () => db.destroy() };
}

const oneLine = (s: string, max = 150) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

async function explain(handle: DbHandle, db: Database, q: CompiledQuery): Promise<string> {
  if (handle.sqlite) {
    const rows = handle.sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{
      id: number;
      parent: number;
      detail: string;
    }>;
    const depth = new Map<number, number>([[0, 0]]);
    return rows
      .map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      })
      .join('\n');
  }
  const r = await sql
    .raw(`explain (analyze, buffers) ${interpolate(q)}`)
    .execute(db)
    .catch((e: Error) => ({ rows: [{ 'QUERY PLAN': `（EXPLAIN 失败：${e.message}）` }] }));
  return (r.rows as Array<Record<string, string>>).map((x) => `    ${x['QUERY PLAN']}`).join('\n');
}

/** PostgreSQL: the statement with its parameters written in (EXPLAIN of a parameterised statement needs values). */
function interpolate(q: CompiledQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_, i) => {
    const v = q.parameters[Number(i) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

interface ProfileOptions {
  g: Generated;
  label: string;
  run: (ctx: Ctx) => Promise<unknown>;
  /** calls before the measured ones */
  warmUp: number;
  runs: number;
}

/** Each statement of a traced call with its median time over `runs` calls, slowest first; the plan of the slowest. */
async function profile(handle: DbHandle, { g, label, run, warmUp, runs }: ProfileOptions): Promise<Profile> {
  const t = tracedDb(handle, g.url);
  try {
    const ctx = benchCtx(handle, g, t.db);
    for (let i = 0; i < warmUp; i++) await run(ctx);
    const totals: number[] = [];
    const perStatement: Array<{ q: CompiledQuery; times: number[] }> = [];
    for (let r = 0; r < runs; r++) {
      t.log.length = 0;
      const t0 = performance.now();
      await run(ctx);
      totals.push(performance.now() - t0);
      // the same statements in the same order on every call
      t.log.forEach((e, i) => {
        perStatement[i] ??= { q: e.query, times: [] };
        perStatement[i].times.push(e.level === 'query' ? e.queryDurationMillis : Number.NaN);
      });
    }
    const qs = perStatement.map((x) => ({ q: x.q, ms: median(x.times) })).sort((a, b) => b.ms - a.ms);
    const total = median(totals);
    const sqlMs = qs.reduce((a, x) => a + x.ms, 0);
    const lines = [
      `${label}（${runs} 次中位数）：共 ${ms(total)}，其中 ${qs.length} 条 SQL 合计 ${ms(sqlMs)}（每条含往返与驱动），` +
        `其余（JavaScript、每条语句取连接）${ms(Math.max(0, total - sqlMs))}。最慢的语句：`,
      ...qs.slice(0, 6).map((x) => `  ${ms(x.ms).padStart(10)}  ${oneLine(x.q.sql)}`),
    ];
    const plan = qs.length
      ? [
          `  最慢语句的执行计划（${handle.engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'}）：`,
          await explain(handle, t.db, qs[0].q),
        ]
      : [];
    return { lines, plan };
  } finally {
    await t.close();
  }
}

export interface Profile {
  /** statements and times (also written to docs/benchmarks.md) */
  lines: string[];
  /** the slowest statement's plan (console only) */
  plan: string[];
}

export interface MatrixFigures {
  matrixMs: number;
  handSqlMs: number;
  agree: boolean;
  checked: number;
  mismatches: string[];
}

export async function measureMatrix(g: Generated): Promise<MatrixFigures> {
  const handle = openDatabase(g.url);
  try {
    const ctx = benchCtx(handle, g);
    const policy = await loadPolicy(handle.db, YEAR);
    const q = handSql({ year: YEAR });
    // warm-up: caches, prepared statements, JIT of the JavaScript
    for (let i = 0; i < 3; i++) {
      await kpiMatrix(ctx, { year: YEAR });
      await q.execute(handle.db);
    }
    const tm: number[] = [];
    const th: number[] = [];
    let matrix = await kpiMatrix(ctx, { year: YEAR });
    let hand = await q.execute(handle.db);
    for (let i = 0; i < MATRIX_RUNS; i++) {
      // interleaved, so that drift of the machine hits both alike
      let t = performance.now();
      matrix = await kpiMatrix(ctx, { year: YEAR });
      tm.push(performance.now() - t);
      t = performance.now();
      hand = await q.execute(handle.db);
      th.push(performance.now() - t);
    }
    // Same numbers? The hand-written counts go through the domain's computeKpis, as the service's do.
    const byId = new Map(hand.rows.map((r) => [r.station_id, r]));
    const mismatches: string[] = [];
    for (const row of matrix.rows) {
      const h = byId.get(row.stationId);
      if (!h) {
        mismatches.push(`${row.name}: 手写 SQL 无此站点`);
        continue;
      }
      for (const k of computeKpis(policy, row.type, countsOf(h))) {
        const m = row.kpis[k.id];
        if (!m || m.actual !== k.actual) {
          mismatches.push(`${row.name} ${k.id}: kpiMatrix ${m?.actual} ≠ 手写 SQL ${k.actual}`);
        }
      }
    }
    if (matrix.rows.length !== hand.rows.length) {
      mismatches.push(`站点数：kpiMatrix ${matrix.rows.length} ≠ 手写 SQL ${hand.rows.length}`);
    }
    return {
      matrixMs: median(tm),
      handSqlMs: median(th),
      agree: mismatches.length === 0,
      checked: matrix.rows.length,
      mismatches,
    };
  } finally {
    await handle.close();
  }
}

/** Where the time of the matrix (or of one station's KPIs) goes: statements and the slowest one's plan. */
export async function whereTimeGoes(g: Generated, what: 'matrix' | 'station' | 'hand'): Promise<Profile> {
  const handle = openDatabase(g.url);
  try {
    if (what === 'matrix') {
      return await profile(handle, {
        g,
        label: 'kpiMatrix',
        run: (ctx) => kpiMatrix(ctx, { year: YEAR }),
        warmUp: 2,
        runs: 5,
      });
    }
    if (what === 'hand') {
      return await profile(handle, {
        g,
        label: '手写 SQL',
        run: (ctx) => handSql({ year: YEAR }).execute(ctx.db),
        warmUp: 2,
        runs: 5,
      });
    }
    const p = await profile(handle, {
      g,
      label: 'getStationKpis',
      run: (ctx) => getStationKpis(ctx, g.sampleStationId),
      warmUp: 50,
      runs: 100,
    });
    // What fewer statements would save: the service's parts against the same counts in one statement.
    const ctx = benchCtx(handle, g);
    const id = g.sampleStationId;
    const ids = sql`${id}`;
    const one = handSql({ stationId: id });
    const union = stationCountsUnion(id);
    // the suggested shape must count the same
    const viaService = (await kpiCounts(ctx.db, ids)).get(id);
    const viaUnion = countsOfUnion((await union.execute(ctx.db)).rows);
    if (JSON.stringify(viaService) !== JSON.stringify(viaUnion)) {
      p.lines.push(`  ⚠ UNION ALL 形式的计数与 kpiCounts 不一致：${JSON.stringify(viaUnion)}`);
    }
    const findings = stationFindingsUnion(id);
    const fService = ((await recordFindings(ctx.db, ids)).get(id) ?? []).map((f) => `${f.id} ${f.ref}`).sort();
    const fUnion = (await findings.execute(ctx.db)).rows.map((r) => `${r.f} ${r.k}[${r.ref}]`).sort();
    if (JSON.stringify(fService) !== JSON.stringify(fUnion)) {
      p.lines.push(`  ⚠ UNION ALL 形式的记录问题与 recordFindings 不一致：${fUnion.join('，')}`);
    }
    const parts: Array<[string, () => Promise<unknown>]> = [
      ['getStationKpis 整体', () => getStationKpis(ctx, id)],
      ['其中 kpiCounts（1 条语句）', () => kpiCounts(ctx.db, ids)],
      ['其中 recordFindings（1 条语句）', () => recordFindings(ctx.db, ids)],
      ['其中 loadPolicy（读取并解析政策 JSON）', () => loadPolicy(ctx.db, YEAR)],
      ['对照：同一站点的全部计数写成一条 SQL（(a) 的手写 CTE 语句，限一站）', () => one.execute(ctx.db)],
      ['对照：同一站点的全部计数写成一条 UNION ALL 语句（stationCountsUnion）', () => union.execute(ctx.db)],
      ['对照：同一站点的记录问题写成一条 UNION ALL 语句（stationFindingsUnion）', () => findings.execute(ctx.db)],
      ['对照：空语句 select 1', () => sql`select 1`.execute(ctx.db)],
    ];
    p.lines.push(`  进程内各部分（各 ${STATION_PARTS_RUNS} 次中位数）：`);
    for (const [label, fn] of parts) {
      for (let i = 0; i < 20; i++) await fn();
      const ts: number[] = [];
      for (let i = 0; i < STATION_PARTS_RUNS; i++) {
        const t = performance.now();
        await fn();
        ts.push(performance.now() - t);
      }
      p.lines.push(`  ${ms(median(ts)).padStart(10)}  ${label}`);
    }
    return p;
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (b) and (c): the server in its own process, as in production, against the generated database.

export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', './node_modules/tsx/dist/loader.mjs', 'src/server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('server did not start');
}

/** Stops the server and waits for it to exit (SIGKILL after 10 s). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function signIn(base: string, username = 'center'): Promise<string> {
  const r = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (r.status !== 201) throw new Error(`sign-in as ${username} failed: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

export async function timeRequests(url: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export interface ThroughputOptions {
  url: string;
  cookie: string;
  seconds: number;
  /** requests in flight at once */
  concurrency: number;
}

export async function throughput({ url, cookie, seconds, concurrency }: ThroughputOptions): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await fetch(url, { headers: { cookie } });
        await r.arrayBuffer();
        count += 1;
      }
    }),
  );
  return count / seconds;
}

export interface HttpFigures {
  p50: number;
  p95: number;
  healthRps: number;
  kpiRps: number;
}

export async function measureHttp(g: Generated, port: number): Promise<HttpFigures> {
  const server = await startServer({ DATABASE_URL: g.url, STORAGE_DIR: g.storageDir, DEMO_DATA: '0' }, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const url = `${base}/api/v1/stations/${g.sampleStationId}/kpis`;
    await timeRequests(url, cookie, 50);
    const t = await timeRequests(url, cookie, HTTP_REQUESTS);
    await throughput({ url: `${base}/api/health`, cookie, seconds: 1, concurrency: CONCURRENCY }); // warm-up
    const healthRps = await throughput({
      url: `${base}/api/health`,
      cookie,
      seconds: THROUGHPUT_SECONDS,
      concurrency: CONCURRENCY,
    });
    const kpiRps = await throughput({ url, cookie, seconds: THROUGHPUT_SECONDS, concurrency: CONCURRENCY });
    return { p50: percentile(t, 50), p95: percentile(t, 95), healthRps, kpiRps };
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (d) A station with 12,700 out-of-period contacts: every one is a finding whose ref is its ledger index.

export const OUT_OF_PERIOD_RUNS = 5;

export interface OutOfPeriodFigures {
  contacts: number;
  /** `evaluateStation` in process, the uncached part of GET /kpis (median of OUT_OF_PERIOD_RUNS, fewer if slow) */
  recomputeMs: number;
  /** the first (uncached) GET /kpis of the station over HTTP */
  httpMs: number;
  /** the longest /api/health answer while that request ran (polled back to back) */
  healthMaxMs: number;
  /** YYYY-MM-DD: (d) may be re-run alone (--out-of-period), so it keeps its own date */
  date?: string;
}

/** A GET that waits as long as the server takes (fetch gives up on headers after 300 s; the old statement took longer). */
function slowGet(url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

export async function measureOutOfPeriod(g: Generated, port: number): Promise<OutOfPeriodFigures> {
  const stationId = await addOutOfPeriodStation(g.url);
  const handle = openDatabase(g.url);
  try {
    const ctx = benchCtx(handle, g);
    const station = await handle.db
      .selectFrom('stations')
      .selectAll()
      .where('id', '=', stationId)
      .executeTakeFirstOrThrow();
    const policy = await loadPolicy(handle.db, YEAR);
    const on = '2025-12-31';
    const times: number[] = [];
    // No warm-up, and no second run of a slow one: the quadratic statement this guards against took minutes.
    while (times.length < OUT_OF_PERIOD_RUNS && times.reduce((x, y) => x + y, 0) < 10_000) {
      const t = performance.now();
      const ev = await evaluateStation(ctx, { station, on, policy });
      times.push(performance.now() - t);
      const outside = ev.findings.filter((f) => f.id === 'outside_period' && f.ref.startsWith('contacts[')).length;
      if (outside !== OUT_OF_PERIOD_CONTACTS) {
        throw new Error(`(d): ${outside} outside_period findings, expected ${OUT_OF_PERIOD_CONTACTS}`);
      }
    }
    const recomputeMs = median(times);
    const server = await startServer({ DATABASE_URL: g.url, STORAGE_DIR: g.storageDir, DEMO_DATA: '0' }, port);
    try {
      const base = `http://127.0.0.1:${port}`;
      const cookie = await signIn(base);
      await timeRequests(`${base}/api/health`, cookie, 20);
      let done = false;
      let healthMaxMs = 0;
      const poll = (async () => {
        while (!done) {
          const t = performance.now();
          await slowGet(`${base}/api/health`);
          healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
        }
      })();
      poll.catch(() => {}); // awaited below; not an unhandled rejection while the KPI request runs
      const t = performance.now();
      const status = await slowGet(`${base}/api/v1/stations/${stationId}/kpis`, cookie);
      const httpMs = performance.now() - t;
      done = true;
      await poll;
      if (status !== 200) throw new Error(`(d) GET /kpis: ${status}`);
      return {
        contacts: OUT_OF_PERIOD_CONTACTS,
        recomputeMs,
        httpMs,
        healthMaxMs,
        date: new Date().toISOString().slice(0, 10),
      };
    } finally {
      await stopServer(server);
    }
  } finally {
    await handle.close();
  }
}
