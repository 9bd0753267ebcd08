import { sql } from 'kysely';
import { elapsedPercent, type GapItem, periodElapsed, reportMinimums, stationGaps } from '../../../domain/gaps/gaps';
import { emptyCounts } from '../../../domain/kpi/from-ledger';
import type { Policy } from '../../../domain/policy/types';
import type { StationGapsDto } from '../../../shared/schemas/gaps';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { Database, Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { kpiCounts } from '../kpis/kpis.queries';
import { gapFacts } from './gaps.queries';

// 待补事项 (src/domain/gaps): the KPI counts of the KPI engine and the gap facts, both SQL aggregates over a set of
// stations, handed to the pure rules. One station for its page, a host's open stations for the inbox.

export interface GapsOfOptions {
  stations: Array<Pick<StationTable, 'id' | 'type' | 'program_year' | 'period_start' | 'period_end'>>;
  /** YYYY-MM-DD, Asia/Shanghai */
  today: string;
}

export async function gapsOfStations(
  db: Database | Tx,
  { stations, today }: GapsOfOptions,
): Promise<Map<string, GapItem[]>> {
  const out = new Map<string, GapItem[]>();
  if (!stations.length) return out;
  const policies = new Map<number, Policy>();
  for (const year of new Set(stations.map((s) => s.program_year))) policies.set(year, await loadPolicy(db, year));
  const policyOf = (s: { program_year: number }) => policies.get(s.program_year)!;
  const ids = sql.join(stations.map((s) => sql`${s.id}`));
  const counts = await kpiCounts(db, ids);
  const facts = await gapFacts(db, {
    stations: stations.map((s) => ({ id: s.id, minimums: reportMinimums(policyOf(s), s.type) })),
  });
  for (const s of stations) {
    out.set(
      s.id,
      stationGaps({
        policy: policyOf(s),
        station: { id: s.id, type: s.type, periodStart: s.period_start, periodEnd: s.period_end },
        counts: counts.get(s.id) ?? emptyCounts(),
        facts: facts.get(s.id)!,
        today,
      }),
    );
  }
  return out;
}

/** The 待补事项 of one station in the actor's scope (out of scope is 404, like a missing station). */
export async function getStationGaps(ctx: Ctx, stationId: string): Promise<StationGapsDto> {
  const s = await requireStation(ctx, stationId);
  const today = shanghaiDate(ctx.clock.now());
  const items = (await gapsOfStations(ctx.db, { stations: [s], today })).get(s.id) ?? [];
  return {
    stationId: s.id,
    stationName: s.name,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    today,
    elapsedPercent: elapsedPercent(periodElapsed({ start: s.period_start, end: s.period_end }, today)),
    items,
  };
}
