import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBuffer } from './excel';

// Lists exported to Excel print as the offices file them (issue 14): A4 landscape, fitted to one page wide, the header
// row repeated on every page and frozen on screen.
describe('a list exported to Excel', () => {
  it('opens with a frozen header and prints landscape, one page wide, header repeated', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ name: `站点 ${i + 1}`, n: i }));
    const buf = await xlsxBuffer(
      '工作站点',
      [
        { header: '站点名称', width: 30, value: (r) => r.name },
        { header: '活动数', value: (r) => r.n },
      ],
      rows,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工作站点')!;
    expect(ws.getRow(1).getCell(1).value).toBe('站点名称');
    expect(ws.rowCount).toBe(121);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
  });
});
