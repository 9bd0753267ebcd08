import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { emptyCounts } from '../../../domain/kpi/from-ledger';
import { type Finding, finding, type KpiCounts } from '../../../domain/kpi/types';
import type { ReportKind } from '../../../domain/ledger/codes';
import type { DB } from '../../db/schema';

// The KPI facts of LEDGER.md as SQL aggregates (issue #3: no loading every row into JavaScript). Each query takes a
// set of station ids (a subquery) and answers per station, so one station and the Center's whole-year matrix run
// the same SQL. Derived values that need the domain's exact rules (字数, blank content) are stored at write time.

// biome-ignore lint/suspicious/noExplicitAny: a station-id subquery of any shape
export type StationIds = Expression<any>;

/** `date` inside the station's period, inclusive at both ends (LEDGER.md). */
const inPeriod = (col: string) => sql`${sql.ref(col)} >= s.period_start and ${sql.ref(col)} <= s.period_end`;
const outside = (col: string) => sql`(${sql.ref(col)} < s.period_start or ${sql.ref(col)} > s.period_end)`;

async function perStation(
  db: Kysely<DB>,
  q: RawBuilder<Record<string, unknown>>,
): Promise<Array<Record<string, unknown> & { station_id: string }>> {
  const r = await q.execute(db);
  return r.rows as Array<Record<string, unknown> & { station_id: string }>;
}

const n = (v: unknown) => Number(v ?? 0);

export async function kpiCounts(db: Kysely<DB>, ids: StationIds): Promise<Map<string, KpiCounts>> {
  const out = new Map<string, KpiCounts>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) {
      c = emptyCounts();
      out.set(id, c);
    }
    return c;
  };
  for (const r of await perStation(db, sql`select id as station_id from stations where id in (${ids})`))
    get(r.station_id);

  const simple: Array<[string, string, string, (c: KpiCounts, v: number) => void]> = [
    [
      'events',
      'date',
      '1 = 1',
      (c, v) => {
        c.events = v;
      },
    ],
    [
      'press_releases',
      'date',
      '1 = 1',
      (c, v) => {
        c.pressReleases = v;
      },
    ],
    [
      'press_releases',
      'date',
      "t.channel = 'association_website'",
      (c, v) => {
        c.pressReleasesWebsite = v;
      },
    ],
    [
      'cooperations',
      'date',
      't.has_content = 1',
      (c, v) => {
        c.cooperations = v;
      },
    ],
    [
      'outcomes',
      'date',
      '1 = 1',
      (c, v) => {
        c.landedOutcomes = v;
      },
    ],
    [
      'achievements',
      'collected_on',
      't.promoted = 1',
      (c, v) => {
        c.achievements = v;
      },
    ],
    // Every stored demand has a valid USCC (checked at entry and import).
    [
      'demands',
      'collected_on',
      '1 = 1',
      (c, v) => {
        c.demands = v;
      },
    ],
  ];
  for (const [table, col, cond, set] of simple) {
    const rows = await perStation(
      db,
      sql`select t.station_id, count(*) as n from ${sql.table(table)} t join stations s on s.id = t.station_id
          where t.station_id in (${ids}) and ${inPeriod(`t.${col}`)} and ${sql.raw(cond)}
          group by t.station_id`,
    );
    for (const r of rows) set(get(r.station_id), n(r.n));
  }

  // Person-times: over events inside the period, the distinct registered experts at each (the pair is the key).
  for (const r of await perStation(
    db,
    sql`select t.station_id, count(*) as n from event_experts ee join events t on t.id = ee.event_id
        join stations s on s.id = t.station_id
        where t.station_id in (${ids}) and ${inPeriod('t.date')} group by t.station_id`,
  )) {
    get(r.station_id).expertPersonTimes = n(r.n);
  }

  // Enterprises contacted: distinct USCCs with a contact in the period; a district station counts only enterprises
  // it lists whose registered district is its own; an IUR station counts every code. Flags come from the listing.
  for (const r of await perStation(
    db,
    sql`select x.station_id, count(*) as contacted,
          sum(case when se.id is not null and en.has_association = 1 then 1 else 0 end) as assoc,
          sum(case when se.key_served = 1 then 1 else 0 end) as key_served,
          sum(case when se.key_served = 1 and en.srdi in ('municipal', 'national') then 1 else 0 end) as key_srdi
        from (select distinct t.station_id, t.uscc from contacts t join stations s on s.id = t.station_id
              where t.station_id in (${ids}) and ${inPeriod('t.date')}) x
        join stations s on s.id = x.station_id
        left join enterprises en on en.uscc = x.uscc
        left join station_enterprises se on se.station_id = x.station_id and se.enterprise_id = en.id
        where s.type = 'iur' or (se.id is not null and en.district_code = s.district_code)
        group by x.station_id`,
  )) {
    const c = get(r.station_id);
    c.enterprisesContacted = n(r.contacted);
    c.enterprisesWithAssociation = n(r.assoc);
    c.keyEnterprises = n(r.key_served);
    c.keyEnterprisesSrdi = n(r.key_srdi);
  }

  for (const r of await perStation(
    db,
    sql`select t.station_id, t.kind, max(t.word_count) as words from reports t
        where t.station_id in (${ids}) group by t.station_id, t.kind`,
  )) {
    get(r.station_id).reportWords[r.kind as ReportKind] = n(r.words);
  }
  return out;
}

/** Record findings (evidence_missing, outside_period) with LEDGER.md refs: by id for demands and events, else by
 * the 0-based index in ledger (id) order. invalid_uscc cannot occur: codes are checked before they are stored. */
export async function recordFindings(db: Kysely<DB>, ids: StationIds): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  const add = (id: string, f: Finding) => {
    const list = out.get(id) ?? [];
    list.push(f);
    out.set(id, list);
  };
  for (const r of await perStation(
    db,
    sql`select t.station_id, t.ref from events t join stations s on s.id = t.station_id
        where t.station_id in (${ids}) and ${inPeriod('t.date')}
          and not exists (select 1 from event_evidence v where v.event_id = t.id and v.kind in ('plan', 'photo', 'minutes'))`,
  )) {
    add(r.station_id, finding('evidence_missing', `events[${r.ref}]`));
  }
  for (const [table, col, key] of [
    ['events', 'date', 'events'],
    ['demands', 'collected_on', 'demands'],
  ] as const) {
    for (const r of await perStation(
      db,
      sql`select t.station_id, t.ref from ${sql.table(table)} t join stations s on s.id = t.station_id
          where t.station_id in (${ids}) and ${outside(`t.${col}`)}`,
    )) {
      add(r.station_id, finding('outside_period', `${key}[${r.ref}]`));
    }
  }
  for (const [table, col, key] of [
    ['contacts', 'date', 'contacts'],
    ['press_releases', 'date', 'pressReleases'],
    ['cooperations', 'date', 'cooperations'],
    ['outcomes', 'date', 'outcomes'],
    ['achievements', 'collected_on', 'achievements'],
  ] as const) {
    for (const r of await perStation(
      db,
      sql`select t.station_id, t.idx from
            (select station_id, ${sql.ref(col)} as d, row_number() over (partition by station_id order by id) - 1 as idx
             from ${sql.table(table)} where station_id in (${ids})) t
          join stations s on s.id = t.station_id
          where ${outside('t.d')}`,
    )) {
      add(r.station_id, finding('outside_period', `${key}[${n(r.idx)}]`));
    }
  }
  return out;
}
