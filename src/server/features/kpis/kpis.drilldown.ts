import { sql } from 'kysely';
import { type ContactReason, contactReason } from '../../../domain/kpi/from-ledger';
import type { KpiId } from '../../../domain/policy/types';
import { invalid } from '../../../shared/errors';
import { KPI_REASON_LABELS } from '../../../shared/labels';
import type { KpiDrilldownDto, KpiDrillRowDto } from '../../../shared/schemas/kpis';
import type { Ctx } from '../../context';
import { requireStation } from '../../core/stations';

// The records behind a KPI figure, counted or not, each with the reason (issue #3). Rows are paged in SQL; the
// reason of each row on the page comes from the same rules the KPI engine applies.

/** A record behind a KPI figure (the contract's `KpiDrillRow`). */
type DrillRow = KpiDrillRowDto;

type Raw = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const reasonRow = (r: Omit<DrillRow, 'reasonLabel'>): DrillRow => ({
  ...r,
  reasonLabel: r.reason ? (KPI_REASON_LABELS[r.reason] ?? r.reason) : null,
});

export interface KpiDrilldownOptions {
  stationId: string;
  kpi: KpiId;
  page: number;
  pageSize: number;
}

export async function kpiDrilldown(
  ctx: Ctx,
  { stationId, kpi, page, pageSize }: KpiDrilldownOptions,
): Promise<KpiDrilldownDto> {
  const s = await requireStation(ctx, stationId);
  const within = (d: unknown) => typeof d === 'string' && d >= s.period_start && d <= s.period_end;
  const offset = (page - 1) * pageSize;
  const run = async (count: ReturnType<typeof sql>, rows: ReturnType<typeof sql>) => {
    const c = (await count.execute(ctx.db)).rows[0] as Raw;
    const r = (await rows.execute(ctx.db)).rows as Raw[];
    return { total: n(c?.n), rows: r };
  };
  const paged = (q: ReturnType<typeof sql>) => sql`${q} limit ${pageSize} offset ${offset}`;
  let total = 0;
  let items: DrillRow[] = [];

  switch (kpi) {
    case 'events':
    case 'expert_person_times': {
      const r = await run(
        sql`select count(*) as n from events where station_id = ${s.id}`,
        paged(sql`select e.id, e.title, e.date,
                   (select count(*) from event_experts x where x.event_id = e.id) as experts
                 from events e where e.station_id = ${s.id} order by e.date desc, e.id`),
      );
      total = r.total;
      items = r.rows.map((x) =>
        reasonRow({
          id: String(x.id),
          kind: 'events',
          title: String(x.title),
          date: String(x.date),
          counted: within(x.date),
          weight: kpi === 'events' ? 1 : n(x.experts),
          reason: within(x.date) ? null : 'outside_period',
          detail: `到场专家 ${n(x.experts)} 人`,
        }),
      );
      break;
    }
    case 'press_releases':
    case 'press_releases_website': {
      const r = await run(
        sql`select count(*) as n from press_releases where station_id = ${s.id}`,
        paged(
          sql`select id, title, date, channel from press_releases where station_id = ${s.id} order by date desc, id`,
        ),
      );
      total = r.total;
      items = r.rows.map((x) => {
        const reason = !within(x.date)
          ? 'outside_period'
          : kpi === 'press_releases_website' && x.channel !== 'association_website'
            ? 'not_website'
            : null;
        return reasonRow({
          id: String(x.id),
          kind: 'press-releases',
          title: String(x.title),
          date: String(x.date),
          counted: !reason,
          weight: 1,
          reason,
          detail: null,
        });
      });
      break;
    }
    case 'cooperations':
    case 'landed_outcomes':
    case 'achievements':
    case 'demands': {
      const spec = {
        cooperations: {
          table: 'cooperations',
          date: 'date',
          flag: 'has_content',
          miss: 'no_content',
          kind: 'cooperations',
        },
        landed_outcomes: { table: 'outcomes', date: 'date', flag: null, miss: null, kind: 'outcomes' },
        achievements: {
          table: 'achievements',
          date: 'collected_on',
          flag: 'promoted',
          miss: 'not_promoted',
          kind: 'achievements',
        },
        demands: { table: 'demands', date: 'collected_on', flag: null, miss: null, kind: 'demands' },
      }[kpi];
      const flag = spec.flag ? sql.ref(spec.flag) : sql`1`;
      const r = await run(
        sql`select count(*) as n from ${sql.table(spec.table)} where station_id = ${s.id}`,
        paged(sql`select id, title, ${sql.ref(spec.date)} as d, ${flag} as f from ${sql.table(spec.table)}
                  where station_id = ${s.id} order by ${sql.ref(spec.date)} desc, id`),
      );
      total = r.total;
      items = r.rows.map((x) => {
        const reason = !within(x.d) ? 'outside_period' : n(x.f) !== 1 ? spec.miss : null;
        return reasonRow({
          id: String(x.id),
          kind: spec.kind,
          title: String(x.title),
          date: String(x.d),
          counted: !reason,
          weight: 1,
          reason,
          detail: null,
        });
      });
      break;
    }
    case 'enterprises_contacted':
    case 'association_share': {
      // One row per enterprise contacted (a USCC counts once however often it was contacted).
      const base = sql`from contacts c left join enterprises en on en.uscc = c.uscc
        left join station_enterprises se on se.station_id = c.station_id and se.enterprise_id = en.id
        where c.station_id = ${s.id}`;
      const r = await run(
        sql`select count(distinct c.uscc) as n ${base}`,
        paged(sql`select c.uscc, max(en.name) as name, max(en.district_code) as district, max(se.id) as listed,
                    max(en.has_association) as assoc, count(*) as contacts,
                    min(case when c.date >= ${s.period_start} and c.date <= ${s.period_end} then c.date end) as first_in
                  ${base} group by c.uscc order by c.uscc`),
      );
      total = r.total;
      items = r.rows.map((x) => {
        const date = (x.first_in as string | null) ?? null;
        const reason: ContactReason = date
          ? contactReason(
              { uscc: String(x.uscc), date },
              { type: s.type, district: s.district_code, period: { start: s.period_start, end: s.period_end } },
              x.listed ? String(x.district) : undefined,
            )
          : 'outside_period';
        const counted = reason === 'counted';
        return reasonRow({
          id: String(x.uscc),
          kind: 'contacts',
          title: `${x.name ?? '（未列入名录的企业）'} ${x.uscc}`,
          date,
          counted,
          weight: kpi === 'association_share' ? (counted && x.listed && n(x.assoc) === 1 ? 1 : 0) : 1,
          reason: counted ? null : reason,
          detail: `联系 ${n(x.contacts)} 次${kpi === 'association_share' ? (n(x.assoc) === 1 ? '，建有企业科协' : '，未建企业科协') : ''}`,
        });
      });
      break;
    }
    case 'key_enterprises':
    case 'key_enterprises_srdi': {
      const base = sql`from station_enterprises se join enterprises en on en.id = se.enterprise_id
        where se.station_id = ${s.id} and se.key_served = 1`;
      const r = await run(
        sql`select count(*) as n ${base}`,
        paged(sql`select se.id, en.uscc, en.name, en.district_code, en.srdi,
                   (select min(c.date) from contacts c where c.station_id = se.station_id and c.uscc = en.uscc
                      and c.date >= ${s.period_start} and c.date <= ${s.period_end}) as first_in
                  ${base} order by en.name`),
      );
      total = r.total;
      items = r.rows.map((x) => {
        let reason: string | null = null;
        if (!x.first_in) reason = 'no_contact';
        else if (s.type !== 'iur' && x.district_code !== s.district_code) reason = 'other_district';
        else if (kpi === 'key_enterprises_srdi' && !['municipal', 'national'].includes(String(x.srdi)))
          reason = 'not_srdi';
        return reasonRow({
          id: String(x.id),
          kind: 'enterprises',
          title: `${x.name} ${x.uscc}`,
          date: (x.first_in as string) ?? null,
          counted: !reason,
          weight: 1,
          reason,
          detail: null,
        });
      });
      break;
    }
    default: {
      const kind = kpi.replace(/^report_/, '');
      if (!kpi.startsWith('report_')) throw invalid([{ path: 'kpiId', message: `未知的考核指标 ${kpi}` }]);
      const r = await run(
        sql`select count(*) as n from reports where station_id = ${s.id} and kind = ${kind}`,
        paged(sql`select id, title, submitted_on, word_count,
                   (select max(word_count) from reports m where m.station_id = ${s.id} and m.kind = ${kind}) as longest
                  from reports where station_id = ${s.id} and kind = ${kind} order by word_count desc, id`),
      );
      total = r.total;
      let longestTaken = false;
      items = r.rows.map((x) => {
        const words = n(x.word_count);
        let reason: string | null = null;
        if (words < 1) reason = 'empty';
        else if (words < n(x.longest) || longestTaken) reason = 'shorter';
        if (!reason) longestTaken = true;
        return reasonRow({
          id: String(x.id),
          kind: 'reports',
          title: String(x.title),
          date: (x.submitted_on as string) ?? null,
          counted: !reason,
          weight: words,
          reason,
          detail: `${words} 字`,
        });
      });
    }
  }
  return { kpi, items, total, page, pageSize };
}
