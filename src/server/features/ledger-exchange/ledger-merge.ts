import type { Kysely } from 'kysely';
import type { Ledger } from '../../../domain/ledger/schema';
import { normalizeUscc } from '../../../domain/uscc';
import { conflict } from '../../../shared/errors';
import type { AuditEntity } from '../../../shared/labels';
import type { ImportLossDto, ImportProblemDto, ImportSheetPlanDto } from '../../../shared/schemas/ledger';
import type { AuditRecorder } from '../../audit/audit';
import type { Database, Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';
import { expenseRows, type MoneyContext, stationBudgetRow } from '../funds/expense-import';
import { TABLE_SHEETS } from './ledger-excel.layout';
import { stationRecordRows } from './ledger-import.rows';

// Import that merges (issue #13, decision 022): a station records its year from Excel in batches and imports its own
// export again and again. Records are matched by their natural keys, new ones are added, changed ones updated in place
// (keeping their id, so evidence files, vouchers and scans stay attached), unchanged ones left alone. Replace is the
// same plan plus deleting what the file no longer lists, and the plan names exactly what that loses.

type Row = Record<string, unknown>;
type Db = Database | Tx;

/** The tables a ledger's records are matched in; the event link tables follow their event. */
type MergeTable =
  | 'station_enterprises'
  | 'contacts'
  | 'demands'
  | 'experts'
  | 'events'
  | 'press_releases'
  | 'cooperations'
  | 'outcomes'
  | 'achievements'
  | 'reports'
  | 'expenses';
type LinkTable = 'event_experts' | 'event_enterprises' | 'event_evidence' | 'expense_vouchers';
type PlainRows = Kysely<Record<MergeTable | LinkTable, Row>>;

interface MergeSpec {
  table: MergeTable;
  /** the ledger array (and Excel sheet) the records come from */
  sheet: string;
  entity: AuditEntity;
  /** the natural key: what makes a row of the file the same record as a row of the station */
  key: (r: Row) => string;
  /** columns the ledger does not carry (personal data, uploaded scans): never overwritten by an import */
  keep?: readonly string[];
  /** how the preview names a record */
  name: (r: Row) => string;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Keys as docs/ledger-format.md §2 gives them: USCC; a record's ledger number; else what the record is about. */
const SPECS: readonly MergeSpec[] = [
  {
    table: 'station_enterprises',
    sheet: 'enterprises',
    entity: 'station_enterprise',
    key: (r) => s(r.enterprise_id),
    name: (r) => `${s(r._name)}（${s(r._uscc)}）`,
  },
  {
    table: 'contacts',
    sheet: 'contacts',
    entity: 'contact',
    key: (r) => `${s(r.uscc)}|${s(r.date)}|${s(r.mode)}`,
    name: (r) => `${s(r.date)} ${s(r.uscc)}`,
  },
  {
    table: 'demands',
    sheet: 'demands',
    entity: 'demand',
    key: (r) => s(r.ref),
    name: (r) => `${s(r.ref)} ${s(r.title)}`,
  },
  {
    table: 'experts',
    sheet: 'experts',
    entity: 'expert',
    key: (r) => s(r.ref),
    keep: ['id_card_enc', 'id_card_masked', 'bank_account_enc', 'bank_account_masked', 'bank_name'],
    name: (r) => `${s(r.ref)} ${s(r.name)}`,
  },
  { table: 'events', sheet: 'events', entity: 'event', key: (r) => s(r.ref), name: (r) => `${s(r.ref)} ${s(r.title)}` },
  {
    table: 'press_releases',
    sheet: 'pressReleases',
    entity: 'press_release',
    key: (r) => `${s(r.title)}|${s(r.date)}`,
    name: (r) => `${s(r.date)} ${s(r.title)}`,
  },
  {
    table: 'cooperations',
    sheet: 'cooperations',
    entity: 'cooperation',
    key: (r) => `${s(r.title)}|${s(r.date)}`,
    name: (r) => `${s(r.date)} ${s(r.title)}`,
  },
  {
    table: 'outcomes',
    sheet: 'outcomes',
    entity: 'outcome',
    key: (r) => `${s(r.title)}|${s(r.date)}`,
    name: (r) => `${s(r.date)} ${s(r.title)}`,
  },
  {
    table: 'achievements',
    sheet: 'achievements',
    entity: 'achievement',
    key: (r) => `${s(r.title)}|${s(r.university)}`,
    name: (r) => `${s(r.title)}（${s(r.university)}）`,
  },
  {
    table: 'reports',
    sheet: 'reports',
    entity: 'report',
    key: (r) => `${s(r.kind)}|${s(r.title)}`,
    keep: ['attachment_id'],
    name: (r) => s(r.title),
  },
  {
    table: 'expenses',
    sheet: 'expenses',
    entity: 'expense',
    key: (r) => s(r.ref),
    keep: ['created_by'],
    name: (r) => `${s(r.ref)} ${s(r.item)}`,
  },
];

const STAMPS = new Set(['id', 'station_id', 'created_at', 'updated_at', 'version']);

/** Equal as stored: PostgreSQL may answer a count or an integer as text, SQLite as a number. */
const norm = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function changedColumns(spec: MergeSpec, before: Row, incoming: Row): Row {
  const set: Row = {};
  for (const c of Object.keys(incoming)) {
    if (STAMPS.has(c) || spec.keep?.includes(c)) continue;
    if (norm(before[c]) !== norm(incoming[c])) set[c] = incoming[c];
  }
  return set;
}

interface Update {
  spec: MergeSpec;
  before: Row;
  /** changed columns (empty when only the event's links changed) */
  set: Row;
  /** the event's experts, enterprises or evidence changed */
  links?: { before: Row; after: Row };
}

interface TablePlan {
  spec: MergeSpec;
  added: Row[];
  updated: Update[];
  unchanged: number;
  deleted: Row[];
  /** the file's row id → the id it is stored under (the matched record's, else its own) */
  ids: Map<string, string>;
}

/** Pairs the file's rows with the station's by key, in order: a key listed twice matches two records. */
function matchRows({
  spec,
  existing,
  incoming,
  replace,
}: {
  spec: MergeSpec;
  existing: Row[];
  incoming: Row[];
  replace: boolean;
}): TablePlan & { pairs: Array<[Row, Row]> } {
  const queue = new Map<string, Row[]>();
  for (const r of existing) {
    const k = spec.key(r);
    queue.set(k, [...(queue.get(k) ?? []), r]);
  }
  const plan = {
    spec,
    added: [] as Row[],
    updated: [] as Update[],
    unchanged: 0,
    deleted: [] as Row[],
    ids: new Map<string, string>(),
    pairs: [] as Array<[Row, Row]>,
  };
  for (const row of incoming) {
    const match = queue.get(spec.key(row))?.shift();
    if (!match) {
      plan.added.push(row);
      plan.ids.set(row.id as string, row.id as string);
      continue;
    }
    plan.ids.set(row.id as string, match.id as string);
    plan.pairs.push([match, row]);
  }
  if (replace) for (const rest of queue.values()) plan.deleted.push(...rest);
  return plan;
}

async function existingRows(db: Db, { table, stationId }: { table: MergeTable; stationId: string }): Promise<Row[]> {
  if (table === 'station_enterprises') {
    return db
      .selectFrom('station_enterprises as se')
      .innerJoin('enterprises as e', 'e.id', 'se.enterprise_id')
      .selectAll('se')
      .select(['e.uscc as _uscc', 'e.name as _name'])
      .where('se.station_id', '=', stationId)
      .orderBy('se.id')
      .execute() as Promise<Row[]>;
  }
  return (db as unknown as PlainRows)
    .selectFrom(table)
    .selectAll()
    .where('station_id', '=', stationId)
    .orderBy('id')
    .execute();
}

interface EventLinks {
  experts: Map<string, string[]>;
  enterprises: Map<string, string[]>;
  evidence: Map<string, Row[]>;
}

function byEvent<T>(rows: Row[], value: (r: Row) => T): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = r.event_id as string;
    m.set(k, [...(m.get(k) ?? []), value(r)]);
  }
  return m;
}

async function existingLinks(db: Db, stationId: string): Promise<EventLinks> {
  const events = db.selectFrom('events').select('id').where('station_id', '=', stationId);
  const experts = await db.selectFrom('event_experts').selectAll().where('event_id', 'in', events).execute();
  const enterprises = await db.selectFrom('event_enterprises').selectAll().where('event_id', 'in', events).execute();
  const evidence = await db
    .selectFrom('event_evidence')
    .selectAll()
    .where('event_id', 'in', events)
    .orderBy('id')
    .execute();
  return {
    experts: byEvent(experts, (r) => r.expert_id as string),
    enterprises: byEvent(enterprises, (r) => r.uscc as string),
    evidence: byEvent(evidence as Row[], (r) => r),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** What an import does to an event's links: links are facts of the file; an uploaded file is never removed. */
interface LinkOps {
  /** events whose expert / enterprise links are rewritten from the file */
  rewrite: Array<{ eventId: string; experts: Row[]; enterprises: Row[] }>;
  addEvidence: Row[];
  /** registered evidence kinds (no file) the file no longer lists */
  dropEvidence: string[];
}

export interface MergePlan {
  tables: TablePlan[];
  links: LinkOps;
  /** new links of added events */
  newLinks: { event_experts: Row[]; event_enterprises: Row[]; event_evidence: Row[] };
  sheets: ImportSheetPlanDto[];
  losses: { records: number; files: number; vouchers: number; items: ImportLossDto[] };
  warnings: ImportProblemDto[];
  budget: { row: Row; before: Row | null } | null;
}

export interface PlanMergeOptions {
  station: StationTable;
  ledger: Ledger;
  replace: boolean;
  /** normalised USCC → registry id (for a dry run, new codes get a placeholder) */
  enterpriseIds: ReadonlyMap<string, string>;
  /** codes whose registry entry (name, district, flags) the file changes */
  registryChanged: ReadonlySet<string>;
  money: MoneyContext;
  now: string;
}

const sheetLabel = (key: string) => TABLE_SHEETS.find((t) => t.key === key)?.name ?? key;

/**
 * What importing `ledger` into `station` would do, table by table, read from `db` (the import's transaction, or the
 * database for a preview). Nothing is written here: `applyMerge` writes the plan.
 */
export async function planMerge(db: Db, o: PlanMergeOptions): Promise<MergePlan> {
  const { station, ledger, replace, now } = o;
  const rows = stationRecordRows({ stationId: station.id, ledger, enterpriseIds: o.enterpriseIds, now });
  const codeOf = new Map([...o.enterpriseIds].map(([code, id]) => [id, code]));
  const names = new Map(ledger.enterprises.map((e) => [normalizeUscc(e.uscc), e.name]));
  for (const r of rows.station_enterprises) {
    r._uscc = codeOf.get(r.enterprise_id as string);
    r._name = names.get(r._uscc as string);
  }
  const tables: TablePlan[] = [];
  const byTable = new Map<MergeTable, TablePlan & { pairs: Array<[Row, Row]> }>();
  const links = await existingLinks(db, station.id);
  const linkOps: LinkOps = { rewrite: [], addEvidence: [], dropEvidence: [] };
  const warnings: ImportProblemDto[] = [];
  for (const spec of SPECS) {
    if (spec.table === 'expenses') continue;
    const existing = await existingRows(db, { table: spec.table, stationId: station.id });
    const m = matchRows({ spec, existing, incoming: rows[spec.table], replace });
    byTable.set(spec.table, m);
  }
  const expertIds = byTable.get('experts')!.ids;
  const eventIds = byTable.get('events')!.ids;
  const remap = (r: Row): Row => ({
    ...r,
    event_id: eventIds.get(r.event_id as string) ?? r.event_id,
    ...(r.expert_id ? { expert_id: expertIds.get(r.expert_id as string) ?? r.expert_id } : {}),
  });
  const incomingLinks = {
    event_experts: rows.event_experts.map(remap),
    event_enterprises: rows.event_enterprises.map(remap),
    event_evidence: rows.event_evidence.map(remap),
  };
  const matchedEvents = new Set(byTable.get('events')!.pairs.map(([before]) => before.id as string));
  const isNew = (r: Row) => !matchedEvents.has(r.event_id as string);
  const newLinks = {
    event_experts: incomingLinks.event_experts.filter(isNew),
    event_enterprises: incomingLinks.event_enterprises.filter(isNew),
    event_evidence: incomingLinks.event_evidence.filter(isNew),
  };
  const inExperts = byEvent(incomingLinks.event_experts, (r) => r.expert_id as string);
  const inEnterprises = byEvent(incomingLinks.event_enterprises, (r) => r.uscc as string);
  const inEvidence = byEvent(incomingLinks.event_evidence, (r) => r);

  // Expenses name their payee by the expert's ledger number: the expert's stored id once experts are matched.
  const expenseExpertIds = new Map(rows.experts.map((x) => [x.ref as string, expertIds.get(x.id as string)!]));
  const incomingExpenses = expenseRows({
    stationId: station.id,
    ledger,
    expertIds: expenseExpertIds,
    policy: o.money.policy,
    periodEnd: station.period_end,
    now,
  }) as unknown as Row[];
  const expenseSpec = SPECS.find((x) => x.table === 'expenses')!;
  const existingExpenses = await existingRows(db, { table: 'expenses', stationId: station.id });
  byTable.set(
    'expenses',
    matchRows({ spec: expenseSpec, existing: existingExpenses, incoming: incomingExpenses, replace }),
  );

  for (const spec of SPECS) {
    const m = byTable.get(spec.table)!;
    for (const [before, incoming] of m.pairs) {
      const set = changedColumns(spec, before, incoming);
      let linkChange: Update['links'];
      if (spec.table === 'events') {
        linkChange = eventLinkChanges({
          event: before,
          links,
          incoming: { experts: inExperts, enterprises: inEnterprises, evidence: inEvidence },
          ops: linkOps,
          warnings,
        });
      }
      if (Object.keys(set).length || linkChange) m.updated.push({ spec, before, set, links: linkChange });
      else m.unchanged += 1;
    }
    tables.push(m);
  }

  await keepReferenced(db, { existingExpenses, byTable, warnings });
  const losses = await lossesOf(db, { tables, links });
  const sheets = tables.map((t) => {
    // A registry change (name, district, flags) of a listed enterprise is an update of the 企业名录 sheet.
    const registryOnly =
      t.spec.table === 'station_enterprises'
        ? byTable
            .get('station_enterprises')!
            .pairs.filter(
              ([b, i]) => o.registryChanged.has(s(b._uscc)) && !Object.keys(changedColumns(t.spec, b, i)).length,
            ).length
        : 0;
    return {
      key: t.spec.sheet,
      label: sheetLabel(t.spec.sheet),
      added: t.added.length,
      updated: t.updated.length + registryOnly,
      unchanged: t.unchanged - registryOnly,
      deleted: t.deleted.length,
    };
  });
  const budget = await budgetPlan(db, o);
  return { tables, links: linkOps, newLinks, sheets, losses, warnings, budget };
}

interface EventLinkChangesOptions {
  event: Row;
  links: EventLinks;
  incoming: { experts: Map<string, string[]>; enterprises: Map<string, string[]>; evidence: Map<string, Row[]> };
  ops: LinkOps;
  warnings: ImportProblemDto[];
}

/** The link changes of a matched event; null when the file lists the same experts, enterprises and evidence. */
function eventLinkChanges({ event, links, incoming, ops, warnings }: EventLinkChangesOptions): Update['links'] {
  const id = event.id as string;
  const beforeExperts = links.experts.get(id) ?? [];
  const afterExperts = incoming.experts.get(id) ?? [];
  const beforeEnterprises = links.enterprises.get(id) ?? [];
  const afterEnterprises = incoming.enterprises.get(id) ?? [];
  const stored = links.evidence.get(id) ?? [];
  const wanted = new Set((incoming.evidence.get(id) ?? []).map((r) => r.kind as string));
  const storedKinds = new Set(stored.map((r) => r.kind as string));
  const add = (incoming.evidence.get(id) ?? []).filter((r) => !storedKinds.has(r.kind as string));
  const drop = stored.filter((r) => !wanted.has(r.kind as string) && !r.attachment_id);
  for (const r of stored) {
    if (!wanted.has(r.kind as string) && r.attachment_id) {
      warnings.push({
        path: '',
        sheet: sheetLabel('events'),
        message: `活动 ${s(event.ref)} 已上传“${s(r.kind)}”类佐证文件，导入文件未列出该类佐证：文件予以保留（第十三条）`,
      });
    }
  }
  const relink = !sameSet(beforeExperts, afterExperts) || !sameSet(beforeEnterprises, afterEnterprises);
  if (!relink && !add.length && !drop.length) return undefined;
  if (relink) {
    ops.rewrite.push({
      eventId: id,
      experts: afterExperts.map((x) => ({ event_id: id, expert_id: x })),
      enterprises: afterEnterprises.map((u) => ({ event_id: id, uscc: u })),
    });
  }
  ops.addEvidence.push(...add);
  ops.dropEvidence.push(...drop.map((r) => r.id as string));
  const keptKinds = [...new Set([...storedKinds].filter((k) => !drop.some((r) => r.kind === k)))];
  return {
    before: { experts: beforeExperts, enterprises: beforeEnterprises, evidence: [...storedKinds] },
    after: {
      experts: afterExperts,
      enterprises: afterEnterprises,
      evidence: [...keptKinds, ...add.map((r) => r.kind)],
    },
  };
}

/**
 * A replace never deletes what others point at: an expense that an inspection samples or a finding names
 * (第十九条), or an expert that a kept expense pays. They stay, and the import says so.
 */
async function keepReferenced(
  db: Db,
  {
    existingExpenses,
    byTable,
    warnings,
  }: { existingExpenses: Row[]; byTable: Map<MergeTable, TablePlan>; warnings: ImportProblemDto[] },
): Promise<void> {
  const expenses = byTable.get('expenses')!;
  if (expenses.deleted.length) {
    const ids = expenses.deleted.map((r) => r.id as string);
    const named = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const f = await db
        .selectFrom('inspection_findings')
        .select('expense_id')
        .where('expense_id', 'in', chunk)
        .execute();
      const r = await db
        .selectFrom('inspection_targets')
        .select('expense_id')
        .where('expense_id', 'in', chunk)
        .execute();
      for (const x of [...f, ...r]) if (x.expense_id) named.add(x.expense_id);
    }
    expenses.deleted = expenses.deleted.filter((r) => {
      if (!named.has(r.id as string)) return true;
      warnings.push({
        path: '',
        sheet: sheetLabel('expenses'),
        message: `支出 ${s(r.ref)} 已被监督检查的抽查对象或问题引用，替换导入不删除该支出`,
      });
      return false;
    });
  }
  const experts = byTable.get('experts')!;
  if (!experts.deleted.length) return;
  const gone = new Set(expenses.deleted.map((r) => r.id as string));
  const paid = new Set<string>();
  for (const r of existingExpenses) {
    if (!gone.has(r.id as string) && r.payee_expert_id) paid.add(r.payee_expert_id as string);
  }
  for (const r of expenses.added) if (r.payee_expert_id) paid.add(r.payee_expert_id as string);
  for (const u of expenses.updated) {
    const v = 'payee_expert_id' in u.set ? u.set.payee_expert_id : u.before.payee_expert_id;
    if (v) paid.add(v as string);
  }
  experts.deleted = experts.deleted.filter((r) => {
    if (!paid.has(r.id as string)) return true;
    warnings.push({
      path: '',
      sheet: sheetLabel('experts'),
      message: `专家 ${s(r.ref)} 是保留支出的收款人，替换导入不删除该专家`,
    });
    return false;
  });
}

/** Exactly what a replace would lose: the deleted records, and the files and vouchers attached to them. */
async function lossesOf(
  db: Db,
  { tables, links }: { tables: TablePlan[]; links: EventLinks },
): Promise<MergePlan['losses']> {
  const items: ImportLossDto[] = [];
  let records = 0;
  let files = 0;
  let vouchers = 0;
  const expenses = tables.find((t) => t.spec.table === 'expenses')!;
  const voucherCount = new Map<string, number>();
  const ids = expenses.deleted.map((r) => r.id as string);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('expense_vouchers')
      .select(['expense_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('expense_id', 'in', ids.slice(i, i + 500))
      .groupBy('expense_id')
      .execute();
    for (const r of rows) voucherCount.set(r.expense_id, Number(r.n));
  }
  for (const t of tables) {
    for (const r of t.deleted) {
      records += 1;
      const f =
        t.spec.table === 'events'
          ? (links.evidence.get(r.id as string) ?? []).filter((e) => e.attachment_id).length
          : t.spec.table === 'reports' && r.attachment_id
            ? 1
            : 0;
      const v = t.spec.table === 'expenses' ? (voucherCount.get(r.id as string) ?? 0) : 0;
      files += f;
      vouchers += v;
      items.push({ sheet: sheetLabel(t.spec.sheet), name: t.spec.name(r), files: f, vouchers: v });
    }
  }
  // The list shows the records that carry files first: those are what a user cannot type in again.
  items.sort((a, b) => b.files + b.vouchers - (a.files + a.vouchers));
  return { records, files, vouchers, items: items.slice(0, 500) };
}

/** A station without an agreement keeps the ledger's own budget (第十一条: an agreement's budget is not the file's). */
async function budgetPlan(db: Db, o: PlanMergeOptions): Promise<MergePlan['budget']> {
  if (o.money.agreement || !o.ledger.funds) return null;
  const row = stationBudgetRow(o.station.id, o.ledger, o.now) as Row | null;
  if (!row) return null;
  const before = (await db
    .selectFrom('station_budgets')
    .selectAll()
    .where('station_id', '=', o.station.id)
    .executeTakeFirst()) as Row | undefined;
  if (before && norm(before.granted_fen) === norm(row.granted_fen) && before.budget_json === row.budget_json)
    return null;
  return { row, before: before ?? null };
}

const CHUNK = 200;
async function insertRows(tx: Tx, { table, rows }: { table: MergeTable | LinkTable; rows: Row[] }): Promise<void> {
  const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_'))));
  for (let i = 0; i < clean.length; i += CHUNK) {
    await (tx as unknown as PlainRows)
      .insertInto(table)
      .values(clean.slice(i, i + CHUNK))
      .execute();
  }
}

async function deleteWhereIn(
  tx: Tx,
  { table, column, ids }: { table: MergeTable | LinkTable; column: string; ids: string[] },
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await (tx as unknown as PlainRows)
      .deleteFrom(table)
      .where(column as never, 'in', ids.slice(i, i + 500) as never)
      .execute();
  }
}

const STALE = '台账记录在导入过程中已被他人修改，未导入任何记录；请重新校验后再导入';

/** Writes a plan: added rows, updates by compare-and-set on `version` (each audited before/after), then deletes. */
export async function applyMerge(
  tx: Tx,
  { plan, audit, now }: { plan: MergePlan; audit: AuditRecorder; now: string },
): Promise<void> {
  const order: MergeTable[] = [
    'station_enterprises',
    'contacts',
    'demands',
    'experts',
    'events',
    'press_releases',
    'cooperations',
    'outcomes',
    'achievements',
    'reports',
    'expenses',
  ];
  const plans = new Map(plan.tables.map((t) => [t.spec.table, t]));
  for (const table of order) await insertRows(tx, { table, rows: plans.get(table)!.added });
  await insertRows(tx, { table: 'event_experts', rows: plan.newLinks.event_experts });
  await insertRows(tx, { table: 'event_enterprises', rows: plan.newLinks.event_enterprises });
  await insertRows(tx, { table: 'event_evidence', rows: plan.newLinks.event_evidence });
  for (const table of order) {
    for (const u of plans.get(table)!.updated) {
      const res = await (tx as unknown as PlainRows)
        .updateTable(table)
        .set({ ...u.set, updated_at: now, version: Number(u.before.version) + 1 })
        .where('id' as never, '=', u.before.id as never)
        .where('version' as never, '=', u.before.version as never)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict(STALE);
      const before = Object.fromEntries(Object.keys(u.set).map((k) => [k, u.before[k]]));
      await audit.record({
        entity: u.spec.entity,
        entityId: u.before.id as string,
        action: 'update',
        summary: `导入台账时更新${sheetLabel(u.spec.sheet)}“${u.spec.name({ ...u.before, ...u.set })}”`,
        before: { ...before, ...(u.links?.before ?? {}) },
        after: { ...u.set, ...(u.links?.after ?? {}) },
      });
    }
  }
  const rewritten = plan.links.rewrite.map((r) => r.eventId);
  await deleteWhereIn(tx, { table: 'event_experts', column: 'event_id', ids: rewritten });
  await deleteWhereIn(tx, { table: 'event_enterprises', column: 'event_id', ids: rewritten });
  await insertRows(tx, { table: 'event_experts', rows: plan.links.rewrite.flatMap((r) => r.experts) });
  await insertRows(tx, { table: 'event_enterprises', rows: plan.links.rewrite.flatMap((r) => r.enterprises) });
  await insertRows(tx, { table: 'event_evidence', rows: plan.links.addEvidence });
  await deleteWhereIn(tx, { table: 'event_evidence', column: 'id', ids: plan.links.dropEvidence });
  if (plan.budget) {
    if (plan.budget.before) {
      const { station_id, ...set } = plan.budget.row;
      await tx
        .updateTable('station_budgets')
        .set({ ...set, version: Number(plan.budget.before.version) + 1 })
        .where('station_id', '=', station_id as string)
        .execute();
    } else {
      await tx
        .insertInto('station_budgets')
        .values(plan.budget.row as never)
        .execute();
    }
  }
  // Deletes (replace only): links first, then the records that others reference last.
  const gone = (t: MergeTable) => plans.get(t)!.deleted.map((r) => r.id as string);
  const events = gone('events');
  for (const t of ['event_experts', 'event_enterprises', 'event_evidence'] as const) {
    await deleteWhereIn(tx, { table: t, column: 'event_id', ids: events });
  }
  await deleteWhereIn(tx, { table: 'event_experts', column: 'expert_id', ids: gone('experts') });
  await deleteWhereIn(tx, { table: 'expense_vouchers', column: 'expense_id', ids: gone('expenses') });
  for (const table of [...order].reverse()) await deleteWhereIn(tx, { table, column: 'id', ids: gone(table) });
}

/** The counts of a plan for the import's audit row and the CLI: records per ledger array, as written. */
export function planCounts(plan: MergePlan): Record<string, { added: number; updated: number; deleted: number }> {
  return Object.fromEntries(
    plan.sheets.map((x) => [x.key, { added: x.added, updated: x.updated, deleted: x.deleted }]),
  );
}
