import { z } from 'zod';
import { isYuanString, yuanToFen } from '../money';
import {
  EXPENSE_CATEGORIES,
  EXPERT_GRADES,
  FORBIDDEN_ITEM_CODES,
  PERMITTED_ITEM_CODES,
  STATION_TYPES,
} from '../policy/types';
import {
  CONTACT_MODES,
  DEMAND_STATUSES,
  EVENT_KINDS,
  EVIDENCE_KINDS,
  EXPERT_KINDS,
  FUND_SOURCES,
  INDUSTRIES,
  LEDGER_FORMAT,
  PRESS_CHANNELS,
  REPORT_KINDS,
  SRDI_LEVELS,
} from './codes';
import { isIsoDate, isWebUrl } from './formats';

// Kept importable from here; they live in formats.ts, free of zod, for pages that only check a value (issue 16).
export { isIsoDate, isWebUrl };

// The `qianqi-ledger/1` schema (docs/ledger-format.md). Unknown fields are ignored (adding optional fields is allowed by the
// contract); every message is Chinese and the caller prefixes it with the JSON path.

export const isoDate = z
  .string({ error: '应为日期字符串（YYYY-MM-DD）' })
  .refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的有效日期' });

/** docs/ledger-format.md money grammar: a decimal string, no sign, at most 2 decimals; a JSON number is an error. */
export const yuan = z
  .string({ error: '金额应为字符串形式的十进制数（如 "2400.00"），不能是数字' })
  .regex(/^\d+(\.\d{1,2})?$/, '金额应为不带符号、最多两位小数的数字字符串');

/** A trimmed link of at most 500 characters, empty or http(s). */
export const webUrl = z
  .string({ error: '链接应为字符串' })
  .trim()
  .max(500, '链接过长')
  .refine((v) => v === '' || isWebUrl(v), { message: '链接应以 http:// 或 https:// 开头' });

const text = (name: string) => z.string({ error: `${name}应为字符串` });
const optText = (name: string) => text(name).optional();
const bool = (name: string) => z.boolean({ error: `${name}应为 true 或 false` });
/** Optional free text of at most `max` characters (the matching texts of issue #15). */
const optLong = (name: string, max: number) => text(name).max(max, `${name}不能超过 ${max} 字`).optional();
const oneOf = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, { error: `${name}应为以下之一：${values.join(' | ')}` });
const industry = oneOf(INDUSTRIES, '行业').optional();
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: '应为数组' }).default([]);

export const ledgerDistrict = z
  .string({ error: '区代码应为字符串' })
  .regex(/^(\d{6}|etown)$/, '区代码应为 6 位 GB/T 2260 代码或 etown（经开区）');

const stationSchema = z
  .object(
    {
      name: text('站点名称'),
      type: oneOf(STATION_TYPES, '站点类型'),
      district: ledgerDistrict.nullable(),
      host: z.object({ name: text('依托单位名称'), uscc: optText('依托单位统一社会信用代码') }, { error: '应为对象' }),
      period: z.object({ start: isoDate, end: isoDate }, { error: '应为对象 { start, end }' }),
    },
    { error: '应为对象' },
  )
  // `when`: these checks run even when another station field is wrong, so every problem is reported at once.
  .superRefine(
    (s, ctx) => {
      if (!(STATION_TYPES as readonly string[]).includes(s.type)) return; // reported by `type` itself
      if (s.type === 'iur' && s.district !== null && s.district !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['district'], message: '校所合作站点（iur）的 district 应为 null' });
      }
      if (s.type !== 'iur' && s.district === null) {
        ctx.addIssue({ code: 'custom', path: ['district'], message: '区工作站点应填写区代码' });
      }
      const p = s.period as Partial<typeof s.period> | undefined;
      if (typeof p?.start === 'string' && typeof p.end === 'string') {
        if (isIsoDate(p.start) && isIsoDate(p.end) && p.end < p.start) {
          ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: '结束日期不能早于开始日期' });
        }
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const enterpriseSchema = z.object({
  uscc: text('统一社会信用代码'),
  name: text('企业名称'),
  district: ledgerDistrict,
  hasAssociation: bool('hasAssociation'),
  srdi: oneOf(SRDI_LEVELS, '专精特新级别'),
  keyServed: bool('keyServed'),
  /** optional (issue #15): 行业 */
  industry,
});

const contactSchema = z.object({
  uscc: text('统一社会信用代码'),
  date: isoDate,
  mode: oneOf(CONTACT_MODES, '联系方式'),
  note: optText('备注'),
  /** optional (this system's addition): who took part */
  people: optText('参与人员'),
});

const demandSchema = z.object({
  id: text('需求编号').min(1, '需求编号不能为空'),
  uscc: text('统一社会信用代码'),
  title: text('需求名称'),
  collectedOn: isoDate,
  status: oneOf(DEMAND_STATUSES, '需求状态'),
  // Optional (this system's additions): the dated steps of the demand's lifecycle.
  matchedKind: oneOf(['expert', 'university', 'achievement'], '匹配对象类型').optional(),
  matchedTo: optText('匹配对象'),
  matchedOn: isoDate.optional(),
  dockedOn: isoDate.optional(),
  resolvedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  note: optText('备注'),
  /** optional (issue #15): what the enterprise needs, and its 行业, for matching */
  description: optLong('需求描述', 2000),
  industry,
});

const expertSchema = z.object({
  id: text('专家编号').min(1, '专家编号不能为空'),
  name: text('姓名'),
  kind: oneOf(EXPERT_KINDS, '专家类别'),
  employer: optText('工作单位'),
  hostStaff: bool('hostStaff').default(false),
  fiscallySupported: bool('fiscallySupported').default(false),
  grade: oneOf(EXPERT_GRADES, '职称等级').optional(),
  /** optional (this system's additions); ID card and bank account never leave the system in a ledger */
  title: optText('职称'),
  phone: optText('电话'),
  /** optional (issue #15): 专业领域与研究方向, and 行业 */
  expertise: optLong('专业领域与研究方向', 500),
  industry,
});

const eventSchema = z.object({
  id: text('活动编号').min(1, '活动编号不能为空'),
  kind: oneOf(EVENT_KINDS, '活动类型'),
  title: text('活动名称'),
  date: isoDate,
  experts: list(text('专家编号')),
  enterprises: list(text('统一社会信用代码')),
  evidence: list(oneOf(EVIDENCE_KINDS, '佐证材料类型')),
  /** optional (this system's addition) */
  place: optText('活动地点'),
});

const pressSchema = z.object({
  title: text('标题'),
  date: isoDate,
  channel: oneOf(PRESS_CHANNELS, '发布渠道'),
  url: webUrl.optional(),
});

const cooperationSchema = z.object({
  title: text('合作名称'),
  date: isoDate,
  parties: list(text('合作方')),
  content: text('合作内容').default(''),
});

const outcomeSchema = z.object({
  title: text('成果名称'),
  date: isoDate,
  uscc: optText('统一社会信用代码'),
  goldenBridge: bool('goldenBridge').default(false),
});

const achievementSchema = z.object({
  title: text('成果名称'),
  university: text('高校'),
  collectedOn: isoDate,
  promoted: bool('promoted'),
  /** optional (issue #15): 成果简介, and 行业 */
  summary: optLong('成果简介', 2000),
  industry,
});

const reportSchema = z.object({
  kind: oneOf(REPORT_KINDS, '报告类型'),
  title: text('报告标题'),
  submittedOn: isoDate.optional(),
  text: text('报告正文'),
});

const ITEM_CODES = [...PERMITTED_ITEM_CODES, ...FORBIDDEN_ITEM_CODES] as const;

const expenseSchema = z
  .object({
    id: text('支出编号').min(1, '支出编号不能为空'),
    date: isoDate,
    category: oneOf(EXPENSE_CATEGORIES, '支出类别'),
    item: oneOf(ITEM_CODES, '支出事项'),
    amount: yuan,
    source: oneOf(FUND_SOURCES, '经费来源'),
    payee: z
      .object({
        name: text('收款人'),
        expertId: optText('专家编号'),
        hostStaff: bool('hostStaff').default(false),
        fiscallySupported: bool('fiscallySupported').default(false),
      })
      .optional(),
    purpose: optText('用途'),
    days: z.number({ error: '人天数应为数字' }).positive('人天数应大于 0').finite().optional(),
    // Optional (an addition to docs/ledger-format.md): for a fee paid to an individual, the after-tax amount actually paid; the
    // fee standards are after tax (docs/fee-standards.md), so the rate check reads it when it is there.
    net: yuan.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.net !== undefined && isYuanString(e.net) && isYuanString(e.amount) && yuanToFen(e.net) > yuanToFen(e.amount))
      ctx.addIssue({ code: 'custom', path: ['net'], message: '实发金额不能大于支出金额（税前）' });
  });

const fundsSchema = z.object({
  granted: yuan,
  budget: z.object(
    Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, yuan.default('0.00')])) as {
      [K in (typeof EXPENSE_CATEGORIES)[number]]: z.ZodDefault<typeof yuan>;
    },
  ),
});

function uniqueIds(name: string) {
  return (items: Array<{ id: string }>, ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      // Runs even when other fields of the records are wrong (see `eachId`), so an item may be malformed here.
      const id = (it as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${name}编号“${id}”重复` });
      seen.add(id);
    });
  };
}

/** Duplicate ids are reported beside any other problem of the array (docs/ledger-format.md: one line per problem). */
const eachId = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

export const ledgerSchema = z.object(
  {
    format: z.literal(LEDGER_FORMAT, { error: `format 应为 "${LEDGER_FORMAT}"` }),
    programYear: z.number({ error: '年度应为整数' }).int('年度应为整数'),
    station: stationSchema,
    enterprises: list(enterpriseSchema),
    contacts: list(contactSchema),
    demands: list(demandSchema).superRefine(uniqueIds('需求'), eachId),
    experts: list(expertSchema).superRefine(uniqueIds('专家'), eachId),
    events: list(eventSchema).superRefine(uniqueIds('活动'), eachId),
    pressReleases: list(pressSchema),
    cooperations: list(cooperationSchema),
    outcomes: list(outcomeSchema),
    achievements: list(achievementSchema),
    reports: list(reportSchema),
    funds: fundsSchema.optional(),
    expenses: list(expenseSchema).superRefine(uniqueIds('支出'), eachId),
  },
  { error: '台账应为 JSON 对象' },
);

export type Ledger = z.output<typeof ledgerSchema>;
export type LedgerInput = z.input<typeof ledgerSchema>;
export type LedgerEnterprise = Ledger['enterprises'][number];
export type LedgerExpense = Ledger['expenses'][number];

/** A zod path as docs/ledger-format.md writes it: `expenses[3].amount`; the root is `$`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '$';
}

export type LedgerParse = { ok: true; ledger: Ledger } | { ok: false; problems: string[] };

/**
 * Validates a parsed JSON value as a ledger. `hasPolicy(year)` says whether a program year exists: a ledger for a
 * year without a policy cannot be evaluated, so it is a schema error (docs/ledger-format.md, “Other input”).
 */
export function parseLedger(value: unknown, hasPolicy: (year: number) => boolean): LedgerParse {
  const r = ledgerSchema.safeParse(value);
  const problems = r.success ? [] : r.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
  const year = (value as { programYear?: unknown } | null)?.programYear;
  if (Number.isInteger(year) && !hasPolicy(year as number)) {
    problems.push(`programYear: 没有 ${year} 年度的政策数据`);
  }
  if (!r.success || problems.length) return { ok: false, problems };
  return { ok: true, ledger: r.data };
}

/** Parses ledger text: invalid JSON is one problem at `$`. */
export function parseLedgerText(textIn: string, hasPolicy: (year: number) => boolean): LedgerParse {
  let value: unknown;
  try {
    value = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [`$: 不是有效的 JSON（${(e as Error).message}）`] };
  }
  return parseLedger(value, hasPolicy);
}
