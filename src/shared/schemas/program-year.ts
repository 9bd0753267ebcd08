import { z } from 'zod';
import {
  EXPENSE_CATEGORIES,
  EXPERT_GRADES,
  FORBIDDEN_ITEM_CODES,
  KPI_IDS,
  PERMITTED_ITEM_CODES,
} from '../../domain/policy/types';
import { HOST_KIND_CODES } from './organization';

export const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效') });

export const copyYearSchema = z.object({
  fromYear: z.number({ error: '请选择复制来源年度' }).int().min(2000).max(2100),
  year: z.number({ error: '请输入新年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
});

const fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负');

/** The editable numbers of a year's policy; everything else is copied unchanged. */
export const updatePolicySchema = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, '请输入标题').max(200).optional(),
  stationTypes: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.object({ quota: z.number().int().min(0, '名额不能为负').max(1000), fundingFen: fen }).partial(),
    )
    .optional(),
  districts: z.array(z.object({ code: z.string(), stationType: z.enum(['district_a', 'district_b']) })).optional(),
  kpis: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.array(z.object({ id: z.string(), target: z.number().min(0, '目标值不能为负') })),
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
  })
  .meta({ id: 'ProgramYear' });
export type ProgramYearDto = z.infer<typeof ProgramYearDto>;
