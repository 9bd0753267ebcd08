import { z } from 'zod';
import { FINDING_IDS } from '../../domain/kpi/types';
import { PROJECT_STATES, type ProjectAction } from '../../domain/lifecycle/machines';
import { PROJECT_PHASES } from '../../domain/lifecycle/project-phase';
import { MAX_FEN } from '../../domain/money';
import { EXPENSE_CATEGORIES, KPI_IDS, STATION_TYPES } from '../../domain/policy/types';
import { pageQuery } from '../api/common';
import { dateField } from './application';
import { districtCodeField, phoneField, sortField } from './fields';
import { LifecycleFileDto } from './lifecycle-file';

// 项目合作协议 terms as a change request proposes them (第十一条), signing (第十条), reports and acceptance (第十二条,
// 第十三条). Money is integer fen.

const fen = z
  .number({ error: '金额应为数字（分）' })
  .int('金额应以分为单位的整数')
  .min(0, '金额不能为负数')
  .max(MAX_FEN, '金额过大');

export const termsSchema = z.object({
  stationName: z.string({ error: '请填写站点名称' }).trim().min(2, '请填写站点名称').max(60, '站点名称不能超过 60 字'),
  stationType: z.enum(STATION_TYPES, { error: '站点类型无效' }),
  districtCode: districtCodeField.nullable(),
  periodStart: dateField('执行期开始'),
  periodEnd: dateField('执行期结束'),
  leaderName: z.string({ error: '请填写负责人' }).trim().min(1, '请填写负责人').max(30, '负责人姓名过长'),
  leaderPhone: phoneField(true),
  contactName: z.string({ error: '请填写联系人' }).trim().min(1, '请填写联系人').max(30, '联系人姓名过长'),
  contactPhone: phoneField(true),
  targets: z.partialRecord(z.enum(KPI_IDS), z.number({ error: '目标值应为数字' }).min(0, '目标值不能为负数')),
  budgetFen: z.object(
    Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, fen])) as Record<
      (typeof EXPENSE_CATEGORIES)[number],
      typeof fen
    >,
  ),
  matchingFundsFen: fen,
  activityPlan: z.string({ error: '请填写活动计划' }).trim().max(20_000, '活动计划过长'),
});

export const changeRequestInputSchema = z.object({
  title: z.string({ error: '请填写调整事项' }).trim().min(2, '请填写调整事项').max(100, '调整事项不能超过 100 字'),
  reason: z
    .string({ error: '请填写调整理由' })
    .trim()
    .min(5, '请填写调整理由（至少 5 个字）')
    .max(5000, '调整理由过长'),
  effectiveOn: dateField('生效日期'),
  terms: termsSchema,
});
export type ChangeRequestInput = z.infer<typeof changeRequestInputSchema>;
export const changeRequestUpdateSchema = changeRequestInputSchema.extend({
  version: z.number({ error: '缺少版本号' }).int().min(1),
});

export const signSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  hostSignedOn: dateField('乙方签订日期'),
  centerSignedOn: dateField('甲方签订日期'),
});

export const ACCEPTANCE_DECISIONS = ['accept', 'accept_after_rectification', 'fail_acceptance'] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];
export const acceptanceDecisionSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  decision: z.enum(ACCEPTANCE_DECISIONS, { error: '请选择验收结论' }),
  comment: z.string().trim().max(5000, '意见不能超过 5000 字').default(''),
});

// ---------------------------------------------------------------------------------------------------------------
// Requests of the routes (decision 020)

export const projectParam = z.object({ projectId: z.string().min(1).max(64) });
export const projectFileParam = projectParam.extend({ fileId: z.string().min(1).max(64) });
/** The columns the 项目 list sorts by on the server. */
export const PROJECT_SORT_KEYS = ['station', 'host', 'year', 'reportsDueOn', 'status'] as const;
export const projectListQuery = z.object({
  ...pageQuery,
  year: z.coerce.number().int().optional(),
  status: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  sort: sortField(PROJECT_SORT_KEYS),
});
export const agreementDocxQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const versionDiffQuery = z.object({
  from: z.coerce.number({ error: '请选择版本' }).int().min(1),
  to: z.coerce.number({ error: '请选择版本' }).int().min(1),
});
/** The name of an uploaded scan, in the query: the body is the file's bytes. */
export const uploadFileNameQuery = z.object({
  fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
});

// ---------------------------------------------------------------------------------------------------------------
// Answers (decision 020)

export const projectStatusSchema = z.enum(PROJECT_STATES);
export const PROJECT_ACTIONS = [
  'sign',
  'submit_reports',
  'return_reports',
  'accept',
  'accept_after_rectification',
  'fail_acceptance',
] as const satisfies readonly ProjectAction[];

/**
 * The terms of an agreement version as stored (第十条, 第十一条): written from an application or from a change request
 * that passed `termsSchema`, so plain types here — an old version is shown as it was agreed, not re-validated.
 */
export const AgreementTermsDto = z
  .strictObject({
    stationName: z.string(),
    stationType: z.enum(STATION_TYPES),
    districtCode: z.string().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    leaderName: z.string(),
    leaderPhone: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    /** KPI id → target (a share as a fraction) */
    targets: z.record(z.string(), z.number()),
    // Spelled out rather than built from EXPENSE_CATEGORIES: a new category is then a type error in the services.
    budgetFen: z.strictObject({
      consulting: z.number().int(),
      labour: z.number().int(),
      activity: z.number().int(),
      meeting: z.number().int(),
      other: z.number().int(),
    }),
    matchingFundsFen: z.number().int(),
    activityPlan: z.string(),
  })
  .meta({ id: 'AgreementTerms' });
export type AgreementTermsDto = z.infer<typeof AgreementTermsDto>;

/** One changed field between two agreement versions, with readable values (第十一条). */
export const AgreementTermChangeDto = z
  .strictObject({ path: z.string(), label: z.string(), before: z.string(), after: z.string() })
  .meta({ id: 'AgreementTermChange' });
export type AgreementTermChangeDto = z.infer<typeof AgreementTermChangeDto>;

const projectSummaryShape = {
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  stationType: z.enum(STATION_TYPES),
  stationTypeLabel: z.string(),
  districtCode: z.string().nullable(),
  hostName: z.string(),
  programYear: z.number().int(),
  status: projectStatusSchema,
  /** the phase's label: the status, or 待提交报告 once the period has ended (issue 14, 第十二条) */
  statusLabel: z.string(),
  phase: z.enum(PROJECT_PHASES),
  phaseArticle: z.string(),
  /** the reports are owed and past their due date (第十二条) */
  reportsOverdue: z.boolean(),
  reportsDueOn: z.string(),
  /** the latest version's number, in force or not */
  agreementVersion: z.number().int(),
  version: z.number().int(),
};

export const ProjectSummaryDto = z.strictObject(projectSummaryShape).meta({ id: 'ProjectSummary' });
export type ProjectSummaryDto = z.infer<typeof ProjectSummaryDto>;

export const ProjectDetailDto = z
  .strictObject({
    ...projectSummaryShape,
    hostSignedOn: z.string().nullable(),
    centerSignedOn: z.string().nullable(),
    signedFile: LifecycleFileDto.nullable(),
    files: z.array(LifecycleFileDto),
    returnReason: z.string().nullable(),
    acceptanceComment: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reportsSubmittedAt: z.string().nullable(),
    applicationId: z.string().nullable(),
    /** the latest version's terms */
    terms: AgreementTermsDto,
    versions: z.array(
      z.strictObject({
        versionNo: z.number().int(),
        effectiveOn: z.string(),
        createdAt: z.string(),
        changeRequestId: z.string().nullable(),
        /** false while an approved change waits for its effective date (第十一条) */
        inForce: z.boolean(),
      }),
    ),
    /** the version whose terms the station has now, and those terms */
    inForceVersion: z.number().int(),
    termsInForce: AgreementTermsDto,
    actions: z.array(z.enum(PROJECT_ACTIONS)),
    actionLabels: z.record(z.enum(PROJECT_ACTIONS), z.string()),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetailDto = z.infer<typeof ProjectDetailDto>;

/** 验收表 (第十三条), computed: KPIs against the agreement in force, the reports with their 字数, open findings. */
export const ProjectAcceptanceSheetDto = z
  .strictObject({
    project: ProjectSummaryDto,
    kpis: z.array(
      z.strictObject({
        id: z.enum(KPI_IDS),
        name: z.string(),
        article: z.string(),
        target: z.number(),
        agreementTarget: z.number(),
        targetText: z.string(),
        actual: z.number(),
        actualText: z.string(),
        met: z.boolean(),
        /** the station's KPI page, listing the evidenced records behind the figure */
        evidenceLink: z.string(),
      }),
    ),
    reports: z.array(
      z.strictObject({ kind: z.string(), label: z.string(), present: z.boolean(), wordCount: z.number().int() }),
    ),
    findings: z.array(
      z.strictObject({
        id: z.enum(FINDING_IDS),
        article: z.string().nullable(),
        severity: z.enum(['block', 'warn']),
        ref: z.string(),
        label: z.string(),
      }),
    ),
    /** docs/ledger-format.md's funds block (amounts as 元 text); null without a budget */
    funds: z
      .strictObject({
        granted: z.string(),
        spentGrant: z.string(),
        spentMatching: z.string(),
        executionRate: z.number(),
        byCategory: z.record(z.string(), z.string()),
      })
      .nullable(),
    fundsNote: z.string(),
    metCount: z.number().int(),
    /** the decided state's label; null before the decision */
    decision: z.string().nullable(),
    comment: z.string().nullable(),
    decidedAt: z.string().nullable(),
    status: projectStatusSchema,
  })
  .meta({ id: 'ProjectAcceptanceSheet' });
export type ProjectAcceptanceSheetDto = z.infer<typeof ProjectAcceptanceSheetDto>;
