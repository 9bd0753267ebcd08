import { uuidv7 } from 'uuidv7';
import { hasContent } from '../../../domain/kpi/from-ledger';
import { EVIDENCE_KINDS, LEDGER_FORMAT } from '../../../domain/ledger/codes';
import { type Ledger, type LedgerInput, parseLedger } from '../../../domain/ledger/schema';
import { isValidUscc, normalizeUscc } from '../../../domain/uscc';
import { wordCount } from '../../../domain/word-count';
import { conflict } from '../../../shared/errors';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';
import { budgetInForce, ledgerFunds } from '../funds/budget';
import {
  expenseImportProblems,
  expenseRows,
  type MoneyContext,
  moneyContext,
  stationBudgetRow,
} from '../funds/expense-import';
import { ledgerExpenses } from '../funds/expenses.service';
import { loadPolicy } from '../program-years/program-years.service';
import { touchStations, touchStationsListing } from './ledger-version';
import { RECORD_KIND_DEFS } from './records.kinds';
import { requireStation } from './station-access';

/** One problem of an import, located in the ledger (JSON path) and, for Excel, in the workbook. */
export interface ImportProblem {
  path: string;
  sheet?: string;
  row?: number | null;
  column?: string | null;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  /** problems that stop the import: nothing was written */
  errors: ImportProblem[];
  /** what was left out, for the user to know (the import still went through) */
  warnings: ImportProblem[];
  counts: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// Export: the station's records as `qianqi-ledger/1`, in entry (id) order so that index refs stay stable.

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
    .select(['e.uscc', 'e.name', 'e.district_code', 'e.has_association', 'e.srdi', 'se.key_served'])
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

// ---------------------------------------------------------------------------------------------------------------
// Import: validate everything first, then write everything in one transaction (all or nothing).

/** Problems that the schema allows but the database refuses (an invalid USCC cannot become an enterprise). */
export function importChecks(
  ledger: Ledger,
  station: StationTable,
  money: MoneyContext,
): { errors: ImportProblem[]; warnings: ImportProblem[] } {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const st = ledger.station;
  if (ledger.programYear !== station.program_year) {
    errors.push({
      path: 'programYear',
      message: `台账年度 ${ledger.programYear} 与站点年度 ${station.program_year} 不一致`,
    });
  }
  if (st.type !== station.type) errors.push({ path: 'station.type', message: '台账的站点类型与目标站点不一致' });
  if ((st.district ?? null) !== (station.district_code ?? null)) {
    errors.push({ path: 'station.district', message: '台账的区代码与目标站点不一致' });
  }
  if (st.period.start !== station.period_start || st.period.end !== station.period_end) {
    errors.push({
      path: 'station.period',
      message: `台账的项目期（${st.period.start} 至 ${st.period.end}）与站点协议的项目期（${station.period_start} 至 ${station.period_end}）不一致`,
    });
  }
  const uscc = (path: string, v: string | undefined): void => {
    if (v !== undefined && !isValidUscc(v)) {
      errors.push({ path, message: `统一社会信用代码“${v}”校验不通过（GB 32100-2015），请核对后再导入` });
    }
  };
  const seen = new Set<string>();
  ledger.enterprises.forEach((e, i) => {
    uscc(`enterprises[${i}].uscc`, e.uscc);
    const code = normalizeUscc(e.uscc);
    if (seen.has(code))
      warnings.push({ path: `enterprises[${i}].uscc`, message: `企业 ${code} 重复出现，以第一次为准` });
    seen.add(code);
  });
  ledger.contacts.forEach((c, i) => void uscc(`contacts[${i}].uscc`, c.uscc));
  ledger.demands.forEach((d, i) => void uscc(`demands[${i}].uscc`, d.uscc));
  ledger.outcomes.forEach((o, i) => void uscc(`outcomes[${i}].uscc`, o.uscc));
  const experts = new Set(ledger.experts.map((x) => x.id));
  ledger.events.forEach((ev, i) => {
    ev.enterprises.forEach((u, j) => void uscc(`events[${i}].enterprises[${j}]`, u));
    ev.experts.forEach((x, j) => {
      if (!experts.has(x)) {
        warnings.push({
          path: `events[${i}].experts[${j}]`,
          message: `专家编号 ${x} 未在专家名单中登记，不计人次，未导入`,
        });
      }
    });
  });
  // Expenses go through the compliance engine (第十条、第十五条–第十七条): a refused one stops the import.
  const m = expenseImportProblems(ledger, station, money);
  errors.push(...m.errors);
  warnings.push(...m.warnings);
  return { errors, warnings };
}

/** What an import would write, per kind (a dry run shows it before the user confirms). */
export function ledgerCounts(l: Ledger): Record<string, number> {
  return {
    enterprises: new Set(l.enterprises.map((e) => normalizeUscc(e.uscc))).size,
    contacts: l.contacts.length,
    demands: l.demands.length,
    experts: l.experts.length,
    events: l.events.length,
    pressReleases: l.pressReleases.length,
    cooperations: l.cooperations.length,
    outcomes: l.outcomes.length,
    achievements: l.achievements.length,
    reports: l.reports.length,
    expenses: l.expenses.length,
  };
}

const CHUNK = 200;
async function insertChunks(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // biome-ignore lint/suspicious/noExplicitAny: rows are built for the named table just above
    await (tx as any)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

async function stationRecordCount(tx: Tx | Ctx['db'], stationId: string): Promise<number> {
  let n = 0;
  for (const def of Object.values(RECORD_KIND_DEFS)) {
    // biome-ignore lint/suspicious/noExplicitAny: tables addressed by name
    const r = await (tx as any)
      .selectFrom(def.table)
      // biome-ignore lint/suspicious/noExplicitAny: as above
      .select((eb: any) => eb.fn.countAll().as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    n += Number(r?.n ?? 0);
  }
  const x = await tx
    .selectFrom('expenses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  return n + Number(x?.n ?? 0);
}

/** Deletes every ledger record of a station (import with replace); the audit row of the import says so. */
async function clearStation(tx: Tx, stationId: string): Promise<void> {
  const events = tx.selectFrom('events').select('id').where('station_id', '=', stationId);
  await tx.deleteFrom('event_experts').where('event_id', 'in', events).execute();
  await tx.deleteFrom('event_enterprises').where('event_id', 'in', events).execute();
  await tx.deleteFrom('event_evidence').where('event_id', 'in', events).execute();
  const expenses = tx.selectFrom('expenses').select('id').where('station_id', '=', stationId);
  await tx.deleteFrom('expense_vouchers').where('expense_id', 'in', expenses).execute();
  await tx.deleteFrom('expenses').where('station_id', '=', stationId).execute();
  await tx.deleteFrom('station_budgets').where('station_id', '=', stationId).execute();
  for (const t of [
    'events',
    'experts',
    'contacts',
    'demands',
    'station_enterprises',
    'press_releases',
    'cooperations',
    'outcomes',
    'achievements',
    'reports',
  ] as const) {
    await tx.deleteFrom(t).where('station_id', '=', stationId).execute();
  }
}

async function upsertRegistry(ctx: Ctx, tx: Tx, ledger: Ledger, now: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const firsts = new Map<string, Ledger['enterprises'][number]>();
  for (const e of ledger.enterprises) {
    const code = normalizeUscc(e.uscc);
    if (!firsts.has(code)) firsts.set(code, e);
  }
  const codes = [...firsts.keys()];
  const changed: string[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const existing = await tx
      .selectFrom('enterprises')
      .selectAll()
      .where('uscc', 'in', codes.slice(i, i + 500))
      .execute();
    for (const row of existing) {
      ids.set(row.uscc, row.id);
      const e = firsts.get(row.uscc)!;
      const next = { name: e.name, district_code: e.district, has_association: e.hasAssociation ? 1 : 0, srdi: e.srdi };
      if (
        row.name !== next.name ||
        row.district_code !== next.district_code ||
        row.has_association !== next.has_association ||
        row.srdi !== next.srdi
      ) {
        await tx
          .insertInto('enterprise_history')
          .values({
            id: uuidv7(),
            enterprise_id: row.id,
            changed_at: now,
            actor_name: ctx.actor?.username ?? 'system',
            name: row.name,
            district_code: row.district_code,
            has_association: row.has_association,
            srdi: row.srdi,
          })
          .execute();
        await tx
          .updateTable('enterprises')
          .set({ ...next, updated_at: now, version: row.version + 1 })
          .where('id', '=', row.id)
          .execute();
        changed.push(row.id);
      }
    }
  }
  // Other stations listing a changed enterprise count it differently now.
  await touchStationsListing(tx, changed);
  const fresh = codes
    .filter((c) => !ids.has(c))
    .map((c) => {
      const e = firsts.get(c)!;
      const id = uuidv7();
      ids.set(c, id);
      return {
        id,
        uscc: c,
        name: e.name,
        district_code: e.district,
        has_association: e.hasAssociation ? 1 : 0,
        srdi: e.srdi,
        created_at: now,
        updated_at: now,
        version: 1,
      };
    });
  await insertChunks(tx, 'enterprises', fresh);
  return ids;
}

/** The record tables of a station's ledger, in the order their rows can be inserted (references first). */
export const STATION_RECORD_TABLES = [
  'station_enterprises',
  'contacts',
  'demands',
  'experts',
  'events',
  'event_experts',
  'event_enterprises',
  'event_evidence',
  'press_releases',
  'cooperations',
  'outcomes',
  'achievements',
  'reports',
] as const;
export type StationRecordTable = (typeof STATION_RECORD_TABLES)[number];

/** The record arrays of a ledger (a whole ledger, or some of it). */
export type LedgerRecords = Partial<
  Pick<
    Ledger,
    | 'enterprises'
    | 'contacts'
    | 'demands'
    | 'experts'
    | 'events'
    | 'pressReleases'
    | 'cooperations'
    | 'outcomes'
    | 'achievements'
    | 'reports'
  >
>;

/**
 * The rows a ledger's records become in a station, as the import stores them (and the benchmark generator, which
 * must store the same shape). `enterpriseIds` maps each normalised USCC to its registry row; the first listing of a
 * code wins (docs/ledger-format.md). Derived columns (字数, has_content) come from the domain functions here, once.
 */
export function stationRecordRows(
  stationId: string,
  l: LedgerRecords,
  enterpriseIds: ReadonlyMap<string, string>,
  now: string,
): Record<StationRecordTable, Record<string, unknown>[]> {
  const stamps = { created_at: now, updated_at: now, version: 1 };
  const base = () => ({ id: uuidv7(), station_id: stationId, ...stamps });
  const out = Object.fromEntries(STATION_RECORD_TABLES.map((t) => [t, []])) as unknown as Record<
    StationRecordTable,
    Record<string, unknown>[]
  >;
  const listed = new Set<string>();
  for (const e of l.enterprises ?? []) {
    const code = normalizeUscc(e.uscc);
    if (listed.has(code)) continue;
    listed.add(code);
    out.station_enterprises.push({
      ...base(),
      enterprise_id: enterpriseIds.get(code)!,
      key_served: e.keyServed ? 1 : 0,
    });
  }
  for (const c of l.contacts ?? []) {
    out.contacts.push({
      ...base(),
      uscc: normalizeUscc(c.uscc),
      date: c.date,
      mode: c.mode,
      people: c.people ?? null,
      note: c.note ?? null,
    });
  }
  for (const d of l.demands ?? []) {
    out.demands.push({
      ...base(),
      ref: d.id,
      uscc: normalizeUscc(d.uscc),
      title: d.title,
      collected_on: d.collectedOn,
      status: d.status,
      matched_kind: d.matchedKind ?? null,
      matched_to: d.matchedTo ?? null,
      matched_on: d.matchedOn ?? null,
      docked_on: d.dockedOn ?? null,
      resolved_on: d.resolvedOn ?? null,
      closed_on: d.closedOn ?? null,
      note: d.note ?? null,
    });
  }
  const expertIds = new Map<string, string>();
  for (const x of l.experts ?? []) {
    const row = {
      ...base(),
      ref: x.id,
      name: x.name,
      kind: x.kind,
      employer: x.employer ?? null,
      title: x.title ?? null,
      grade: x.grade ?? null,
      phone: x.phone ?? null,
      host_staff: x.hostStaff ? 1 : 0,
      fiscally_supported: x.fiscallySupported ? 1 : 0,
      id_card_enc: null,
      id_card_masked: null,
      bank_account_enc: null,
      bank_account_masked: null,
      bank_name: null,
    };
    expertIds.set(x.id, row.id);
    out.experts.push(row);
  }
  for (const ev of l.events ?? []) {
    const row = { ...base(), ref: ev.id, kind: ev.kind, title: ev.title, date: ev.date, place: ev.place ?? null };
    out.events.push(row);
    // Unregistered expert ids are left out (they count for nothing, docs/ledger-format.md); the import warns about them.
    for (const x of new Set(ev.experts.filter((x) => expertIds.has(x)))) {
      out.event_experts.push({ event_id: row.id, expert_id: expertIds.get(x)! });
    }
    for (const u of new Set(ev.enterprises.map(normalizeUscc))) {
      out.event_enterprises.push({ event_id: row.id, uscc: u });
    }
    for (const kind of new Set(ev.evidence)) {
      out.event_evidence.push({ id: uuidv7(), event_id: row.id, kind, attachment_id: null, created_at: now });
    }
  }
  for (const p of l.pressReleases ?? []) {
    out.press_releases.push({ ...base(), title: p.title, date: p.date, channel: p.channel, url: p.url ?? null });
  }
  for (const c of l.cooperations ?? []) {
    out.cooperations.push({
      ...base(),
      title: c.title,
      date: c.date,
      parties_json: JSON.stringify(c.parties),
      content: c.content,
      has_content: hasContent(c.content) ? 1 : 0,
    });
  }
  for (const o of l.outcomes ?? []) {
    out.outcomes.push({
      ...base(),
      title: o.title,
      date: o.date,
      uscc: o.uscc ? normalizeUscc(o.uscc) : null,
      golden_bridge: o.goldenBridge ? 1 : 0,
    });
  }
  for (const a of l.achievements ?? []) {
    out.achievements.push({
      ...base(),
      title: a.title,
      university: a.university,
      collected_on: a.collectedOn,
      promoted: a.promoted ? 1 : 0,
    });
  }
  for (const r of l.reports ?? []) {
    out.reports.push({
      ...base(),
      kind: r.kind,
      title: r.title,
      submitted_on: r.submittedOn ?? null,
      text: r.text,
      word_count: wordCount(r.text),
      attachment_id: null,
    });
  }
  return out;
}

async function writeLedger(ctx: Ctx, tx: Tx, station: StationTable, ledger: Ledger): Promise<Record<string, number>> {
  const now = ctx.clock.now().toISOString();
  const registry = await upsertRegistry(ctx, tx, ledger, now);
  const rows = stationRecordRows(station.id, ledger, registry, now);
  for (const t of STATION_RECORD_TABLES) await insertChunks(tx, t, rows[t]);
  const policy = await loadPolicy(tx, station.program_year);
  const money = await moneyContext(tx, station, policy);
  const budgetRow = money.agreement ? null : stationBudgetRow(station.id, ledger, now);
  if (budgetRow) await tx.insertInto('station_budgets').values(budgetRow).execute();
  const expertIds = new Map(rows.experts.map((x) => [x.ref as string, x.id as string]));
  const expenses = expenseRows(station.id, ledger, expertIds, policy, station.period_end, now);
  await insertChunks(tx, 'expenses', expenses as unknown as Record<string, unknown>[]);
  return ledgerCounts(ledger);
}

/**
 * Keeps the station's ledger as it is, before an import replaces it: a single-record delete keeps its before-image in
 * the audit row, so a whole-ledger replacement keeps the whole ledger (as exported) in the file store, named by a
 * `ledger_snapshots` row that the audit row of the import names in turn (等保 审计记录保护, 第十三条).
 */
async function snapshotLedger(
  ctx: Ctx,
  tx: Tx,
  station: StationTable,
  actorOverride?: { id: string | null },
): Promise<{ id: string; sha256: string }> {
  const bytes = Buffer.from(JSON.stringify(await buildLedger({ db: tx }, station)), 'utf8');
  // Content-addressed, so a rollback leaves only an unreferenced file that the storage clean-up removes later.
  const ref = await ctx.blobs.put(bytes);
  const id = uuidv7();
  await tx
    .insertInto('ledger_snapshots')
    .values({
      id,
      station_id: station.id,
      sha256: ref.sha256,
      size: ref.size,
      reason: 'import_replace',
      created_at: ctx.clock.now().toISOString(),
      created_by: actorOverride ? actorOverride.id : (ctx.actor?.userId ?? null),
    })
    .execute();
  return { id, sha256: ref.sha256 };
}

/**
 * Writes a validated ledger into a station in one transaction with one audit record. Callers check scope and the
 * ledger first (`importLedger`; the demo seed and the CLI, which act as the system).
 */
export async function writeStationLedger(
  ctx: Ctx,
  station: StationTable,
  ledger: Ledger,
  replace: boolean,
  actorOverride?: { id: string | null; name: string | null; role: string | null },
): Promise<Record<string, number>> {
  return writeTx(ctx, async (tx, audit) => {
    const existing = await stationRecordCount(tx, station.id);
    if (existing > 0 && !replace) {
      throw conflict(`该站点已有 ${existing} 条台账记录；如需以导入文件替换，请选择“替换现有台账”后重试`);
    }
    const snapshot = existing > 0 ? await snapshotLedger(ctx, tx, station, actorOverride) : null;
    if (existing > 0) await clearStation(tx, station.id);
    const c = await writeLedger(ctx, tx, station, ledger);
    await touchStations(tx, [station.id]);
    await audit.record({
      entity: 'station',
      entityId: station.id,
      action: 'import_ledger',
      summary: `导入台账到“${station.name}”：${Object.entries(c)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n} 条`)
        .join('，')}${snapshot ? `（替换原有 ${existing} 条记录，原台账留档 ${snapshot.id}）` : ''}`,
      after: {
        counts: c,
        replaced: existing,
        ...(snapshot ? { ledger_snapshot_id: snapshot.id, ledger_snapshot_sha256: snapshot.sha256 } : {}),
      },
      actorOverride,
    });
    return c;
  });
}

/**
 * Imports a ledger (already parsed from JSON or Excel) into a station: every problem is reported and nothing is
 * written, or all of it is written in one transaction with one audit record. A station that already has records is
 * refused unless `replace` is given, which deletes them in the same transaction.
 */
export async function importLedger(
  ctx: Ctx,
  stationId: string,
  value: unknown,
  opts: { replace: boolean; dryRun?: boolean; preProblems?: ImportProblem[] },
): Promise<ImportReport> {
  const station = await requireStation(ctx, stationId);
  const years = new Set((await ctx.db.selectFrom('program_years').select('year').execute()).map((r) => r.year));
  const parsed = parseLedger(value, (y) => years.has(y));
  const pre = opts.preProblems ?? [];
  if (!parsed.ok || pre.length) {
    const errors = [
      ...pre,
      ...(parsed.ok
        ? []
        : parsed.problems.map((p) => {
            const i = p.indexOf(': ');
            return { path: p.slice(0, i), message: p.slice(i + 2) };
          })),
    ];
    return { ok: false, errors, warnings: [], counts: {} };
  }
  const policy = await loadPolicy(ctx.db, station.program_year);
  const { errors, warnings } = importChecks(parsed.ledger, station, await moneyContext(ctx.db, station, policy));
  if (errors.length) return { ok: false, errors, warnings, counts: {} };
  if (opts.dryRun) return { ok: true, errors, warnings, counts: ledgerCounts(parsed.ledger) };
  const counts = await writeStationLedger(ctx, station, parsed.ledger, opts.replace);
  return { ok: true, errors: [], warnings, counts };
}
