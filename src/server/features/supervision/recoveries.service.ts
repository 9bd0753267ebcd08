import { uuidv7 } from 'uuidv7';
import { formatYuan } from '../../../domain/money';
import {
  groundLabel,
  paymentAction,
  type RecoveryState,
  recoveryMachine,
  VIOLATION_ARTICLE,
  type ViolationGround,
} from '../../../domain/supervision/supervision';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type { RecoveryOrderDto } from '../../../shared/schemas/supervision';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import type { Tx } from '../../db/database';
import { lockedRow, lockStation } from '../../db/locks';
import type { RecoveryOrderTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';
import { CHANGED, step, today } from './supervision.common';

// Recovery of funds (第十八条): an order on a violation finding, the payments back against it, and its closing.

interface OrderFilter {
  stationId?: string;
  inspectionId?: string;
  status?: string;
  q?: string;
  /** the program year of the order's station */
  year?: number;
  /** true: only the overdue; false: only those that are not */
  overdue?: boolean;
}

/** 第十八条: an order still owing money (issued, partly paid) is overdue from the day after its due date. */
const OWING: RecoveryState[] = ['issued', 'partly_paid'];
const isOrderOverdue = (r: { status: string; due_on: string }, on: string) =>
  (OWING as string[]).includes(r.status) && r.due_on < on;

function ordersQuery(ctx: Ctx, filter: OrderFilter) {
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
  if (filter.year) q = q.where('s.program_year', '=', filter.year);
  // isOrderOverdue in SQL: the filter and the rows' flag must agree.
  const on = today(ctx);
  if (filter.overdue === true) q = q.where('o.status', 'in', OWING).where('o.due_on', '<', on);
  if (filter.overdue === false) q = q.where((eb) => eb.or([eb('o.status', 'not in', OWING), eb('o.due_on', '>=', on)]));
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

export async function ordersWhere(ctx: Ctx, filter: { stationId?: string; inspectionId?: string }) {
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
    ground: r.ground as ViolationGround,
    groundLabel: groundLabel(r.ground),
    amountFen: amount,
    paidFen: paid,
    owedFen: amount - paid,
    dueOn: r.due_on,
    overdue: isOrderOverdue(r, on),
    responsiblePerson: r.responsible_person,
    status: r.status as RecoveryState,
    statusLabel: recoveryMachine.stateLabels[r.status as RecoveryState] ?? r.status,
    closingNote: r.closing_note,
    payments: payments
      .filter((p) => p.order_id === r.id)
      .map((p) => ({ id: p.id, paidOn: p.paid_on, amountFen: Number(p.amount_fen), note: p.note })),
    createdAt: r.created_at,
    version: r.version,
  };
}

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

async function lockedOrder(ctx: Ctx, tx: Tx, { id, version }: { id: string; version: number }) {
  const o = await lockedRow(ctx, tx, { table: 'recovery_orders', id });
  if (!o) throw notFound('追回经费通知');
  if (o.version !== version) throw conflict(CHANGED.recovery_orders);
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
    const o = await lockedOrder(ctx, tx, { id: orderId, version: input.version });
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
    await step(ctx, tx, {
      audit,
      target: { table: 'recovery_orders', entity: 'recovery_order', row: o },
      machine: recoveryMachine,
      action,
      facts: { owedFen: owed, paymentFen: input.amountFen, hasReason: false },
      set: { paid_fen: paid },
      auditEntry: (article, to) => ({
        summary: `登记退回经费 ${formatYuan(input.amountFen, { symbol: false })} 元（${input.paidOn}），累计 ${formatYuan(paid, { symbol: false })} / ${formatYuan(Number(o.amount_fen), { symbol: false })} 元，${recoveryMachine.stateLabels[to]}（${article}）`,
        action: 'record_payment',
        before: { status: o.status, paid_fen: o.paid_fen },
        after: { status: to, paid_fen: paid, payment },
      }),
    });
    // After the step: a refused step writes nothing.
    await tx.insertInto('recovery_payments').values(payment).execute();
  });
  return (await ordersWhere(ctx, { stationId })).find((o) => o.id === orderId)!;
}

export async function closeRecovery(
  ctx: Ctx,
  orderId: string,
  input: { version: number; note: string },
): Promise<RecoveryOrderDto> {
  let stationId = '';
  await writeTx(ctx, async (tx, audit) => {
    const o = await lockedOrder(ctx, tx, { id: orderId, version: input.version });
    stationId = o.station_id;
    const owed = Number(o.amount_fen) - Number(o.paid_fen);
    const note = input.note.trim();
    await step(ctx, tx, {
      audit,
      target: { table: 'recovery_orders', entity: 'recovery_order', row: o },
      machine: recoveryMachine,
      action: 'close',
      facts: { owedFen: owed, paymentFen: 0, hasReason: note.length >= 2 },
      set: { closing_note: note },
      auditEntry: (article) => ({ summary: `追回经费通知结案（${article}）：${note}` }),
    });
  });
  return (await ordersWhere(ctx, { stationId })).find((o) => o.id === orderId)!;
}

/** 追回经费 across inspections, in the reader's data scope, paged in SQL (第十八条). */
export async function listRecoveryOrders(
  ctx: Ctx,
  f: Omit<OrderFilter, 'stationId' | 'inspectionId'>,
  page: { page: number; pageSize: number },
): Promise<Page<RecoveryOrderDto>> {
  const visible = ctx.db
    .selectFrom('stations')
    .select('stations.id')
    .where(stationScope(ctx.actor!, today(ctx)));
  const p = await paginate(ordersQuery(ctx, f).where('o.station_id', 'in', visible), {
    ...page,
    map: (r) => r,
    orderBy: (q) => q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc'),
  });
  return { ...p, items: await withPayments(ctx, p.items) };
}
