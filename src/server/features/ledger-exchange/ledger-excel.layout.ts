import type { LedgerInput } from '../../../domain/ledger/schema';
import type { Policy } from '../../../domain/policy/types';
import {
  CONTACT_MODE_LABELS,
  DEMAND_STATUS_LABELS,
  EVENT_KIND_LABELS,
  EVIDENCE_KIND_LABELS,
  EXPERT_GRADE_LABELS,
  EXPERT_KIND_LABELS,
  FUND_SOURCE_LABELS,
  INDUSTRY_LABELS,
  MATCH_KIND_LABELS,
  PRESS_CHANNEL_LABELS,
  REPORT_KIND_LABELS,
  SRDI_LABELS,
  STATION_TYPE_LABELS,
} from '../../../shared/labels';

// The Excel side of the ledger exchange (docs/ledger-format.md, `qianqi-ledger/1`) as data: which sheet holds which ledger
// array, and per column its Chinese header, the ledger field and how the cell is written and read. The template,
// the export, the import and the mapping of validation paths to cells (ledger-excel.ts) all derive from this.

export type Labels = Readonly<Record<string, string>>;
/** Code → Chinese label; a function when the year's policy names the codes (expense categories, items, districts). */
export type LabelSource = Labels | ((policy: Policy) => Labels);

export type ColumnKind =
  | { type: 'text' }
  /** YYYY-MM-DD, written as text */
  | { type: 'date' }
  /** yuan as a decimal string with at most 2 decimals, written as text */
  | { type: 'money' }
  /** 是/否 */
  | { type: 'bool' }
  | { type: 'number' }
  /**
   * One code, shown as its label. `open`: a value that is neither a label nor a known code is passed on as typed
   * (the schema judges it), e.g. a district code outside the list. `emptyAs`: the value of an empty cell.
   */
  | { type: 'code'; labels: LabelSource; open?: boolean; emptyAs?: null }
  /** several values in one cell joined by 、; with `labels`, each value is a code shown as its label */
  | { type: 'list'; labels?: LabelSource };

export interface FieldSpec {
  /** Chinese column header (table sheets) or row label (站点信息) */
  header: string;
  /** dotted path inside the record (table sheets) or the ledger (站点信息), e.g. `payee.name`, `station.host.uscc` */
  field: string;
  kind: ColumnKind;
  width?: number;
  /** a short note shown beside the row on 站点信息 */
  hint?: string;
}

/** The ledger's record arrays. */
export type LedgerArrayKey = {
  [K in keyof LedgerInput]-?: NonNullable<LedgerInput[K]> extends readonly unknown[] ? K : never;
}[keyof LedgerInput];

export interface TableSheetSpec {
  name: string;
  key: LedgerArrayKey;
  columns: FieldSpec[];
}

export const STATION_SHEET_NAME = '站点信息';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
/** Headers of 站点信息: the row label, the value, a hint. */
export const STATION_SHEET_HEADERS = ['项目', '填写内容', '说明'] as const;
/** Drop-downs and text formats cover the data rows 2 … DATA_ROWS (more when an export has more records). */
export const DATA_ROWS = 5000;

/** The same words as the 经费 pages (资助经费: the funding of 第六条, a fiscal appropriation by 第十四条). */

/** Other words offices use for a code, accepted on import (workbooks exported before the labels were unified). */
export const LABEL_ALIASES: Record<string, string> = { 财政资金: 'grant', 财政拨款: 'grant' };

/** 第十六条 category names, for the budget rows of 站点信息 (fixed headers, whatever the year). */
const BUDGET_ROW_LABELS: Record<string, string> = {
  consulting: '咨询费',
  labour: '劳务费',
  activity: '活动实施费',
  meeting: '会议费',
  other: '其他费用',
};

export const categoryLabels = (policy: Policy): Labels =>
  Object.fromEntries(policy.expenseCategories.map((c) => [c.code, c.name]));

/** Permitted items of every category and the forbidden items (the ledger may record them; booking refuses them). */
export const itemLabels = (policy: Policy): Labels =>
  Object.fromEntries([
    ...policy.expenseCategories.flatMap((c) => c.items.map((i) => [i.code, i.name])),
    ...policy.forbiddenItems.map((i) => [i.code, i.name]),
  ]);

export const districtLabels = (policy: Policy): Labels =>
  Object.fromEntries(policy.districts.map((d) => [d.code, d.name]));

const TEXT: ColumnKind = { type: 'text' };
const DATE: ColumnKind = { type: 'date' };
const MONEY: ColumnKind = { type: 'money' };
const BOOL: ColumnKind = { type: 'bool' };
const NUMBER: ColumnKind = { type: 'number' };
const code = (labels: LabelSource, extra: { open?: boolean; emptyAs?: null } = {}): ColumnKind => ({
  type: 'code',
  labels,
  ...extra,
});
const list = (labels?: LabelSource): ColumnKind => ({ type: 'list', labels });

interface ColumnSpec {
  header: string;
  field: string;
  kind: ColumnKind;
  width?: number;
  hint?: string;
}

const col = ({ header, field, kind, width = 16, hint }: ColumnSpec): FieldSpec => ({
  header,
  field,
  kind,
  width,
  hint,
});
const USCC = (header = '统一社会信用代码', field = 'uscc') => col({ header, field, kind: TEXT, width: 22 });

export const STATION_ROWS: FieldSpec[] = [
  col({ header: '数据格式', field: 'format', kind: TEXT, width: 30, hint: '固定为 qianqi-ledger/1，请勿修改' }),
  col({ header: '项目年度', field: 'programYear', kind: NUMBER, width: 30, hint: '如 2025' }),
  col({ header: '站点名称', field: 'station.name', kind: TEXT, width: 30 }),
  col({
    header: '站点类型',
    field: 'station.type',
    kind: code(STATION_TYPE_LABELS),
    width: 30,
    hint: '从下拉列表选择',
  }),
  col({
    header: '所在区',
    field: 'station.district',
    kind: code(districtLabels, { open: true, emptyAs: null }),
    width: 30,
    hint: '区工作站点从下拉列表选择（或填写 6 位区代码，经开区填 etown）；产学研合作站点留空',
  }),
  col({ header: '依托单位名称', field: 'station.host.name', kind: TEXT, width: 30 }),
  col({ header: '依托单位统一社会信用代码', field: 'station.host.uscc', kind: TEXT, width: 30 }),
  col({
    header: '项目期开始日期',
    field: 'station.period.start',
    kind: DATE,
    width: 30,
    hint: '协议约定的起始日期，YYYY-MM-DD',
  }),
  col({
    header: '项目期结束日期',
    field: 'station.period.end',
    kind: DATE,
    width: 30,
    hint: '协议约定的结束日期，YYYY-MM-DD（含当日）',
  }),
  col({ header: '下达经费（元）', field: 'funds.granted', kind: MONEY, width: 30, hint: '最多两位小数' }),
  ...Object.entries(BUDGET_ROW_LABELS).map(([c, name]) =>
    col({ header: `${name}预算（元）`, field: `funds.budget.${c}`, kind: MONEY, width: 30, hint: '未填写按 0 计' }),
  ),
];

export const TABLE_SHEETS: TableSheetSpec[] = [
  {
    name: '企业名录',
    key: 'enterprises',
    columns: [
      USCC(),
      col({ header: '企业名称', field: 'name', kind: TEXT, width: 32 }),
      col({ header: '注册所在区', field: 'district', kind: code(districtLabels, { open: true }), width: 14 }),
      col({ header: '建有企业科协', field: 'hasAssociation', kind: BOOL, width: 12 }),
      col({ header: '专精特新', field: 'srdi', kind: code(SRDI_LABELS), width: 24 }),
      col({ header: '重点服务企业', field: 'keyServed', kind: BOOL, width: 12 }),
      col({ header: '行业', field: 'industry', kind: code(INDUSTRY_LABELS), width: 20 }),
    ],
  },
  {
    name: '联系走访',
    key: 'contacts',
    columns: [
      USCC(),
      col({ header: '联系日期', field: 'date', kind: DATE, width: 12 }),
      col({ header: '联系方式', field: 'mode', kind: code(CONTACT_MODE_LABELS), width: 12 }),
      col({ header: '备注', field: 'note', kind: TEXT, width: 40 }),
      col({ header: '参与人员', field: 'people', kind: TEXT, width: 20 }),
    ],
  },
  {
    name: '企业需求',
    key: 'demands',
    columns: [
      col({ header: '需求编号', field: 'id', kind: TEXT, width: 10 }),
      USCC(),
      col({ header: '需求名称', field: 'title', kind: TEXT, width: 32 }),
      col({ header: '征集日期', field: 'collectedOn', kind: DATE, width: 12 }),
      col({ header: '需求状态', field: 'status', kind: code(DEMAND_STATUS_LABELS), width: 12 }),
      col({ header: '匹配对象类型', field: 'matchedKind', kind: code(MATCH_KIND_LABELS), width: 12 }),
      col({ header: '匹配对象', field: 'matchedTo', kind: TEXT, width: 20 }),
      col({ header: '匹配日期', field: 'matchedOn', kind: DATE, width: 12 }),
      col({ header: '对接日期', field: 'dockedOn', kind: DATE, width: 12 }),
      col({ header: '解决日期', field: 'resolvedOn', kind: DATE, width: 12 }),
      col({ header: '关闭日期', field: 'closedOn', kind: DATE, width: 12 }),
      col({ header: '备注', field: 'note', kind: TEXT, width: 30 }),
      col({ header: '需求描述', field: 'description', kind: TEXT, width: 50 }),
      col({ header: '行业', field: 'industry', kind: code(INDUSTRY_LABELS), width: 20 }),
    ],
  },
  {
    name: '专家',
    key: 'experts',
    columns: [
      col({ header: '专家编号', field: 'id', kind: TEXT, width: 10 }),
      col({ header: '姓名', field: 'name', kind: TEXT, width: 12 }),
      col({ header: '类别', field: 'kind', kind: code(EXPERT_KIND_LABELS), width: 14 }),
      col({ header: '工作单位', field: 'employer', kind: TEXT, width: 28 }),
      col({ header: '依托单位工作人员', field: 'hostStaff', kind: BOOL, width: 16 }),
      col({ header: '财政供养人员', field: 'fiscallySupported', kind: BOOL, width: 14 }),
      col({ header: '职称等级', field: 'grade', kind: code(EXPERT_GRADE_LABELS), width: 20 }),
      col({ header: '职称', field: 'title', kind: TEXT, width: 14 }),
      col({ header: '电话', field: 'phone', kind: TEXT, width: 14 }),
      col({ header: '专业领域与研究方向', field: 'expertise', kind: TEXT, width: 40 }),
      col({ header: '行业', field: 'industry', kind: code(INDUSTRY_LABELS), width: 20 }),
    ],
  },
  {
    name: '活动',
    key: 'events',
    columns: [
      col({ header: '活动编号', field: 'id', kind: TEXT, width: 10 }),
      col({ header: '活动类型', field: 'kind', kind: code(EVENT_KIND_LABELS), width: 14 }),
      col({ header: '活动名称', field: 'title', kind: TEXT, width: 32 }),
      col({ header: '活动日期', field: 'date', kind: DATE, width: 12 }),
      col({ header: '到场专家编号', field: 'experts', kind: list(), width: 20 }),
      col({ header: '参与企业统一社会信用代码', field: 'enterprises', kind: list(), width: 42 }),
      col({ header: '佐证材料', field: 'evidence', kind: list(EVIDENCE_KIND_LABELS), width: 30 }),
      col({ header: '活动地点', field: 'place', kind: TEXT, width: 20 }),
    ],
  },
  {
    name: '新闻宣传',
    key: 'pressReleases',
    columns: [
      col({ header: '标题', field: 'title', kind: TEXT, width: 36 }),
      col({ header: '发布日期', field: 'date', kind: DATE, width: 12 }),
      col({ header: '发布渠道', field: 'channel', kind: code(PRESS_CHANNEL_LABELS), width: 12 }),
      col({ header: '链接', field: 'url', kind: TEXT, width: 40 }),
    ],
  },
  {
    name: '合作',
    key: 'cooperations',
    columns: [
      col({ header: '合作名称', field: 'title', kind: TEXT, width: 30 }),
      col({ header: '合作日期', field: 'date', kind: DATE, width: 12 }),
      col({ header: '合作方', field: 'parties', kind: list(), width: 36 }),
      col({ header: '合作内容', field: 'content', kind: TEXT, width: 50 }),
    ],
  },
  {
    name: '落地成果',
    key: 'outcomes',
    columns: [
      col({ header: '成果名称', field: 'title', kind: TEXT, width: 32 }),
      col({ header: '落地日期', field: 'date', kind: DATE, width: 12 }),
      USCC('企业统一社会信用代码'),
      col({ header: '金桥工程候选', field: 'goldenBridge', kind: BOOL, width: 14 }),
    ],
  },
  {
    name: '高校成果',
    key: 'achievements',
    columns: [
      col({ header: '成果名称', field: 'title', kind: TEXT, width: 32 }),
      col({ header: '高校', field: 'university', kind: TEXT, width: 24 }),
      col({ header: '征集日期', field: 'collectedOn', kind: DATE, width: 12 }),
      col({ header: '已推广', field: 'promoted', kind: BOOL, width: 10 }),
      col({ header: '成果简介', field: 'summary', kind: TEXT, width: 50 }),
      col({ header: '行业', field: 'industry', kind: code(INDUSTRY_LABELS), width: 20 }),
    ],
  },
  {
    name: '报告',
    key: 'reports',
    columns: [
      col({ header: '报告类型', field: 'kind', kind: code(REPORT_KIND_LABELS), width: 20 }),
      col({ header: '报告标题', field: 'title', kind: TEXT, width: 32 }),
      col({ header: '提交日期', field: 'submittedOn', kind: DATE, width: 12 }),
      col({ header: '报告正文', field: 'text', kind: TEXT, width: 60 }),
    ],
  },
  {
    name: '经费支出',
    key: 'expenses',
    columns: [
      col({ header: '支出编号', field: 'id', kind: TEXT, width: 10 }),
      col({ header: '支出日期', field: 'date', kind: DATE, width: 12 }),
      col({ header: '支出类别', field: 'category', kind: code(categoryLabels), width: 12 }),
      col({ header: '支出事项', field: 'item', kind: code(itemLabels), width: 26 }),
      col({ header: '金额（元）', field: 'amount', kind: MONEY, width: 12 }),
      col({ header: '经费来源', field: 'source', kind: code(FUND_SOURCE_LABELS), width: 12 }),
      col({ header: '收款人', field: 'payee.name', kind: TEXT, width: 16 }),
      col({ header: '收款专家编号', field: 'payee.expertId', kind: TEXT, width: 12 }),
      col({ header: '收款人为依托单位工作人员', field: 'payee.hostStaff', kind: BOOL, width: 14 }),
      col({ header: '收款人为财政供养人员', field: 'payee.fiscallySupported', kind: BOOL, width: 14 }),
      col({ header: '用途', field: 'purpose', kind: TEXT, width: 30 }),
      col({ header: '人天数', field: 'days', kind: NUMBER, width: 8 }),
      col({ header: '实发金额（元，税后）', field: 'net', kind: MONEY, width: 14 }),
    ],
  },
];

/** 填写说明: one rule a row. */
export const INSTRUCTION_RULES: string[] = [
  '本工作簿是“千人进千企”工作站点年度台账（qianqi-ledger/1）的导入模板/导出文件。请勿修改工作表名称和各表第 1 行的列标题，也不要删除本说明页（下拉列表的可选值在本页右侧）。',
  '“站点信息”表按行填写站点的基本信息和经费预算；其余各表第 1 行为列标题，从第 2 行起每行填写一条记录，整行留空的行在导入时忽略。',
  '日期按文本填写为 YYYY-MM-DD（如 2025-06-01），日期单元格已设为文本格式；若填成了 Excel 日期，导入时按该日期读取。',
  '金额单位为元，按文本填写不带符号的数字，最多两位小数（如 2400 或 2400.00），不要填写货币符号或千位分隔符；若填成数值，须精确到分。',
  '统一社会信用代码、各类编号、区代码都按文本填写，避免 Excel 把它们变成数字或科学计数法。',
  '一个单元格填写多个值时（活动的到场专家编号、参与企业统一社会信用代码、佐证材料，合作的合作方），用“、”或逗号分隔。',
  '带下拉列表的列（类型、状态、渠道、类别、事项、来源、等级等）请从下拉列表中选择中文名称；也可填写台账格式中的英文代码。',
  '“是/否”列填写“是”或“否”（也可填写 true/false 或 1/0）。',
  '需求编号、专家编号、活动编号、支出编号在各自表内不能重复；活动的到场专家编号和支出的收款专家编号填写“专家”表中的专家编号。',
  '区工作站点在“站点信息”中填写所在区；产学研合作站点的所在区留空。企业的注册所在区可从下拉列表选择，或填写 6 位区代码（经开区为 etown）。',
  '支出的收款人信息（收款人、收款专家编号、是否依托单位工作人员、是否财政供养人员）可以不填；填写其中任一项时须填写收款人。',
  '支出事项应属于所选支出类别；第十七条禁止列支的事项也可如实记录，系统会标出并拒绝入账。“经费来源”区分资助经费（市科协财政拨款，第十四条）与配套经费。',
  '人天数为正数，可以有小数（如 0.5），仅在按人天计费（如专家咨询费）时填写。',
  '一个单元格最多容纳 32767 个字符（Excel 的限制），报告正文过长时请精简或分为多份报告。',
];
