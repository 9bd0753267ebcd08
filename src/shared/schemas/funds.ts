import { z } from 'zod';
import { FINDING_IDS } from '../../domain/kpi/types';
import { isIsoDate } from '../../domain/ledger/schema';
import {
  EXPENSE_CATEGORIES,
  FORBIDDEN_ITEM_CODES,
  PERMITTED_ITEM_CODES,
  STATION_TYPES,
} from '../../domain/policy/types';
import { pageOf, pageQuery } from '../api/common';
import { positiveFenField } from './fields';

// A station's money (issue #5): the payments of the fixed funding (第十五条), the expense ledger (第十四条–第十七条), the
// final accounts (第十二条) and the year's execution. Request schemas are shared by the routes and the forms; money is
// integer fen throughout.

export const VOUCHER_KINDS = ['invoice', 'receipt', 'transfer', 'other'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];
export const PAYEE_KINDS = ['expert', 'person', 'organization'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export const FUND_SOURCES = ['grant', 'matching'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
/** Forbidden items are codes too: the engine refuses them with the article (第十七条), not a bare 400. */
export const EXPENSE_ITEM_CODES = [...PERMITTED_ITEM_CODES, ...FORBIDDEN_ITEM_CODES] as const;
export type ExpenseItemCode = (typeof EXPENSE_ITEM_CODES)[number];

const id = z.string().min(1).max(64);
const fen = positiveFenField;
const fileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');

// --- Requests ------------------------------------------------------------------------------------------------------

export const stationParamSchema = z.object({ id });
export const paymentParamSchema = stationParamSchema.extend({ paymentId: id });
export const expenseParamSchema = stationParamSchema.extend({ expenseId: id });

/** A deletion names the version it saw (optimistic locking). */
export const versionQuerySchema = z.object({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1) });

/** 定额事前直接支付 (第十五条): the voucher's bytes are the body, the facts come in the query. */
export const paymentQuerySchema = z.object({
  paidOn: z
    .string({ error: '请选择支付日期' })
    .refine(isIsoDate, { message: '支付日期应为 YYYY-MM-DD 格式的有效日期' }),
  amountFen: z.coerce.number({ error: '请填写金额' }).pipe(positiveFenField),
  note: z.string().trim().max(200, '备注不能超过 200 字').default(''),
  fileName,
});

export const voucherUploadQuerySchema = z.object({ fileName });

export const expenseListQuerySchema = z.object({
  ...pageQuery,
  category: z.enum(EXPENSE_CATEGORIES).optional(),
  source: z.enum(FUND_SOURCES).optional(),
  q: z.string().trim().max(100).optional(),
  withWarnings: z.enum(['true', 'false']).optional(),
  /** expenses with no voucher, booked or imported (待补事项, 第十二条) */
  withoutVoucher: z.enum(['true', 'false'], { error: 'withoutVoucher 应为 true 或 false' }).optional(),
});

/** Person-days: a positive decimal with at most one decimal place (the fee standards are per day, 第十条). */
export const personDaysField = z
  .string()
  .trim()
  .regex(/^(\d{1,3})(\.\d)?$/, '人天数应为正数，最多一位小数')
  .refine((s) => Number(s) > 0, '人天数应大于 0');

export const expenseInputSchema = z.object({
  date: z.string({ error: '请选择支出日期' }).refine(isIsoDate, { message: '支出日期应为 YYYY-MM-DD 格式的有效日期' }),
  category: z.enum(EXPENSE_CATEGORIES, { error: '请选择支出科目' }),
  item: z.enum(EXPENSE_ITEM_CODES, { error: '请选择支出事项' }),
  amountFen: fen,
  amountIs: z.enum(['gross', 'net'], { error: '请选择金额口径（税前或税后）' }).default('gross'),
  source: z.enum(FUND_SOURCES, { error: '请选择经费来源（资助经费或配套经费）' }),
  payee: z.object(
    {
      kind: z.enum(PAYEE_KINDS, { error: '请选择收款人类型' }),
      expertId: z.string().max(64).nullish(),
      name: z.string().trim().max(100, '收款人名称不能超过 100 字').optional(),
      hostStaff: z.boolean().optional(),
      fiscallySupported: z.boolean().optional(),
    },
    { error: '请填写收款人' },
  ),
  days: personDaysField.nullish(),
  purpose: z.string({ error: '请填写用途' }).trim().min(2, '请填写用途（至少 2 个字）').max(500, '用途不能超过 500 字'),
  vouchers: z
    .array(z.object({ attachmentId: id, kind: z.enum(VOUCHER_KINDS, { error: '请选择凭证类型' }) }), {
      error: '请上传凭证',
    })
    .min(1, '请至少上传一份凭证（发票、收据或转账记录）')
    .max(20, '凭证最多 20 份'),
});
/** What a form sends (the amount's basis may be left out: gross). */
export type ExpenseInput = z.input<typeof expenseInputSchema>;
/** What the service books, after parsing. */
export type ExpenseFields = z.output<typeof expenseInputSchema>;

export const expenseUpdateSchema = expenseInputSchema.extend({
  version: z.number({ error: '缺少版本号' }).int().min(1),
});

export const executionFilterSchema = z.object({
  year: z.coerce.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
  type: z.enum(STATION_TYPES).optional(),
  districtCode: z.string().max(16).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ExecutionFilter = z.output<typeof executionFilterSchema>;
export const executionQuerySchema = executionFilterSchema.extend(pageQuery);

// --- Answers -------------------------------------------------------------------------------------------------------

const int = z.number().int();

/** Budget execution (第十五条): spent against budget by category, and against the share of the period passed. */
export const ExecutionDto = z
  .strictObject({
    rows: z.array(
      z.strictObject({
        category: z.enum(EXPENSE_CATEGORIES),
        budgetFen: int,
        spentFen: int,
        balanceFen: int,
        /** spent / budget, 4 decimals */
        rate: z.number(),
      }),
    ),
    grantedFen: int,
    spentGrantFen: int,
    balanceFen: int,
    executionRate: z.number(),
    matchingSpentFen: int,
    matchingPlannedFen: int,
    timeElapsed: z.number(),
    daysLeft: int,
    warnings: z.array(z.strictObject({ level: z.enum(['info', 'warn']), article: z.string(), message: z.string() })),
  })
  .meta({ id: 'BudgetExecution' });
export type ExecutionDto = z.infer<typeof ExecutionDto>;

export const PaymentDto = z
  .strictObject({
    id: z.string(),
    paidOn: z.string(),
    amountFen: int,
    voucherAttachmentId: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
    version: int,
  })
  .meta({ id: 'FundPayment' });
export type PaymentDto = z.infer<typeof PaymentDto>;

/** A station's money: budget of the agreement in force (第十条、第十一条), payments (第十五条), matching funds (第十四条). */
export const FundsDto = z
  .strictObject({
    stationId: z.string(),
    /** the type's fixed funding of the year (第六条) */
    fundingFen: int,
    fundingArticle: z.string(),
    /** null for a station without a budget (no agreement, no imported budget) */
    budgetFen: z.record(z.enum(EXPENSE_CATEGORIES), int).nullable(),
    budgetSource: z.string(),
    matchingFundsPlannedFen: int,
    paidFen: int,
    payments: z.array(PaymentDto),
    paymentArticle: z.string(),
    execution: ExecutionDto.nullable(),
    /** expenses kept with warnings (第十条、第十七条) */
    expensesWithWarnings: int,
    expenseCount: int,
    today: z.string(),
  })
  .meta({ id: 'StationFunds' });
export type FundsDto = z.infer<typeof FundsDto>;

/** A finding of the compliance engine kept with an expense (a `warn`; a `block` refuses the booking). */
export const BookingIssueDto = z
  .strictObject({
    id: z.enum([...FINDING_IDS, 'purpose_word']),
    article: z.string().nullable(),
    severity: z.enum(['block', 'warn']),
    message: z.string(),
  })
  .meta({ id: 'BookingIssue' });
export type BookingIssueDto = z.infer<typeof BookingIssueDto>;

export const VoucherDto = z
  .strictObject({
    id: z.string(),
    kind: z.enum(VOUCHER_KINDS),
    attachmentId: z.string(),
    fileName: z.string(),
    mime: z.string(),
    size: int,
  })
  .meta({ id: 'ExpenseVoucher' });
export type VoucherDto = z.infer<typeof VoucherDto>;

/** An expense as listed (the vouchers counted, not listed). */
export const ExpenseDto = z
  .strictObject({
    id: z.string(),
    /** the ledger id (X1, X2 …) */
    ref: z.string(),
    date: z.string(),
    category: z.enum(EXPENSE_CATEGORIES),
    item: z.enum(EXPENSE_ITEM_CODES),
    itemName: z.string(),
    /** the gross */
    amountFen: int,
    /** net paid and income tax withheld, for a fee to an individual */
    netFen: int.nullable(),
    taxFen: int.nullable(),
    source: z.enum(FUND_SOURCES),
    payee: z.strictObject({
      kind: z.enum(PAYEE_KINDS),
      name: z.string(),
      expertId: z.string().nullable(),
      hostStaff: z.boolean(),
      fiscallySupported: z.boolean(),
    }),
    /** person-days as a decimal string */
    days: z.string().nullable(),
    purpose: z.string().nullable(),
    warnings: z.array(BookingIssueDto),
    voucherCount: int,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: int,
  })
  .meta({ id: 'Expense' });
export type ExpenseDto = z.infer<typeof ExpenseDto>;

/** One expense with its vouchers. */
export const ExpenseDetailDto = z
  .strictObject({ ...ExpenseDto.shape, vouchers: z.array(VoucherDto) })
  .meta({ id: 'ExpenseDetail' });
export type ExpenseDetailDto = z.infer<typeof ExpenseDetailDto>;

export const ExpenseDeletedDto = z.strictObject({ deleted: z.literal(true) }).meta({ id: 'ExpenseDeleted' });
export type ExpenseDeletedDto = z.infer<typeof ExpenseDeletedDto>;

/** A stored voucher file, before a booking links it. */
export const UploadedVoucherDto = z
  .strictObject({ attachmentId: z.string(), fileName: z.string(), mime: z.string(), size: int })
  .meta({ id: 'UploadedVoucher' });
export type UploadedVoucherDto = z.infer<typeof UploadedVoucherDto>;

/** One station of the year's execution view (第十五条). */
export const StationExecutionDto = z
  .strictObject({
    stationId: z.string(),
    name: z.string(),
    type: z.enum(STATION_TYPES),
    districtCode: z.string().nullable(),
    periodEnd: z.string(),
    grantedFen: int,
    spentGrantFen: int,
    matchingSpentFen: int,
    paidFen: int,
    executionRate: z.number(),
    timeElapsed: z.number(),
    hasBudget: z.boolean(),
    /** the first `warn` of the station's execution */
    warning: z.string().nullable(),
  })
  .meta({ id: 'StationExecution' });
export type StationExecutionDto = z.infer<typeof StationExecutionDto>;

/** A page of stations, with the totals over every station of the filter. */
export const YearExecutionDto = z
  .strictObject({
    ...pageOf(StationExecutionDto).shape,
    year: int,
    today: z.string(),
    totals: z.strictObject({
      stations: int,
      grantedFen: int,
      spentGrantFen: int,
      matchingSpentFen: int,
      executionRate: z.number(),
      /** the share of the stations' periods passed by `today`, weighted by their funding, 4 decimals */
      timeElapsed: z.number(),
      byCategory: z.array(z.strictObject({ category: z.enum(EXPENSE_CATEGORIES), name: z.string(), spentFen: int })),
    }),
  })
  .meta({ id: 'YearExecution' });
export type YearExecutionDto = z.infer<typeof YearExecutionDto>;
