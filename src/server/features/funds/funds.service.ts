import { uuidv7 } from 'uuidv7';
import { execution } from '../../../domain/expenses/execution';
import { formatYuan } from '../../../domain/money';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type { FundsDto } from '../../../shared/schemas/funds';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import { lockedRow, lockStation } from '../../db/locks';
import { shanghaiDate } from '../../scope';
import { storeAttachment } from '../ledger/attachments.service';
import { budgetInForce } from './budget';
import { spendingOf } from './expenses.service';

// A station's money (issue #5, first part): the budget by category from the agreement version in force (第十条,
// 第十一条), the fixed funding paid in advance (定额事前直接支付, 第十五条) and the matching funds planned apart
// (配套经费, 第十四条). Integer fen throughout.

export async function stationFunds(ctx: Ctx, stationId: string): Promise<FundsDto> {
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const type = policy.stationTypes[station.type];
  const budget = await budgetInForce(ctx.db, station, policy);
  const today = shanghaiDate(ctx.clock.now());
  const spent = (await spendingOf(ctx.db, [stationId])).get(stationId) ?? { grantByCategory: {}, matchingFen: 0 };
  const counts = await ctx.db
    .selectFrom('expenses')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('warnings_json', '<>', '[]').then(1).else(0).end()).as('w'),
    ])
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow();
  const payments = await ctx.db
    .selectFrom('fund_payments')
    .selectAll()
    .where('station_id', '=', stationId)
    .orderBy('paid_on')
    .orderBy('id')
    .execute();
  return {
    stationId,
    fundingFen: type.fundingFen,
    fundingArticle: type.fundingArticle,
    budgetFen: budget?.budgetFen ?? null,
    budgetSource: budget?.source ?? '尚无项目合作协议',
    matchingFundsPlannedFen: budget?.matchingFundsPlannedFen ?? 0,
    paidFen: payments.reduce((s, p) => s + Number(p.amount_fen), 0),
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paid_on,
      amountFen: Number(p.amount_fen),
      voucherAttachmentId: p.voucher_attachment_id,
      note: p.note,
      createdAt: p.created_at,
      version: p.version,
    })),
    paymentArticle: '第十五条',
    execution: budget
      ? execution({
          grantedFen: budget.grantedFen,
          budgetFen: budget.budgetFen,
          grantSpentByCategoryFen: spent.grantByCategory,
          matchingSpentFen: spent.matchingFen,
          matchingPlannedFen: budget.matchingFundsPlannedFen,
          periodStart: station.period_start,
          periodEnd: station.period_end,
          today,
          categoryNames: Object.fromEntries(policy.expenseCategories.map((c) => [c.code, c.name])),
        })
      : null,
    expensesWithWarnings: Number(counts.w ?? 0),
    expenseCount: Number(counts.n),
    today,
  };
}

export interface RecordPaymentOptions {
  stationId: string;
  input: { paidOn: string; amountFen: number; note: string; fileName: string };
  bytes: Uint8Array;
}

/**
 * 定额事前直接支付 (第十五条): the payment with its voucher. The total paid never exceeds the type's fixed funding;
 * the check runs with the station's row locked (PostgreSQL), so two entries at once cannot both pass it.
 */
export async function recordPayment(ctx: Ctx, { stationId, input, bytes }: RecordPaymentOptions): Promise<FundsDto> {
  const station = await requireStation(ctx, stationId);
  const type = acceptUpload(ctx, bytes, ['pdf', 'jpeg', 'png']);
  const today = shanghaiDate(ctx.clock.now());
  if (input.paidOn > today) throw invalid([{ path: 'paidOn', message: '支付日期不能晚于今天' }]);
  await writeTx(ctx, async (tx, audit) => {
    await lockStation(ctx, tx, stationId);
    const policy = await loadPolicy(tx, station.program_year);
    const funding = policy.stationTypes[station.type].fundingFen;
    const paid = await tx
      .selectFrom('fund_payments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
      .where('station_id', '=', stationId)
      .executeTakeFirstOrThrow();
    const after = Number(paid.n) + input.amountFen;
    if (after > funding)
      throw conflict(
        `支付合计 ${formatYuan(after, { symbol: false })} 元将超过该站点的资助额度 ${formatYuan(funding, { symbol: false })} 元（第十五条：定额支付）`,
      );
    const file = await storeAttachment(ctx, tx, { stationId, bytes, type, fileName: input.fileName });
    const row = {
      id: uuidv7(),
      station_id: stationId,
      paid_on: input.paidOn,
      amount_fen: input.amountFen,
      voucher_attachment_id: file.id,
      note: input.note || null,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.actor?.userId ?? null,
      version: 1,
    };
    await tx.insertInto('fund_payments').values(row).execute();
    await audit.record({
      entity: 'station',
      entityId: stationId,
      action: 'record_payment',
      summary: `登记“${station.name}”经费拨付 ${formatYuan(input.amountFen, { symbol: false })} 元（${input.paidOn}，定额事前直接支付，第十五条）`,
      after: { ...row, voucher_file_name: file.fileName },
    });
  });
  return stationFunds(ctx, stationId);
}

export interface DeletePaymentOptions {
  stationId: string;
  paymentId: string;
  version: number;
}

export async function deletePayment(
  ctx: Ctx,
  { stationId, paymentId, version }: DeletePaymentOptions,
): Promise<FundsDto> {
  const station = await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit) => {
    // Row-locked on PostgreSQL: two deletions of one version cannot both pass the version check.
    const row = await lockedRow(ctx, tx, { table: 'fund_payments', id: paymentId });
    if (!row || row.station_id !== stationId) throw notFound('拨付记录');
    if (row.version !== version) throw conflict('该拨付记录已被修改，请刷新后重试');
    await tx.deleteFrom('fund_payments').where('id', '=', paymentId).execute();
    await audit.record({
      entity: 'station',
      entityId: stationId,
      action: 'delete_payment',
      summary: `删除“${station.name}”的经费拨付记录 ${formatYuan(Number(row.amount_fen), { symbol: false })} 元（${row.paid_on}）`,
      before: { ...row },
    });
  });
  return stationFunds(ctx, stationId);
}
