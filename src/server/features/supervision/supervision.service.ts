import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { decide, type Machine } from '../../../domain/lifecycle/machine';
import { formatYuan } from '../../../domain/money';
import {
  findingMachine,
  groundLabel,
  INSPECTION_ARTICLE,
  inspectionMachine,
  paymentAction,
  type RecoveryState,
  recoveryMachine,
  sample,
  VIOLATION_ARTICLE,
  type ViolationGround,
} from '../../../domain/supervision/supervision';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import { lockedRow, lockStation } from '../../db/locks';
import type { InspectionFindingTable, InspectionTable, RecoveryOrderTable } from '../../db/schema';
import { containsCi, type Page, paginate } from '../../http/paging';
import { shanghaiDate } from '../../scope';
import { requireStation } from '../ledger/station-access';
import { loadPolicy } from '../program-years/program-years.service';

// The Center's supervision (issue #5): inspections (第十九条) with their findings, and the recovery of funds
// (第十八条). Every step goes through a machine of src/domain/supervision, is audited in its transaction and is
// version-checked. Hosts, districts and auditors see their stations' findings and orders through the station scope.

export const INSPECTION_KINDS = { scheduled: '计划检查', unannounced: '不定期抽查' } as const;
export const FINDING_KINDS = { rectification: '整改要求', violation: '违规问题' } as const;

export interface FindingDto {
  id: string;
  inspectionId: string;
  inspectionTitle?: string;
  stationId: string;
  stationName: string;
  kind: string;
  kindLabel: string;
  ground: string | null;
  groundLabel: string;
  description: string;
  dueOn: string | null;
  overdue: boolean;
  expenseId: string | null;
  expenseRef: string | null;
  status: string;
  statusLabel: string;
  response: string | null;
  respondedAt: string | null;
  closingNote: string | null;
  createdAt: string;
  version: number;
}

export interface RecoveryOrderDto {
  id: string;
  stationId: string;
  stationName: string;
  findingId: string;
  ground: string;
  groundLabel: string;
  amountFen: number;
  paidFen: number;
  owedFen: number;
  dueOn: string;
  overdue: boolean;
  responsiblePerson: string;
  status: string;
  statusLabel: string;
  closingNote: string | null;
  payments: Array<{ id: string; paidOn: string; amountFen: number; note: string | null }>;
  createdAt: string;
  version: number;
}

export interface InspectionSummaryDto {
  id: string;
  programYear: number;
  title: string;
  kind: string;
  kindLabel: string;
  plannedOn: string;
  status: string;
  statusLabel: string;
  sampleNote: string | null;
  stationCount: number;
  findingCount: number;
  version: number;
}

export interface InspectionDto extends InspectionSummaryDto {
  summary: string | null;
  completedOn: string | null;
  targets: Array<{
    stationId: string;
    stationName: string;
    expenses: Array<{
      id: string;
      ref: string;
      date: string;
      amountFen: number;
      payee: string;
      purpose: string | null;
    }>;
  }>;
  findings: FindingDto[];
  orders: RecoveryOrderDto[];
}

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

function findingDto(
  r: InspectionFindingTable & { station_name: string; expense_ref: string | null; inspection_title?: string },
  on: string,
): FindingDto {
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    ...(r.inspection_title ? { inspectionTitle: r.inspection_title } : {}),
    stationId: r.station_id,
    stationName: r.station_name,
    kind: r.kind,
    kindLabel: FINDING_KINDS[r.kind as keyof typeof FINDING_KINDS] ?? r.kind,
    ground: r.ground,
    groundLabel: groundLabel(r.ground),
    description: r.description,
    dueOn: r.due_on,
    overdue: !!r.due_on && r.status === 'open' && r.due_on < on,
    expenseId: r.expense_id,
    expenseRef: r.expense_ref,
    status: r.status,
    statusLabel: findingMachine.stateLabels[r.status as 'open'] ?? r.status,
    response: r.response,
    respondedAt: r.responded_at,
    closingNote: r.closing_note,
    createdAt: r.created_at,
    version: r.version,
  };
}

async function findingsWhere(ctx: Ctx, col: 'f.inspection_id' | 'f.station_id', value: string) {
  const rows = await ctx.db
    .selectFrom('inspection_findings as f')
    .innerJoin('stations as s', 's.id', 'f.station_id')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .leftJoin('expenses as x', 'x.id', 'f.expense_id')
    .selectAll('f')
    .select(['s.name as station_name', 'x.ref as expense_ref', 'i.title as inspection_title'])
    .where(col, '=', value)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const on = today(ctx);
  return rows.map((r) => findingDto(r, on));
}

function ordersQuery(ctx: Ctx, filter: { stationId?: string; inspectionId?: string; status?: string; q?: string }) {
  let q = ctx.db
    .selectFrom('recovery_orders as o')
    .innerJoin('stations as s', 's.id', 'o.station_id')
    .innerJoin('inspection_findings as f', 'f.id', 'o.finding_id')
    .selectAll('o')
    .select('s.name as station_name');
  if (filter.stationId) q = q.where('o.station_id', '=', filter.stationId);
  if (filter.inspectionId) q = q.where('f.inspection_id', '=', filter.inspectionId);
  if (filter.status) q = q.where('o.status', '=', filter.status);
  if (filter.q) q = q.where(containsCi('s.name', filter.q));
  return q;
}

async function withPayments(ctx: Ctx, rows: Array<RecoveryOrderTable & { station_name: string }>) {
  const payments = rows.length
    ? await ctx.db
        .selectFrom('recovery_payments')
        .selectAll()
        .where(
          'order_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('paid_on')
        .orderBy('id')
        .execute()
    : [];
  const on = today(ctx);
  return rows.map((r) => orderDto(r, payments, on));
}

async function ordersWhere(ctx: Ctx, filter: { stationId?: string; inspectionId?: string }) {
  const rows = await ordersQuery(ctx, filter).orderBy('o.created_at').orderBy('o.id').execute();
  return withPayments(ctx, rows);
}

function orderDto(
  r: RecoveryOrderTable & { station_name: string },
  payments: Array<{ id: string; order_id: string; paid_on: string; amount_fen: number; note: string | null }>,
  on: string,
): RecoveryOrderDto {
  const amount = Number(r.amount_fen);
  const paid = Number(r.paid_fen);
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    findingId: r.finding_id,
    ground: r.ground,
    groundLabel: groundLabel(r.ground),
    amountFen: amount,
    paidFen: paid,
    owedFen: amount - paid,
    dueOn: r.due_on,
    overdue: (r.status === 'issued' || r.status === 'partly_paid') && r.due_on < on,
    responsiblePerson: r.responsible_person,
    status: r.status,
    statusLabel: recoveryMachine.stateLabels[r.status as RecoveryState] ?? r.status,
    closingNote: r.closing_note,
    payments: payments
      .filter((p) => p.order_id === r.id)
      .map((p) => ({ id: p.id, paidOn: p.paid_on, amountFen: Number(p.amount_fen), note: p.note })),
    createdAt: r.created_at,
    version: r.version,
  };
}

// --- Inspections -------------------------------------------------------------------------------------------------

export async function listInspections(
  ctx: Ctx,
  f: { year?: number; status?: string; q?: string },
  page: { page: number; pageSize: number },
): Promise<Page<InspectionSummaryDto>> {
  let qb = ctx.db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select((eb) => [
      eb
        .selectFrom('inspection_targets as t')
        .select((e) => e.fn.count<number>('t.station_id').distinct().as('n'))
        .whereRef('t.inspection_id', '=', 'i.id')
        .as('station_count'),
      eb
        .selectFrom('inspection_findings as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.inspection_id', '=', 'i.id')
        .as('finding_count'),
    ]);
  if (f.year) qb = qb.where('i.program_year', '=', f.year);
  if (f.status) qb = qb.where('i.status', '=', f.status);
  if (f.q) qb = qb.where(containsCi('i.title', f.q));
  return paginate(qb, {
    ...page,
    map: (r) => summaryDto(r as InspectionTable & { station_count: number; finding_count: number }),
    orderBy: (q) => q.orderBy('i.planned_on', 'desc').orderBy('i.id', 'desc'),
  });
}

function summaryDto(r: InspectionTable & { station_count: number; finding_count: number }): InspectionSummaryDto {
  return {
    id: r.id,
    programYear: r.program_year,
    title: r.title,
    kind: r.kind,
    kindLabel: INSPECTION_KINDS[r.kind as keyof typeof INSPECTION_KINDS] ?? r.kind,
    plannedOn: r.planned_on,
    status: r.status,
    statusLabel: inspectionMachine.stateLabels[r.status as 'planned'] ?? r.status,
    sampleNote: r.sample_note,
    stationCount: Number(r.station_count ?? 0),
    findingCount: Number(r.finding_count ?? 0),
    version: r.version,
  };
}

export interface InspectionInput {
  programYear: number;
  title: string;
  kind: keyof typeof INSPECTION_KINDS;
  plannedOn: string;
  /** chosen stations; or, when empty, a random sample of `sampleStations` of the year's stations */
  stationIds: string[];
  sampleStations?: number;
  /** a random sample of this many expenses per station to examine (0: none) */
  sampleExpenses?: number;
}

export async function createInspection(ctx: Ctx, input: InspectionInput): Promise<InspectionDto> {
  await loadPolicy(ctx.db, input.programYear).catch(() => {
    throw invalid([{ path: 'programYear', message: `${input.programYear} 年度不存在` }]);
  });
  const yearStations = await ctx.db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('program_year', '=', input.programYear)
    .orderBy('id')
    .execute();
  let chosen: typeof yearStations;
  const notes: string[] = [];
  if (input.stationIds.length && input.sampleStations)
    throw invalid([{ path: 'sampleStations', message: '已选择检查站点时不能再随机抽取站点，请二选一' }]);
  if (input.stationIds.length) {
    chosen = yearStations.filter((s) => input.stationIds.includes(s.id));
    if (chosen.length !== new Set(input.stationIds).size)
      throw invalid([{ path: 'stationIds', message: `所选站点不属于 ${input.programYear} 年度` }]);
  } else {
    const n = input.sampleStations ?? 0;
    if (n < 1) throw invalid([{ path: 'stationIds', message: '请选择检查的站点，或填写随机抽取的站点数' }]);
    chosen = sample(yearStations, n, randomInt);
    notes.push(`从 ${yearStations.length} 个站点中随机抽取 ${chosen.length} 个`);
  }
  const perStation = input.sampleExpenses ?? 0;
  if (perStation > 0) notes.push(`每个站点随机抽取至多 ${perStation} 笔支出`);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const now = ctx.clock.now().toISOString();
    const row: InspectionTable = {
      id,
      program_year: input.programYear,
      title: input.title,
      kind: input.kind,
      planned_on: input.plannedOn,
      status: 'planned',
      sample_note: notes.length ? notes.join('；') : null,
      summary: null,
      completed_on: null,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('inspections').values(row).execute();
    for (const s of chosen) {
      await tx
        .insertInto('inspection_targets')
        .values({ id: uuidv7(), inspection_id: id, station_id: s.id, expense_id: null })
        .execute();
      if (perStation > 0) {
        const xs = await tx.selectFrom('expenses').select('id').where('station_id', '=', s.id).orderBy('id').execute();
        for (const x of sample(xs, perStation, randomInt)) {
          await tx
            .insertInto('inspection_targets')
            .values({ id: uuidv7(), inspection_id: id, station_id: s.id, expense_id: x.id })
            .execute();
        }
      }
    }
    await audit.record({
      entity: 'inspection',
      entityId: id,
      action: 'create',
      summary: `安排${INSPECTION_KINDS[input.kind]}“${input.title}”（${input.plannedOn}，${chosen.length} 个站点${notes.length ? `，${notes.join('；')}` : ''}，${INSPECTION_ARTICLE}）`,
      after: { ...row, stations: chosen.map((s) => s.name) },
    });
  });
  return getInspection(ctx, id);
}

async function requireInspection(db: Ctx['db'] | Tx, id: string): Promise<InspectionTable> {
  const row = await db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('检查');
  return row;
}

/** The inspection, row-locked on PostgreSQL for a check-then-write. */
async function lockedInspection(ctx: Ctx, tx: Tx, id: string): Promise<InspectionTable> {
  const row = await lockedRow(ctx, tx, 'inspections', id);
  if (!row) throw notFound('检查');
  return row;
}

export async function getInspection(ctx: Ctx, id: string): Promise<InspectionDto> {
  const row = await requireInspection(ctx.db, id);
  const targets = await ctx.db
    .selectFrom('inspection_targets as t')
    .innerJoin('stations as s', 's.id', 't.station_id')
    .leftJoin('expenses as x', 'x.id', 't.expense_id')
    .select(['t.station_id', 's.name', 't.expense_id', 'x.ref', 'x.date', 'x.amount_fen', 'x.payee_name', 'x.purpose'])
    .where('t.inspection_id', '=', id)
    .orderBy('s.type')
    .orderBy('s.district_code')
    .orderBy('t.id')
    .execute();
  const byStation = new Map<string, InspectionDto['targets'][number]>();
  for (const t of targets) {
    const s = byStation.get(t.station_id) ?? { stationId: t.station_id, stationName: t.name, expenses: [] };
    if (t.expense_id && t.ref)
      s.expenses.push({
        id: t.expense_id,
        ref: t.ref,
        date: t.date ?? '',
        amountFen: Number(t.amount_fen ?? 0),
        payee: t.payee_name ?? '',
        purpose: t.purpose,
      });
    byStation.set(t.station_id, s);
  }
  const findings = await findingsWhere(ctx, 'f.inspection_id', id);
  return {
    ...summaryDto({ ...row, station_count: byStation.size, finding_count: findings.length }),
    summary: row.summary,
    completedOn: row.completed_on,
    targets: [...byStation.values()],
    findings,
    orders: await ordersWhere(ctx, { inspectionId: id }),
  };
}

export interface FindingInput {
  stationId: string;
  kind: keyof typeof FINDING_KINDS;
  ground?: ViolationGround | null;
  description: string;
  dueOn?: string | null;
  expenseId?: string | null;
}

export async function addFinding(ctx: Ctx, inspectionId: string, input: FindingInput): Promise<InspectionDto> {
  const issues = [];
  if (input.kind === 'rectification' && !input.dueOn) issues.push({ path: 'dueOn', message: '整改要求须写明整改期限' });
  if (input.dueOn && input.dueOn < today(ctx)) issues.push({ path: 'dueOn', message: '整改期限不能早于今天' });
  if (input.kind === 'violation' && !input.ground)
    issues.push({ path: 'ground', message: `违规问题须写明属于${VIOLATION_ARTICLE}的哪一种情形` });
  if (issues.length) throw invalid(issues);
  await writeTx(ctx, async (tx, audit) => {
    const insp = await lockedInspection(ctx, tx, inspectionId);
    const d = decide(inspectionMachine, insp.status as 'planned', 'add_finding', ctx.actor!.role, {
      hasSummary: false,
    });
    if (!d.ok) throw conflict(d.reason);
    const target = await tx
      .selectFrom('inspection_targets as t')
      .innerJoin('stations as s', 's.id', 't.station_id')
      .select(['s.name'])
      .where('t.inspection_id', '=', inspectionId)
      .where('t.station_id', '=', input.stationId)
      .executeTakeFirst();
    if (!target) throw invalid([{ path: 'stationId', message: '该站点不在本次检查范围内' }]);
    if (input.expenseId) {
      const x = await tx
        .selectFrom('expenses')
        .select('id')
        .where('id', '=', input.expenseId)
        .where('station_id', '=', input.stationId)
        .executeTakeFirst();
      if (!x) throw invalid([{ path: 'expenseId', message: '所选支出不属于该站点' }]);
    }
    const now = ctx.clock.now().toISOString();
    const row: InspectionFindingTable = {
      id: uuidv7(),
      inspection_id: inspectionId,
      station_id: input.stationId,
      kind: input.kind,
      ground: input.kind === 'violation' ? (input.ground ?? null) : null,
      description: input.description,
      due_on: input.dueOn ?? null,
      expense_id: input.expenseId ?? null,
      status: 'open',
      response: null,
      responded_at: null,
      closing_note: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('inspection_findings').values(row).execute();
    await audit.record({
      entity: 'inspection',
      entityId: inspectionId,
      action: 'add_finding',
      summary: `“${insp.title}”登记${FINDING_KINDS[input.kind]}（${target.name}）：${input.description}${row.ground ? `（${groundLabel(row.ground)}）` : `（整改期限 ${row.due_on}，${INSPECTION_ARTICLE}）`}`,
      after: { ...row },
    });
  });
  return getInspection(ctx, inspectionId);
}

export async function completeInspection(ctx: Ctx, id: string, input: { version: number; summary: string }) {
  await writeTx(ctx, async (tx, audit) => {
    const insp = await lockedInspection(ctx, tx, id);
    if (insp.version !== input.version) throw conflict('该检查已被他人修改，请刷新后重试');
    const summary = input.summary.trim();
    await step(
      ctx,
      tx,
      audit,
      { table: 'inspections', entity: 'inspection', row: insp },
      inspectionMachine,
      'complete',
      { hasSummary: summary.length >= 2 },
      { summary, completed_on: today(ctx) },
      (article) => ({ summary: `完成检查“${insp.title}”（${article}）：${summary}` }),
    );
  });
  return getInspection(ctx, id);
}

// --- Findings: the host's rectification, the Center's closing -----------------------------------------------------

/** The finding, row-locked on PostgreSQL so that two decisions on one version cannot both pass the check. */
async function lockedFinding(ctx: Ctx, tx: Tx, id: string, version: number, stationId?: string) {
  const f = await lockedRow(ctx, tx, 'inspection_findings', id);
  // A finding of another station is as missing as one that does not exist (before any version check).
  if (!f || (stationId && f.station_id !== stationId)) throw notFound('检查发现');
  if (f.version !== version) throw conflict('该记录已被他人修改，请刷新后重试');
  return f;
}

/**
 * One step of a machine on a locked row: decide (409 with the article when refused), write the new status and
 * version with `set`, and audit it with the state before — in the caller's transaction.
 */
async function step<S extends string, A extends string, C>(
  ctx: Ctx,
  tx: Tx,
  audit: AuditRecorder,
  target: {
    table: 'inspections' | 'inspection_findings' | 'recovery_orders';
    entity: string;
    row: { id: string; status: string; version: number };
  },
  machine: Machine<S, A, C>,
  action: A,
  facts: C,
  set: Record<string, unknown>,
  text: (
    article: string,
    to: S,
  ) => { summary: string; action?: string; after?: Record<string, unknown>; before?: Record<string, unknown> },
): Promise<S> {
  const d = decide(machine, target.row.status as S, action, ctx.actor!.role, facts);
  if (!d.ok) throw conflict(d.reason);
  const row = { ...set, status: d.to, updated_at: ctx.clock.now().toISOString(), version: target.row.version + 1 };
  await tx
    .updateTable(target.table as 'inspections')
    .set(row as never)
    .where('id', '=', target.row.id)
    .execute();
  const t = text(d.article, d.to);
  await audit.record({
    entity: target.entity,
    entityId: target.row.id,
    action: t.action ?? String(action),
    summary: t.summary,
    before: t.before ?? { status: target.row.status },
    after: t.after ?? row,
  });
  return d.to;
}

export async function respondFinding(
  ctx: Ctx,
  stationId: string,
  findingId: string,
  input: { version: number; response: string },
) {
  const station = await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit) => {
    const f = await lockedFinding(ctx, tx, findingId, input.version, stationId);
    const response = input.response.trim();
    await step(
      ctx,
      tx,
      audit,
      { table: 'inspection_findings', entity: 'inspection_finding', row: f },
      findingMachine,
      'respond',
      { hasText: response.length >= 2 },
      { response, responded_at: ctx.clock.now().toISOString() },
      (article) => ({ summary: `“${station.name}”反馈整改情况（${article}）：${response}` }),
    );
  });
  return stationSupervision(ctx, stationId);
}

export async function decideFinding(
  ctx: Ctx,
  findingId: string,
  action: 'close' | 'reopen',
  input: { version: number; note: string },
) {
  let inspectionId = '';
  await writeTx(ctx, async (tx, audit) => {
    const f = await lockedFinding(ctx, tx, findingId, input.version);
    inspectionId = f.inspection_id;
    const note = input.note.trim();
    // The Center's word on the host's rectification: the closing note, or why it was sent back.
    const closing = action === 'reopen' ? `退回重新整改：${note}` : note;
    await step(
      ctx,
      tx,
      audit,
      { table: 'inspection_findings', entity: 'inspection_finding', row: f },
      findingMachine,
      action,
      { hasText: note.length >= 2 },
      { closing_note: closing },
      (article) => ({
        summary: `${findingMachine.actionLabels[action]}检查发现“${f.description}”（${article}）：${note}`,
      }),
    );
  });
  return getInspection(ctx, inspectionId);
}

// --- Recovery of funds (第十八条) ----------------------------------------------------------------------------------

export async function issueRecovery(
  ctx: Ctx,
  input: { findingId: string; amountFen: number; dueOn: string; responsiblePerson: string },
): Promise<RecoveryOrderDto> {
  if (input.dueOn < today(ctx)) throw invalid([{ path: 'dueOn', message: '退回期限不能早于今天' }]);
  const id = uuidv7();
  let stationId = '';
  await writeTx(ctx, async (tx, audit) => {
    const f = await tx
      .selectFrom('inspection_findings as f')
      .innerJoin('stations as s', 's.id', 'f.station_id')
      .selectAll('f')
      .select(['s.name as station_name', 's.type', 's.program_year'])
      .where('f.id', '=', input.findingId)
      .executeTakeFirst();
    if (!f) throw notFound('检查发现');
    if (f.kind !== 'violation' || !f.ground)
      throw conflict(`只有认定为${VIOLATION_ARTICLE}所列情形的违规问题才能追回经费`);
    // Orders of one station are checked against its funding with the station row locked (PostgreSQL), so two
    // orders issued at once cannot both pass.
    await lockStation(ctx, tx, f.station_id);
    const policy = await loadPolicy(tx, f.program_year);
    const funding = policy.stationTypes[f.type].fundingFen;
    const already = await tx
      .selectFrom('recovery_orders')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
      .where('station_id', '=', f.station_id)
      .executeTakeFirstOrThrow();
    if (Number(already.n) + input.amountFen > funding)
      throw conflict(
        `追回金额合计将超过该站点的资助额度 ${formatYuan(funding, { symbol: false })} 元（已下达 ${formatYuan(Number(already.n), { symbol: false })} 元）`,
      );
    stationId = f.station_id;
    const now = ctx.clock.now().toISOString();
    const row: RecoveryOrderTable = {
      id,
      station_id: f.station_id,
      finding_id: f.id,
      ground: f.ground,
      amount_fen: input.amountFen,
      paid_fen: 0,
      due_on: input.dueOn,
      responsible_person: input.responsiblePerson,
      status: 'issued',
      closing_note: null,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('recovery_orders').values(row).execute();
    await audit.record({
      entity: 'recovery_order',
      entityId: id,
      action: 'issue',
      summary: `向“${f.station_name}”下达追回经费通知 ${formatYuan(input.amountFen, { symbol: false })} 元（${groundLabel(f.ground)}，限 ${input.dueOn} 前退回，责任人 ${input.responsiblePerson}）`,
      after: { ...row },
    });
  });
  return (await ordersWhere(ctx, { stationId })).find((o) => o.id === id)!;
}

async function lockedOrder(ctx: Ctx, tx: Tx, id: string, version: number) {
  const o = await lockedRow(ctx, tx, 'recovery_orders', id);
  if (!o) throw notFound('追回经费通知');
  if (o.version !== version) throw conflict('该追回经费通知已被他人修改，请刷新后重试');
  return o;
}

export async function recordRecoveryPayment(
  ctx: Ctx,
  orderId: string,
  input: { version: number; paidOn: string; amountFen: number; note: string },
): Promise<RecoveryOrderDto> {
  if (input.paidOn > today(ctx)) throw invalid([{ path: 'paidOn', message: '退回日期不能晚于今天' }]);
  let stationId = '';
  await writeTx(ctx, async (tx, audit) => {
    const o = await lockedOrder(ctx, tx, orderId, input.version);
    stationId = o.station_id;
    const issuedOn = shanghaiDate(new Date(o.created_at));
    if (input.paidOn < issuedOn)
      throw invalid([{ path: 'paidOn', message: `退回日期不能早于通知下达日期 ${issuedOn}` }]);
    const owed = Number(o.amount_fen) - Number(o.paid_fen);
    const action = paymentAction(owed, input.amountFen);
    if (!action)
      throw invalid([
        {
          path: 'amountFen',
          message: `退回金额应大于 0 且不超过应退余额 ${formatYuan(owed, { symbol: false })} 元`,
        },
      ]);
    const now = ctx.clock.now().toISOString();
    const payment = {
      id: uuidv7(),
      order_id: orderId,
      paid_on: input.paidOn,
      amount_fen: input.amountFen,
      note: input.note || null,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
    };
    const paid = Number(o.paid_fen) + input.amountFen;
    await step(
      ctx,
      tx,
      audit,
      { table: 'recovery_orders', entity: 'recovery_order', row: o },
      recoveryMachine,
      action,
      { owedFen: owed, paymentFen: input.amountFen, hasReason: false },
      { paid_fen: paid },
      (article, to) => ({
        summary: `登记退回经费 ${formatYuan(input.amountFen, { symbol: false })} 元（${input.paidOn}），累计 ${formatYuan(paid, { symbol: false })} / ${formatYuan(Number(o.amount_fen), { symbol: false })} 元，${recoveryMachine.stateLabels[to]}（${article}）`,
        action: 'record_payment',
        before: { status: o.status, paid_fen: o.paid_fen },
        after: { status: to, paid_fen: paid, payment },
      }),
    );
    // After the step: a refused step writes nothing.
    await tx.insertInto('recovery_payments').values(payment).execute();
  });
  return (await ordersWhere(ctx, { stationId })).find((o) => o.id === orderId)!;
}

export async function closeRecovery(ctx: Ctx, orderId: string, input: { version: number; note: string }) {
  let stationId = '';
  await writeTx(ctx, async (tx, audit) => {
    const o = await lockedOrder(ctx, tx, orderId, input.version);
    stationId = o.station_id;
    const owed = Number(o.amount_fen) - Number(o.paid_fen);
    const note = input.note.trim();
    await step(
      ctx,
      tx,
      audit,
      { table: 'recovery_orders', entity: 'recovery_order', row: o },
      recoveryMachine,
      'close',
      { owedFen: owed, paymentFen: 0, hasReason: note.length >= 2 },
      { closing_note: note },
      (article) => ({ summary: `追回经费通知结案（${article}）：${note}` }),
    );
  });
  return (await ordersWhere(ctx, { stationId })).find((o) => o.id === orderId)!;
}

export async function listRecoveryOrders(
  ctx: Ctx,
  f: { status?: string; q?: string },
  page: { page: number; pageSize: number },
): Promise<Page<RecoveryOrderDto>> {
  const p = await paginate(ordersQuery(ctx, f), {
    ...page,
    map: (r) => r,
    orderBy: (q) => q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc'),
  });
  return { ...p, items: await withPayments(ctx, p.items) };
}

/** A station's findings and recovery orders, for its host, district, auditor and the Center (station scope). */
export async function stationSupervision(ctx: Ctx, stationId: string) {
  await requireStation(ctx, stationId);
  return {
    findings: await findingsWhere(ctx, 'f.station_id', stationId),
    orders: await ordersWhere(ctx, { stationId }),
    article: `${INSPECTION_ARTICLE}、${VIOLATION_ARTICLE}`,
  };
}
