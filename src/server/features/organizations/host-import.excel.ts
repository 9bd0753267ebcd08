import ExcelJS from 'exceljs';
import {
  type DistrictRef,
  headerProblem,
  matchHostHeaders,
  normalizeLabel,
  type RawHostRow,
} from '../../../domain/hosts/import-rows';
import { AppError } from '../../../shared/errors';
import { HOST_KIND_LABELS } from '../../../shared/labels';
import {
  HOST_IMPORT_COLUMNS,
  HOST_IMPORT_MAX_ROWS,
  HOST_IMPORT_SHEET,
  type HostImportField,
} from '../../../shared/schemas/host-import';
import { HOST_KIND_CODES } from '../../../shared/schemas/organization';
import { guardOfficeZip } from '../../blobs/zip-guard';
import {
  columnLetter,
  isBlank,
  plain,
  styleHeader,
  TEXT_FORMAT,
  textOf,
  type WithValidations,
} from '../ledger-exchange/ledger-excel';

// The Excel side of 依托单位批量导入: the template (one sheet of hosts, drop-downs for 单位类型 and 所在区, a sheet of
// instructions) and reading a filled workbook back into rows of text. The rules are src/domain/hosts/import-rows.ts.

const INSTRUCTIONS = '填写说明';
/** Rows of the template that carry the drop-downs. */
const TEMPLATE_ROWS = 1000;

const fileProblem = (message: string) =>
  new AppError('validation', { userMessage: message, issues: [{ path: 'file', message }] });

function rules(maxMb: number): string[] {
  return [
    `每行填写一个依托单位，从第 2 行开始；第 1 行是列标题，请勿修改。一次最多 ${HOST_IMPORT_MAX_ROWS} 行。`,
    '“单位名称”“统一社会信用代码”“单位类型”必填；“所在区”“联系人”“联系电话”“地址”可不填。',
    '统一社会信用代码为 18 位（GB 32100），导入时核对校验位；字母不区分大小写，前后空格自动去除。',
    '单位类型从下拉列表中选择（第六条：学会、协会、联盟、园区科协、事业单位、高校科协/科研院所科协）。',
    '所在区从下拉列表中选择区名，如“海淀区”；经开区填“经开区”。',
    '已登记的单位（统一社会信用代码和单位名称都相同）导入时跳过，不会重复创建；统一社会信用代码已登记为其他名称、或单位名称已登记为其他代码的，视为错误，请核对后再导入。',
    '上传后先预览：所有问题按行、列一次列出；有任何问题时不导入任何单位，改正后重新上传即可。',
    `仅支持 Excel（.xlsx）文件，大小不超过 ${maxMb} MB。`,
    '示例：单位名称“北京市人工智能学会”，单位类型“学会”，所在区“海淀区”，联系人“周老师”，联系电话“010-62001234”，地址“北京市海淀区中关村大街 1 号”。',
  ];
}

/** The import template: districts of the current policy (第三条) and the host kinds of 第六条 as drop-downs. */
export async function hostImportTemplate(opts: { districts: readonly DistrictRef[]; maxMb: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  const ws = wb.addWorksheet(HOST_IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HOST_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: TEXT_FORMAT } }));
  styleHeader(ws);
  HOST_IMPORT_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.numFmt = TEXT_FORMAT;
    if (c.required) {
      cell.font = { bold: true, color: { argb: 'FFC00000' } };
      cell.note = `${c.header}（必填）`;
    }
  });

  const help = wb.addWorksheet(INSTRUCTIONS);
  help.getColumn(1).width = 6;
  help.getColumn(2).width = 100;
  help.getColumn(3).width = 3;
  help.getRow(1).values = ['序号', '填写说明'];
  rules(opts.maxMb).forEach((text, i) => {
    const row = help.getRow(i + 2);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  const lists: Array<{ field: HostImportField; title: string; values: string[] }> = [
    { field: 'hostKind', title: '单位类型', values: HOST_KIND_CODES.map((k) => HOST_KIND_LABELS[k]) },
    { field: 'district', title: '所在区', values: opts.districts.map((d) => d.name) },
  ];
  lists.forEach((list, i) => {
    const col = 4 + i;
    help.getColumn(col).width = Math.max(12, ...list.values.map((v) => v.length * 2 + 2));
    help.getCell(1, col).value = list.title;
    list.values.forEach((v, j) => {
      help.getCell(j + 2, col).value = v;
    });
    const letter = columnLetter(col);
    const target = columnLetter(HOST_IMPORT_COLUMNS.findIndex((c) => c.field === list.field) + 1);
    (ws as unknown as WithValidations).dataValidations.add(`${target}2:${target}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${INSTRUCTIONS}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在下拉列表中',
      error: `${list.title}请从下拉列表中选择。`,
    });
  });
  styleHeader(help);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function findSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = wb.worksheets.find((ws) => normalizeLabel(ws.name) === normalizeLabel(HOST_IMPORT_SHEET));
  return named ?? wb.worksheets.find((ws) => normalizeLabel(ws.name) !== normalizeLabel(INSTRUCTIONS));
}

/**
 * The data rows of a filled template as text, with their Excel row numbers; blank rows are left out. A file that
 * cannot be read, has no sheet of hosts, wrong headers, no rows or too many is refused as a whole (400 on `file`).
 */
export async function readHostWorkbook(bytes: Uint8Array): Promise<RawHostRow[]> {
  const unreadable = () => fileProblem('无法读取 Excel 文件：请确认是 .xlsx 格式且未损坏');
  // ExcelJS inflates the whole workbook into memory: an archive bomb is refused (413) before it gets there.
  if (guardOfficeZip(bytes, 'Excel') === 'unreadable') throw unreadable();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw unreadable();
  }
  const ws = findSheet(wb);
  if (!ws) throw fileProblem(`工作簿中没有“${HOST_IMPORT_SHEET}”工作表：请使用下载的导入模板填写`);
  const headers: Array<string | null> = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    const p = plain(cell.value);
    headers[col - 1] = isBlank(p) ? null : textOf(p);
  });
  const { columns, missing } = matchHostHeaders(headers);
  if (missing.length) throw fileProblem(headerProblem(missing));

  const mapped = Object.entries(columns) as Array<[HostImportField, number]>;
  const rows: RawHostRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: RawHostRow['cells'] = {};
    let filled = false;
    for (const [field, index] of mapped) {
      const p = plain(row.getCell(index + 1).value);
      if (isBlank(p)) continue;
      cells[field] = textOf(p);
      filled = true;
    }
    if (filled) rows.push({ row: n, cells });
  });
  if (!rows.length) throw fileProblem(`“${ws.name}”工作表中没有数据：请从第 2 行起每行填写一个依托单位`);
  if (rows.length > HOST_IMPORT_MAX_ROWS) {
    throw fileProblem(
      `一次最多导入 ${HOST_IMPORT_MAX_ROWS} 个依托单位，文件中有 ${rows.length} 行：请分成几个文件导入`,
    );
  }
  return rows;
}
