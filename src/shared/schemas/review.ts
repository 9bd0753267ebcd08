import { z } from 'zod';
import { LifecycleFileDto } from './lifecycle-file';

// 专家评审 and 实地考察 (第十条): what the server answers. The request schemas are in application.ts.

/** A reviewer of the pool, offered in the Center's assignment dialog. */
export const ApplicationReviewerDto = z
  .strictObject({
    id: z.string(),
    displayName: z.string(),
    username: z.string(),
    employerName: z.string().nullable(),
    /** for the application asked about: why this reviewer must stand aside (第十条 回避); else null */
    conflict: z.string().nullable(),
  })
  .meta({ id: 'ApplicationReviewer' });
export const reviewersQuery = z.object({ applicationId: z.string().min(1).max(64).optional() });
export type ApplicationReviewerDto = z.infer<typeof ApplicationReviewerDto>;

export const REVIEW_ASSIGNMENT_STATUSES = ['assigned', 'recused', 'submitted'] as const;

/** One reviewer's task on one application: declaration, scores by the call's rubric, comment. */
export const ReviewAssignmentDto = z
  .strictObject({
    id: z.string(),
    applicationId: z.string(),
    stationName: z.string(),
    hostName: z.string(),
    programYear: z.number().int(),
    reviewerId: z.string(),
    reviewerName: z.string(),
    status: z.enum(REVIEW_ASSIGNMENT_STATUSES),
    statusLabel: z.string(),
    declared: z.boolean(),
    conflictNote: z.string().nullable(),
    scores: z.record(z.string(), z.number()).nullable(),
    totalScore: z.number().nullable(),
    comment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    /** 评分细则 (第十条) with what each criterion judges (`describedRubric`) */
    rubric: z.array(
      z.strictObject({ id: z.string(), name: z.string(), weight: z.number(), description: z.string().optional() }),
    ),
    deadline: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ReviewAssignment' });
export type ReviewAssignmentDto = z.infer<typeof ReviewAssignmentDto>;

/** 实地考察 of an application (not the supervision's inspections of a station). */
export const SiteVisitDto = z
  .strictObject({
    id: z.string(),
    applicationId: z.string(),
    visitedOn: z.string(),
    participants: z.string(),
    districtParticipants: z.string(),
    findings: z.string(),
    photos: z.array(LifecycleFileDto),
    createdAt: z.string(),
  })
  .meta({ id: 'ApplicationSiteVisit' });
export type SiteVisitDto = z.infer<typeof SiteVisitDto>;
