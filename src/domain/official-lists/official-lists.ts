import { normalizeLabel } from '../hosts/import-rows';
import type { SrdiLevel } from '../ledger/codes';
import { isValidUscc, normalizeUscc } from '../uscc';

// 官方名单 (issue 15 §4): the Center imports the official lists — 北京市专精特新中小企业, 国家级专精特新“小巨人”企业,
// enterprises with a 企业科协 — and their flags go into the shared enterprise registry, which the KPIs of 第七条
// (其中专精特新企业, 联系企业中有企业科协的比例) count. Pure rules; reading Excel and writing the registry are the server's.
//
// A list only ADDS a flag. An enterprise absent from a newer list keeps the flag it has: a list names who qualified,
// and one missing row (a typo, a partial list, a later batch) must not silently lower a station's KPI. Taking a flag
// away is a decision a person makes per enterprise, not an import.

export const OFFICIAL_LIST_KINDS = ['srdi_municipal', 'srdi_national', 'association'] as const;
export type OfficialListKind = (typeof OFFICIAL_LIST_KINDS)[number];

export const OFFICIAL_LIST_KIND_LABELS: Record<OfficialListKind, string> = {
  srdi_municipal: '北京市专精特新中小企业名单',
  srdi_national: '国家级专精特新“小巨人”企业名单',
  association: '建有企业科协的企业名单',
};

/**
 * What a list did to one of its enterprises: `changed` — the flag was set; `unchanged` — it had the flag already;
 * `higher_kept` — a municipal list met a national 小巨人, whose higher level is not lowered; `unregistered` — no
 * station lists the code yet, the row is kept as an entry (未在台账中) for when one does.
 */
export const OFFICIAL_LIST_OUTCOMES = ['changed', 'unchanged', 'higher_kept', 'unregistered'] as const;
export type OfficialListOutcome = (typeof OFFICIAL_LIST_OUTCOMES)[number];

export const OFFICIAL_LIST_OUTCOME_LABELS: Record<OfficialListOutcome, string> = {
  changed: '标识已更新',
  unchanged: '已有该标识',
  higher_kept: '已是国家级，保持不变',
  unregistered: '未在台账中',
};

/** The rules the preview states beside the changes, each with its article. */
export const OFFICIAL_LIST_RULES: readonly string[] = [
  '第七条：名单中的企业按统一社会信用代码匹配企业名录，设置“专精特新”或“建有企业科协”标识，各站点的考核指标随之更新。',
  '名单只增加标识：不在本名单中的企业保留原有标识；取消某企业的标识须另行核实后在企业名录中修改，导入不会取消任何标识。',
  '市级名单不降低级别：已是国家级专精特新“小巨人”的企业导入市级名单后仍为国家级。',
  '尚未在任何站点台账中登记的企业保留在名单中（未在台账中），不新建企业。',
];

export interface RegistryFlags {
  srdi: SrdiLevel;
  hasAssociation: boolean;
}

export interface FlagChange {
  outcome: Exclude<OfficialListOutcome, 'unregistered'>;
  after: RegistryFlags;
}

/** The flags an enterprise has after a list of `kind` names it (第七条). Never lowers, never removes. */
export function applyListFlag(kind: OfficialListKind, before: RegistryFlags): FlagChange {
  switch (kind) {
    case 'srdi_national':
      return before.srdi === 'national'
        ? { outcome: 'unchanged', after: before }
        : { outcome: 'changed', after: { ...before, srdi: 'national' } };
    case 'srdi_municipal':
      if (before.srdi === 'national') return { outcome: 'higher_kept', after: before };
      return before.srdi === 'municipal'
        ? { outcome: 'unchanged', after: before }
        : { outcome: 'changed', after: { ...before, srdi: 'municipal' } };
    case 'association':
      return before.hasAssociation
        ? { outcome: 'unchanged', after: before }
        : { outcome: 'changed', after: { ...before, hasAssociation: true } };
  }
}

/**
 * Whether a change moves the KPI of its flag (第七条): 其中专精特新企业 counts municipal and national alike, so
 * municipal → national changes the registry but no count; 企业科协 counts the flag itself.
 */
export function changesKpiCount(kind: OfficialListKind, before: RegistryFlags, after: RegistryFlags): boolean {
  if (kind === 'association') return !before.hasAssociation && after.hasAssociation;
  return before.srdi === 'none' && after.srdi !== 'none';
}

// ----------------------------------------------------------------------------------------------------------------
// The rows of a file.

export const OFFICIAL_LIST_FIELDS = ['uscc', 'name'] as const;
export type OfficialListField = (typeof OFFICIAL_LIST_FIELDS)[number];

export interface OfficialListColumn {
  field: OfficialListField;
  header: string;
  /** other headers read as this column (lists are published with their own headings) */
  aliases: readonly string[];
  width: number;
}

/** The template's columns, in order; the header row is row 1. */
export const OFFICIAL_LIST_COLUMNS: readonly OfficialListColumn[] = [
  {
    field: 'uscc',
    header: '统一社会信用代码',
    aliases: ['社会信用代码', '信用代码', '统一信用代码', '企业统一社会信用代码', 'USCC'],
    width: 26,
  },
  { field: 'name', header: '企业名称', aliases: ['名称', '单位名称', '企业'], width: 44 },
];

export const OFFICIAL_LIST_MAX_ROWS = 20_000;
const NAME_MAX = 200;

export interface RawListRow {
  /** the Excel row number */
  row: number;
  cells: Partial<Record<OfficialListField, string>>;
}

export interface ListProblem {
  row: number;
  field: OfficialListField;
  /** the column's Chinese header */
  column: string;
  message: string;
}

export interface RegistryEnterprise extends RegistryFlags {
  id: string;
  uscc: string;
  name: string;
  version: number;
}

export interface PlannedEntry {
  row: number;
  uscc: string;
  /** the name as the list gives it */
  name: string;
  enterpriseId: string | null;
  /** the registry's name when it differs from the list's */
  registryName: string | null;
  outcome: OfficialListOutcome;
  /** the registry's flags before the import; null for an enterprise not registered */
  before: RegistryFlags | null;
  after: RegistryFlags | null;
  /** whether the change moves a KPI count of 第七条 */
  kpiCounted: boolean;
}

export interface ListPlan {
  /** one entry per distinct valid code, in file order */
  entries: PlannedEntry[];
  /** rows that stop the import */
  errors: ListProblem[];
  /** rows imported with a remark (a repeated code, another name) */
  warnings: ListProblem[];
  /** data rows read (blank rows are not rows) */
  rows: number;
}

const HEADER_OF = Object.fromEntries(OFFICIAL_LIST_COLUMNS.map((c) => [c.field, c.header])) as Record<
  OfficialListField,
  string
>;
const USCC_CHARS = /^[0-9A-HJ-NPQRTUWXY]*$/;

/**
 * Which column holds which field, by the header row's texts (the template's headers or their aliases, compared as
 * the host import compares them); `missing` names the headers not found.
 */
export function matchListHeaders(headers: ReadonlyArray<string | null>): {
  columns: Partial<Record<OfficialListField, number>>;
  missing: string[];
} {
  const columns: Partial<Record<OfficialListField, number>> = {};
  headers.forEach((h, i) => {
    if (!h) return;
    const text = normalizeLabel(h);
    const col = OFFICIAL_LIST_COLUMNS.find(
      (c) => normalizeLabel(c.header) === text || c.aliases.some((a) => normalizeLabel(a) === text),
    );
    if (col && columns[col.field] === undefined) columns[col.field] = i;
  });
  const missing = OFFICIAL_LIST_COLUMNS.filter((c) => columns[c.field] === undefined).map((c) => c.header);
  return { columns, missing };
}

/** The one message for a code that is not a valid 统一社会信用代码 (GB 32100), or null. */
export function usccProblem(code: string): string | null {
  if (!code) return '请填写统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码应为 18 位（实为 ${code.length} 位）`;
  if (!USCC_CHARS.test(code)) {
    const bad = [...code].find((ch) => !USCC_CHARS.test(ch));
    return `统一社会信用代码含不允许的字符“${bad}”（不使用 I、O、Z、S、V）`;
  }
  return isValidUscc(code) ? null : '统一社会信用代码校验位不正确（GB 32100）';
}

/** Enterprise names compare width-folded and without spaces: （） and () are the same name. */
export const nameKey = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

/**
 * Checks the rows of a list against each other and the registry, and what each valid row does to its enterprise.
 * Invalid rows are errors (nothing is imported until the file is corrected); a code repeated in the file and a
 * name other than the registry's are warnings — the code decides which enterprise it is.
 */
export function planOfficialList(opts: {
  kind: OfficialListKind;
  rows: readonly RawListRow[];
  /** the registry's enterprises of the file's valid codes, by normalised code */
  registry: ReadonlyMap<string, RegistryEnterprise>;
}): ListPlan {
  const errors: ListProblem[] = [];
  const warnings: ListProblem[] = [];
  const entries: PlannedEntry[] = [];
  const firstRow = new Map<string, number>();
  const problem = (row: number, field: OfficialListField, message: string): ListProblem => ({
    row,
    field,
    column: HEADER_OF[field],
    message,
  });

  for (const { row, cells } of opts.rows) {
    const uscc = normalizeUscc(cells.uscc ?? '');
    const name = (cells.name ?? '').trim();
    const bad = usccProblem(uscc);
    if (bad) errors.push(problem(row, 'uscc', bad));
    if (!name) errors.push(problem(row, 'name', '请填写企业名称'));
    else if (name.length > NAME_MAX) errors.push(problem(row, 'name', `企业名称过长（最多 ${NAME_MAX} 字）`));
    if (bad || !name || name.length > NAME_MAX) continue;

    const first = firstRow.get(uscc);
    if (first !== undefined) {
      warnings.push(problem(row, 'uscc', `与第 ${first} 行的统一社会信用代码重复，以第 ${first} 行为准`));
      continue;
    }
    firstRow.set(uscc, row);

    const e = opts.registry.get(uscc);
    if (!e) {
      entries.push({
        row,
        uscc,
        name,
        enterpriseId: null,
        registryName: null,
        outcome: 'unregistered',
        before: null,
        after: null,
        kpiCounted: false,
      });
      continue;
    }
    const registryName = nameKey(e.name) === nameKey(name) ? null : e.name;
    if (registryName) {
      warnings.push(
        problem(row, 'name', `名单中的名称与企业名录中的“${e.name}”不一致；已按统一社会信用代码匹配，请核对`),
      );
    }
    const before = { srdi: e.srdi, hasAssociation: e.hasAssociation };
    const { outcome, after } = applyListFlag(opts.kind, before);
    entries.push({
      row,
      uscc,
      name,
      enterpriseId: e.id,
      registryName,
      outcome,
      before,
      after,
      kpiCounted: outcome === 'changed' && changesKpiCount(opts.kind, before, after),
    });
  }
  return { entries, errors, warnings, rows: opts.rows.length };
}

/** `第 5 行：统一社会信用代码校验位不正确（GB 32100）` — how a problem reads in a message. */
export const problemText = (p: ListProblem) => `第 ${p.row} 行：${p.message}`;

/**
 * What the registry looked like for the file's codes, as text: the preview's token is a digest of it, and a
 * confirmation whose registry reads otherwise (an enterprise changed or registered since) is refused.
 */
export function registryFingerprint(opts: {
  codes: readonly string[];
  registry: ReadonlyMap<string, Pick<RegistryEnterprise, 'id' | 'version'>>;
}): string {
  return [...new Set(opts.codes)]
    .sort()
    .map((c) => {
      const e = opts.registry.get(c);
      return e ? `${c}:${e.id}:${e.version}` : `${c}:-`;
    })
    .join('\n');
}
