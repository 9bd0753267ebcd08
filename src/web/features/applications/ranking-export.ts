// 评审排名 as an Excel workbook, built in the browser (there is no server export of the ranking): one sheet per type.
// exceljs loads only when the button is pressed.
import type { RankingType } from './api';

export const RANKING_HEADERS = ['排名', '站点名称', '依托单位', '所在区', '平均分', '评分专家数', '状态'] as const;

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

export async function exportRanking(
  year: number,
  types: RankingType[],
  districtName: (code: string | null) => string,
): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企';
  for (const t of types) {
    const ws = wb.addWorksheet(t.label.replace(/[\\/?*[\]:]/g, '').slice(0, 31));
    ws.addRow([`${year} 年度评审排名 · ${t.label}（名额 ${t.quota} 个，已立项 ${t.approved} 个，${t.quotaArticle}）`]);
    ws.mergeCells(1, 1, 1, RANKING_HEADERS.length);
    ws.getRow(1).font = { bold: true, size: 13 };
    const header = ws.addRow([...RANKING_HEADERS]);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F5FF' } };
    for (const r of rankingRows(t, districtName)) ws.addRow(r);
    [8, 36, 36, 12, 10, 12, 10].forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  const name = `${year}年度评审排名.xlsx`;
  const url = URL.createObjectURL(
    new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
