import { type RawBuilder, sql } from 'kysely';
import { SRDI_COUNTED } from '../../../domain/kpi/from-ledger';
import type { KpiId } from '../../../domain/policy/types';
import { isValidUscc } from '../../../domain/uscc';
import { invalid } from '../../../shared/errors';
import { KPI_REASON_LABELS } from '../../../shared/labels';
import type { KpiDrilldownDto, KpiDrillRowDto } from '../../../shared/schemas/kpis';
import type { Ctx } from '../../context';
import { requireStation } from '../../core/stations';
import type { StationTable } from '../../db/schema';

// The records behind a KPI figure, counted or not, each with the reason (issue #3). Each KPI's rule is one SQL
// column, `reason`, null when the record counts: the 计入/未计入 filter, the page, its total and the reasons grouped and
// counted are all read from that one expression over every record of the station, so they cannot disagree with
// each other nor depend on which page is shown.

/** A record behind a KPI figure (the contract's `KpiDrillRow`). */
type DrillRow = KpiDrillRowDto;

type Raw = Record<string, unknown>;
type Sql = RawBuilder<unknown>;
const n = (v: unknown) => Number(v ?? 0);
const reasonLabel = (reason: string) => KPI_REASON_LABELS[reason] ?? reason;
const reasonRow = (r: Omit<DrillRow, 'reasonLabel' | 'counted'>): DrillRow => ({
  ...r,
  counted: r.reason === null,
  reasonLabel: r.reason ? reasonLabel(r.reason) : null,
});

/** One KPI's records: a statement whose rows carry `reason`, the order of a page, and the row each becomes. */
interface Source {
  rows: Sql;
  /** over the columns of `rows`, ending in a unique key so that pages neither overlap nor skip a record */
  order: Sql;
  toRow: (x: Raw) => DrillRow;
}

interface SourceInput {
  ctx: Ctx;
  s: StationTable;
  kpi: KpiId;
}

/** `when … then …` pieces of a `case` giving the first reason that applies; none applies: counted (null). */
const firstReason = (whens: Sql[]) => sql`case ${sql.join(whens, sql` `)} else null end`;
const when = (cond: Sql, reason: string) => sql`when ${cond} then ${reason}`;

/**
 * Outside the station's period, inclusive at both ends (docs/ledger-format.md; ISO dates compare as text). A
 * missing date is outside too, as `typeof d === 'string'` had it.
 */
const outsidePeriod = (col: Sql, s: StationTable) =>
  sql`(${col} is null or ${col} < ${s.period_start} or ${col} > ${s.period_end})`;

function events({ s, kpi }: SourceInput): Source {
  return {
    rows: sql`select e.id, e.title, e.date as d,
                (select count(*) from event_experts x where x.event_id = e.id) as experts,
                ${firstReason([when(outsidePeriod(sql`e.date`, s), 'outside_period')])} as reason
              from events e where e.station_id = ${s.id}`,
    order: sql`t.d desc, t.id`,
    toRow: (x) =>
      reasonRow({
        id: String(x.id),
        kind: 'events',
        title: String(x.title),
        date: String(x.d),
        weight: kpi === 'events' ? 1 : n(x.experts),
        reason: (x.reason as string | null) ?? null,
        detail: `到场专家 ${n(x.experts)} 人`,
      }),
  };
}

function pressReleases({ s, kpi }: SourceInput): Source {
  const whens = [when(outsidePeriod(sql`date`, s), 'outside_period')];
  // 第七条: the website KPI counts only releases on the association's website.
  if (kpi === 'press_releases_website') {
    whens.push(when(sql`(channel is null or channel <> ${'association_website'})`, 'not_website'));
  }
  return {
    rows: sql`select id, title, date as d, ${firstReason(whens)} as reason
              from press_releases where station_id = ${s.id}`,
    order: sql`t.d desc, t.id`,
    toRow: (x) =>
      reasonRow({
        id: String(x.id),
        kind: 'press-releases',
        title: String(x.title),
        date: String(x.d),
        weight: 1,
        reason: (x.reason as string | null) ?? null,
        detail: null,
      }),
  };
}

/** Records counted by date, some also by a stored flag (第七条: 具体合作内容; achievements promoted). */
const FLAGGED = {
  cooperations: { table: 'cooperations', date: 'date', flag: 'has_content', miss: 'no_content', kind: 'cooperations' },
  landed_outcomes: { table: 'outcomes', date: 'date', flag: null, miss: null, kind: 'outcomes' },
  achievements: {
    table: 'achievements',
    date: 'collected_on',
    flag: 'promoted',
    miss: 'not_promoted',
    kind: 'achievements',
  },
  demands: { table: 'demands', date: 'collected_on', flag: null, miss: null, kind: 'demands' },
} as const;

function flagged({ s, kpi }: SourceInput & { kpi: keyof typeof FLAGGED }): Source {
  const spec = FLAGGED[kpi];
  const date = sql.ref(spec.date);
  const whens = [when(outsidePeriod(date, s), 'outside_period')];
  if (spec.flag && spec.miss) whens.push(when(sql`coalesce(${sql.ref(spec.flag)}, 0) <> 1`, spec.miss));
  return {
    rows: sql`select id, title, ${date} as d, ${firstReason(whens)} as reason
              from ${sql.table(spec.table)} where station_id = ${s.id}`,
    order: sql`t.d desc, t.id`,
    toRow: (x) =>
      reasonRow({
        id: String(x.id),
        kind: spec.kind,
        title: String(x.title),
        date: String(x.d),
        weight: 1,
        reason: (x.reason as string | null) ?? null,
        detail: null,
      }),
  };
}

/**
 * One row per enterprise contacted (a USCC counts once however often it was contacted), with `contactReason`'s
 * order (src/domain/kpi/from-ledger.ts; 第七条, an IUR station 第八条): no contact in the period, an invalid code,
 * then for a district station not listed or registered in another district.
 */
async function contacts({ ctx, s, kpi }: SourceInput): Promise<Source> {
  // The code's check character (GB 32100-2015) stays in the domain: SQL is handed the few codes that fail it.
  const codes = await sql<{ uscc: string }>`select distinct uscc from contacts where station_id = ${s.id}`.execute(
    ctx.db,
  );
  const bad = codes.rows.map((r) => r.uscc).filter((u) => !isValidUscc(u));
  const whens = [when(sql`g.first_in is null`, 'outside_period')];
  if (bad.length) whens.push(when(sql`g.id in (${sql.join(bad)})`, 'invalid_uscc'));
  if (s.type !== 'iur') {
    whens.push(when(sql`g.listed is null`, 'not_listed'));
    // A station without a district has no enterprise of its own district.
    const own = s.district_code === null ? sql`1 = 1` : sql`(g.district is null or g.district <> ${s.district_code})`;
    whens.push(when(own, 'other_district'));
  }
  const share = kpi === 'association_share';
  return {
    rows: sql`select g.*, ${firstReason(whens)} as reason from (
                select c.uscc as id, max(en.name) as name, max(en.district_code) as district, max(se.id) as listed,
                  max(en.has_association) as assoc, count(*) as contacts,
                  min(case when c.date >= ${s.period_start} and c.date <= ${s.period_end} then c.date end) as first_in
                from contacts c left join enterprises en on en.uscc = c.uscc
                  left join station_enterprises se on se.station_id = c.station_id and se.enterprise_id = en.id
                where c.station_id = ${s.id} group by c.uscc) g`,
    order: sql`t.id`,
    toRow: (x) => {
      const reason = (x.reason as string | null) ?? null;
      const assoc = n(x.assoc) === 1;
      return reasonRow({
        id: String(x.id),
        kind: 'contacts',
        title: `${x.name ?? '（未列入名录的企业）'} ${x.id}`,
        date: (x.first_in as string | null) ?? null,
        weight: share ? (reason === null && x.listed && assoc ? 1 : 0) : 1,
        reason,
        detail: `联系 ${n(x.contacts)} 次${share ? (assoc ? '，建有企业科协' : '，未建企业科协') : ''}`,
      });
    },
  };
}

/** Key-served enterprises (第七条): contacted in the period, of the station's district, and for SRDI, 专精特新. */
function keyEnterprises({ s, kpi }: SourceInput): Source {
  const whens = [when(sql`k.first_in is null`, 'no_contact')];
  if (s.type !== 'iur') {
    const other =
      s.district_code === null
        ? sql`k.district is not null`
        : sql`(k.district is null or k.district <> ${s.district_code})`;
    whens.push(when(other, 'other_district'));
  }
  if (kpi === 'key_enterprises_srdi') {
    whens.push(when(sql`(k.srdi is null or k.srdi not in (${sql.join([...SRDI_COUNTED])}))`, 'not_srdi'));
  }
  return {
    rows: sql`select k.*, ${firstReason(whens)} as reason from (
                select se.id, en.uscc, en.name, en.district_code as district, en.srdi,
                  (select min(c.date) from contacts c where c.station_id = se.station_id and c.uscc = en.uscc
                     and c.date >= ${s.period_start} and c.date <= ${s.period_end}) as first_in
                from station_enterprises se join enterprises en on en.id = se.enterprise_id
                where se.station_id = ${s.id} and se.key_served = 1) k`,
    order: sql`t.name, t.id`,
    toRow: (x) =>
      reasonRow({
        id: String(x.id),
        kind: 'enterprises',
        title: `${x.name} ${x.uscc}`,
        date: (x.first_in as string | null) ?? null,
        weight: 1,
        reason: (x.reason as string | null) ?? null,
        detail: null,
      }),
  };
}

/** A report KPI counts the 字数 of the longest report of its kind (第七条、第十二条): one report, the others shorter. */
function reports({ s, kpi }: SourceInput): Source {
  const kind = kpi.replace(/^report_/, '');
  const longest = sql`(select m.id from reports m where m.station_id = ${s.id} and m.kind = ${kind}
                       order by m.word_count desc, m.id limit 1)`;
  const whens = [when(sql`coalesce(r.word_count, 0) < 1`, 'empty'), when(sql`r.id <> ${longest}`, 'shorter')];
  return {
    rows: sql`select r.id, r.title, r.submitted_on as d, r.word_count as words, ${firstReason(whens)} as reason
              from reports r where r.station_id = ${s.id} and r.kind = ${kind}`,
    order: sql`t.words desc, t.id`,
    toRow: (x) =>
      reasonRow({
        id: String(x.id),
        kind: 'reports',
        title: String(x.title),
        date: (x.d as string | null) ?? null,
        weight: n(x.words),
        reason: (x.reason as string | null) ?? null,
        detail: `${n(x.words)} 字`,
      }),
  };
}

function sourceOf(input: SourceInput): Source | Promise<Source> {
  const { kpi } = input;
  switch (kpi) {
    case 'events':
    case 'expert_person_times':
      return events(input);
    case 'press_releases':
    case 'press_releases_website':
      return pressReleases(input);
    case 'cooperations':
    case 'landed_outcomes':
    case 'achievements':
    case 'demands':
      return flagged({ ...input, kpi });
    case 'enterprises_contacted':
    case 'association_share':
      return contacts(input);
    case 'key_enterprises':
    case 'key_enterprises_srdi':
      return keyEnterprises(input);
    default:
      if (!kpi.startsWith('report_')) throw invalid([{ path: 'kpiId', message: `未知的考核指标 ${kpi}` }]);
      return reports(input);
  }
}

export interface KpiDrilldownOptions {
  stationId: string;
  kpi: KpiId;
  page: number;
  pageSize: number;
  /** true: only the records that count; false: only those that do not; absent: all */
  counted?: boolean;
}

export async function kpiDrilldown(
  ctx: Ctx,
  { stationId, kpi, page, pageSize, counted }: KpiDrilldownOptions,
): Promise<KpiDrilldownDto> {
  const s = await requireStation(ctx, stationId);
  const src = await sourceOf({ ctx, s, kpi });
  const groups = (await sql`select t.reason, count(*) as n from (${src.rows}) t group by t.reason`.execute(ctx.db))
    .rows as Raw[];
  const filter =
    counted === undefined ? sql`` : counted ? sql`where t.reason is null` : sql`where t.reason is not null`;
  const rows = (
    await sql`select * from (${src.rows}) t ${filter} order by ${src.order}
              limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(ctx.db)
  ).rows as Raw[];

  const countedTotal = n(groups.find((g) => g.reason === null)?.n);
  const reasons = groups
    .filter((g) => g.reason !== null)
    .map((g) => ({ reason: String(g.reason), label: reasonLabel(String(g.reason)), count: n(g.n) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const notCountedTotal = reasons.reduce((a, r) => a + r.count, 0);
  const total = counted === undefined ? countedTotal + notCountedTotal : counted ? countedTotal : notCountedTotal;
  return { kpi, items: rows.map(src.toRow), total, page, pageSize, countedTotal, notCountedTotal, reasons };
}
