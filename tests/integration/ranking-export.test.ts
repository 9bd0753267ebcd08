// 评审排名 as Excel (issue 12): built by the server from the same ranking the page shows, for the same readers only.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { stash, toStage } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
afterAll(() => t.close());

let center: string;
beforeAll(async () => {
  await toStage(t, 'scored');
  center = await t.login('center');
});

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('GET /api/v1/applications/ranking/export', () => {
  it('gives the Center one sheet per station type with the ranked, scored application', async () => {
    const r = await t.call(center, 'GET', '/api/v1/applications/ranking/export?year=2026');
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2026年度评审排名.xlsx')}`,
    );
    const ranking = (await t.call(center, 'GET', '/api/v1/applications/ranking?year=2026')).json;
    const wb = await workbookOf(r.res);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(ranking.types.map((x: { label: string }) => x.label));

    const a = ranking.types.find((x: { type: string }) => x.type === 'district_a');
    const ws = wb.getWorksheet(a.label)!;
    expect(ws.getCell('A1').value).toBe(
      `2026 年度评审排名 · ${a.label}（名额 ${a.quota} 个，已立项 ${a.approved} 个，${a.quotaArticle}）`,
    );
    expect(values(ws, 2)).toEqual(['排名', '站点名称', '依托单位', '所在区', '平均分', '评分专家数', '状态']);
    const item = a.items.find((x: { id: string }) => x.id === stash.appId);
    // reviewer 75, reviewer2 80, reviewer3 70 (support/lifecycle.ts)
    expect(item).toMatchObject({ rank: 1, averageScore: 75, scoredCount: 3 });
    expect(values(ws, 3)).toEqual([1, '海淀区科技创新工作站', item.hostName, '海淀区', 75, 3, item.statusLabel]);
    expect(ws.rowCount).toBe(2 + a.items.length);
  });

  it('is refused, like the ranking, to a host, a district and a reviewer', async () => {
    for (const u of ['host', 'haidian', 'reviewer']) {
      const cookie = await t.login(u);
      expect((await t.call(cookie, 'GET', '/api/v1/applications/ranking?year=2026')).status).toBe(403);
      expect((await t.call(cookie, 'GET', '/api/v1/applications/ranking/export?year=2026')).status).toBe(403);
    }
  });

  it('asks for the year', async () => {
    const r = await t.call(center, 'GET', '/api/v1/applications/ranking/export');
    expect(r.status).toBe(400);
  });
});
