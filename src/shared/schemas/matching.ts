import { z } from 'zod';
import { DEMAND_STATUSES, INDUSTRIES } from '../../domain/ledger/codes';

// 对接 (issue #15): suggestions for a demand from the program year's experts and achievements (第七条、第八条), the
// reverse, accepting one, the dockings another station made with a station's records, and demands left unmatched.

export const MATCH_TARGET_KINDS = ['expert', 'achievement'] as const;
export type MatchTargetKind = (typeof MATCH_TARGET_KINDS)[number];

/** One suggestion for a demand: an expert or an achievement, with why it is suggested. */
export const MatchSuggestionDto = z
  .strictObject({
    kind: z.enum(MATCH_TARGET_KINDS),
    id: z.string(),
    /** an expert's name or an achievement's title */
    name: z.string(),
    /** an expert's employer and title, or an achievement's university */
    detail: z.string().nullable(),
    /** 专业领域 or 成果简介, cut to 200 characters */
    excerpt: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    stationId: z.string(),
    stationName: z.string(),
    /** 0–100 */
    score: z.number().int(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'MatchSuggestion' });
export type MatchSuggestionDto = z.infer<typeof MatchSuggestionDto>;

export const MatchSuggestionsDto = z
  .strictObject({
    items: z.array(MatchSuggestionDto),
    /** how many records of the year's pool the demand was compared with */
    poolSize: z.number().int(),
  })
  .meta({ id: 'MatchSuggestions' });
export type MatchSuggestionsDto = z.infer<typeof MatchSuggestionsDto>;

/** The top suggestions of several demands at once (a page of the 企业需求 list). */
export const DemandSuggestionsDto = z
  .strictObject({ items: z.array(z.strictObject({ demandId: z.string(), suggestions: z.array(MatchSuggestionDto) })) })
  .meta({ id: 'DemandSuggestions' });
export type DemandSuggestionsDto = z.infer<typeof DemandSuggestionsDto>;

export const demandSuggestionsQuery = z.object({
  /** comma-separated demand record ids of the station (a page of the list), at most 50 */
  ids: z
    .string({ error: '请指定需求' })
    .regex(/^[\w-]{1,64}(,[\w-]{1,64}){0,49}$/, '需求编号格式不正确，或一次超过 50 项需求'),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

/** An open demand an expert or an achievement could serve (the reverse). */
export const DemandMatchDto = z
  .strictObject({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    enterpriseName: z.string().nullable(),
    collectedOn: z.string(),
    industry: z.enum(INDUSTRIES).nullable(),
    stationId: z.string(),
    stationName: z.string(),
    score: z.number().int(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'DemandMatch' });
export type DemandMatchDto = z.infer<typeof DemandMatchDto>;

export const acceptMatchSchema = z.object({
  kind: z.enum(MATCH_TARGET_KINDS, { error: '请选择匹配对象类型（专家或成果）' }),
  targetId: z.string({ error: '请选择匹配对象' }).min(1, '请选择匹配对象').max(64),
  /** the demand's version the user saw */
  version: z.number({ error: '缺少版本号' }).int().min(1),
});
export type AcceptMatchInput = z.infer<typeof acceptMatchSchema>;

/** A demand of another station matched with one of this station's experts or achievements (推介). */
export const DockingDto = z
  .strictObject({
    demandId: z.string(),
    demandTitle: z.string(),
    enterpriseName: z.string().nullable(),
    status: z.enum(DEMAND_STATUSES),
    matchedOn: z.string().nullable(),
    targetKind: z.enum(MATCH_TARGET_KINDS),
    targetId: z.string(),
    targetName: z.string(),
    /** the station whose demand it is */
    stationId: z.string(),
    stationName: z.string(),
  })
  .meta({ id: 'Docking' });
export type DockingDto = z.infer<typeof DockingDto>;

/** A demand still 已征集 after the threshold (the Center's follow-up). */
export const UnmatchedDemandDto = z
  .strictObject({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    enterpriseName: z.string().nullable(),
    collectedOn: z.string(),
    daysWaiting: z.number().int(),
    stationId: z.string(),
    stationName: z.string(),
    districtCode: z.string().nullable(),
  })
  .meta({ id: 'UnmatchedDemand' });
export type UnmatchedDemandDto = z.infer<typeof UnmatchedDemandDto>;

export const unmatchedDemandsQuery = z.object({
  /** absent: every year */
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  /** days since collection; the 30 unless the reader asks otherwise */
  days: z.coerce.number({ error: '天数应为数字' }).int().min(1, '天数至少为 1').max(365, '天数最多 365').default(30),
  districtCode: z.string().max(10).optional(),
  q: z.string().trim().max(100).optional(),
});
