import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type BookingIssue, checkBooking, itemName } from '../../../domain/expenses/booking';
import { fromGross, fromNet, isFeeToIndividual } from '../../../domain/expenses/tax';
import { futureDateProblems } from '../../../domain/ledger/record-dates';
import type { Ledger, LedgerExpense } from '../../../domain/ledger/schema';
import { fenToYuan, formatYuan } from '../../../domain/money';
import type { ExpenseCategory, Policy } from '../../../domain/policy/types';
import { AppError, conflict, invalid, notFound } from '../../../shared/errors';
import type {
  ExpenseDeletedDto,
  ExpenseDetailDto,
  ExpenseDto,
  ExpenseFields,
  ExpenseItemCode,
  FundSource,
  PayeeKind,
  UploadedVoucherDto,
  VoucherDto,
  VoucherKind,
} from '../../../shared/schemas/funds';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { lacksVoucher } from '../../core/gap-filters';
import { containsCi, type Page, paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { Database, Tx } from '../../db/database';
import { lockStation } from '../../db/locks';
import type { ExpenseTable, StationTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { storeAttachment } from '../ledger/attachments.service';
import { touchStations } from '../ledger/ledger-version';
import { budgetInForce } from './budget';

// The expense ledger (issue #5, 第十四条–第十七条). Every booking and every edit goes through the compliance engine
// (src/domain/expenses/booking.ts) inside the write transaction, with the station's row locked on PostgreSQL (SQLite
// serialises writers), so two bookings against the last of a category's budget cannot both pass the check.

// The row's codes are text columns, written only from the input schema's enums (or a checked ledger import).
function toDto(r: ExpenseTable & { voucher_count?: number | string }, policy: Policy): ExpenseDto {
  return {
    id: r.id,
    ref: r.ref,
    date: r.date,
    category: r.category as ExpenseCategory,
    item: r.item as ExpenseItemCode,
    itemName: itemName(policy, r.item),
    amountFen: Number(r.amount_fen),
    netFen: r.net_fen === null ? null : Number(r.net_fen),
    taxFen: r.tax_fen === null ? null : Number(r.tax_fen),
    source: r.source as FundSource,
    payee: {
      kind: r.payee_kind as PayeeKind,
      name: r.payee_name,
      expertId: r.payee_expert_id,
      hostStaff: r.payee_host_staff === 1,
      fiscallySupported: r.payee_fiscally_supported === 1,
    },
    days: r.days,
    purpose: r.purpose,
    warnings: JSON.parse(r.warnings_json) as BookingIssue[],
    voucherCount: Number(r.voucher_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export interface ExpenseFilter {
  category?: string;
  source?: string;
  q?: string;
  withWarnings?: boolean;
  withoutVoucher?: boolean;
}

export interface ListExpensesOptions {
  stationId: string;
  filter: ExpenseFilter;
  page: { page: number; pageSize: number };
}

export async function listExpenses(
  ctx: Ctx,
  { stationId, filter: f, page }: ListExpensesOptions,
): Promise<Page<ExpenseDto>> {
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  let qb = ctx.db
    .selectFrom('expenses')
    .selectAll('expenses')
    .select((eb) =>
      eb
        .selectFrom('expense_vouchers as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.expense_id', '=', 'expenses.id')
        .as('voucher_count'),
    )
    .where('expenses.station_id', '=', stationId);
  if (f.category) qb = qb.where('expenses.category', '=', f.category);
  if (f.source) qb = qb.where('expenses.source', '=', f.source);
  if (f.withWarnings) qb = qb.where('expenses.warnings_json', '<>', '[]');
  if (f.withoutVoucher) qb = qb.where(lacksVoucher('expenses.id'));
  if (f.q) {
    const q = f.q;
    qb = qb.where((eb) =>
      eb.or([containsCi('expenses.payee_name', q), containsCi('expenses.purpose', q), containsCi('expenses.ref', q)]),
    );
  }
  return paginate(qb, {
    ...page,
    map: (r) => toDto(r as ExpenseTable & { voucher_count: number }, policy),
    orderBy: (q) => q.orderBy('expenses.date', 'desc').orderBy('expenses.id', 'desc'),
  });
}

async function vouchersOf(db: Database | Tx, expenseId: string): Promise<VoucherDto[]> {
  const rows = await db
    .selectFrom('expense_vouchers as v')
    .innerJoin('attachments as a', 'a.id', 'v.attachment_id')
    .select(['v.id', 'v.kind', 'v.attachment_id', 'a.file_name', 'a.mime', 'a.size'])
    .where('v.expense_id', '=', expenseId)
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as VoucherKind,
    attachmentId: r.attachment_id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
  }));
}

export async function getExpense(ctx: Ctx, stationId: string, expenseId: string): Promise<ExpenseDetailDto> {
  const station = await requireStation(ctx, stationId);
  const row = await ctx.db
    .selectFrom('expenses')
    .selectAll()
    .where('id', '=', expenseId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!row) throw notFound('支出记录');
  const policy = await loadPolicy(ctx.db, station.program_year);
  const vouchers = await vouchersOf(ctx.db, expenseId);
  return { ...toDto({ ...row, voucher_count: vouchers.length }, policy), vouchers };
}

export interface UploadVoucherOptions {
  stationId: string;
  fileName: string;
  bytes: Uint8Array;
}

/** A voucher file (发票、收据、转账记录) is stored first; a booking then links it. PDF or image, size-limited. */
export async function uploadVoucher(
  ctx: Ctx,
  { stationId, fileName, bytes }: UploadVoucherOptions,
): Promise<UploadedVoucherDto> {
  const station = await requireStation(ctx, stationId);
  const type = acceptUpload(ctx, bytes, ['pdf', 'jpeg', 'png']);
  return writeTx(ctx, async (tx, audit) => {
    const file = await storeAttachment(ctx, tx, { stationId, bytes, type, fileName });
    await audit.record({
      entity: 'station',
      entityId: stationId,
      action: 'upload_voucher',
      summary: `为“${station.name}”上传支出凭证：${file.fileName}`,
      after: { attachment_id: file.id, file_name: file.fileName, mime: type.mime, size: bytes.byteLength },
    });
    return { attachmentId: file.id, fileName: file.fileName, mime: type.mime, size: bytes.byteLength };
  });
}

/** Where a finding belongs on the form, so the page can mark the field. */
const ISSUE_FIELD: Record<string, string> = {
  forbidden_item: 'item',
  item_not_in_category: 'item',
  consulting_to_host_staff: 'payee',
  labour_to_fiscal_personnel: 'payee',
  after_deadline: 'date',
  budget_overrun: 'amountFen',
};

function refused(blocks: BookingIssue[]): AppError {
  return new AppError('conflict', {
    userMessage: `不能记账：${blocks.map((b) => b.message).join('；')}`,
    issues: blocks.map((b) => ({ path: ISSUE_FIELD[b.id] ?? 'expense', message: b.message })),
  });
}

interface Resolved {
  row: Omit<ExpenseTable, 'id' | 'station_id' | 'ref' | 'created_at' | 'updated_at' | 'created_by' | 'version'>;
  ledger: LedgerExpense;
  experts: Map<string, Ledger['experts'][number]>;
}

interface ResolveOptions {
  station: StationTable;
  policy: Policy;
  input: ExpenseFields;
}

/** The row an input becomes: the payee from the registry, the gross/net/withholding (docs/fee-standards.md). */
async function resolve(tx: Tx, { station, policy, input }: ResolveOptions): Promise<Resolved> {
  let name = input.payee.name?.trim() ?? '';
  let hostStaff = !!input.payee.hostStaff;
  let fiscal = !!input.payee.fiscallySupported;
  let expertRef: string | undefined;
  const experts = new Map<string, Ledger['experts'][number]>();
  if (input.payee.kind === 'expert') {
    const x = input.payee.expertId
      ? await tx
          .selectFrom('experts')
          .selectAll()
          .where('id', '=', input.payee.expertId)
          .where('station_id', '=', station.id)
          .executeTakeFirst()
      : undefined;
    if (!x) throw invalid([{ path: 'payee.expertId', message: '请从本站点专家名单中选择收款专家' }]);
    name = x.name;
    // docs/ledger-format.md: a payee is host staff (or fiscally supported) when its own flag or the registered expert's says so.
    hostStaff = hostStaff || x.host_staff === 1;
    fiscal = fiscal || x.fiscally_supported === 1;
    expertRef = x.ref;
    experts.set(x.ref, {
      id: x.ref,
      name: x.name,
      kind: x.kind as 'expert',
      hostStaff,
      fiscallySupported: fiscal,
      ...(x.grade ? { grade: x.grade as 'senior' } : {}),
    });
  } else if (input.payee.kind === 'organization') {
    hostStaff = false;
    fiscal = false;
  }
  if (!name) throw invalid([{ path: 'payee.name', message: '请填写收款人（个人姓名或单位名称）' }]);
  const individual = isFeeToIndividual(input.category, input.payee.kind);
  if (input.amountIs === 'net' && !individual) {
    throw invalid([{ path: 'amountIs', message: '只有支付给个人的咨询费、劳务费可按税后金额录入' }]);
  }
  const tax = policy.feeStandards.labour.incomeTax;
  const w = individual
    ? input.amountIs === 'net'
      ? fromNet(input.amountFen, tax)
      : fromGross(input.amountFen, tax)
    : null;
  const amountFen = w ? w.grossFen : input.amountFen;
  const days = input.days?.trim() ? input.days.trim() : null;
  const ledger: LedgerExpense = {
    id: 'new',
    date: input.date,
    category: input.category,
    item: input.item as LedgerExpense['item'],
    amount: fenToYuan(amountFen),
    source: input.source,
    payee: { name, ...(expertRef ? { expertId: expertRef } : {}), hostStaff, fiscallySupported: fiscal },
    purpose: input.purpose,
    ...(days ? { days: Number(days) } : {}),
    ...(w ? { net: fenToYuan(w.netFen) } : {}),
  };
  return {
    row: {
      date: input.date,
      category: input.category,
      item: input.item,
      amount_fen: amountFen,
      source: input.source,
      payee_kind: input.payee.kind,
      payee_name: name,
      payee_expert_id: input.payee.kind === 'expert' ? (input.payee.expertId ?? null) : null,
      payee_host_staff: hostStaff ? 1 : 0,
      payee_fiscally_supported: fiscal ? 1 : 0,
      days,
      net_fen: w ? w.netFen : null,
      tax_fen: w ? w.taxFen : null,
      purpose: input.purpose.trim() || null,
      warnings_json: '[]',
    },
    ledger,
    experts,
  };
}

interface GrantSpentOptions {
  stationId: string;
  category: string;
  /** the expense being edited, not counted; null for a new one */
  exceptId: string | null;
}

async function grantSpentFen(tx: Tx, { stationId, category, exceptId }: GrantSpentOptions): Promise<number> {
  let q = tx
    .selectFrom('expenses')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
    .where('station_id', '=', stationId)
    .where('source', '=', 'grant')
    .where('category', '=', category);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

interface JudgeOptions {
  station: StationTable;
  policy: Policy;
  resolved: Resolved;
  /** the expense being edited, not counted against the budget; null for a new one */
  exceptId: string | null;
}

/** Runs the engine; refuses with 409 on a `block`; returns the warnings to keep. */
async function judge(tx: Tx, { station, policy, resolved: r, exceptId }: JudgeOptions): Promise<BookingIssue[]> {
  const budget = await budgetInForce(tx, station, policy);
  const { blocks, warnings } = checkBooking(r.ledger, {
    policy,
    periodEnd: station.period_end,
    experts: r.experts,
    budgetFen: budget?.budgetFen ?? null,
    spentInCategoryFen: await grantSpentFen(tx, { stationId: station.id, category: r.row.category, exceptId }),
  });
  if (blocks.length) throw refused(blocks);
  return warnings;
}

interface LinkVouchersOptions {
  stationId: string;
  expenseId: string;
  vouchers: ExpenseFields['vouchers'];
  now: string;
}

async function linkVouchers(tx: Tx, { stationId, expenseId, vouchers, now }: LinkVouchersOptions): Promise<string[]> {
  const ids = [...new Set(vouchers.map((v) => v.attachmentId))];
  const files = ids.length
    ? await tx
        .selectFrom('attachments as a')
        .leftJoin('expense_vouchers as v', 'v.attachment_id', 'a.id')
        .select(['a.id', 'a.file_name', 'v.expense_id'])
        .where('a.station_id', '=', stationId)
        .where('a.id', 'in', ids)
        .execute()
    : [];
  for (const id of ids) {
    const f = files.find((x) => x.id === id);
    if (!f) throw invalid([{ path: 'vouchers', message: '凭证文件不存在，请重新上传' }]);
    if (f.expense_id && f.expense_id !== expenseId)
      throw invalid([{ path: 'vouchers', message: `凭证“${f.file_name}”已用于另一笔支出` }]);
  }
  await tx.deleteFrom('expense_vouchers').where('expense_id', '=', expenseId).execute();
  for (const id of ids) {
    const kind = vouchers.find((v) => v.attachmentId === id)!.kind;
    await tx
      .insertInto('expense_vouchers')
      .values({ id: uuidv7(), expense_id: expenseId, kind, attachment_id: id, created_at: now })
      .execute();
  }
  return ids.map((id) => files.find((f) => f.id === id)!.file_name);
}

async function nextRef(tx: Tx, stationId: string): Promise<string> {
  const n = await tx
    .selectFrom('expenses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow();
  for (let i = Number(n.n) + 1; ; i++) {
    const ref = `X${i}`;
    const taken = await tx
      .selectFrom('expenses')
      .select('id')
      .where('station_id', '=', stationId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    if (!taken) return ref;
  }
}

function expenseText(policy: Policy, r: Pick<ExpenseTable, 'date' | 'item' | 'amount_fen' | 'payee_name' | 'source'>) {
  return `${r.date} ${itemName(policy, r.item)} ${formatYuan(Number(r.amount_fen), { symbol: false })} 元（${r.source === 'grant' ? '资助经费' : '配套经费'}，收款人：${r.payee_name}）`;
}

/** Money spent is money already spent: a date after today (the server's clock, Beijing) is refused with the field. */
function checkDates(ctx: Ctx, input: ExpenseFields): void {
  const future = futureDateProblems({ section: 'expenses', record: input, today: shanghaiDate(ctx.clock.now()) });
  if (future.length) throw invalid(future, future.map((p) => p.message).join('；'));
  if (!input.vouchers.length)
    throw invalid([{ path: 'vouchers', message: '请至少上传一份凭证（发票、收据或转账记录）' }]);
}

export async function bookExpense(ctx: Ctx, stationId: string, input: ExpenseFields): Promise<ExpenseDetailDto> {
  const station = await requireStation(ctx, stationId);
  checkDates(ctx, input);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    await lockStation(ctx, tx, stationId);
    const policy = await loadPolicy(tx, station.program_year);
    const r = await resolve(tx, { station, policy, input });
    const warnings = await judge(tx, { station, policy, resolved: r, exceptId: null });
    const now = ctx.clock.now().toISOString();
    const row: ExpenseTable = {
      ...r.row,
      warnings_json: JSON.stringify(warnings),
      id,
      station_id: stationId,
      ref: await nextRef(tx, stationId),
      created_at: now,
      updated_at: now,
      created_by: ctx.actor?.userId ?? null,
      version: 1,
    };
    await tx.insertInto('expenses').values(row).execute();
    const files = await linkVouchers(tx, { stationId, expenseId: id, vouchers: input.vouchers, now });
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: 'expense',
      entityId: id,
      action: 'book',
      summary: `“${station.name}”记账 ${row.ref}：${expenseText(policy, row)}${warnings.length ? `；提示 ${warnings.length} 项` : ''}`,
      after: { ...row, vouchers: files },
    });
  });
  return getExpense(ctx, stationId, id);
}

interface ExpenseVersion {
  stationId: string;
  expenseId: string;
  version: number;
}

async function lockedExpense(tx: Tx, { stationId, expenseId, version }: ExpenseVersion): Promise<ExpenseTable> {
  const row = await tx
    .selectFrom('expenses')
    .selectAll()
    .where('id', '=', expenseId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!row) throw notFound('支出记录');
  if (row.version !== version) throw conflict('该支出记录已被他人修改，请刷新后重试');
  return row;
}

export interface UpdateExpenseOptions {
  stationId: string;
  expenseId: string;
  version: number;
  input: ExpenseFields;
}

/** An edit goes through the same checks; the audit record keeps the row before and after (the history). */
export async function updateExpense(
  ctx: Ctx,
  { stationId, expenseId, version, input }: UpdateExpenseOptions,
): Promise<ExpenseDetailDto> {
  const station = await requireStation(ctx, stationId);
  checkDates(ctx, input);
  await writeTx(ctx, async (tx, audit) => {
    await lockStation(ctx, tx, stationId);
    const before = await lockedExpense(tx, { stationId, expenseId, version });
    const beforeVouchers = await vouchersOf(tx, expenseId);
    const policy = await loadPolicy(tx, station.program_year);
    const r = await resolve(tx, { station, policy, input });
    const warnings = await judge(tx, { station, policy, resolved: r, exceptId: expenseId });
    const now = ctx.clock.now().toISOString();
    const set = { ...r.row, warnings_json: JSON.stringify(warnings), updated_at: now, version: before.version + 1 };
    await tx.updateTable('expenses').set(set).where('id', '=', expenseId).execute();
    const files = await linkVouchers(tx, { stationId, expenseId, vouchers: input.vouchers, now });
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: 'expense',
      entityId: expenseId,
      action: 'update',
      summary: `修改“${station.name}”支出 ${before.ref}：${expenseText(policy, set)}`,
      before: { ...before, vouchers: beforeVouchers.map((v) => v.fileName) },
      after: { ...before, ...set, vouchers: files },
    });
  });
  return getExpense(ctx, stationId, expenseId);
}

export interface DeleteExpenseOptions {
  stationId: string;
  expenseId: string;
  version: number;
}

export async function deleteExpense(
  ctx: Ctx,
  { stationId, expenseId, version }: DeleteExpenseOptions,
): Promise<ExpenseDeletedDto> {
  const station = await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit: AuditRecorder) => {
    await lockStation(ctx, tx, stationId);
    const before = await lockedExpense(tx, { stationId, expenseId, version });
    const vouchers = await vouchersOf(tx, expenseId);
    const policy = await loadPolicy(tx, station.program_year);
    await tx.deleteFrom('expense_vouchers').where('expense_id', '=', expenseId).execute();
    await tx.deleteFrom('expenses').where('id', '=', expenseId).execute();
    await touchStations(tx, [stationId]);
    await audit.record({
      entity: 'expense',
      entityId: expenseId,
      action: 'delete',
      summary: `删除“${station.name}”支出 ${before.ref}：${expenseText(policy, before)}`,
      before: { ...before, vouchers: vouchers.map((v) => v.fileName) },
    });
  });
  return { deleted: true };
}

/** A station's expenses as docs/ledger-format.md writes them (export, and the evaluation of the stored station). */
export async function ledgerExpenses(
  db: Database | Tx,
  stationId: string,
): Promise<{ expenses: LedgerExpense[]; experts: Map<string, Ledger['experts'][number]> }> {
  const rows = await db
    .selectFrom('expenses as x')
    .leftJoin('experts as e', 'e.id', 'x.payee_expert_id')
    .selectAll('x')
    .select(['e.ref as expert_ref', 'e.name as expert_name', 'e.kind as expert_kind', 'e.grade as expert_grade'])
    .select(['e.host_staff as expert_host_staff', 'e.fiscally_supported as expert_fiscal'])
    .where('x.station_id', '=', stationId)
    .orderBy('x.id')
    .execute();
  const experts = new Map<string, Ledger['experts'][number]>();
  const expenses = rows.map((r): LedgerExpense => {
    if (r.expert_ref && !experts.has(r.expert_ref)) {
      experts.set(r.expert_ref, {
        id: r.expert_ref,
        name: r.expert_name ?? '',
        kind: (r.expert_kind ?? 'expert') as 'expert',
        hostStaff: r.expert_host_staff === 1,
        fiscallySupported: r.expert_fiscal === 1,
        ...(r.expert_grade ? { grade: r.expert_grade as 'senior' } : {}),
      });
    }
    return {
      id: r.ref,
      date: r.date,
      category: r.category as ExpenseCategory,
      item: r.item as LedgerExpense['item'],
      amount: fenToYuan(Number(r.amount_fen)),
      source: r.source as 'grant',
      payee: {
        name: r.payee_name,
        ...(r.expert_ref ? { expertId: r.expert_ref } : {}),
        hostStaff: r.payee_host_staff === 1,
        fiscallySupported: r.payee_fiscally_supported === 1,
      },
      ...(r.purpose ? { purpose: r.purpose } : {}),
      ...(r.days ? { days: Number(r.days) } : {}),
      ...(r.net_fen !== null ? { net: fenToYuan(Number(r.net_fen)) } : {}),
    };
  });
  return { expenses, experts };
}

/** Grant spending by category and matching spending of one station, summed in SQL. */
export async function spendingOf(
  db: Database | Tx,
  stationIds: readonly string[],
): Promise<Map<string, { grantByCategory: Record<string, number>; matchingFen: number }>> {
  const out = new Map<string, { grantByCategory: Record<string, number>; matchingFen: number }>();
  if (!stationIds.length) return out;
  const rows = await db
    .selectFrom('expenses')
    .select(['station_id', 'source', 'category'])
    .select(sql<number>`sum(amount_fen)`.as('n'))
    .where('station_id', 'in', [...stationIds])
    .groupBy(['station_id', 'source', 'category'])
    .execute();
  for (const r of rows) {
    const s = out.get(r.station_id) ?? { grantByCategory: {}, matchingFen: 0 };
    if (r.source === 'grant') s.grantByCategory[r.category] = Number(r.n);
    else s.matchingFen += Number(r.n);
    out.set(r.station_id, s);
  }
  return out;
}
