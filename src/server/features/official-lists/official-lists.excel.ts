import ExcelJS from 'exceljs';
import {
  matchListHeaders,
  OFFICIAL_LIST_COLUMNS,
  OFFICIAL_LIST_MAX_ROWS,
  type OfficialListField,
  type RawListRow,
} from '../../../domain/official-lists/official-lists';
import { AppError } from '../../../shared/errors';
import { guardOfficeZip } from '../../blobs/zip-guard';
import { isBlank, plain, styleHeader, TEXT_FORMAT, textOf } from '../ledger-exchange/ledger-excel';

// The Excel side of 官方名单: the template (统一社会信用代码, 企业名称, and a sheet of instructions) and reading a list
// back into rows of text. Lists as published often open with a title row and number their rows (序号): the header
// row is looked for in the first rows, and columns other than the two are ignored.

const SHEET = '官方名单';
const INSTRUCTIONS = '填写说明';
/** How far down the header row may be (a title and a date line above it). */
const HEADER_SEARCH_ROWS = 10;

const fileProblem = (message: string) =>
  new AppError('validation', { userMessage: message, issues: [{ path: 'file', message }] });

function rules(maxMb: number): string[] {
  return [
    `每行填写一家企业，从第 2 行开始；第 1 行是列标题。一次最多 ${OFFICIAL_LIST_MAX_ROWS} 行。`,
    '“统一社会信用代码”“企业名称”必填。统一社会信用代码为 18 位（GB 32100），导入时核对校验位；请将该列设为文本格式，以免 Excel 把代码改成科学计数法。',
    '也可直接上传主管部门发布的名单：只要有一行列标题含“统一社会信用代码”和“企业名称”（前面可有标题行），“序号”等其他列会被忽略。',
    '名单类型（市级专精特新、国家级专精特新“小巨人”、企业科协）、名单名称和生效日期在导入页面上选择和填写，不在文件中。',
    '第七条：名单按统一社会信用代码匹配企业名录，设置企业的“专精特新”或“建有企业科协”标识，各站点的考核指标随之更新。名单只增加标识，不会取消任何企业的标识；市级名单不降低已是国家级的企业。',
    '名单中的企业名称与企业名录不一致时只提示，仍按统一社会信用代码匹配；尚未在任何站点台账中登记的企业保留在名单中，显示为“未在台账中”。',
    '上传后先预览：列出所有有误的行、将变更标识的企业和各站点考核指标的变化；有误的行改正后重新上传，确认后才导入。',
    `仅支持 Excel（.xlsx）文件，大小不超过 ${maxMb} MB。`,
  ];
}

export async function officialListTemplate(opts: { maxMb: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = OFFICIAL_LIST_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: TEXT_FORMAT } }));
  styleHeader(ws);
  OFFICIAL_LIST_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = `${c.header}（必填）`;
  });
  const help = wb.addWorksheet(INSTRUCTIONS);
  help.getColumn(1).width = 6;
  help.getColumn(2).width = 100;
  help.getRow(1).values = ['序号', '填写说明'];
  rules(opts.maxMb).forEach((text, i) => {
    const row = help.getRow(i + 2);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  styleHeader(help);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowTexts(ws: ExcelJS.Worksheet, n: number): Array<string | null> {
  const out: Array<string | null> = [];
  ws.getRow(n).eachCell({ includeEmpty: true }, (cell, col) => {
    const p = plain(cell.value);
    out[col - 1] = isBlank(p) ? null : textOf(p);
  });
  return out;
}

type HeaderFound =
  | { found: true; ws: ExcelJS.Worksheet; headerRow: number; columns: Partial<Record<OfficialListField, number>> }
  | { found: false; missing: string[] };

/** The sheet and row holding the headers: the first row of a sheet that names both columns. */
function findHeader(wb: ExcelJS.Workbook): HeaderFound {
  let best: { missing: string[] } | null = null;
  for (const ws of wb.worksheets) {
    if (ws.name.trim() === INSTRUCTIONS) continue;
    for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); n++) {
      const match = matchListHeaders(rowTexts(ws, n));
      if (!match.missing.length) return { found: true, ws, headerRow: n, columns: match.columns };
      if (!best || match.missing.length < best.missing.length) best = match;
    }
  }
  return { found: false, missing: best?.missing ?? OFFICIAL_LIST_COLUMNS.map((c) => c.header) };
}

/**
 * The data rows of a list as text, with their Excel row numbers; blank rows are left out. A file that cannot be
 * read, has no header row, no rows or too many is refused as a whole (400 on `file`).
 */
export async function readOfficialListWorkbook(bytes: Uint8Array): Promise<RawListRow[]> {
  const unreadable = () => fileProblem('无法读取 Excel 文件：请确认是 .xlsx 格式且未损坏');
  // ExcelJS inflates the whole workbook into memory: an archive bomb is refused (413) before it gets there.
  if (guardOfficeZip(bytes, 'Excel') === 'unreadable') throw unreadable();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw unreadable();
  }
  const found = findHeader(wb);
  if (!found.found) {
    const expected = OFFICIAL_LIST_COLUMNS.map((c) => `“${c.header}”`).join('、');
    throw fileProblem(
      `找不到列标题：缺少${found.missing.map((m) => `“${m}”`).join('、')}列。名单中应有一行列标题含${expected}；请使用下载的导入模板填写`,
    );
  }
  const { ws, headerRow, columns } = found;
  const mapped = Object.entries(columns) as Array<[OfficialListField, number]>;
  const rows: RawListRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cells: RawListRow['cells'] = {};
    let filled = false;
    for (const [field, index] of mapped) {
      const p = plain(row.getCell(index + 1).value);
      if (isBlank(p)) continue;
      cells[field] = textOf(p);
      filled = true;
    }
    if (filled) rows.push({ row: n, cells });
  });
  if (!rows.length)
    throw fileProblem(`“${ws.name}”工作表的列标题下没有企业：请从第 ${headerRow + 1} 行起每行填写一家企业`);
  if (rows.length > OFFICIAL_LIST_MAX_ROWS) {
    throw fileProblem(
      `一份名单最多导入 ${OFFICIAL_LIST_MAX_ROWS} 家企业，文件中有 ${rows.length} 行：请分成几个文件导入`,
    );
  }
  return rows;
}
