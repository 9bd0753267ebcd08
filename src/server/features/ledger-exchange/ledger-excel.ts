import ExcelJS from 'exceljs';
import { LEDGER_FORMAT } from '../../../domain/ledger/codes';
import { type LedgerInput, ledgerSchema } from '../../../domain/ledger/schema';
import { BUILT_IN_POLICIES } from '../../../domain/policy';
import type { Policy } from '../../../domain/policy/types';
import { guardOfficeZip } from '../../blobs/zip-guard';
import {
  type ColumnKind,
  DATA_ROWS,
  type FieldSpec,
  INSTRUCTION_RULES,
  INSTRUCTIONS_SHEET_NAME,
  LABEL_ALIASES,
  type LabelSource,
  type Labels,
  STATION_ROWS,
  STATION_SHEET_HEADERS,
  STATION_SHEET_NAME,
  TABLE_SHEETS,
  type TableSheetSpec,
} from './ledger-excel.layout';

// The Excel side of the ledger exchange (docs/ledger-format.md): the import template, the station's export, reading a filled
// workbook back into a plain (unvalidated) ledger, and mapping schema paths to cells. The layout is data
// (ledger-excel.layout.ts); everything here is derived from it.

export interface SheetLocation {
  sheet: string;
  /** the row number as Excel shows it */
  row: number | null;
  /** the Chinese column header (on 站点信息: the row's label) */
  column: string | null;
}
export interface SheetProblem extends SheetLocation {
  message: string;
}

const UNREADABLE = '无法读取 Excel 文件';
export const TEXT_FORMAT = '@';
const YES = '是';
const NO = '否';

// Where each imported record came from, so validation problems name the Excel row even when blank rows were
// skipped. Invisible to JSON and to deep equality; a copied value falls back to index + 2.
const recordRows = new WeakMap<object, number>();
const stationRows = new WeakMap<object, Map<string, number>>();

const own = (labels: Labels, code: string): string | undefined =>
  Object.hasOwn(labels, code) ? labels[code] : undefined;
const labelsOf = (src: LabelSource, policy: Policy): Labels => (typeof src === 'function' ? src(policy) : src);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function getField(obj: unknown, field: string): unknown {
  let cur = obj;
  for (const k of field.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets a dotted field, creating parents: a nested object (an expense's payee) exists only once a cell fills it. */
function setField(obj: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/** Columns whose cells are text (numFmt '@') so Excel never turns a date, amount or code into a number. */
const isTextKind = (kind: ColumnKind) => kind.type !== 'bool' && kind.type !== 'number';

export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------- writing

/** A drop-down's values, listed on 填写说明 from column D on and referenced by the validations. */
interface OptionList {
  title: string;
  labels: string[];
  column: number;
}

function optionLists(policy: Policy): Map<FieldSpec, OptionList> {
  const byValues = new Map<string, OptionList>();
  const out = new Map<FieldSpec, OptionList>();
  for (const f of [...STATION_ROWS, ...TABLE_SHEETS.flatMap((s) => s.columns)]) {
    const k = f.kind;
    let labels: string[];
    if (k.type === 'bool') labels = [YES, NO];
    else if (k.type === 'code' || (k.type === 'list' && k.labels)) labels = Object.values(labelsOf(k.labels!, policy));
    else continue;
    const key = labels.join('\u0001');
    let list = byValues.get(key);
    if (!list) {
      const title = k.type === 'bool' ? '是/否' : k.type === 'list' ? `${f.header}（可多选，用“、”分隔）` : f.header;
      list = { title, labels, column: 4 + byValues.size };
      byValues.set(key, list);
    }
    out.set(f, list);
  }
  return out;
}

function dropDown(f: FieldSpec, list: OptionList): ExcelJS.DataValidation {
  const letter = columnLetter(list.column);
  const open = f.kind.type === 'code' && f.kind.open;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`'${INSTRUCTIONS_SHEET_NAME}'!$${letter}$2:$${letter}$${list.labels.length + 1}`],
    showErrorMessage: true,
    errorStyle: open ? 'information' : 'warning',
    errorTitle: '不在下拉列表中',
    error: open ? `${f.header}不在列表中的值将按所填内容导入。` : `${f.header}请从下拉列表中选择。`,
  };
}

function cellOut(kind: ColumnKind, value: unknown, policy: Policy): string | number | null {
  if (value === undefined || value === null) return null;
  switch (kind.type) {
    case 'bool':
      return value === true ? YES : value === false ? NO : String(value);
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'code':
      return own(labelsOf(kind.labels, policy), String(value)) ?? String(value);
    case 'list': {
      const labels = kind.labels ? labelsOf(kind.labels, policy) : {};
      const items = (Array.isArray(value) ? value : [value]).map((v) => own(labels, String(v)) ?? String(v));
      return items.join('、') || null;
    }
    default:
      return String(value);
  }
}

export function styleHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
}

/** `dataValidations.add(range, …)` exists at runtime (exceljs ≥ 4.3) but is missing from its typings. */
export type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

interface WriteStationSheetOptions {
  wb: ExcelJS.Workbook;
  /** null for an empty template */
  ledger: LedgerInput | null;
  policy: Policy;
  lists: Map<FieldSpec, OptionList>;
}

function writeStationSheet({ wb, ledger, policy, lists }: WriteStationSheetOptions) {
  const ws = wb.addWorksheet(STATION_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = STATION_SHEET_HEADERS.map((header, i) => ({ header, width: [26, 40, 70][i] }));
  styleHeader(ws);
  const source = ledger ?? { format: LEDGER_FORMAT, programYear: policy.year };
  STATION_ROWS.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = f.header;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    if (isTextKind(f.kind)) cell.numFmt = TEXT_FORMAT;
    cell.value = cellOut(f.kind, getField(source, f.field), policy);
    const list = lists.get(f);
    if (list) cell.dataValidation = dropDown(f, list);
    row.getCell(3).value = f.hint ?? null;
  });
}

interface WriteTableSheetOptions {
  wb: ExcelJS.Workbook;
  spec: TableSheetSpec;
  records: readonly unknown[];
  policy: Policy;
  lists: Map<FieldSpec, OptionList>;
}

function writeTableSheet({ wb, spec, records, policy, lists }: WriteTableSheetOptions) {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(isTextKind(c.kind) ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  for (const r of records) ws.addRow(spec.columns.map((c) => cellOut(c.kind, getField(r, c.field), policy)));
  const last = Math.max(DATA_ROWS, records.length + 1);
  spec.columns.forEach((c, i) => {
    const list = lists.get(c);
    if (!list || c.kind.type === 'list') return; // a drop-down picks one value; lists are typed
    const letter = columnLetter(i + 1);
    (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${last}`, dropDown(c, list));
  });
}

function writeInstructions(wb: ExcelJS.Workbook, lists: Map<FieldSpec, OptionList>) {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 100;
  ws.getColumn(3).width = 3;
  ws.getRow(1).values = ['序号', '填写说明'];
  INSTRUCTION_RULES.forEach((rule, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = rule;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  for (const list of new Set(lists.values())) {
    ws.getColumn(list.column).width = Math.max(12, ...list.labels.map((l) => l.length * 2 + 2));
    ws.getCell(1, list.column).value = list.title;
    list.labels.forEach((l, i) => {
      ws.getCell(i + 2, list.column).value = l;
    });
  }
  styleHeader(ws);
}

/**
 * The ledger workbook: with `null` the empty import template (format and year filled in), with a ledger the
 * station's export. Codes are written as the Chinese labels of `policy`'s year.
 */
export async function ledgerWorkbook(ledger: LedgerInput | null, policy: Policy): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  const lists = optionLists(policy);
  writeStationSheet({ wb, ledger, policy, lists });
  for (const spec of TABLE_SHEETS) {
    const records = ledger ? ((ledger[spec.key] as readonly unknown[] | undefined) ?? []) : [];
    writeTableSheet({ wb, spec, records, policy, lists });
  }
  writeInstructions(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading

type Plain = string | number | boolean | Date | null;

/** A cell reduced to a primitive: rich text, hyperlinks and formula results become their text or value. */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (isObject(v)) {
    if (Array.isArray(v.richText)) return v.richText.map((t: { text?: unknown }) => String(t.text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain(v.result);
    if ('hyperlink' in v) return plain(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

export const isBlank = (p: Plain) => p === null || (typeof p === 'string' && p.trim() === '');
const pad = (n: number) => String(n).padStart(2, '0');
/** exceljs gives an Excel date as midnight UTC of that day: its UTC parts are the date, whatever the time zone. */
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const textOf = (p: Plain): string => (p instanceof Date ? ymd(p) : String(p ?? ''));
/** For matching headers and labels: width-folded, no spaces or quotes, lower case. */
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」]/g, '')
    .toLowerCase();

interface Read {
  value: unknown;
  problem?: string;
}

type Resolver = (s: string) => string | undefined;

function resolver(labels: Labels): Resolver {
  const map = new Map<string, string>();
  for (const c of Object.keys(labels)) map.set(norm(c), c);
  for (const [c, l] of Object.entries(labels)) map.set(norm(l), c);
  for (const [alias, c] of Object.entries(LABEL_ALIASES)) if (Object.hasOwn(labels, c)) map.set(norm(alias), c);
  return (s) => map.get(norm(s));
}

const unknownValue = (s: string, labels: Labels) => `无法识别“${s}”，应为：${Object.values(labels).join('、')}`;

function readDate(p: Plain): Read {
  if (p instanceof Date) {
    return Number.isNaN(p.getTime()) ? { value: null, problem: '无效的日期' } : { value: ymd(p) };
  }
  if (typeof p === 'number') {
    // an Excel serial date that lost its date format (1900 date system)
    if (p >= 1 && p < 2_958_466) return { value: ymd(new Date(Date.UTC(1899, 11, 30) + Math.floor(p) * 86_400_000)) };
    return { value: String(p), problem: `“${p}”不是日期，应为 YYYY-MM-DD` };
  }
  if (typeof p === 'boolean') return { value: String(p), problem: '应为日期（YYYY-MM-DD）' };
  const s = String(p).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  return { value: m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : s };
}

function readMoney(p: Plain): Read {
  if (typeof p === 'number') {
    const fen = Math.round(p * 100);
    const exact = Number.isSafeInteger(fen) && Math.abs(p * 100 - fen) <= 1e-9 * Math.max(1, Math.abs(fen));
    if (!exact) return { value: String(p), problem: `金额 ${p} 不是精确到分的数值（最多两位小数）` };
    const abs = Math.abs(fen);
    return { value: `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100)}` };
  }
  if (p instanceof Date || typeof p === 'boolean') {
    return { value: textOf(p), problem: '金额应为数字（元，最多两位小数）' };
  }
  return {
    value: String(p)
      .trim()
      .replace(/[,，\s]/g, ''),
  };
}

function readBool(p: Plain): Read {
  if (typeof p === 'boolean') return { value: p };
  const s = norm(textOf(p));
  if ([YES, 'true', '1'].includes(s)) return { value: true };
  if ([NO, 'false', '0'].includes(s)) return { value: false };
  return { value: textOf(p), problem: `应填写“是”或“否”，而不是“${textOf(p)}”` };
}

function readNumber(p: Plain): Read {
  if (typeof p === 'number') return { value: p };
  const s = textOf(p).trim();
  if (typeof p === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { value: Number(s) };
  return { value: s, problem: `应为数字，而不是“${s}”` };
}

/** Reads the cells of one field kind; built once per workbook so label look-ups are prepared once. */
function cellReader(kind: ColumnKind, policy: Policy): (p: Plain) => Read {
  switch (kind.type) {
    case 'date':
      return readDate;
    case 'money':
      return readMoney;
    case 'bool':
      return readBool;
    case 'number':
      return readNumber;
    case 'code': {
      const labels = labelsOf(kind.labels, policy);
      const resolve = resolver(labels);
      return (p) => {
        const s = textOf(p).trim();
        const code = resolve(s);
        if (code !== undefined || kind.open) return { value: code ?? s };
        return { value: s, problem: unknownValue(s, labels) };
      };
    }
    case 'list': {
      const labels = kind.labels ? labelsOf(kind.labels, policy) : null;
      const resolve = labels ? resolver(labels) : null;
      return (p) => {
        const parts = textOf(p)
          .split(/[、,，;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean);
        if (!labels || !resolve) return { value: parts };
        const bad = parts.filter((s) => resolve(s) === undefined);
        const value = parts.map((s) => resolve(s) ?? s);
        return bad.length ? { value, problem: unknownValue(bad.join('、'), labels) } : { value };
      };
    }
    default:
      // text: only ASCII whitespace is trimmed, so a full-width indent of a report survives
      return (p) => ({ value: textOf(p).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '') });
  }
}

function findSheet(wb: ExcelJS.Workbook, name: string, key: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => norm(ws.name) === norm(name)) ?? wb.worksheets.find((ws) => ws.name === key);
}

const matches = (f: FieldSpec, text: string) => norm(f.header) === text || norm(f.field) === norm(text);

interface ReadStationSheetOptions {
  ws: ExcelJS.Worksheet;
  policy: Policy;
  /** the ledger being read, whose fields the sheet's rows set */
  root: Record<string, unknown>;
  problems: SheetProblem[];
}

function readStationSheet({ ws, policy, root, problems }: ReadStationSheetOptions) {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const label = norm(textOf(plain(row.getCell(1).value)));
    const f = STATION_ROWS.find((s) => matches(s, label));
    if (!f || rows.has(f.field)) return;
    rows.set(f.field, n);
    const p = plain(row.getCell(2).value);
    if (isBlank(p)) {
      if (f.kind.type === 'code' && f.kind.emptyAs === null) setField(root, f.field, null);
      return;
    }
    const r = cellReader(f.kind, policy)(p);
    if (r.problem) problems.push({ sheet: ws.name, row: n, column: f.header, message: r.problem });
    setField(root, f.field, r.value);
  });
  stationRows.set(root, rows);
}

interface ReadTableSheetOptions {
  ws: ExcelJS.Worksheet;
  spec: TableSheetSpec;
  policy: Policy;
  problems: SheetProblem[];
}

const required = new Map<string, Set<string>>();
/** The record fields the schema requires: the issues of an empty record name them. */
function requiredFields(key: TableSheetSpec['key']): Set<string> {
  let set = required.get(key);
  if (!set) {
    const r = ledgerSchema.shape[key].safeParse([{}]);
    set = new Set(r.success ? [] : r.error.issues.filter((i) => i.path.length === 2).map((i) => String(i.path[1])));
    required.set(key, set);
  }
  return set;
}

const quoted = (xs: string[]) => xs.map((x) => `“${x}”`).join('');

/**
 * A sheet whose headers are not the template's is one problem naming the missing and unknown columns, not one per
 * cell read under the wrong header; its rows are not read.
 */
function headerProblem(ws: ExcelJS.Worksheet, { spec, found, unknown }: HeaderCheck): SheetProblem | null {
  if (ws.actualRowCount < 2) return null;
  const present = new Set(found.map((f) => f.field.split('.')[0]));
  const needed = requiredFields(spec.key);
  const missing = spec.columns
    .filter((c) => needed.has(c.field.split('.')[0]) && !present.has(c.field.split('.')[0]))
    .map((c) => c.header);
  if (!missing.length && !unknown.length) return null;
  const parts = [
    ...(missing.length ? [`缺少${quoted(missing)}列`] : []),
    ...(unknown.length ? [`无法识别${quoted(unknown)}列`] : []),
  ];
  return {
    sheet: ws.name,
    row: 1,
    column: null,
    message: `列标题不正确：${parts.join('；')}。请按导入模板第 1 行的列标题填写（可下载本站点导入模板对照），该工作表未读取`,
  };
}

interface HeaderCheck {
  spec: TableSheetSpec;
  found: FieldSpec[];
  unknown: string[];
}

function readTableSheet({ ws, spec, policy, problems }: ReadTableSheetOptions) {
  const columns: Array<{ f: FieldSpec; col: number; read: (p: Plain) => Read }> = [];
  const unknown: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const raw = textOf(plain(cell.value)).trim();
    if (!raw) return;
    const f = spec.columns.find((c) => matches(c, norm(raw)));
    if (!f) unknown.push(raw);
    else if (!columns.some((c) => c.f === f)) columns.push({ f, col, read: cellReader(f.kind, policy) });
  });
  const header = headerProblem(ws, { spec, found: columns.map((c) => c.f), unknown });
  if (header) {
    problems.push(header);
    return [];
  }
  const records: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, unknown> = {};
    let filled = false;
    for (const { f, col, read } of columns) {
      const p = plain(row.getCell(col).value);
      if (isBlank(p)) continue;
      filled = true;
      const r = read(p);
      if (r.problem) problems.push({ sheet: ws.name, row: n, column: f.header, message: r.problem });
      setField(rec, f.field, r.value);
    }
    if (!filled) return;
    recordRows.set(rec, n);
    records.push(rec);
  });
  return records;
}

const YEAR_ROW = STATION_ROWS.find((s) => s.field === 'programYear')!;

function yearOf(ws: ExcelJS.Worksheet | undefined): number | null {
  let year: number | null = null;
  ws?.eachRow((row) => {
    if (matches(YEAR_ROW, norm(textOf(plain(row.getCell(1).value))))) {
      year = Number(textOf(plain(row.getCell(2).value))) || null;
    }
  });
  return year;
}

/**
 * Reads a ledger workbook (the filled-in template or an export) into a plain ledger object, unvalidated: validate
 * `value` with the schema and place its problems with `locateLedgerPath`. `problems` are cells that could not be
 * read (an unknown label, an amount not exact to the fen…); such a cell keeps its text in `value`, so the schema
 * usually reports it too. Labels are those of `policy`, by default the built-in policy of the workbook's year.
 */
export async function readLedgerWorkbook(
  buf: Buffer | Uint8Array,
  policy?: Policy,
): Promise<{ value: unknown; problems: SheetProblem[] }> {
  // ExcelJS inflates the whole workbook into memory: an archive bomb is refused (413) before it gets there.
  if (guardOfficeZip(buf, 'Excel') === 'unreadable') {
    return { value: null, problems: [{ sheet: '', row: null, column: null, message: UNREADABLE }] };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)) as never);
  } catch {
    return { value: null, problems: [{ sheet: '', row: null, column: null, message: UNREADABLE }] };
  }
  const problems: SheetProblem[] = [];
  const value: Record<string, unknown> = {};
  const stationSheet = findSheet(wb, STATION_SHEET_NAME, 'station');
  if (!stationSheet && !TABLE_SHEETS.some((s) => findSheet(wb, s.name, s.key))) {
    const names = [STATION_SHEET_NAME, ...TABLE_SHEETS.map((s) => s.name)].join('、');
    problems.push({ sheet: '', row: null, column: null, message: `工作簿中没有台账工作表（${names}）` });
  }
  const year = yearOf(stationSheet);
  const pol =
    policy ?? BUILT_IN_POLICIES.find((p) => p.year === year) ?? BUILT_IN_POLICIES[BUILT_IN_POLICIES.length - 1];
  if (stationSheet) readStationSheet({ ws: stationSheet, policy: pol, root: value, problems });
  for (const spec of TABLE_SHEETS) {
    const ws = findSheet(wb, spec.name, spec.key);
    value[spec.key] = ws ? readTableSheet({ ws, spec, policy: pol, problems }) : [];
  }
  return { value, problems };
}

// ---------------------------------------------------------------- locating

const STATION_HEADS = new Set(STATION_ROWS.map((r) => r.field.split('.')[0]));

function columnFor(columns: FieldSpec[], field: string): FieldSpec | undefined {
  if (!field) return undefined;
  return columns.find((c) => c.field === field) ?? columns.find((c) => c.field.startsWith(`${field}.`));
}

/**
 * Where a schema path (`contacts[3].date`, `station.period.end`, `expenses[0].payee.name`, `$`) is in the workbook:
 * the sheet, the Excel row (the row it was read from, else index + 2) and the column header. Station and funds
 * fields are rows of 站点信息, named by their row label. Unknown paths and `$` give sheet ''.
 */
export function locateLedgerPath(path: string, value: unknown): SheetLocation {
  const tokens = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  const [head, ...rest] = tokens;
  const names = (ts: Array<string | number>) => ts.filter((t): t is string => typeof t === 'string').join('.');
  const table = TABLE_SHEETS.find((s) => s.key === head);
  if (table) {
    const index = rest[0];
    if (typeof index !== 'number') return { sheet: table.name, row: null, column: null };
    const rec = getField(value, table.key);
    const item = Array.isArray(rec) ? rec[index] : undefined;
    const row = (isObject(item) ? recordRows.get(item) : undefined) ?? index + 2;
    return { sheet: table.name, row, column: columnFor(table.columns, names(rest.slice(1)))?.header ?? null };
  }
  if (typeof head === 'string' && STATION_HEADS.has(head)) {
    const field = names(tokens);
    const i = STATION_ROWS.findIndex((r) => r.field === field);
    if (i < 0) return { sheet: STATION_SHEET_NAME, row: null, column: null };
    const row = (isObject(value) ? stationRows.get(value)?.get(field) : undefined) ?? i + 2;
    return { sheet: STATION_SHEET_NAME, row, column: STATION_ROWS[i].header };
  }
  return { sheet: '', row: null, column: null };
}
