// A program year's rules as plain JSON-serialisable data (第三条: 年度项目制). The numbers change every year and an
// administrator edits a copied year, so nothing here may hold a function, a Date or a class instance.

/** An article of the regulation, e.g. `第七条`; every rule in the data carries one so users can check it. */
export type Article = `第${string}条`;

export const STATION_TYPES = ['district_a', 'district_b', 'iur'] as const;
export type StationType = (typeof STATION_TYPES)[number];
export type DistrictStationType = Exclude<StationType, 'iur'>;

/** GB/T 2260 county code (6 digits) or `etown` for 经开区, which has no GB/T 2260 code. */
export type DistrictCode = string;

// 第六条 names the kinds of bodies that may host a station; the list lives here (not in the year's data) because the
// codes are stored on organisations and must stay stable across years.
export const HOST_KINDS = [
  { code: 'society', name: '学会', article: '第六条' },
  { code: 'association', name: '协会', article: '第六条' },
  { code: 'alliance', name: '联盟', article: '第六条' },
  { code: 'park_association', name: '园区科协', article: '第六条' },
  { code: 'public_institution', name: '事业单位（非公益一类）', article: '第六条' },
  { code: 'university_association', name: '高校科协/科研院所科协', article: '第六条' },
] as const satisfies ReadonlyArray<{ code: string; name: string; article: Article }>;
export type HostKind = (typeof HOST_KINDS)[number]['code'];

// The KPI ids are a contract of the ledger exchange format (docs/ledger-format.md): never rename one.
export const KPI_IDS = [
  'events',
  'press_releases',
  'press_releases_website',
  'cooperations',
  'enterprises_contacted',
  'association_share',
  'key_enterprises',
  'key_enterprises_srdi',
  'landed_outcomes',
  'demands',
  'expert_person_times',
  'achievements',
  'report_summary',
  'report_final_accounts',
  'report_demand_analysis',
  'report_expert_service_mode',
  'report_regional_development',
  'report_iur_mode',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** How `actual` is formed, so the UI can format it (a share is shown as a percentage, words as 字). */
export type KpiMeasure = 'count' | 'share' | 'words' | 'presence';
export type KpiUnit = '家' | '场' | '篇' | '项' | '人次' | '字' | '份' | '';

export const EXPENSE_CATEGORIES = ['consulting', 'labour', 'activity', 'meeting', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

// Item codes are a ledger contract too (docs/ledger-format.md); which category holds which item is year data.
export const PERMITTED_ITEM_CODES = [
  'expert_consulting',
  'expert_labour',
  'commissioner_labour',
  'temp_staff_labour',
  'design',
  'production',
  'printing',
  'exhibition',
  'av_equipment',
  'photo_video',
  'translation',
  'venue',
  'meeting_materials',
  'meeting_services',
  'local_transport',
  'publicity',
  'partner_support',
  'other',
] as const;
export type PermittedItemCode = (typeof PERMITTED_ITEM_CODES)[number];

export const FORBIDDEN_ITEM_CODES = [
  'welfare_bonus',
  'routine_office',
  'travel_abroad',
  'hospitality',
  'meals',
  'equipment_repair',
  'equipment_purchase',
  'management_fee',
  'fine',
  'loan_repayment',
  'donation',
  'sponsorship',
  'investment',
  'unrelated',
] as const;
export type ForbiddenItemCode = (typeof FORBIDDEN_ITEM_CODES)[number];

/** Expert grades of the consulting-fee standard; the same codes as `experts[].grade` in the ledger. */
export const EXPERT_GRADES = ['academician', 'senior', 'other'] as const;
export type ExpertGrade = (typeof EXPERT_GRADES)[number];

export interface StationTypePolicy {
  /** e.g. 区工作站点（A类） */
  name: string;
  /** e.g. A类站点, for narrow table columns */
  shortName: string;
  /** where the type is defined */
  article: Article;
  /** number of stations funded this year */
  quota: number;
  quotaArticle: Article;
  /** fixed amount per station, integer fen (第十五条: 定额事前直接支付) */
  fundingFen: number;
  fundingArticle: Article;
  hostKinds: HostKind[];
  hostArticle: Article;
  /** district stations are recommended by their district association (第五条, 第六条) */
  recommendedByDistrict: boolean;
  /** the article that sets this type's targets */
  targetsArticle: Article;
}

export interface DistrictPolicy {
  code: DistrictCode;
  /** short name as the regulation writes it, e.g. 海淀区, 经开区 */
  name: string;
  /** full name where the short one is an abbreviation */
  fullName: string;
  stationType: DistrictStationType;
  /** the article that puts the district in its class */
  article: Article;
}

export interface KpiPolicy {
  id: KpiId;
  /** district stations cite the first article of the docs/ledger-format.md table, IUR stations the second */
  article: Article;
  /** `actual >= target` means met; a share is a fraction (0.4), not a percentage */
  target: number;
  name: string;
  unit: KpiUnit;
  measure: KpiMeasure;
  /** shown beside the KPI in the UI: how the system counts it */
  countingRule: string;
}

export interface ExpenseItemPolicy {
  code: PermittedItemCode;
  name: string;
}

export interface ExpenseCategoryPolicy {
  code: ExpenseCategory;
  name: string;
  article: Article;
  /** the clause of the article, e.g. （一） */
  clause: string;
  description: string;
  /** a payee restriction of the article, in its words; null when it sets none */
  restriction: string | null;
  items: ExpenseItemPolicy[];
}

export interface ForbiddenItemPolicy {
  code: ForbiddenItemCode;
  name: string;
  article: Article;
  clause: string;
}

export interface ConsultingGradeRate {
  grade: ExpertGrade;
  name: string;
  /** per person-day for days 1–2, after tax, integer fen */
  minPerDayFen: number;
  maxPerDayFen: number;
}

export interface ConsultingFeeStandard {
  /** document number, e.g. 财科教〔2017〕128号 */
  source: string;
  sourceTitle: string;
  /** the regulation's article that refers budgets to the standard */
  article: Article;
  afterTax: boolean;
  grades: ConsultingGradeRate[];
  /** grade assumed when a payee's grade is unknown (docs/ledger-format.md: judged as senior) */
  defaultGrade: ExpertGrade;
  /** half a day is paid at this share of the day rate */
  halfDayRatio: number;
  /** from the third day on, each day is paid at this share of the day rate */
  fromDayThreeRatio: number;
  remoteSessionRatio: { min: number; max: number };
  /** whether the compliance engine compares expenses with the caps this year */
  checked: boolean;
}

export interface IncomeTaxBracket {
  /** upper bound of taxable income per payment in fen; null for the open top bracket */
  upToFen: number | null;
  rate: number;
  quickDeductionFen: number;
}

export interface LabourFeeStandard {
  source: string;
  article: Article;
  /** null: the year sets no cap */
  capPerDayFen: number | null;
  checked: boolean;
  /** 劳务报酬所得 withholding, for the net→gross calculator */
  incomeTax: {
    source: string;
    /** up to this amount per payment a fixed deduction applies, above it a proportional one */
    fixedDeductionUpToFen: number;
    fixedDeductionFen: number;
    proportionalDeductionRate: number;
    brackets: IncomeTaxBracket[];
  };
}

export interface MeetingClassRate {
  code: 'class1' | 'class2' | 'class3_4';
  name: string;
  /** all-in cap per person-day, integer fen */
  capPerDayFen: number;
  lodgingFen: number;
  mealsFen: number;
  otherFen: number;
}

export interface MeetingFeeStandard {
  source: string;
  sourceTitle: string;
  article: Article;
  classes: MeetingClassRate[];
  /** 第十七条 forbids 用餐; whether a meeting budget may still carry its meal part is a reading, default false */
  mealsInMeetingAllowed: boolean;
  mealsArticle: Article;
  checked: boolean;
}

export interface LectureRate {
  code: 'associate_senior' | 'full_senior' | 'academician';
  name: string;
  /** after tax, per class hour, integer fen */
  maxPerHourFen: number;
}

export interface LectureFeeStandard {
  source: string;
  sourceTitle: string;
  article: Article;
  /** lecture fees are booked in this category */
  bookedAs: ExpenseCategory;
  afterTax: boolean;
  rates: LectureRate[];
  maxHoursPerHalfDay: number;
  checked: boolean;
}

export interface FeeStandards {
  consulting: ConsultingFeeStandard;
  labour: LabourFeeStandard;
  meeting: MeetingFeeStandard;
  lecture: LectureFeeStandard;
}

export interface Policy {
  year: number;
  title: string;
  /** the regulation the data reads */
  sourceDocument: string;
  hostKinds: Array<{ code: HostKind; name: string; article: Article }>;
  stationTypes: Record<StationType, StationTypePolicy>;
  districts: DistrictPolicy[];
  kpis: Record<StationType, KpiPolicy[]>;
  expenseCategories: ExpenseCategoryPolicy[];
  forbiddenItems: ForbiddenItemPolicy[];
  /** words in an expense's purpose that suggest a forbidden expense; a hint for a human, not a refusal */
  forbiddenPurposeWords: string[];
  forbiddenPurposeArticle: Article;
  feeStandards: FeeStandards;
}
