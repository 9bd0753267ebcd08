import ExcelJS from 'exceljs';
import type { Context } from 'hono';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/**
 * Print-ready like the lists the offices file (issue 14): A4 landscape, every column on one page's width (as many pages
 * down as it takes), the header row repeated on each printed page, the sheet's name and page numbers in the footer.
 */
export const PRINT_READY: Partial<ExcelJS.WorksheetProperties> & { pageSetup: Partial<ExcelJS.PageSetup> } = {
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
};

/** One-sheet workbook with Chinese headers, frozen header row and auto filter — how users open lists in Excel. */
export async function xlsxBuffer<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }], ...PRINT_READY });
  ws.headerFooter.oddFooter = `&L${sheetName}&R第 &P 页，共 &N 页`;
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface FileResponseOptions {
  buf: Buffer;
  /** the download's name, as the browser saves it */
  filename: string;
  mediaType: string;
}

export function fileResponse(c: Context, { buf, filename, mediaType }: FileResponseOptions): Response {
  c.header('Content-Type', mediaType);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return c.body(new Uint8Array(buf));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Exports are capped: a list larger than this should be filtered first. */
export const EXPORT_LIMIT = 50_000;
