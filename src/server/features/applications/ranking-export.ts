// 评审排名 as an Excel workbook, one sheet per station type. Built here rather than in the browser so the web bundle
// carries no spreadsheet library and the file holds exactly what the ranking route answers to the same user.
import ExcelJS from 'exceljs';
import type { ApplicationRankingDto } from '../../../shared/schemas/application';

type RankingType = ApplicationRankingDto['types'][number];

export const RANKING_HEADERS = ['排名', '站点名称', '依托单位', '所在区', '平均分', '评分专家数', '状态'] as const;
const WIDTHS = [8, 36, 36, 12, 10, 12, 10];

/** The rows of one type's sheet, as plain values (tested without exceljs). */
export function rankingRows(
  t: RankingType,
  districtName: (code: string | null) => string,
): Array<Array<string | number>> {
  return t.items.map((it) => [
    it.rank ?? '—',
    it.stationName,
    it.hostName,
    districtName(it.districtCode),
    it.averageScore ?? '未评分',
    it.scoredCount,
    it.statusLabel,
  ]);
}

export function rankingFileName(year: number): string {
  return `${year}年度评审排名.xlsx`;
}

export async function rankingXlsx(
  r: ApplicationRankingDto,
  districtName: (code: string | null) => string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  for (const t of r.types) {
    // Excel refuses these characters and more than 31 of them in a sheet name.
    const ws = wb.addWorksheet(t.label.replace(/[\\/?*[\]:]/g, '').slice(0, 31));
    ws.addRow([
      `${r.year} 年度评审排名 · ${t.label}（名额 ${t.quota} 个，已立项 ${t.approved} 个，${t.quotaArticle}）`,
    ]);
    ws.mergeCells(1, 1, 1, RANKING_HEADERS.length);
    ws.getRow(1).font = { bold: true, size: 13 };
    const header = ws.addRow([...RANKING_HEADERS]);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F5FF' } };
    for (const row of rankingRows(t, districtName)) ws.addRow(row);
    WIDTHS.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
