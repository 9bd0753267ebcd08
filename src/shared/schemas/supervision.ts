import { z } from 'zod';
import { isIsoDate } from '../../domain/ledger/schema';
import {
  FINDING_STATES,
  INSPECTION_STATES,
  RECOVERY_STATES,
  VIOLATION_GROUNDS,
} from '../../domain/supervision/supervision';
import { pageQuery } from '../api/common';
import { districtCodeField, positiveFenField, sortField } from './fields';

// The Center's supervision (issue #5): inspections and their findings (第十九条), the recovery of funds (第十八条).
// Request schemas are shared by the routes and the forms; money is integer fen.

export const INSPECTION_KINDS = ['scheduled', 'unannounced'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const FINDING_KINDS = ['rectification', 'violation'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
/** The seven grounds of 第十八条, by code. */
export const VIOLATION_GROUND_CODES = VIOLATION_GROUNDS.map((g) => g.code);

const id = z.string().min(1).max(64);
const date = (what: string) =>
  z.string({ error: `请选择${what}` }).refine(isIsoDate, { message: `${what}应为 YYYY-MM-DD 格式的有效日期` });
const version = z.number({ error: '缺少版本号' }).int().min(1);
const text = (what: string, max = 1000) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）`)
    .max(max, `${what}不能超过 ${max} 字`);
const fen = positiveFenField;

// --- Requests ------------------------------------------------------------------------------------------------------

export const inspectionParamSchema = z.object({ inspectionId: id });
export const findingParamSchema = z.object({ findingId: id });
export const orderParamSchema = z.object({ orderId: id });
export const stationParamSchema = z.object({ id });
export const stationFindingParamSchema = z.object({ id, findingId: id });

/** The columns the 检查批次 list sorts by on the server. */
export const INSPECTION_SORT_KEYS = ['title', 'plannedOn', 'stationCount', 'findingCount', 'status'] as const;
export const inspectionListQuerySchema = z.object({
  ...pageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(INSPECTION_STATES).optional(),
  q: z.string().trim().max(100).optional(),
  sort: sortField(INSPECTION_SORT_KEYS),
});

export const inspectionInputSchema = z.object({
  programYear: z.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
  title: text('检查名称', 100),
  kind: z.enum(INSPECTION_KINDS, { error: '请选择检查方式' }),
  plannedOn: date('检查日期'),
  /** chosen stations; or, when empty, a random sample of `sampleStations` of the year's stations */
  stationIds: z.array(id).max(500).default([]),
  sampleStations: z
    .number({ error: '请填写随机抽取的站点数' })
    .int('随机抽取的站点数应为整数')
    .min(1, '随机抽取的站点数至少为 1')
    .max(500, '随机抽取的站点数不能超过 500')
    .optional(),
  /** a random sample of this many expenses per station to examine (0: none) */
  sampleExpenses: z.number().int().min(0, '抽查支出笔数不能为负').max(50, '每个站点最多抽查 50 笔支出').optional(),
});
/** What the form sends. */
export type InspectionInput = z.input<typeof inspectionInputSchema>;
/** What the service schedules, after parsing. */
export type InspectionFields = z.output<typeof inspectionInputSchema>;

export const findingInputSchema = z.object({
  stationId: id,
  kind: z.enum(FINDING_KINDS, { error: '请选择问题类型' }),
  ground: z.enum(VIOLATION_GROUND_CODES, { error: '请选择第十八条所列情形' }).nullish(),
  description: text('问题描述'),
  dueOn: date('整改期限').nullish(),
  expenseId: id.nullish(),
});
export type FindingInput = z.input<typeof findingInputSchema>;
export type FindingFields = z.output<typeof findingInputSchema>;

export const completeInspectionSchema = z.object({
  version,
  summary: z.string({ error: '请填写检查结论' }).max(2000, '检查结论不能超过 2000 字'),
});

/** 办结 or 退回重新整改 of a finding. */
export const findingDecisionSchema = z.object({
  version,
  note: z.string({ error: '请填写意见' }).max(1000, '意见不能超过 1000 字'),
});

const yearFilter = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000–2100 之间')
  .max(2100, '年度应在 2000–2100 之间')
  .optional();
/** `true`: only the overdue; `false`: only those that are not; absent: both. */
const overdueFilter = z.enum(['true', 'false'], { error: '是否逾期（overdue）应为 true 或 false' }).optional();
const searchFilter = z.string().trim().max(100, '搜索内容不能超过 100 字').optional();

/** 问题清单: findings across inspections, in the reader's data scope (第十九条; violations 第十八条). */
const findingOverviewFilter = {
  /** the program year of the finding's station */
  year: yearFilter,
  status: z
    .enum(FINDING_STATES, { error: '问题状态应为 open（待整改）、responded（已反馈整改）或 closed（已办结）' })
    .optional(),
  kind: z.enum(FINDING_KINDS, { error: '问题类型应为 rectification（整改要求）或 violation（违规问题）' }).optional(),
  /** past its due date (Asia/Shanghai) and not closed */
  overdue: overdueFilter,
  districtCode: districtCodeField.optional(),
  /** station name or the finding's description */
  q: searchFilter,
};
export const findingOverviewQuerySchema = z.object({ ...pageQuery, ...findingOverviewFilter });
export const findingOverviewExportQuerySchema = z.object(findingOverviewFilter);

export const recoveryListQuerySchema = z.object({
  ...pageQuery,
  status: z
    .enum(RECOVERY_STATES, {
      error: '追回状态应为 issued（已下达）、partly_paid（部分退回）、paid（已全部退回）或 closed（已结案）',
    })
    .optional(),
  /** the program year of the order's station */
  year: yearFilter,
  /** past its due date (Asia/Shanghai) and not fully paid back */
  overdue: overdueFilter,
  /** station name */
  q: searchFilter,
});

export const recoveryInputSchema = z.object({
  findingId: id,
  amountFen: fen,
  dueOn: date('退回期限'),
  responsiblePerson: text('责任人', 50),
});
export type RecoveryInput = z.input<typeof recoveryInputSchema>;

export const recoveryPaymentSchema = z.object({
  version,
  paidOn: date('退回日期'),
  amountFen: fen,
  note: z.string().trim().max(200, '备注不能超过 200 字').default(''),
});

export const closeRecoverySchema = z.object({
  version,
  note: z.string({ error: '请填写结案意见' }).max(1000, '结案意见不能超过 1000 字'),
});

export const findingResponseSchema = z.object({
  version,
  response: z.string({ error: '请填写整改情况' }).max(2000, '整改情况不能超过 2000 字'),
});

// --- Answers -------------------------------------------------------------------------------------------------------

const int = z.number().int();

/** A rectification request (with its due date) or a violation of 第十八条, found by an inspection. */
export const FindingDto = z
  .strictObject({
    id: z.string(),
    inspectionId: z.string(),
    inspectionTitle: z.string().optional(),
    stationId: z.string(),
    stationName: z.string(),
    kind: z.enum(FINDING_KINDS),
    kindLabel: z.string(),
    /** a violation's ground of 第十八条; null for a rectification request */
    ground: z.enum(VIOLATION_GROUND_CODES).nullable(),
    /** '' without a ground */
    groundLabel: z.string(),
    description: z.string(),
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
    expenseId: z.string().nullable(),
    expenseRef: z.string().nullable(),
    status: z.enum(FINDING_STATES),
    statusLabel: z.string(),
    response: z.string().nullable(),
    respondedAt: z.string().nullable(),
    closingNote: z.string().nullable(),
    createdAt: z.string(),
    version: int,
  })
  .meta({ id: 'InspectionFinding' });
export type FindingDto = z.infer<typeof FindingDto>;

/** One finding of 问题清单, across inspections: where it was found, what it asks, by when, and the article it cites. */
export const FindingOverviewDto = z
  .strictObject({
    id: z.string(),
    inspectionId: z.string(),
    inspectionTitle: z.string(),
    programYear: int,
    stationId: z.string(),
    stationName: z.string(),
    districtCode: z.string().nullable(),
    /** null for an IUR station, which belongs to no district */
    districtName: z.string().nullable(),
    kind: z.enum(FINDING_KINDS),
    kindLabel: z.string(),
    ground: z.enum(VIOLATION_GROUND_CODES).nullable(),
    /** '' without a ground */
    groundLabel: z.string(),
    /** 第十八条 for a violation, 第十九条 for a rectification request */
    article: z.string(),
    description: z.string(),
    dueOn: z.string().nullable(),
    /** past its due date (Asia/Shanghai) and not closed */
    overdue: z.boolean(),
    status: z.enum(FINDING_STATES),
    statusLabel: z.string(),
    version: int,
  })
  .meta({ id: 'InspectionFindingOverview' });
export type FindingOverviewDto = z.infer<typeof FindingOverviewDto>;

/** 追回经费通知 (第十八条) with what has been paid back. */
export const RecoveryOrderDto = z
  .strictObject({
    id: z.string(),
    stationId: z.string(),
    stationName: z.string(),
    findingId: z.string(),
    ground: z.enum(VIOLATION_GROUND_CODES),
    groundLabel: z.string(),
    amountFen: int,
    paidFen: int,
    owedFen: int,
    dueOn: z.string(),
    overdue: z.boolean(),
    responsiblePerson: z.string(),
    status: z.enum(RECOVERY_STATES),
    statusLabel: z.string(),
    closingNote: z.string().nullable(),
    payments: z.array(
      z.strictObject({ id: z.string(), paidOn: z.string(), amountFen: int, note: z.string().nullable() }),
    ),
    createdAt: z.string(),
    version: int,
  })
  .meta({ id: 'RecoveryOrder' });
export type RecoveryOrderDto = z.infer<typeof RecoveryOrderDto>;

/** An inspection as listed. */
export const InspectionSummaryDto = z
  .strictObject({
    id: z.string(),
    programYear: int,
    title: z.string(),
    kind: z.enum(INSPECTION_KINDS),
    kindLabel: z.string(),
    plannedOn: z.string(),
    status: z.enum(INSPECTION_STATES),
    statusLabel: z.string(),
    sampleNote: z.string().nullable(),
    stationCount: int,
    findingCount: int,
    version: int,
  })
  .meta({ id: 'SupervisionInspectionSummary' });
export type InspectionSummaryDto = z.infer<typeof InspectionSummaryDto>;

/** One inspection (第十九条): its stations and sampled expenses, findings and recovery orders. */
export const InspectionDto = z
  .strictObject({
    ...InspectionSummaryDto.shape,
    summary: z.string().nullable(),
    completedOn: z.string().nullable(),
    targets: z.array(
      z.strictObject({
        stationId: z.string(),
        stationName: z.string(),
        expenses: z.array(
          z.strictObject({
            id: z.string(),
            ref: z.string(),
            date: z.string(),
            amountFen: int,
            payee: z.string(),
            purpose: z.string().nullable(),
          }),
        ),
      }),
    ),
    findings: z.array(FindingDto),
    orders: z.array(RecoveryOrderDto),
  })
  .meta({ id: 'SupervisionInspection' });
export type InspectionDto = z.infer<typeof InspectionDto>;

/** A station's findings and recovery orders, for everyone who sees the station. */
export const StationSupervisionDto = z
  .strictObject({
    findings: z.array(FindingDto),
    orders: z.array(RecoveryOrderDto),
    article: z.string(),
  })
  .meta({ id: 'StationSupervision' });
export type StationSupervisionDto = z.infer<typeof StationSupervisionDto>;
