import { HOST_KIND_LABELS, ORG_KIND_LABELS } from '../../shared/labels';
import {
  HOST_IMPORT_COLUMNS,
  type HostImportField,
  type HostImportProblem,
  type HostImportRow,
} from '../../shared/schemas/host-import';
import { HOST_KIND_CODES, organizationInputSchema } from '../../shared/schemas/organization';
import { isValidUscc, normalizeUscc } from '../uscc';

// The rules of a host import (依托单位批量导入), pure: the Excel reading is the server's. Every row is checked at once
// and every problem named by row and column, so one round of corrections fixes the file.
//
// Duplicates: an organisation already registered with the same 统一社会信用代码 AND the same name is skipped (the
// file can be imported again, or extended and re-imported, without creating anything twice). A code registered
// under another name, or a name registered with another code, is an error: one of the two records is wrong, and a
// person must say which before anything is written.

export interface DistrictRef {
  code: string;
  /** 海淀区 */
  name: string;
  /** 北京市海淀区 */
  fullName: string;
}

export interface RegisteredOrg {
  name: string;
  uscc: string | null;
  kind: string;
  isActive: boolean;
}

export interface RawHostRow {
  /** the Excel row number */
  row: number;
  /** the cells as text (unmapped columns absent) */
  cells: Partial<Record<HostImportField, string>>;
}

const HEADER_OF = Object.fromEntries(HOST_IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<
  HostImportField,
  string
>;

/** For comparing headers and names: width-folded (NFKC), without spaces, quotes or a required-field mark. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」*＊]/g, '')
    .replace(/\(必填\)$/, '')
    .toLowerCase();
}

/** Organisation names are compared width-folded and without spaces: （） and () are the same name. */
const nameKey = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

export interface HeaderMatch {
  /** the 0-based position of each recognised column */
  columns: Partial<Record<HostImportField, number>>;
  /** headers of required columns not found */
  missing: string[];
}

/** Which column holds which field, by the header row's texts (template headers or their aliases). */
export function matchHostHeaders(headers: ReadonlyArray<string | null>): HeaderMatch {
  const columns: Partial<Record<HostImportField, number>> = {};
  headers.forEach((h, i) => {
    if (!h) return;
    const text = normalizeLabel(h);
    const col = HOST_IMPORT_COLUMNS.find(
      (c) => normalizeLabel(c.header) === text || c.aliases.some((a) => normalizeLabel(a) === text),
    );
    if (col && columns[col.field] === undefined) columns[col.field] = i;
  });
  const missing = HOST_IMPORT_COLUMNS.filter((c) => c.required && columns[c.field] === undefined).map((c) => c.header);
  return { columns, missing };
}

/** The one message for a wrong header row. */
export function headerProblem(missing: readonly string[]): string {
  const expected = HOST_IMPORT_COLUMNS.map((c) => c.header).join('、');
  return `列标题不正确：缺少${missing.map((m) => `“${m}”`).join('、')}列。第 1 行应为：${expected}；请使用下载的导入模板填写`;
}

// 第六条: the kinds of host; besides the labels, the words people commonly write for them.
const KIND_ALIASES: Record<string, (typeof HOST_KIND_CODES)[number]> = {
  高校科协: 'university_association',
  科研院所科协: 'university_association',
  事业单位: 'public_institution',
};

function kindResolver(): (s: string) => (typeof HOST_KIND_CODES)[number] | undefined {
  const map = new Map<string, (typeof HOST_KIND_CODES)[number]>();
  for (const code of HOST_KIND_CODES) {
    map.set(normalizeLabel(code), code);
    map.set(normalizeLabel(HOST_KIND_LABELS[code]), code);
  }
  for (const [alias, code] of Object.entries(KIND_ALIASES)) map.set(normalizeLabel(alias), code);
  return (s) => map.get(normalizeLabel(s));
}

function districtResolver(districts: readonly DistrictRef[]): (s: string) => DistrictRef | undefined {
  const map = new Map<string, DistrictRef>();
  for (const d of districts) {
    for (const k of [d.code, d.name, d.fullName]) map.set(normalizeLabel(k), d);
    // 海淀 for 海淀区; 经开区 is also written 北京经济技术开发区 (its fullName) or 亦庄.
    map.set(normalizeLabel(d.name.replace(/区$/, '')), d);
    if (d.code === 'etown') map.set(normalizeLabel('亦庄'), d);
  }
  return (s) => map.get(normalizeLabel(s));
}

const USCC_CHARS = /^[0-9A-HJ-NPQRTUWXY]*$/;

function usccProblem(code: string): string | null {
  if (!code) return '请填写统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码应为 18 位（实为 ${code.length} 位）`;
  if (!USCC_CHARS.test(code)) {
    const bad = [...code].find((ch) => !USCC_CHARS.test(ch));
    return `统一社会信用代码含不允许的字符“${bad}”（不使用 I、O、Z、S、V）`;
  }
  return isValidUscc(code) ? null : '统一社会信用代码校验位不正确（GB 32100）';
}

/** The first message of a field rule of the organisation form, so the import and the form say the same. */
function formRule(field: 'name' | 'contactName' | 'contactPhone' | 'address', value: string): string | null {
  const r = organizationInputSchema.shape[field].safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '格式不正确');
}

export interface CheckedHostRows {
  rows: HostImportRow[];
  problems: HostImportProblem[];
}

/**
 * Checks every row of a host import against the form's rules, each other and the organisations already registered.
 * A row with a problem is `error`; a row registered with the same code and name is `skip`; the rest `create`.
 */
export function checkHostRows(
  raw: readonly RawHostRow[],
  opts: { districts: readonly DistrictRef[]; registered: readonly RegisteredOrg[] },
): CheckedHostRows {
  const resolveKind = kindResolver();
  const resolveDistrict = districtResolver(opts.districts);
  const byUscc = new Map(opts.registered.filter((o) => o.uscc).map((o) => [normalizeUscc(o.uscc!), o]));
  const byName = new Map(opts.registered.map((o) => [nameKey(o.name), o]));
  const firstUscc = new Map<string, number>();
  const firstName = new Map<string, number>();
  const kindList = HOST_KIND_CODES.map((c) => HOST_KIND_LABELS[c]).join('、');
  const districtList = opts.districts.map((d) => d.name).join('、');

  const problems: HostImportProblem[] = [];
  const rows = raw.map(({ row, cells }): HostImportRow => {
    const mine: HostImportProblem[] = [];
    // One message per cell, the first rule it breaks.
    const add = (field: HostImportField, message: string | null) => {
      if (message && !mine.some((p) => p.field === field)) mine.push({ row, field, column: HEADER_OF[field], message });
    };
    const text = (f: HostImportField) => (cells[f] ?? '').trim();
    const optional = (f: HostImportField) => text(f) || null;

    const name = text('name');
    add('name', name ? formRule('name', name) : '请填写单位名称');
    const uscc = normalizeUscc(cells.uscc ?? '');
    const usccBad = usccProblem(uscc);
    add('uscc', usccBad);

    const kindText = text('hostKind');
    const hostKind = kindText ? (resolveKind(kindText) ?? null) : null;
    add('hostKind', !kindText ? '请选择单位类型' : hostKind ? null : `无法识别“${kindText}”，应为：${kindList}`);

    const districtText = text('district');
    const district = districtText ? resolveDistrict(districtText) : undefined;
    if (districtText && !district) add('district', `无法识别“${districtText}”，应为：${districtList}`);

    const contactName = optional('contactName');
    const contactPhone = optional('contactPhone');
    const address = optional('address');
    if (contactName) add('contactName', formRule('contactName', contactName));
    if (contactPhone) add('contactPhone', formRule('contactPhone', contactPhone));
    if (address) add('address', formRule('address', address));

    // Against the register.
    let note: string | null = null;
    const sameCode = usccBad ? undefined : byUscc.get(uscc);
    if (sameCode) {
      if (sameCode.kind === 'host' && name && nameKey(sameCode.name) === nameKey(name)) {
        note = sameCode.isActive ? '已登记，将跳过' : '已登记（已停用），将跳过';
      } else {
        add('uscc', `该统一社会信用代码已登记为“${sameCode.name}”`);
      }
    } else if (name) {
      const sameName = byName.get(nameKey(name));
      if (sameName) {
        add(
          'name',
          sameName.uscc
            ? `该单位名称已登记，统一社会信用代码为 ${sameName.uscc}`
            : `该单位名称已登记（${ORG_KIND_LABELS[sameName.kind] ?? sameName.kind}）`,
        );
      }
    }

    // Within the file: the first row of a code or name stands, later ones are errors (unless the cell has one already).
    if (!usccBad) {
      const first = firstUscc.get(uscc);
      if (first !== undefined) add('uscc', `与第 ${first} 行的统一社会信用代码重复`);
      else firstUscc.set(uscc, row);
    }
    if (name) {
      const first = firstName.get(nameKey(name));
      if (first !== undefined) add('name', `与第 ${first} 行的单位名称重复`);
      else firstName.set(nameKey(name), row);
    }
    // A row registered already but repeated in the file is no longer a skip.
    if (mine.length) note = null;

    problems.push(...mine);
    return {
      row,
      name,
      uscc,
      hostKind,
      hostKindLabel: hostKind ? HOST_KIND_LABELS[hostKind] : null,
      districtCode: district?.code ?? null,
      districtName: district?.name ?? null,
      contactName,
      contactPhone,
      address,
      status: mine.length ? 'error' : note ? 'skip' : 'create',
      note,
    };
  });
  return { rows, problems };
}
