import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { emptyCounts } from '../../../domain/kpi/from-ledger';
import { type Finding, finding, type KpiCounts } from '../../../domain/kpi/types';
import type { ReportKind } from '../../../domain/ledger/codes';
import type { DB } from '../../db/schema';

// The KPI facts of docs/ledger-format.md as SQL aggregates (issue #3: no loading every row into JavaScript). Each function is ONE
// statement over a set of station ids (a subquery), answering per station, so one station and the Center's
// whole-year matrix run the same SQL; one statement, not one per KPI, because the round trip — not the plan — is
// what a station's KPIs cost (docs/benchmarks.md). Derived values that need the domain's exact rules (字数, blank
// content) are stored at write time.

// biome-ignore lint/suspicious/noExplicitAny: a station-id subquery of any shape
export type StationIds = Expression<any>;

/** `date` inside the station's period, inclusive at both ends (docs/ledger-format.md). */
const inPeriod = (col: string) => sql`${sql.ref(col)} >= s.period_start and ${sql.ref(col)} <= s.period_end`;
const outside = (col: string) => sql`(${sql.ref(col)} < s.period_start or ${sql.ref(col)} > s.period_end)`;

type Row = Record<string, unknown> & { station_id: string };
async function rows(db: Kysely<DB>, q: RawBuilder<unknown>): Promise<Row[]> {
  return (await q.execute(db)).rows as Row[];
}
const n = (v: unknown) => Number(v ?? 0);

/** Simple counts: (table, date column, condition, which count). Every stored demand has a valid USCC. */
const SIMPLE = [
  ['events', 'date', '1 = 1', 'events'],
  ['press_releases', 'date', '1 = 1', 'pressReleases'],
  ['press_releases', 'date', "t.channel = 'association_website'", 'pressReleasesWebsite'],
  ['cooperations', 'date', 't.has_content = 1', 'cooperations'],
  ['outcomes', 'date', '1 = 1', 'landedOutcomes'],
  ['achievements', 'collected_on', 't.promoted = 1', 'achievements'],
  ['demands', 'collected_on', '1 = 1', 'demands'],
] as const;

export async function kpiCounts(db: Kysely<DB>, ids: StationIds): Promise<Map<string, KpiCounts>> {
  const parts = [
    sql`select id as station_id, 'station' as k, null as kind, 0 as a, 0 as b, 0 as c, 0 as d from stations where id in (${ids})`,
    ...SIMPLE.map(
      ([table, col, cond, key]) =>
        sql`select t.station_id, ${key} as k, null as kind, count(*) as a, 0 as b, 0 as c, 0 as d
            from ${sql.table(table)} t join stations s on s.id = t.station_id
            where t.station_id in (${ids}) and ${inPeriod(`t.${col}`)} and ${sql.raw(cond)} group by t.station_id`,
    ),
    // Person-times: over events inside the period, the distinct registered experts at each (the pair is the key).
    sql`select t.station_id, 'expertPersonTimes' as k, null as kind, count(*) as a, 0 as b, 0 as c, 0 as d
        from event_experts ee join events t on t.id = ee.event_id join stations s on s.id = t.station_id
        where t.station_id in (${ids}) and ${inPeriod('t.date')} group by t.station_id`,
    // Enterprises contacted: distinct USCCs with a contact in the period; a district station counts only enterprises
    // it lists whose registered district is its own; an IUR station counts every code. Flags come from the listing.
    sql`select x.station_id, 'enterprises' as k, null as kind, count(*) as a,
          sum(case when se.id is not null and en.has_association = 1 then 1 else 0 end) as b,
          sum(case when se.key_served = 1 then 1 else 0 end) as c,
          sum(case when se.key_served = 1 and en.srdi in ('municipal', 'national') then 1 else 0 end) as d
        from (select distinct t.station_id, t.uscc from contacts t join stations s on s.id = t.station_id
              where t.station_id in (${ids}) and ${inPeriod('t.date')}) x
        join stations s on s.id = x.station_id
        left join enterprises en on en.uscc = x.uscc
        left join station_enterprises se on se.station_id = x.station_id and se.enterprise_id = en.id
        where s.type = 'iur' or (se.id is not null and en.district_code = s.district_code)
        group by x.station_id`,
    sql`select t.station_id, 'reportWords' as k, t.kind, max(t.word_count) as a, 0 as b, 0 as c, 0 as d
        from reports t where t.station_id in (${ids}) group by t.station_id, t.kind`,
  ];
  const out = new Map<string, KpiCounts>();
  for (const r of await rows(db, sql.join(parts, sql` union all `))) {
    let c = out.get(r.station_id);
    if (!c) {
      c = emptyCounts();
      out.set(r.station_id, c);
    }
    const k = r.k as string;
    if (k === 'station') continue;
    if (k === 'enterprises') {
      c.enterprisesContacted = n(r.a);
      c.enterprisesWithAssociation = n(r.b);
      c.keyEnterprises = n(r.c);
      c.keyEnterprisesSrdi = n(r.d);
    } else if (k === 'reportWords') {
      c.reportWords[r.kind as ReportKind] = n(r.a);
    } else {
      (c as unknown as Record<string, number>)[k] = n(r.a);
    }
  }
  return out;
}

/** The ledger arrays whose refs are 0-based indexes in ledger (id) order: (table, date column, array). */
const BY_INDEX = [
  ['contacts', 'date', 'contacts'],
  ['press_releases', 'date', 'pressReleases'],
  ['cooperations', 'date', 'cooperations'],
  ['outcomes', 'date', 'outcomes'],
  ['achievements', 'collected_on', 'achievements'],
] as const;

/**
 * The statement of `recordFindings`: findings (evidence_missing, outside_period) with docs/ledger-format.md refs — by
 * id for demands and events, else by the record's 0-based index among ALL the station's records of its array, in
 * ledger (id) order. The index is one window function over the station's rows (linear; issue #11: counting the
 * smaller ids per record was quadratic — 12,700 out-of-period contacts took seconds and blocked the server), and
 * only for stations that have a record outside the period in that table. invalid_uscc cannot occur: codes are checked
 * before they are stored.
 */
export function recordFindingsQuery(ids: StationIds): RawBuilder<unknown> {
  const parts = [
    sql`select t.station_id, 'evidence_missing' as f, 'events' as arr, t.ref as ref, t.id as ord
        from events t join stations s on s.id = t.station_id
        where t.station_id in (${ids}) and ${inPeriod('t.date')}
          and not exists (select 1 from event_evidence v where v.event_id = t.id and v.kind in ('plan', 'photo', 'minutes'))`,
    ...(
      [
        ['events', 'date', 'events'],
        ['demands', 'collected_on', 'demands'],
      ] as const
    ).map(
      ([table, col, key]) =>
        sql`select t.station_id, 'outside_period' as f, ${key} as arr, t.ref as ref, t.id as ord
            from ${sql.table(table)} t join stations s on s.id = t.station_id
            where t.station_id in (${ids}) and ${outside(`t.${col}`)}`,
    ),
    ...BY_INDEX.map(
      ([table, col, key]) =>
        sql`select t.station_id, 'outside_period' as f, ${key} as arr, cast(t.idx as text) as ref, t.id as ord
            from (select x.id, x.station_id, ${sql.ref(`x.${col}`)} as d,
                    row_number() over (partition by x.station_id order by x.id) - 1 as idx
                  from ${sql.table(table)} x
                  where x.station_id in (select o.station_id from ${sql.table(table)} o join stations s on s.id = o.station_id
                                         where o.station_id in (${ids}) and ${outside(`o.${col}`)})) t
            join stations s on s.id = t.station_id
            where ${outside('t.d')}`,
    ),
  ];
  return sql`${sql.join(parts, sql` union all `)} order by ord`;
}

/** Record findings per station (see `recordFindingsQuery`), in ledger order. */
export async function recordFindings(db: Kysely<DB>, ids: StationIds): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  for (const r of await rows(db, recordFindingsQuery(ids))) {
    const list = out.get(r.station_id) ?? [];
    list.push(finding(r.f as 'outside_period', `${r.arr}[${r.ref}]`));
    out.set(r.station_id, list);
  }
  return out;
}
