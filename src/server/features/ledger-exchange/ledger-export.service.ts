import { EVIDENCE_KINDS, type Industry, LEDGER_FORMAT } from '../../../domain/ledger/codes';
import type { Ledger, LedgerInput } from '../../../domain/ledger/schema';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { StationTable } from '../../db/schema';
import { budgetInForce, ledgerFunds } from '../funds/budget';
import { ledgerExpenses } from '../funds/expenses.service';

// Export: the station's records as `qianqi-ledger/1`, in entry (id) order so that index refs stay stable.
// A whole ledger carries its funds and expenses, so the exchange sits beside ledger/ and funds/, not in either:
// funds builds on ledger, and ledger must not depend on funds.

export async function exportLedger(ctx: Ctx, stationId: string): Promise<LedgerInput> {
  const station = await requireStation(ctx, stationId);
  return buildLedger(ctx, station);
}

export async function buildLedger(ctx: Pick<Ctx, 'db'>, station: StationTable): Promise<LedgerInput> {
  const db = ctx.db;
  const sid = station.id;
  const host = await db
    .selectFrom('organizations')
    .select(['name', 'uscc'])
    .where('id', '=', station.host_org_id)
    .executeTakeFirstOrThrow();
  const enterprises = await db
    .selectFrom('station_enterprises as se')
    .innerJoin('enterprises as e', 'e.id', 'se.enterprise_id')
    .select(['e.uscc', 'e.name', 'e.district_code', 'e.has_association', 'e.srdi', 'e.industry', 'se.key_served'])
    .where('se.station_id', '=', sid)
    .orderBy('se.id')
    .execute();
  const contacts = await db.selectFrom('contacts').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const demands = await db.selectFrom('demands').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const experts = await db.selectFrom('experts').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const events = await db.selectFrom('events').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const eventExperts = await db
    .selectFrom('event_experts as ee')
    .innerJoin('events as ev', 'ev.id', 'ee.event_id')
    .innerJoin('experts as x', 'x.id', 'ee.expert_id')
    .select(['ee.event_id', 'x.ref'])
    .where('ev.station_id', '=', sid)
    .orderBy('x.id')
    .execute();
  const eventEnterprises = await db
    .selectFrom('event_enterprises as ee')
    .innerJoin('events as ev', 'ev.id', 'ee.event_id')
    .select(['ee.event_id', 'ee.uscc'])
    .where('ev.station_id', '=', sid)
    .execute();
  const evidence = await db
    .selectFrom('event_evidence as v')
    .innerJoin('events as ev', 'ev.id', 'v.event_id')
    .select(['v.event_id', 'v.kind'])
    .where('ev.station_id', '=', sid)
    .execute();
  const press = await db.selectFrom('press_releases').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const coops = await db.selectFrom('cooperations').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const outcomes = await db.selectFrom('outcomes').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const achievements = await db
    .selectFrom('achievements')
    .selectAll()
    .where('station_id', '=', sid)
    .orderBy('id')
    .execute();
  const reports = await db.selectFrom('reports').selectAll().where('station_id', '=', sid).orderBy('id').execute();
  const policy = await loadPolicy(db, station.program_year);
  const budget = await budgetInForce(db, station, policy);
  const money = await ledgerExpenses(db, sid);

  const group = <T extends { event_id: string }, V>(rows: T[], f: (r: T) => V) => {
    const m = new Map<string, V[]>();
    for (const r of rows) m.set(r.event_id, [...(m.get(r.event_id) ?? []), f(r)]);
    return m;
  };
  const exByEvent = group(eventExperts, (r) => r.ref);
  const enByEvent = group(eventEnterprises, (r) => r.uscc);
  const evByEvent = group(evidence, (r) => r.kind);

  return {
    format: LEDGER_FORMAT,
    programYear: station.program_year,
    station: {
      name: station.name,
      type: station.type,
      district: station.district_code,
      host: { name: host.name, ...(host.uscc ? { uscc: host.uscc } : {}) },
      period: { start: station.period_start, end: station.period_end },
    },
    enterprises: enterprises.map((e) => ({
      uscc: e.uscc,
      name: e.name,
      district: e.district_code,
      hasAssociation: e.has_association === 1,
      srdi: e.srdi,
      keyServed: e.key_served === 1,
      ...(e.industry ? { industry: e.industry as Industry } : {}),
    })),
    contacts: contacts.map((c) => ({
      uscc: c.uscc,
      date: c.date,
      mode: c.mode as Ledger['contacts'][number]['mode'],
      ...(c.note ? { note: c.note } : {}),
      ...(c.people ? { people: c.people } : {}),
    })),
    demands: demands.map((d) => ({
      id: d.ref,
      uscc: d.uscc,
      title: d.title,
      collectedOn: d.collected_on,
      status: d.status as Ledger['demands'][number]['status'],
      ...(d.matched_kind ? { matchedKind: d.matched_kind as 'expert' } : {}),
      ...(d.matched_to ? { matchedTo: d.matched_to } : {}),
      ...(d.matched_on ? { matchedOn: d.matched_on } : {}),
      ...(d.docked_on ? { dockedOn: d.docked_on } : {}),
      ...(d.resolved_on ? { resolvedOn: d.resolved_on } : {}),
      ...(d.closed_on ? { closedOn: d.closed_on } : {}),
      ...(d.note ? { note: d.note } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.industry ? { industry: d.industry as Industry } : {}),
    })),
    experts: experts.map((x) => ({
      id: x.ref,
      name: x.name,
      kind: x.kind as Ledger['experts'][number]['kind'],
      ...(x.employer ? { employer: x.employer } : {}),
      hostStaff: x.host_staff === 1,
      fiscallySupported: x.fiscally_supported === 1,
      ...(x.grade ? { grade: x.grade as 'senior' } : {}),
      ...(x.title ? { title: x.title } : {}),
      ...(x.phone ? { phone: x.phone } : {}),
      ...(x.expertise ? { expertise: x.expertise } : {}),
      ...(x.industry ? { industry: x.industry as Industry } : {}),
    })),
    events: events.map((ev) => ({
      id: ev.ref,
      kind: ev.kind as Ledger['events'][number]['kind'],
      title: ev.title,
      date: ev.date,
      experts: exByEvent.get(ev.id) ?? [],
      enterprises: (enByEvent.get(ev.id) ?? []).sort(),
      evidence: EVIDENCE_KINDS.filter((k) => (evByEvent.get(ev.id) ?? []).includes(k)),
      ...(ev.place ? { place: ev.place } : {}),
    })),
    pressReleases: press.map((p) => ({
      title: p.title,
      date: p.date,
      channel: p.channel as 'other',
      ...(p.url ? { url: p.url } : {}),
    })),
    cooperations: coops.map((c) => ({
      title: c.title,
      date: c.date,
      parties: JSON.parse(c.parties_json) as string[],
      content: c.content,
    })),
    outcomes: outcomes.map((o) => ({
      title: o.title,
      date: o.date,
      ...(o.uscc ? { uscc: o.uscc } : {}),
      goldenBridge: o.golden_bridge === 1,
    })),
    achievements: achievements.map((a) => ({
      title: a.title,
      university: a.university,
      collectedOn: a.collected_on,
      promoted: a.promoted === 1,
      ...(a.summary ? { summary: a.summary } : {}),
      ...(a.industry ? { industry: a.industry as Industry } : {}),
    })),
    reports: reports.map((r) => ({
      kind: r.kind as Ledger['reports'][number]['kind'],
      title: r.title,
      ...(r.submitted_on ? { submittedOn: r.submitted_on } : {}),
      text: r.text,
    })),
    ...(budget ? { funds: ledgerFunds(budget) } : {}),
    expenses: money.expenses,
  };
}
