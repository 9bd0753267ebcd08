import { z } from 'zod';
import { pageQuery } from '../api/common';
import { sortField } from './fields';

// 金桥工程-助推计划 (第九条): district stations' landed outcomes marked as candidates, and the Center's review.

/** A candidate's review, in the order it goes: awaiting the Center, then its decision. */
export const GOLDEN_BRIDGE_STATUSES = ['pending', 'recommended', 'not_recommended'] as const;
export type GoldenBridgeStatus = (typeof GOLDEN_BRIDGE_STATUSES)[number];

/** The columns the 金桥工程 list (and its export) sorts by on the server. */
export const GOLDEN_BRIDGE_SORT_KEYS = ['year', 'station', 'title', 'date', 'enterprise', 'status'] as const;

export const goldenBridgeFilter = {
  year: z.coerce.number().int().optional(),
  status: z.enum(GOLDEN_BRIDGE_STATUSES, { error: '状态无效' }).optional(),
  q: z.string().trim().max(100).optional(),
  sort: sortField(GOLDEN_BRIDGE_SORT_KEYS),
};
export const goldenBridgeListQuery = z.object({ ...pageQuery, ...goldenBridgeFilter });
export const goldenBridgeExportQuery = z.object(goldenBridgeFilter);

/** 第九条: a candidate the Center does not recommend goes back to its station with the reason, so one is required. */
export const GOLDEN_BRIDGE_REASON_REQUIRED = '选择“不推荐”时请填写理由（第九条）';
/** One batch is one transaction and one audit row per candidate: bounded so that it stays a short transaction. */
export const GOLDEN_BRIDGE_BATCH_MAX = 200;

const decision = {
  recommend: z.boolean({ error: '请选择“推荐”或“不推荐”' }),
  comment: z.string().trim().max(1000, '审核意见不能超过 1000 字').default(''),
};

function reasonWhenNotRecommended(v: { recommend: boolean; comment: string }, ctx: z.RefinementCtx): void {
  if (!v.recommend && !v.comment)
    ctx.addIssue({ code: 'custom', path: ['comment'], message: GOLDEN_BRIDGE_REASON_REQUIRED });
}

/** the review's version, null before the first review */
const reviewVersion = z.number({ error: '缺少审核版本号' }).int().min(1).nullable();

export const goldenBridgeReviewSchema = z
  .object({ ...decision, version: reviewVersion })
  .superRefine(reasonWhenNotRecommended);
export type GoldenBridgeReviewInput = z.input<typeof goldenBridgeReviewSchema>;

export const goldenBridgeBatchReviewSchema = z
  .object({
    items: z
      .array(z.object({ id: z.string().min(1).max(64), version: reviewVersion }))
      .min(1, '请至少选择一项候选成果')
      .max(GOLDEN_BRIDGE_BATCH_MAX, `一次最多批量审核 ${GOLDEN_BRIDGE_BATCH_MAX} 项，请分批提交`)
      .refine((v) => new Set(v.map((i) => i.id)).size === v.length, { message: '候选成果重复' }),
    ...decision,
  })
  .superRefine(reasonWhenNotRecommended);
export type GoldenBridgeBatchReviewInput = z.input<typeof goldenBridgeBatchReviewSchema>;

export const GoldenBridgeCandidateDto = z
  .strictObject({
    outcomeId: z.string(),
    stationId: z.string(),
    stationName: z.string(),
    stationTypeLabel: z.string(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    hostOrgName: z.string(),
    programYear: z.number().int(),
    title: z.string(),
    /** 落地日期 */
    date: z.string(),
    uscc: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    /** when the host entered the outcome in the ledger, and last changed it */
    recordedAt: z.string(),
    recordUpdatedAt: z.string(),
    /** null: not reviewed yet */
    recommended: z.boolean().nullable(),
    statusLabel: z.string(),
    comment: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewerName: z.string().nullable(),
    reviewVersion: z.number().int().nullable(),
  })
  .meta({ id: 'GoldenBridgeCandidate' });
export type GoldenBridgeCandidateDto = z.infer<typeof GoldenBridgeCandidateDto>;

export const GoldenBridgeBatchResultDto = z
  .strictObject({
    count: z.number().int(),
    items: z.array(GoldenBridgeCandidateDto),
  })
  .meta({ id: 'GoldenBridgeBatchResult' });
export type GoldenBridgeBatchResultDto = z.infer<typeof GoldenBridgeBatchResultDto>;
