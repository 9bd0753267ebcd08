import { z } from 'zod';
import { demandStepIssues } from '../../domain/demand-lifecycle';
import { isValidIdCard } from '../../domain/id-card';
import {
  CONTACT_MODES,
  DEMAND_STATUSES,
  EVENT_KINDS,
  EVIDENCE_KINDS,
  EXPERT_KINDS,
  INDUSTRIES,
  PRESS_CHANNELS,
  REPORT_KINDS,
  SRDI_LEVELS,
} from '../../domain/ledger/codes';
import { isIsoDate, webUrl } from '../../domain/ledger/schema';
import { EXPERT_GRADES } from '../../domain/policy/types';
import { isValidUscc, normalizeUscc } from '../../domain/uscc';
import type { RecordKind } from '../record-kinds';
import { districtCodeField, phoneField } from './fields';

// The kinds and their names live apart from the schemas, so that a page naming a kind does not load zod (issue 16).
export { RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from '../record-kinds';

// Input schemas of a station's ledger records (issue #3), shared by the forms and the routes. Messages name the field.

const date = (name: string) =>
  z.string({ error: `请选择${name}` }).refine(isIsoDate, { message: `${name}应为 YYYY-MM-DD 格式的有效日期` });
const optDate = (name: string) => date(name).nullable().optional();
const text = (name: string, max: number, min = 1) =>
  z
    .string({ error: `请输入${name}` })
    .trim()
    .min(min, `请输入${name}`)
    .max(max, `${name}不能超过 ${max} 字`);
const optText = (name: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${name}不能超过 ${max} 字`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const flag = (name: string) => z.boolean({ error: `请选择${name}` });
/** 行业 (issue #15): optional; null clears it. */
const industryField = z.enum(INDUSTRIES, { error: '请选择列表中的行业' }).nullable().optional();

/** What a demand was matched with (the ledger format's `matchedKind`). */
export const MATCH_KINDS = ['expert', 'university', 'achievement'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** GB 32100 check, after trimming and upper-casing (the same normalisation as the KPI engine). */
export const usccField = z
  .string({ error: '请输入统一社会信用代码' })
  .transform(normalizeUscc)
  .refine((v) => v.length === 18, { message: '统一社会信用代码应为 18 位' })
  .refine(isValidUscc, { message: '统一社会信用代码校验位不正确（GB 32100-2015），请核对' });

export const enterpriseRecordSchema = z.object({
  uscc: usccField,
  name: text('企业名称', 100, 2),
  districtCode: districtCodeField,
  hasAssociation: flag('是否建有企业科协'),
  srdi: z.enum(SRDI_LEVELS, { error: '请选择专精特新级别' }),
  keyServed: flag('是否重点服务企业'),
  /** the shared registry's 行业: left out, the registry keeps what it has */
  industry: industryField,
});

export const contactRecordSchema = z.object({
  uscc: usccField,
  date: date('联系日期'),
  mode: z.enum(CONTACT_MODES, { error: '请选择联系方式' }),
  people: optText('参与人员', 200),
  note: optText('备注', 2000),
});

export const demandRecordSchema = z
  .object({
    uscc: usccField,
    title: text('需求名称', 200, 2),
    collectedOn: date('征集日期'),
    status: z.enum(DEMAND_STATUSES, { error: '请选择需求状态' }),
    matchedKind: z.enum(MATCH_KINDS).nullable().optional(),
    matchedTo: optText('匹配对象', 200),
    matchedOn: optDate('匹配日期'),
    dockedOn: optDate('对接日期'),
    resolvedOn: optDate('解决日期'),
    closedOn: optDate('关闭日期'),
    note: optText('备注', 2000),
    description: optText('需求描述', 2000),
    industry: industryField,
  })
  .superRefine((d, ctx) => {
    for (const i of demandStepIssues(d)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });

export const expertRecordSchema = z.object({
  name: text('姓名', 30, 2),
  kind: z.enum(EXPERT_KINDS, { error: '请选择类别' }),
  employer: optText('工作单位', 100),
  title: optText('职称', 50),
  grade: z.enum(EXPERT_GRADES, { error: '请选择职称等级' }).nullable().optional(),
  phone: phoneField(false).nullable().optional(),
  hostStaff: flag('是否依托单位工作人员'),
  fiscallySupported: flag('是否财政供养人员'),
  /** Write-only: the response carries the masked form. Empty keeps the stored value on update. */
  idCard: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidIdCard(v), { message: '身份证号码格式或校验位不正确（GB 11643）' })
    .nullable()
    .optional(),
  bankAccount: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{12,30}$/.test(v), { message: '银行账号应为 12–30 位数字' })
    .nullable()
    .optional(),
  bankName: optText('开户行', 100),
  expertise: optText('专业领域与研究方向', 500),
  industry: industryField,
});

export const eventRecordSchema = z.object({
  kind: z.enum(EVENT_KINDS, { error: '请选择活动类型' }),
  title: text('活动名称', 200, 2),
  date: date('活动日期'),
  place: optText('活动地点', 200),
  /** ids of the station's registered experts present */
  expertIds: z.array(z.string().min(1)).max(200, '到场专家过多').default([]),
  /** USCCs of the enterprises present */
  enterpriseUsccs: z.array(usccField).max(500, '参与企业过多').default([]),
});

export const pressReleaseRecordSchema = z.object({
  title: text('标题', 200, 2),
  date: date('发布日期'),
  channel: z.enum(PRESS_CHANNELS, { error: '请选择发布渠道' }),
  url: webUrl
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

export const cooperationRecordSchema = z.object({
  title: text('合作名称', 200, 2),
  date: date('合作日期'),
  parties: z.array(text('合作方', 100)).min(1, '请至少填写一个合作方').max(20, '合作方过多'),
  /** 第七条 asks for concrete content; a blank one is kept but does not count */
  content: z.string().trim().max(5000, '合作内容不能超过 5000 字').default(''),
});

export const outcomeRecordSchema = z.object({
  title: text('成果名称', 200, 2),
  date: date('落地日期'),
  uscc: usccField.nullable().optional(),
  goldenBridge: flag('是否金桥工程候选'),
});

export const achievementRecordSchema = z.object({
  title: text('成果名称', 200, 2),
  university: text('高校', 100, 2),
  collectedOn: date('征集日期'),
  promoted: flag('是否已推广'),
  summary: optText('成果简介', 2000),
  industry: industryField,
});

export const reportRecordSchema = z.object({
  kind: z.enum(REPORT_KINDS, { error: '请选择报告类型' }),
  title: text('报告标题', 200, 2),
  submittedOn: optDate('提交日期'),
  text: z.string({ error: '请输入报告正文' }).max(200_000, '报告正文过长（超过 20 万字符）'),
});

export const RECORD_SCHEMAS = {
  enterprises: enterpriseRecordSchema,
  contacts: contactRecordSchema,
  demands: demandRecordSchema,
  experts: expertRecordSchema,
  events: eventRecordSchema,
  'press-releases': pressReleaseRecordSchema,
  cooperations: cooperationRecordSchema,
  outcomes: outcomeRecordSchema,
  achievements: achievementRecordSchema,
  reports: reportRecordSchema,
} as const satisfies Record<RecordKind, z.ZodType>;
export type RecordInput<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;

export const recordListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  from: z.string().refine(isIsoDate, { message: '开始日期格式不正确' }).optional(),
  to: z.string().refine(isIsoDate, { message: '结束日期格式不正确' }).optional(),
  // The filters behind the links of 待补事项 (src/domain/gaps), each for the kinds it concerns.
  /** events without an uploaded file of this kind of evidence (第十三条) */
  missingEvidence: z.enum(EVIDENCE_KINDS, { error: '佐证材料类型不正确' }).optional(),
  /** records dated outside the project period, which no KPI counts (第七条、第八条) */
  outsidePeriod: z.enum(['true', 'false'], { error: 'outsidePeriod 应为 true 或 false' }).optional(),
  /** reports under their kind's minimum 字数 where no report of the kind reaches it ('true': every kind) */
  belowMinWords: z.enum(['true', ...REPORT_KINDS], { error: '报告类型不正确' }).optional(),
});

export const revealSchema = z.object({
  field: z.enum(['idCard', 'bankAccount'], { error: '请选择要查看的字段' }),
  reason: z.string({ error: '请填写查看原因' }).trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '原因过长'),
});

// ---------------------------------------------------------------------------------------------------------------
// What the routes answer with: each kind's record as `toDto` in records.kinds.ts maps its row (decision 020).

const stamp = { id: z.string(), version: z.number().int(), updatedAt: z.string() };

export const EnterpriseRecordDto = z
  .strictObject({
    ...stamp,
    enterpriseId: z.string(),
    uscc: z.string(),
    name: z.string(),
    districtCode: z.string(),
    hasAssociation: z.boolean(),
    srdi: z.enum(SRDI_LEVELS),
    keyServed: z.boolean(),
    industry: z.enum(INDUSTRIES).nullable(),
    /** contact records of this enterprise at the station (derived, issue #3) */
    contactCount: z.number().int(),
    /** why it cannot be deleted: the station's records that name it (null when nothing does) */
    deleteBlockedBy: z.string().nullable(),
  })
  .meta({ id: 'LedgerEnterpriseRecord' });
export type EnterpriseRecordDto = z.infer<typeof EnterpriseRecordDto>;

export const ContactRecordDto = z
  .strictObject({
    ...stamp,
    uscc: z.string(),
    /** null: the enterprise is not in the registry */
    enterpriseName: z.string().nullable(),
    date: z.string(),
    mode: z.enum(CONTACT_MODES),
    people: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'LedgerContactRecord' });
export type ContactRecordDto = z.infer<typeof ContactRecordDto>;

export const DemandRecordDto = z
  .strictObject({
    ...stamp,
    ref: z.string(),
    uscc: z.string(),
    enterpriseName: z.string().nullable(),
    title: z.string(),
    collectedOn: z.string(),
    status: z.enum(DEMAND_STATUSES),
    matchedKind: z.enum(MATCH_KINDS).nullable(),
    matchedTo: z.string().nullable(),
    matchedOn: z.string().nullable(),
    dockedOn: z.string().nullable(),
    resolvedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    note: z.string().nullable(),
    description: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    /** the suggestion accepted (issue #15): the expert's or achievement's record id and its station */
    matchTargetId: z.string().nullable(),
    matchStationId: z.string().nullable(),
  })
  .meta({ id: 'LedgerDemandRecord' });
export type DemandRecordDto = z.infer<typeof DemandRecordDto>;

export const ExpertRecordDto = z
  .strictObject({
    ...stamp,
    ref: z.string(),
    name: z.string(),
    kind: z.enum(EXPERT_KINDS),
    employer: z.string().nullable(),
    title: z.string().nullable(),
    grade: z.enum(EXPERT_GRADES).nullable(),
    phone: z.string().nullable(),
    hostStaff: z.boolean(),
    fiscallySupported: z.boolean(),
    /** the full numbers are shown only through the audited reveal */
    idCardMasked: z.string().nullable(),
    bankAccountMasked: z.string().nullable(),
    bankName: z.string().nullable(),
    expertise: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
    /** why it cannot be deleted: the events and expenses that name it (null when nothing does) */
    deleteBlockedBy: z.string().nullable(),
  })
  .meta({ id: 'LedgerExpertRecord' });
export type ExpertRecordDto = z.infer<typeof ExpertRecordDto>;

/** One evidence file of an event (第十三条). */
export const EvidenceDto = z
  .strictObject({
    id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    /** null: declared in an imported ledger, no file uploaded */
    attachmentId: z.string().nullable(),
    fileName: z.string().nullable(),
    mime: z.string().nullable(),
    size: z.number().int().nullable(),
  })
  .meta({ id: 'LedgerEvidence' });
export type EvidenceDto = z.infer<typeof EvidenceDto>;

export const EventRecordDto = z
  .strictObject({
    ...stamp,
    ref: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    date: z.string(),
    place: z.string().nullable(),
    experts: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    expertIds: z.array(z.string()),
    enterpriseUsccs: z.array(z.string()),
    evidence: z.array(EvidenceDto),
  })
  .meta({ id: 'LedgerEventRecord' });
export type EventRecordDto = z.infer<typeof EventRecordDto>;

export const PressReleaseRecordDto = z
  .strictObject({
    ...stamp,
    title: z.string(),
    date: z.string(),
    channel: z.enum(PRESS_CHANNELS),
    url: z.string().nullable(),
  })
  .meta({ id: 'LedgerPressReleaseRecord' });
export type PressReleaseRecordDto = z.infer<typeof PressReleaseRecordDto>;

export const CooperationRecordDto = z
  .strictObject({
    ...stamp,
    title: z.string(),
    date: z.string(),
    parties: z.array(z.string()),
    content: z.string(),
    /** a blank content is kept but does not count (第七条) */
    hasContent: z.boolean(),
  })
  .meta({ id: 'LedgerCooperationRecord' });
export type CooperationRecordDto = z.infer<typeof CooperationRecordDto>;

export const OutcomeRecordDto = z
  .strictObject({
    ...stamp,
    title: z.string(),
    date: z.string(),
    uscc: z.string().nullable(),
    goldenBridge: z.boolean(),
  })
  .meta({ id: 'LedgerOutcomeRecord' });
export type OutcomeRecordDto = z.infer<typeof OutcomeRecordDto>;

export const AchievementRecordDto = z
  .strictObject({
    ...stamp,
    title: z.string(),
    university: z.string(),
    collectedOn: z.string(),
    promoted: z.boolean(),
    summary: z.string().nullable(),
    industry: z.enum(INDUSTRIES).nullable(),
  })
  .meta({ id: 'LedgerAchievementRecord' });
export type AchievementRecordDto = z.infer<typeof AchievementRecordDto>;

const reportFields = z.strictObject({
  ...stamp,
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  submittedOn: z.string().nullable(),
  text: z.string(),
  /** 字数 as docs/ledger-format.md counts it */
  wordCount: z.number().int(),
  /** the uploaded Word file, when the report came as one */
  attachmentId: z.string().nullable(),
});

/** A whole report, as one is read, created or saved. */
export const ReportRecordDto = reportFields.meta({ id: 'LedgerReportRecord' });
export type ReportRecordDto = z.infer<typeof ReportRecordDto>;

/** A report in a list: a report may run to 200,000 characters, so a list carries the first 120 of them. */
export const ReportListItemDto = reportFields
  .omit({ text: true })
  .extend({ excerpt: z.string() })
  .meta({ id: 'LedgerReportListItem' });
export type ReportListItemDto = z.infer<typeof ReportListItemDto>;

const RECORD_DTO_SCHEMAS = {
  enterprises: EnterpriseRecordDto,
  contacts: ContactRecordDto,
  demands: DemandRecordDto,
  experts: ExpertRecordDto,
  events: EventRecordDto,
  'press-releases': PressReleaseRecordDto,
  cooperations: CooperationRecordDto,
  outcomes: OutcomeRecordDto,
  achievements: AchievementRecordDto,
  reports: ReportRecordDto,
} as const;
export type RecordDto<K extends RecordKind> = z.infer<(typeof RECORD_DTO_SCHEMAS)[K]>;
const RECORD_LIST_ITEM_SCHEMAS = { ...RECORD_DTO_SCHEMAS, reports: ReportListItemDto } as const;
export type RecordListItem<K extends RecordKind> = z.infer<(typeof RECORD_LIST_ITEM_SCHEMAS)[K]>;
/** A record as the client sends it (before the schema's defaults and trimming). */
export type RecordBody<K extends RecordKind> = z.input<(typeof RECORD_SCHEMAS)[K]>;

// The maps below are typed per kind (`ZodType<RecordDto<K>>`), so that code generic in the kind — the endpoints of
// src/shared/api/records.ts, the web's record hooks — has its answers and bodies typed by that kind.

/** Each kind's whole record (one record, a creation, a change). */
export const RECORD_DTOS: { [K in RecordKind]: z.ZodType<RecordDto<K>> } = RECORD_DTO_SCHEMAS;
/** Each kind's record as its list carries it: the whole record, but a report's excerpt instead of its text. */
export const RECORD_LIST_ITEMS: { [K in RecordKind]: z.ZodType<RecordListItem<K>> } = RECORD_LIST_ITEM_SCHEMAS;
/** Each kind's input schema, as a body. */
export const RECORD_BODIES: { [K in RecordKind]: z.ZodType<RecordInput<K>, RecordBody<K>> } = RECORD_SCHEMAS;

/** The `{ recordId }` of one record under its station. */
export const recordParam = z.object({ id: z.string().min(1).max(64), recordId: z.string().min(1).max(64) });

/** `?version=` of a deletion: the version the user saw, so that a change made meanwhile is not deleted unseen. */
export const recordVersionQuery = z.object({
  version: z
    .string({ error: '缺少版本号' })
    .regex(/^[1-9]\d*$/, '版本号应为正整数')
    .transform(Number),
});

/** The body of a change: the version the user edited and the whole record. */
export function recordUpdateSchema<K extends RecordKind>(kind: K) {
  const record: z.ZodType<RecordInput<K>, RecordBody<K>> = RECORD_BODIES[kind];
  return z.object({ version: z.number().int().min(1), record });
}

/** A revealed ID card or bank account number (the reveal is audited with its reason). */
export const RevealedSecretDto = z.strictObject({ value: z.string() }).meta({ id: 'LedgerRevealedSecret' });
export type RevealedSecretDto = z.infer<typeof RevealedSecretDto>;
