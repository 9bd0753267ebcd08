import { type Kysely, type RawBuilder, sql } from 'kysely';
import { GAP_EVIDENCE_KINDS, type GapFacts, noGapFacts, type ReportMinimum } from '../../../domain/gaps/gaps';
import type { EvidenceKind, ReportKind } from '../../../domain/ledger/codes';
import { datedOutside, lacksEvidence, lacksVoucher, PERIOD_TABLES, shortReport } from '../../core/gap-filters';
import type { DB } from '../../db/schema';

// The facts of 待补事项 as ONE statement of grouped counts over a set of stations (as the KPI counts are): a station's
// page and a host's inbox run the same SQL, and nothing loads the records themselves.

export interface GapFactsOptions {
  /** the stations, each with the report minimums of its type and year */
  stations: Array<{ id: string; minimums: ReportMinimum[] }>;
}

type Row = { station_id: string; k: string; sub: string | null; n: number | string };

export async function gapFacts(db: Kysely<DB>, { stations }: GapFactsOptions): Promise<Map<string, GapFacts>> {
  const out = new Map<string, GapFacts>(stations.map((s) => [s.id, noGapFacts()]));
  if (!stations.length) return out;
  const ids = sql.join(stations.map((s) => sql`${s.id}`));
  const parts: RawBuilder<unknown>[] = [
    ...GAP_EVIDENCE_KINDS.map(
      (kind) => sql`select t.station_id, 'evidence' as k, ${kind} as sub, count(*) as n from events t
        where t.station_id in (${ids}) and ${lacksEvidence('t.id', kind)} group by t.station_id`,
    ),
    sql`select t.station_id, 'voucher' as k, null as sub, count(*) as n from expenses t
        where t.station_id in (${ids}) and ${lacksVoucher('t.id')} group by t.station_id`,
    ...Object.entries(PERIOD_TABLES).map(
      ([kind, { table, date }]) => sql`select t.station_id, 'outside' as k, ${kind} as sub, count(*) as n
        from ${sql.table(table)} t join stations s on s.id = t.station_id
        where t.station_id in (${ids})
          and ${datedOutside({ date: `t.${date}`, start: sql.ref('s.period_start'), end: sql.ref('s.period_end') })}
        group by t.station_id`,
    ),
    sql`select t.station_id, 'short' as k, t.kind as sub, count(*) as n from reports t
        where t.station_id in (${ids}) and (${sql.join(
          stations.map((s) => sql`(t.station_id = ${s.id} and ${shortReport({ alias: 't', minimums: s.minimums })})`),
          sql` or `,
        )})
        group by t.station_id, t.kind`,
  ];
  const rows = (await sql.join(parts, sql` union all `).execute(db)).rows as Row[];
  for (const r of rows) {
    const f = out.get(r.station_id);
    if (!f) continue;
    const n = Number(r.n);
    if (r.k === 'evidence') f.eventsMissingEvidence[r.sub as EvidenceKind] = n;
    else if (r.k === 'voucher') f.expensesWithoutVoucher = n;
    else if (r.k === 'short') f.shortReports[r.sub as ReportKind] = n;
    else f.outsidePeriod[r.sub as keyof typeof PERIOD_TABLES] = n;
  }
  return out;
}
