import { z } from 'zod';
import {
  EXPENSE_CATEGORIES,
  EXPERT_GRADES,
  FORBIDDEN_ITEM_CODES,
  KPI_IDS,
  type KpiMeasure,
  PERMITTED_ITEM_CODES,
} from '../../domain/policy/types';
import { HOST_KIND_CODES } from './organization';

export const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效') });

export const copyYearSchema = z.object({
  fromYear: z.number({ error: '请选择复制来源年度' }).int().min(2000).max(2100),
  year: z.number({ error: '请输入新年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
});

// Bounds of the numbers the Center types into a year's policy (第六条 名额与支持金额, 第七条/第八条 考核指标). A value
// outside them is refused with a message naming the field, never rounded or clamped: a typo of three zeros must not
// become the year's appropriation. The maxima are far above any plausible year (2025: 23 places, ¥150,000 a station).
export const QUOTA_MAX = 500;
/** ¥2,000,000.00 a station, in fen. */
export const FUNDING_MAX_FEN = 200_000_000;
export const KPI_COUNT_MAX = 10_000;
export const KPI_WORDS_MAX = 100_000;

const QUOTA_MESSAGE = `名额须为 1–${QUOTA_MAX} 之间的整数（第六条）`;
const FUNDING_MESSAGE = '每站支持经费须在 0.01–2,000,000.00 元之间（第六条）';

/** 第六条: the number of stations a type funds this year. */
export const quotaField = z
  .number({ error: QUOTA_MESSAGE })
  .int(QUOTA_MESSAGE)
  .min(1, QUOTA_MESSAGE)
  .max(QUOTA_MAX, QUOTA_MESSAGE);

/** 第六条: the fixed support per station, integer fen; a fraction of a fen is a third decimal of yuan. */
export const fundingFenField = z
  .number({ error: FUNDING_MESSAGE })
  .int('每站支持经费的金额最多两位小数（第六条）')
  .min(1, FUNDING_MESSAGE)
  .max(FUNDING_MAX_FEN, FUNDING_MESSAGE);

const SHARE_MESSAGE = '比例目标须在 0%–100% 之间，最多精确到 0.01%（第七条）';
const countMessage = `考核指标目标值须为 0–${KPI_COUNT_MAX.toLocaleString('en-US')} 之间的整数（第七条、第八条）`;
const wordsMessage = `报告字数目标须为 0–${KPI_WORDS_MAX.toLocaleString('en-US')} 之间的整数（第七条、第八条）`;
const PRESENCE_MESSAGE = '报告份数目标须为 0 或 1（第七条、第十二条）';
const intBetween = (max: number, message: string) =>
  z.number({ error: message }).int(message).min(0, message).max(max, message);

/**
 * One KPI target by how it is measured (第七条、第八条): a share is a fraction with at most four decimals (0.01%),
 * counts and words are whole numbers, a report is there or not. The update body does not say a KPI's measure, so the
 * route checks the loose bound below and the service applies this one against the year's own KPI list.
 */
export function kpiTargetSchema(measure: KpiMeasure): z.ZodType<number> {
  switch (measure) {
    case 'share':
      return (
        z
          .number({ error: SHARE_MESSAGE })
          .min(0, SHARE_MESSAGE)
          .max(1, SHARE_MESSAGE)
          // 0.3333 × 10⁴ is 3332.9999…: compare with a tolerance far below 0.01%.
          .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, SHARE_MESSAGE)
      );
    case 'words':
      return intBetween(KPI_WORDS_MAX, wordsMessage);
    case 'presence':
      return intBetween(1, PRESENCE_MESSAGE);
    default:
      return intBetween(KPI_COUNT_MAX, countMessage);
  }
}

const KPI_TARGET_MESSAGE = `考核指标目标值须在 0–${KPI_WORDS_MAX.toLocaleString('en-US')} 之间（第七条、第八条）`;

/** The editable numbers of a year's policy; everything else is copied unchanged. */
export const updatePolicySchema = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, '请输入标题').max(200).optional(),
  stationTypes: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.object({ quota: quotaField, fundingFen: fundingFenField }).partial(),
    )
    .optional(),
  districts: z.array(z.object({ code: z.string(), stationType: z.enum(['district_a', 'district_b']) })).optional(),
  kpis: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.array(
        z.object({
          id: z.string(),
          target: z
            .number({ error: KPI_TARGET_MESSAGE })
            .min(0, KPI_TARGET_MESSAGE)
            .max(KPI_WORDS_MAX, KPI_TARGET_MESSAGE),
        }),
      ),
    )
    .optional(),
});
export type UpdatePolicyInput = z.infer<typeof updatePolicySchema>;

// The policy as it is stored and sent (src/domain/policy/types.ts), every rule with the article it cites.
const article = z.templateLiteral(['第', z.string(), '条']);
const stationTypeRecord = <T extends z.ZodType>(item: T) =>
  z.strictObject({ district_a: item, district_b: item, iur: item });

const stationTypePolicy = z.strictObject({
  name: z.string(),
  shortName: z.string(),
  article,
  quota: z.number().int(),
  quotaArticle: article,
  fundingFen: z.number().int(),
  fundingArticle: article,
  hostKinds: z.array(z.enum(HOST_KIND_CODES)),
  hostArticle: article,
  recommendedByDistrict: z.boolean(),
  targetsArticle: article,
});

const kpiPolicy = z.strictObject({
  id: z.enum(KPI_IDS),
  article,
  target: z.number(),
  name: z.string(),
  unit: z.enum(['家', '场', '篇', '项', '人次', '字', '份', '']),
  measure: z.enum(['count', 'share', 'words', 'presence']),
  countingRule: z.string(),
});

const feeStandards = z.strictObject({
  consulting: z.strictObject({
    source: z.string(),
    sourceTitle: z.string(),
    article,
    afterTax: z.boolean(),
    grades: z.array(
      z.strictObject({
        grade: z.enum(EXPERT_GRADES),
        name: z.string(),
        minPerDayFen: z.number().int(),
        maxPerDayFen: z.number().int(),
      }),
    ),
    defaultGrade: z.enum(EXPERT_GRADES),
    halfDayRatio: z.number(),
    fromDayThreeRatio: z.number(),
    remoteSessionRatio: z.strictObject({ min: z.number(), max: z.number() }),
    checked: z.boolean(),
  }),
  labour: z.strictObject({
    source: z.string(),
    article,
    capPerDayFen: z.number().int().nullable(),
    checked: z.boolean(),
    incomeTax: z.strictObject({
      source: z.string(),
      fixedDeductionUpToFen: z.number().int(),
      fixedDeductionFen: z.number().int(),
      proportionalDeductionRate: z.number(),
      brackets: z.array(
        z.strictObject({ upToFen: z.number().int().nullable(), rate: z.number(), quickDeductionFen: z.number().int() }),
      ),
    }),
  }),
  meeting: z.strictObject({
    source: z.string(),
    sourceTitle: z.string(),
    article,
    classes: z.array(
      z.strictObject({
        code: z.enum(['class1', 'class2', 'class3_4']),
        name: z.string(),
        capPerDayFen: z.number().int(),
        lodgingFen: z.number().int(),
        mealsFen: z.number().int(),
        otherFen: z.number().int(),
      }),
    ),
    mealsInMeetingAllowed: z.boolean(),
    mealsArticle: article,
    checked: z.boolean(),
  }),
  lecture: z.strictObject({
    source: z.string(),
    sourceTitle: z.string(),
    article,
    bookedAs: z.enum(EXPENSE_CATEGORIES),
    afterTax: z.boolean(),
    rates: z.array(
      z.strictObject({
        code: z.enum(['associate_senior', 'full_senior', 'academician']),
        name: z.string(),
        maxPerHourFen: z.number().int(),
      }),
    ),
    maxHoursPerHalfDay: z.number(),
    checked: z.boolean(),
  }),
});

/** A program year's rules (第三条 年度项目制): quotas, districts, KPI targets, permitted expenses, fee standards. */
export const PolicyDto = z
  .strictObject({
    year: z.number().int(),
    title: z.string(),
    sourceDocument: z.string(),
    hostKinds: z.array(z.strictObject({ code: z.enum(HOST_KIND_CODES), name: z.string(), article })),
    stationTypes: stationTypeRecord(stationTypePolicy),
    districts: z.array(
      z.strictObject({
        code: z.string(),
        name: z.string(),
        fullName: z.string(),
        stationType: z.enum(['district_a', 'district_b']),
        article,
      }),
    ),
    kpis: stationTypeRecord(z.array(kpiPolicy)),
    expenseCategories: z.array(
      z.strictObject({
        code: z.enum(EXPENSE_CATEGORIES),
        name: z.string(),
        article,
        clause: z.string(),
        description: z.string(),
        restriction: z.string().nullable(),
        items: z.array(z.strictObject({ code: z.enum(PERMITTED_ITEM_CODES), name: z.string() })),
      }),
    ),
    forbiddenItems: z.array(
      z.strictObject({ code: z.enum(FORBIDDEN_ITEM_CODES), name: z.string(), article, clause: z.string() }),
    ),
    forbiddenPurposeWords: z.array(z.string()),
    forbiddenPurposeArticle: article,
    feeStandards,
  })
  .meta({ id: 'ProgramYearPolicy' });
export type PolicyDto = z.infer<typeof PolicyDto>;

export const PROGRAM_YEAR_STATUSES = ['draft', 'locked'] as const;

/** A year in the list, with its stations within the caller's data scope. */
export const ProgramYearSummaryDto = z
  .strictObject({
    year: z.number().int(),
    title: z.string(),
    status: z.enum(PROGRAM_YEAR_STATUSES),
    lockedAt: z.string().nullable(),
    stationCount: z.number().int(),
    /** the earliest start and latest end of the year's station periods in the account's scope; null without stations */
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    /** the working year: the one every page opens on (issue 14, src/domain/lifecycle/working-year.ts) */
    working: z.boolean(),
    quotaTotal: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProgramYearSummary' });
export type ProgramYearSummaryDto = z.infer<typeof ProgramYearSummaryDto>;

/** A year's policy, with what `validatePolicy` finds wrong in it (nothing, for a year that may be locked). */
export const ProgramYearDto = z
  .strictObject({
    year: z.number().int(),
    title: z.string(),
    status: z.enum(PROGRAM_YEAR_STATUSES),
    lockedAt: z.string().nullable(),
    version: z.number().int(),
    quotaTotal: z.number().int(),
    policy: PolicyDto,
    problems: z.array(z.string()),
    /**
     * Whether the Center may still change the policy: not once the call has opened (`status` locked, 第十条) nor once
     * a project of the year has signed its agreement (第十一条: its content then changes only by change request).
     */
    editable: z.boolean(),
    /** why not, in the words the update route refuses with; null when editable */
    lockedReason: z.string().nullable(),
  })
  .meta({ id: 'ProgramYear' });
export type ProgramYearDto = z.infer<typeof ProgramYearDto>;
