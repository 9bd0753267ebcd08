import { z } from 'zod';
import { isIsoDate } from '../../domain/ledger/schema';
import { APPLICATION_STATES, type ApplicationAction } from '../../domain/lifecycle/machines';
import { MAX_FEN } from '../../domain/money';
import { EXPENSE_CATEGORIES, KPI_IDS, STATION_TYPES } from '../../domain/policy/types';
import { pageQuery } from '../api/common';
import { districtCodeField, phoneField, sortField } from './fields';
import { LifecycleFileDto } from './lifecycle-file';

// 项目申报书 (第十条). A draft may be incomplete: every field is optional, but what is there must be well formed.
// Completeness and eligibility are checked on submission by `applicationGaps` (src/domain/lifecycle), which names
// every gap. Money is integer fen.

const text = (name: string, max: number) =>
  z
    .string({ error: `${name}应为文字` })
    .trim()
    .max(max, `${name}不能超过 ${max} 字`);
const fen = (name: string) =>
  z
    .number({ error: `${name}应为金额（分）` })
    .int(`${name}应以分为单位的整数`)
    .min(0, `${name}不能为负数`)
    .max(MAX_FEN, `${name}过大`);

export const PUBLIC_INSTITUTION_CLASSES = ['welfare_1', 'welfare_2', 'business'] as const;

export const scheduleItemSchema = z.object({
  month: z.string({ error: '请填写月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM'),
  content: text('工作内容', 500).min(1, '请填写工作内容'),
});

export const applicationFormSchema = z
  .object({
    stationName: text('站点名称', 60),
    stationType: z.enum(STATION_TYPES, { error: '站点类型无效' }),
    districtCode: districtCodeField.nullable(),
    leaderName: text('负责人姓名', 30),
    leaderTitle: text('负责人职务', 60),
    leaderPhone: phoneField(false),
    contactName: text('联系人姓名', 30),
    contactPhone: phoneField(false),
    contactEmail: z.union([z.literal(''), z.email('邮箱格式不正确')]),
    /** 事业单位 only: its class; 公益一类 may not host a station (第六条) */
    publicInstitutionClass: z.enum(PUBLIC_INSTITUTION_CLASSES, { error: '事业单位类别无效' }).nullable(),
    /** university and institute hosts only: the organisation has its own 科协 (第六条) */
    hasOwnAssociation: z.boolean({ error: '请选择是否设有科协' }).nullable(),
    resources: text('资源条件', 5000),
    targets: z.partialRecord(z.enum(KPI_IDS), z.number({ error: '目标值应为数字' }).min(0, '目标值不能为负数')),
    activityPlan: text('活动计划', 20_000),
    schedule: z.array(scheduleItemSchema).max(60, '进度安排最多 60 项'),
    budgetFen: z.partialRecord(z.enum(EXPENSE_CATEGORIES), fen('预算金额')),
    matchingFundsFen: fen('配套经费'),
    matchingFundsSource: text('配套经费来源', 200),
  })
  .partial();
export type ApplicationForm = z.infer<typeof applicationFormSchema>;

export const applicationCreateSchema = z.object({
  callId: z.string({ error: '请选择申报通知' }).min(1, '请选择申报通知').max(64),
  form: applicationFormSchema,
});
export const applicationUpdateSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  form: applicationFormSchema,
});
export const versionOnlySchema = z.object({ version: z.number({ error: '缺少版本号' }).int().min(1) });
export const reasonSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  reason: z.string({ error: '请填写原因' }).trim().max(2000, '原因不能超过 2000 字').default(''),
});
export const recommendSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  opinion: z.string({ error: '请填写推荐意见' }).trim().min(2, '请填写推荐意见').max(2000, '推荐意见不能超过 2000 字'),
});

export const APPLICATION_FILE_PURPOSES = ['application_form', 'work_plan', 'other'] as const;
export type ApplicationFilePurpose = (typeof APPLICATION_FILE_PURPOSES)[number];

/** The file name an upload is stored under (the bytes come as application/octet-stream). */
export const uploadFileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');
export const applicationFileQuery = z.object({
  purpose: z.enum(APPLICATION_FILE_PURPOSES, { error: '请选择材料类型' }),
  fileName: uploadFileName,
});

/** The columns the 申报书 list sorts by on the server. */
export const APPLICATION_SORT_KEYS = ['host', 'district', 'status', 'submittedAt', 'updatedAt'] as const;
export const applicationListQuery = z.object({
  ...pageQuery,
  sort: sortField(APPLICATION_SORT_KEYS),
  year: z.coerce.number().int().optional(),
  status: z.string().max(30).optional(),
  type: z.string().max(30).optional(),
  districtCode: z.string().max(10).optional(),
  q: z.string().trim().max(100).optional(),
});

export const dateField = (name: string) =>
  z.string({ error: `请选择${name}` }).refine(isIsoDate, { message: `${name}应为 YYYY-MM-DD 格式的有效日期` });

// 评审 (第十条): the Center assigns, each reviewer declares conflicts, then scores by the year's rubric.
export const assignReviewersSchema = z.object({
  reviewerIds: z
    .array(z.string().min(1).max(64))
    .min(1, '请至少选择一位评审专家')
    .max(30, '一次最多指派 30 位专家')
    .refine((v) => new Set(v).size === v.length, { message: '评审专家重复' }),
});
export const declarationSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  hasConflict: z.boolean({ error: '请声明是否存在利益冲突' }),
  note: z.string().trim().max(1000, '说明不能超过 1000 字').default(''),
});
export const scoreSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  // Each criterion's range is the call's rubric (data): `checkScores` checks it with `criterionScoreSchema`, whose
  // messages name the criterion, so the record only asks for numbers here.
  scores: z.record(z.string().min(1).max(40), z.number({ error: '评分应为数字' })),
  comment: z
    .string({ error: '请填写评审意见' })
    .trim()
    .min(5, '请填写评审意见（至少 5 个字）')
    .max(5000, '评审意见不能超过 5000 字'),
});

export const siteVisitSchema = z.object({
  visitedOn: dateField('考察日期'),
  participants: z
    .string({ error: '请填写考察人员' })
    .trim()
    .min(2, '请填写考察人员')
    .max(500, '考察人员不能超过 500 字'),
  districtParticipants: z
    .string({ error: '请填写区科协参加人员' })
    .trim()
    .min(2, '请填写区科协参加人员（第十条：区科协参与实地考察）')
    .max(500, '区科协参加人员不能超过 500 字'),
  findings: z
    .string({ error: '请填写考察情况' })
    .trim()
    .min(5, '请填写考察情况（至少 5 个字）')
    .max(10_000, '考察情况过长'),
});

export const approveBatchSchema = z.object({
  items: z
    .array(z.object({ id: z.string().min(1).max(64), version: z.number().int().min(1) }))
    .min(1, '请至少选择一份申报书')
    .max(100, '一次最多批准 100 份'),
});

// ---------------------------------------------------------------------------------------------------------------
// Answers (decision 020)

export const applicationStatusSchema = z.enum(APPLICATION_STATES);
const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'return',
  'recommend',
  'start_review',
  'approve',
  'reject',
] as const satisfies readonly ApplicationAction[];

const applicationSummaryShape = {
  id: z.string(),
  programYear: z.number().int(),
  callId: z.string(),
  hostOrgId: z.string(),
  hostName: z.string(),
  stationType: z.enum(STATION_TYPES),
  stationTypeLabel: z.string(),
  districtCode: z.string().nullable(),
  stationName: z.string(),
  status: applicationStatusSchema,
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** mean of the submitted scores of reviewers not recused, one decimal; null before the first (and for non-Center) */
  averageScore: z.number().nullable(),
  scoredCount: z.number().int(),
  stationId: z.string().nullable(),
  version: z.number().int(),
};

export const ApplicationSummaryDto = z.strictObject(applicationSummaryShape).meta({ id: 'ApplicationSummary' });
export type ApplicationSummaryDto = z.infer<typeof ApplicationSummaryDto>;

export const ApplicationDetailDto = z
  .strictObject({
    ...applicationSummaryShape,
    // As saved: every save passed applicationFormSchema.
    form: applicationFormSchema,
    files: z.array(LifecycleFileDto),
    requiredDocuments: z.array(z.strictObject({ purpose: z.string(), label: z.string() })),
    /** what still stops submission; shown to the host and the Center */
    gaps: z.array(z.strictObject({ path: z.string(), message: z.string() })),
    districtOpinion: z.string().nullable(),
    returnReason: z.string().nullable(),
    decisionReason: z.string().nullable(),
    recommendedByDistrict: z.boolean(),
    deadline: z.string(),
    minReviewers: z.number().int(),
    actions: z.array(z.enum(APPLICATION_ACTIONS)),
    actionLabels: z.record(z.string(), z.string()),
    /** the organisation's results in earlier years (第十三条), for reviewers and the Center */
    history: z.array(
      z.strictObject({
        programYear: z.number().int(),
        stationName: z.string(),
        /** the type's label */
        stationType: z.string(),
        result: z.string(),
      }),
    ),
    hostKind: z.string().nullable(),
  })
  .meta({ id: 'ApplicationDetail' });
export type ApplicationDetailDto = z.infer<typeof ApplicationDetailDto>;

/** 评审排名 per station type (第十条): a rank only for those scored. */
export const ApplicationRankingDto = z
  .strictObject({
    year: z.number().int(),
    types: z.array(
      z.strictObject({
        type: z.enum(STATION_TYPES),
        label: z.string(),
        quota: z.number().int(),
        quotaArticle: z.string(),
        approved: z.number().int(),
        items: z.array(z.strictObject({ ...applicationSummaryShape, rank: z.number().int().nullable() })),
      }),
    ),
  })
  .meta({ id: 'ApplicationRanking' });
export type ApplicationRankingDto = z.infer<typeof ApplicationRankingDto>;

export const ApplicationApprovalDto = z
  .strictObject({
    approved: z.array(z.strictObject({ applicationId: z.string(), stationId: z.string(), projectId: z.string() })),
  })
  .meta({ id: 'ApplicationApproval' });
export type ApplicationApprovalDto = z.infer<typeof ApplicationApprovalDto>;
