/**
 * Matching part of `npm run bench` (issue #15): on the generated programme year (bench/generate.ts; 100× ≈ 50,000
 * demands, 25,000 experts, 20,000 achievements), the time to index the year from cold, the latency of one demand's
 * suggestions (the service call a request makes: index check, BM25 in SQL, ranking, names) over a sample of open
 * demands of many stations, the cost of the first look after a write, and the quality on the labelled evaluation set
 * (tests/fixtures/matching-eval.ts) in a year of its own in the same database.
 */

import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database';
import { dropMatchIndex, refreshMatchIndex } from '../src/server/features/matching/matching.index';
import { suggestForDemand } from '../src/server/features/matching/matching.service';
import { runMatchingEvaluation } from '../tests/fixtures/matching-eval-run';
import type { Generated } from './generate';
import { benchCtx, percentile } from './kpi';

const YEAR = 2025;
export const MATCH_SAMPLE = 200;
const WARM_UP = 20;

export interface MatchingFigures {
  demands: number;
  experts: number;
  achievements: number;
  indexSeconds: number;
  p50: number;
  p95: number;
  /** one station's ledger changed: the next look indexes it again first */
  afterWriteMs: number;
  precisionAt3: number;
  plainPrecisionAt3: number;
  hitAt3: number;
  evalDemands: number;
}

export async function measureMatching(g: Generated, log: (s: string) => void): Promise<MatchingFigures> {
  const handle = openDatabase(g.url);
  try {
    const ctx = benchCtx(handle, g);
    const db = handle.db;
    await dropMatchIndex(db, YEAR);
    const t0 = performance.now();
    const indexed = await refreshMatchIndex(handle, YEAR);
    const indexSeconds = (performance.now() - t0) / 1000;
    // As the KPI part does after generation: the state autovacuum reaches soon after a bulk write (the visibility map
    // lets the covering index answer without reading the table), not overlapping the measurement.
    if (handle.engine === 'postgres')
      await sql`vacuum analyze match_terms, match_docs, match_df, match_stats, match_index_state`.execute(db);
    const counts = await db
      .selectFrom('match_docs')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
      .where('program_year', '=', YEAR)
      .groupBy('kind')
      .execute();
    const n = (k: string) => Number(counts.find((c) => c.kind === k)?.n ?? 0);
    log(
      `  索引 ${indexed} 个站点：需求 ${n('demand')}、专家 ${n('expert')}、成果 ${n('achievement')}，${indexSeconds.toFixed(1)} s`,
    );

    // Open demands spread over the year's stations: every k-th by id.
    const open = await db
      .selectFrom('demands as d')
      .innerJoin('stations as s', 's.id', 'd.station_id')
      .select(['d.id', 'd.station_id'])
      .where('s.program_year', '=', YEAR)
      .where('d.status', '=', 'collected')
      .orderBy('d.id')
      .execute();
    const step = Math.max(1, Math.floor(open.length / (MATCH_SAMPLE + WARM_UP)));
    const sample = open.filter((_, i) => i % step === 0).slice(0, MATCH_SAMPLE + WARM_UP);
    const times: number[] = [];
    for (const [i, d] of sample.entries()) {
      const s = performance.now();
      await suggestForDemand(ctx, { stationId: d.station_id, demandId: d.id });
      if (i >= WARM_UP) times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);

    const one = sample[0];
    await sql`update stations set ledger_version = ledger_version + 1 where id = ${one.station_id}`.execute(db);
    const w = performance.now();
    await suggestForDemand(ctx, { stationId: one.station_id, demandId: one.id });
    const afterWriteMs = performance.now() - w;

    const ev = await runMatchingEvaluation(ctx);
    log(`  评测集 precision@3 ${ev.precisionAt3.toFixed(3)}（${ev.demands} 项需求）`);
    return {
      demands: n('demand'),
      experts: n('expert'),
      achievements: n('achievement'),
      indexSeconds,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      afterWriteMs,
      precisionAt3: ev.precisionAt3,
      plainPrecisionAt3: ev.plainPrecisionAt3,
      hitAt3: ev.hitAt3,
      evalDemands: ev.demands,
    };
  } finally {
    await handle.close();
  }
}
