import { z } from 'zod';
import { pageQuery } from '../api/common';

// 金桥工程-助推计划 (第九条): district stations' landed outcomes marked as candidates, and the Center's review.

export const GOLDEN_BRIDGE_STATUSES = ['pending', 'recommended', 'not_recommended'] as const;

export const goldenBridgeFilter = {
  year: z.coerce.number().int().optional(),
  status: z.enum(GOLDEN_BRIDGE_STATUSES, { error: '状态无效' }).optional(),
  q: z.string().trim().max(100).optional(),
};
export const goldenBridgeListQuery = z.object({ ...pageQuery, ...goldenBridgeFilter });
export const goldenBridgeExportQuery = z.object(goldenBridgeFilter);

export const goldenBridgeReviewSchema = z.object({
  recommend: z.boolean({ error: '请选择是否推荐' }),
  comment: z.string().trim().max(1000, '意见不能超过 1000 字').default(''),
  /** the review's version, null before the first review */
  version: z.number().int().min(1).nullable(),
});

export const GoldenBridgeCandidateDto = z
  .strictObject({
    outcomeId: z.string(),
    stationId: z.string(),
    stationName: z.string(),
    districtCode: z.string().nullable(),
    programYear: z.number().int(),
    title: z.string(),
    date: z.string(),
    uscc: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    /** null: not reviewed yet */
    recommended: z.boolean().nullable(),
    statusLabel: z.string(),
    comment: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewVersion: z.number().int().nullable(),
  })
  .meta({ id: 'GoldenBridgeCandidate' });
export type GoldenBridgeCandidateDto = z.infer<typeof GoldenBridgeCandidateDto>;
