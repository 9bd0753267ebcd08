import { sql } from 'kysely';
import { computeKpi } from '../../../domain/kpi/compute';
import type { KpiCounts } from '../../../domain/kpi/types';
import type { OfficialListKind } from '../../../domain/official-lists/official-lists';
import type { KpiId, Policy } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { OfficialListStationImpactDto } from '../../../shared/schemas/official-lists';
import { loadPolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import { kpiCounts } from '../kpis/kpis.queries';

// Which stations an official list touches and how their KPIs move (第七条), before anything is written. The counts
// are the KPI queries' own (kpis.queries.ts) for the stations concerned; the gain is counted in SQL by the same rule
// — an enterprise counts for a station that lists it, contacted it in its period, and (a district station) has it
// registered in its own district; 其中专精特新企业 counts only key-served ones.

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The KPI a list's flag feeds, by kind. */
const KPI_OF: Record<OfficialListKind, KpiId> = {
  srdi_municipal: 'key_enterprises_srdi',
  srdi_national: 'key_enterprises_srdi',
  association: 'association_share',
};

interface Tally {
  listed: number;
  keyServed: number;
  /** counted enterprises gaining the flag, and of them the key-served */
  counted: number;
  countedKey: number;
}

const tallyOf = (m: Map<string, Tally>, id: string): Tally => {
  let t = m.get(id);
  if (!t) {
    t = { listed: 0, keyServed: 0, counted: 0, countedKey: 0 };
    m.set(id, t);
  }
  return t;
};

export interface ImpactInput {
  kind: OfficialListKind;
  /** enterprises whose flags the list changes */
  changedIds: readonly string[];
  /** of them, those whose change moves a KPI count (none → 专精特新, 企业科协 added) */
  countedIds: readonly string[];
}

/**
 * Per station listing a changed enterprise: how many it lists, and each KPI whose value moves, before → after.
 * Stations come first where a KPI moves, then by year (newest first) and name.
 */
export async function stationImpacts(
  db: Database | Tx,
  { kind, changedIds, countedIds }: ImpactInput,
): Promise<OfficialListStationImpactDto[]> {
  const tallies = new Map<string, Tally>();
  for (const ids of chunks(changedIds)) {
    const rows = await db
      .selectFrom('station_enterprises')
      .select((eb) => [
        'station_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(sql`case when key_served = 1 then 1 else 0 end`).as('k'),
      ])
      .where('enterprise_id', 'in', ids)
      .groupBy('station_id')
      .execute();
    for (const r of rows) {
      const t = tallyOf(tallies, r.station_id);
      t.listed += Number(r.n);
      t.keyServed += Number(r.k ?? 0);
    }
  }
  for (const ids of chunks(countedIds)) {
    const rows = await sql<{ station_id: string; n: number | string; k: number | string | null }>`
      select se.station_id, count(*) as n, sum(case when se.key_served = 1 then 1 else 0 end) as k
      from station_enterprises se
      join stations s on s.id = se.station_id
      join enterprises en on en.id = se.enterprise_id
      where se.enterprise_id in (${sql.join(ids)})
        and (s.type = 'iur' or en.district_code = s.district_code)
        and exists (select 1 from contacts c where c.station_id = se.station_id and c.uscc = en.uscc
                    and c.date >= s.period_start and c.date <= s.period_end)
      group by se.station_id`.execute(db);
    for (const r of rows.rows) {
      const t = tallyOf(tallies, r.station_id);
      t.counted += Number(r.n);
      t.countedKey += Number(r.k ?? 0);
    }
  }
  if (!tallies.size) return [];

  const stationIds = [...tallies.keys()];
  // One statement after another: inside the import's transaction they share one connection.
  const stations = [];
  for (const ids of chunks(stationIds)) {
    stations.push(
      ...(await db
        .selectFrom('stations')
        .select(['id', 'name', 'program_year', 'type', 'district_code'])
        .where('id', 'in', ids)
        .execute()),
    );
  }
  const moving = stationIds.filter((id) => {
    const t = tallies.get(id)!;
    return kind === 'association' ? t.counted > 0 : t.countedKey > 0;
  });
  const counts = new Map<string, KpiCounts>();
  // kpiCounts names the ids in each of its parts: a few hundred at a time stays far below the engines' limits.
  for (const ids of chunks(moving, 100)) {
    for (const [id, c] of await kpiCounts(db, sql.join(ids))) counts.set(id, c);
  }
  const policies = new Map<number, Policy>();
  for (const year of new Set(stations.map((s) => s.program_year))) policies.set(year, await loadPolicy(db, year));

  const out = stations.map((s): OfficialListStationImpactDto => {
    const t = tallies.get(s.id)!;
    const policy = policies.get(s.program_year)!;
    const def = policy.kpis[s.type].find((k) => k.id === KPI_OF[kind]);
    const before = counts.get(s.id);
    const kpis: OfficialListStationImpactDto['kpis'] = [];
    if (def && before) {
      const gain = kind === 'association' ? t.counted : t.countedKey;
      const after: KpiCounts =
        kind === 'association'
          ? { ...before, enterprisesWithAssociation: before.enterprisesWithAssociation + gain }
          : { ...before, keyEnterprisesSrdi: before.keyEnterprisesSrdi + gain };
      const b = computeKpi(def, before);
      const a = computeKpi(def, after);
      kpis.push({
        id: def.id,
        name: def.name,
        article: def.article,
        unit: def.unit,
        measure: def.measure,
        target: def.target,
        before: b.actual,
        after: a.actual,
        delta: gain,
        denominator: def.measure === 'share' ? before.enterprisesContacted : null,
        metBefore: b.met,
        metAfter: a.met,
      });
    }
    const district = s.district_code ? policy.districts.find((d) => d.code === s.district_code) : undefined;
    return {
      stationId: s.id,
      stationName: s.name,
      programYear: s.program_year,
      typeLabel: STATION_TYPE_LABELS[s.type] ?? s.type,
      districtCode: s.district_code,
      districtName: district?.name ?? null,
      listed: t.listed,
      keyServed: t.keyServed,
      kpis,
    };
  });
  return out.sort(
    (x, y) =>
      Number(y.kpis.length > 0) - Number(x.kpis.length > 0) ||
      y.programYear - x.programYear ||
      x.stationName.localeCompare(y.stationName, 'zh-CN'),
  );
}
