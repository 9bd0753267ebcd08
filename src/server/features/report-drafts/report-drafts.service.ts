import type { Policy } from '../../../domain/policy/types';
import { type DraftKind, type DraftKindOption, draftKindsOf } from '../../../shared/api/report-drafts';
import { invalid } from '../../../shared/errors';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { StationTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { getStationKpis } from '../kpis/kpis.service';
import type { DraftData } from './report-drafts.docx';

// What a report draft shows, gathered from one station's ledger: counts and groupings as SQL aggregates, the tables'
// rows read once each (at most ROWS), the KPIs from the KPI service so that the draft states what the KPI page does.

/** Rows a draft's table lists at most; beyond it the table says how many there are and points to the Excel export. */
export const ROWS = 500;

/** Demands that have reached a counterpart: the dockings of 第七条 (matched, docked, resolved). */
const DOCKED = ['matched', 'docked', 'resolved'];

const num = (v: unknown) => Number(v ?? 0);

/**
 * The reports this station must write (第七条 for district stations, 第八条 for IUR ones, 第十二条 for the 总结报告),
 * or a refusal naming the article when `kind` is not one of them.
 */
export function requireDraftKind(
  policy: Policy,
  station: Pick<StationTable, 'type'>,
  kind: DraftKind,
): DraftKindOption {
  const options = draftKindsOf(policy.kpis[station.type]);
  const found = options.find((o) => o.kind === kind);
  if (found) return found;
  const type = policy.stationTypes[station.type];
  const elsewhere = Object.values(policy.kpis)
    .flat()
    .find((k) => k.id === `report_${kind}`);
  const what = elsewhere ? `${elsewhere.name}（${elsewhere.article}）` : '该报告';
  const message = `${what}不是${type.name}须撰写的报告：按${type.targetsArticle}，本站点须撰写${options
    .map((o) => o.name)
    .join('、')}。`;
  throw invalid([{ path: 'kind', message }], message);
}

export interface DraftRequest {
  stationId: string;
  kind: DraftKind;
}

/** The figures of a draft of `kind` for the station, as of today (Asia/Shanghai) by the request's clock. */
export async function reportDraftData(ctx: Ctx, { stationId, kind }: DraftRequest): Promise<DraftData> {
  // Out of scope and missing are one 404 (Convention 7), before anything about the kind is said.
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const report = requireDraftKind(policy, station, kind);
  const [host, kpis, ledger] = await Promise.all([
    ctx.db.selectFrom('organizations').select('name').where('id', '=', station.host_org_id).executeTakeFirstOrThrow(),
    getStationKpis(ctx, stationId),
    ledgerFigures(ctx, stationId),
  ]);
  return {
    report,
    asOf: shanghaiDate(ctx.clock.now()),
    station: {
      name: station.name,
      typeLabel: policy.stationTypes[station.type].name,
      isIur: station.type === 'iur',
      hostName: host.name,
      districtName: station.district_code
        ? (policy.districts.find((x) => x.code === station.district_code)?.name ?? station.district_code)
        : null,
      periodStart: station.period_start,
      periodEnd: station.period_end,
      programYear: station.program_year,
    },
    kpis: kpis.kpis.map((k) => ({
      name: k.name,
      article: k.article,
      unit: k.unit,
      measure: k.measure,
      target: k.target,
      actual: k.actual,
      met: k.met,
    })),
    ...ledger,
  };
}

type LedgerFigures = Omit<DraftData, 'report' | 'asOf' | 'station' | 'kpis'>;

async function ledgerFigures(ctx: Ctx, stationId: string): Promise<LedgerFigures> {
  const [demands, enterprises, contacted, events, experts, outcomes, achievements, cooperations] = await Promise.all([
    demandFigures(ctx, stationId),
    enterpriseFigures(ctx, stationId),
    contactFigures(ctx, stationId),
    eventFigures(ctx, stationId),
    expertFigures(ctx, stationId),
    outcomeFigures(ctx, stationId),
    achievementFigures(ctx, stationId),
    cooperationFigures(ctx, stationId),
  ]);
  return {
    ...demands,
    enterprises,
    contacted,
    events,
    experts,
    outcomes,
    achievements,
    cooperations,
  };
}

async function demandFigures(ctx: Ctx, stationId: string) {
  const db = ctx.db;
  const [byIndustryStatus, rows, docked] = await Promise.all([
    db
      .selectFrom('demands')
      .select(['industry', 'status', (eb) => eb.fn.countAll().as('n')])
      .where('station_id', '=', stationId)
      .groupBy(['industry', 'status'])
      .execute(),
    db
      .selectFrom('demands as d')
      .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
      .select(['d.ref', 'd.title', 'd.uscc', 'd.industry', 'd.collected_on', 'd.status', 'e.name as enterprise'])
      .where('d.station_id', '=', stationId)
      .orderBy('d.collected_on')
      .orderBy('d.id')
      .limit(ROWS)
      .execute(),
    db
      .selectFrom('demands as d')
      .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
      .select([
        'd.ref',
        'd.title',
        'd.uscc',
        'd.status',
        'd.matched_kind',
        'd.matched_to',
        'd.matched_on',
        'd.docked_on',
        'd.resolved_on',
        'e.name as enterprise',
      ])
      .where('d.station_id', '=', stationId)
      .where('d.status', 'in', DOCKED)
      .orderBy('d.matched_on')
      .orderBy('d.id')
      .limit(ROWS)
      .execute(),
  ]);
  // The status totals are sums of the SQL groups (a dozen rows), not a pass over the demands.
  const byStatus = new Map<string, number>();
  for (const g of byIndustryStatus) byStatus.set(g.status, (byStatus.get(g.status) ?? 0) + num(g.n));
  const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
  return {
    demands: {
      total,
      byStatus: [...byStatus].map(([key, n]) => ({ key, n })),
      byIndustryStatus: byIndustryStatus.map((g) => ({ key: { industry: g.industry, status: g.status }, n: num(g.n) })),
      rows: rows.map((r) => ({
        ref: r.ref,
        title: r.title,
        enterprise: r.enterprise ?? r.uscc,
        industry: r.industry,
        collectedOn: r.collected_on,
        status: r.status,
      })),
    },
    dockings: {
      total: DOCKED.reduce((a, s) => a + (byStatus.get(s) ?? 0), 0),
      rows: docked.map((r) => ({
        ref: r.ref,
        title: r.title,
        enterprise: r.enterprise ?? r.uscc,
        status: r.status,
        matchedKind: r.matched_kind,
        matchedTo: r.matched_to,
        matchedOn: r.matched_on,
        dockedOn: r.docked_on,
        resolvedOn: r.resolved_on,
      })),
    },
  };
}

async function enterpriseFigures(ctx: Ctx, stationId: string): Promise<DraftData['enterprises']> {
  const db = ctx.db;
  const listed = db
    .selectFrom('station_enterprises as se')
    .innerJoin('enterprises as e', 'e.id', 'se.enterprise_id')
    .where('se.station_id', '=', stationId);
  const [totals, byIndustry, rows] = await Promise.all([
    listed
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn.sum('se.key_served').as('key_served'),
        eb.fn.sum('e.has_association').as('with_association'),
        eb.fn
          .sum(eb.case().when('e.srdi', 'in', ['municipal', 'national']).then(eb.lit(1)).else(eb.lit(0)).end())
          .as('srdi'),
      ])
      .executeTakeFirstOrThrow(),
    listed
      .select(['e.industry', (eb) => eb.fn.countAll().as('n')])
      .groupBy('e.industry')
      .execute(),
    listed
      .select(['e.name', 'e.uscc', 'e.industry', 'e.srdi', 'e.has_association', 'se.key_served'])
      .select((eb) => [
        eb
          .selectFrom('contacts as c')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('c.uscc', '=', 'e.uscc')
          .where('c.station_id', '=', stationId)
          .as('contacts'),
        eb
          .selectFrom('demands as d')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('d.uscc', '=', 'e.uscc')
          .where('d.station_id', '=', stationId)
          .as('demands'),
      ])
      .orderBy('se.key_served', 'desc')
      .orderBy('e.name')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: num(totals.total),
    keyServed: num(totals.key_served),
    withAssociation: num(totals.with_association),
    srdi: num(totals.srdi),
    byIndustry: byIndustry.map((g) => ({ key: g.industry, n: num(g.n) })),
    rows: rows.map((r) => ({
      name: r.name,
      uscc: r.uscc,
      industry: r.industry,
      keyServed: r.key_served === 1,
      srdi: r.srdi,
      hasAssociation: r.has_association === 1,
      contacts: num(r.contacts),
      demands: num(r.demands),
    })),
  };
}

async function contactFigures(ctx: Ctx, stationId: string): Promise<DraftData['contacted']> {
  const db = ctx.db;
  const [totals, rows] = await Promise.all([
    db
      .selectFrom('contacts')
      .select((eb) => [eb.fn.countAll().as('contacts'), eb.fn.count('uscc').distinct().as('enterprises')])
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('contacts as c')
      .leftJoin('enterprises as e', 'e.uscc', 'c.uscc')
      .select(['c.uscc', 'e.name', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.max('c.date').as('last_on')])
      .where('c.station_id', '=', stationId)
      .groupBy(['c.uscc', 'e.name'])
      .orderBy('n', 'desc')
      .orderBy('c.uscc')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: num(totals.enterprises),
    contacts: num(totals.contacts),
    rows: rows.map((r) => ({ uscc: r.uscc, name: r.name, contacts: num(r.n), lastOn: String(r.last_on) })),
  };
}

async function eventFigures(ctx: Ctx, stationId: string): Promise<DraftData['events']> {
  const db = ctx.db;
  const [total, personTimes, byMonth, rows] = await Promise.all([
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('event_experts as ee')
      .innerJoin('events as ev', 'ev.id', 'ee.event_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ev.station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('events')
      .select((eb) => [eb.fn<string>('substr', ['date', eb.lit(1), eb.lit(7)]).as('month'), eb.fn.countAll().as('n')])
      .where('station_id', '=', stationId)
      .groupBy((eb) => eb.fn('substr', ['date', eb.lit(1), eb.lit(7)]))
      .orderBy('month')
      .execute(),
    db
      .selectFrom('events as ev')
      .select(['ev.id', 'ev.date', 'ev.title', 'ev.kind', 'ev.place'])
      .select((eb) =>
        eb
          .selectFrom('event_enterprises as ek')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('ek.event_id', '=', 'ev.id')
          .as('enterprises'),
      )
      .where('ev.station_id', '=', stationId)
      .orderBy('ev.date')
      .orderBy('ev.id')
      .limit(ROWS)
      .execute(),
  ]);
  const names = new Map<string, string[]>();
  if (rows.length > 0) {
    const present = await db
      .selectFrom('event_experts as ee')
      .innerJoin('experts as x', 'x.id', 'ee.expert_id')
      .select(['ee.event_id', 'x.name'])
      .where(
        'ee.event_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('x.name')
      .execute();
    for (const e of present) names.set(e.event_id, [...(names.get(e.event_id) ?? []), e.name]);
  }
  return {
    total: num(total.n),
    personTimes: num(personTimes.n),
    byMonth: byMonth.map((m) => ({ key: String(m.month), n: num(m.n) })),
    rows: rows.map((r) => ({
      date: r.date,
      title: r.title,
      kind: r.kind,
      place: r.place,
      experts: names.get(r.id) ?? [],
      enterprises: num(r.enterprises),
    })),
  };
}

async function expertFigures(ctx: Ctx, stationId: string): Promise<DraftData['experts']> {
  const db = ctx.db;
  const [total, rows] = await Promise.all([
    db
      .selectFrom('experts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('experts as x')
      .select(['x.name', 'x.kind', 'x.employer', 'x.title', 'x.expertise', 'x.industry'])
      .select((eb) =>
        eb
          .selectFrom('event_experts as ee')
          .select((y) => y.fn.countAll().as('n'))
          .whereRef('ee.expert_id', '=', 'x.id')
          .as('events'),
      )
      .where('x.station_id', '=', stationId)
      .orderBy('x.ref')
      .orderBy('x.id')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: num(total.n),
    rows: rows.map((r) => ({
      name: r.name,
      kind: r.kind,
      employer: r.employer,
      title: r.title,
      expertise: r.expertise,
      industry: r.industry,
      events: num(r.events),
    })),
  };
}

async function outcomeFigures(ctx: Ctx, stationId: string): Promise<DraftData['outcomes']> {
  const db = ctx.db;
  const [total, rows] = await Promise.all([
    db
      .selectFrom('outcomes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outcomes as o')
      .leftJoin('enterprises as e', 'e.uscc', 'o.uscc')
      .select(['o.date', 'o.title', 'o.uscc', 'o.golden_bridge', 'e.name as enterprise'])
      .where('o.station_id', '=', stationId)
      .orderBy('o.date')
      .orderBy('o.id')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: num(total.n),
    rows: rows.map((r) => ({
      date: r.date,
      title: r.title,
      enterprise: r.enterprise ?? r.uscc,
      goldenBridge: r.golden_bridge === 1,
    })),
  };
}

async function achievementFigures(ctx: Ctx, stationId: string): Promise<DraftData['achievements']> {
  const db = ctx.db;
  const [byIndustry, rows] = await Promise.all([
    db
      .selectFrom('achievements')
      .select(['industry', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('promoted').as('promoted')])
      .where('station_id', '=', stationId)
      .groupBy('industry')
      .execute(),
    db
      .selectFrom('achievements')
      .select(['title', 'university', 'industry', 'collected_on', 'promoted'])
      .where('station_id', '=', stationId)
      .orderBy('collected_on')
      .orderBy('id')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: byIndustry.reduce((a, g) => a + num(g.n), 0),
    promoted: byIndustry.reduce((a, g) => a + num(g.promoted), 0),
    byIndustry: byIndustry.map((g) => ({ key: g.industry, n: num(g.n) })),
    rows: rows.map((r) => ({
      title: r.title,
      university: r.university,
      industry: r.industry,
      collectedOn: r.collected_on,
      promoted: r.promoted === 1,
    })),
  };
}

async function cooperationFigures(ctx: Ctx, stationId: string): Promise<DraftData['cooperations']> {
  const db = ctx.db;
  const [total, rows] = await Promise.all([
    db
      .selectFrom('cooperations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cooperations')
      .select(['date', 'title', 'parties_json'])
      .where('station_id', '=', stationId)
      .orderBy('date')
      .orderBy('id')
      .limit(ROWS)
      .execute(),
  ]);
  return {
    total: num(total.n),
    rows: rows.map((r) => ({ date: r.date, title: r.title, parties: parties(r.parties_json) })),
  };
}

function parties(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
