// 官方名单 (issue 15 §4, 第七条) end to end, on an office PC (1366×768) and a phone (390×844): the Center uploads an
// official 国家级专精特新“小巨人” list with one bad 统一社会信用代码, sees the bad row, corrects it, reads the preview —
// the enterprise's flag before → after and the stations whose KPIs change — confirms, opens the list's entries, and
// traces the enterprise's flag back to the list.
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../src/domain/uscc';
import { choose, loginAs, pressConfirm, shot } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function unregistered(n: number): string {
  const first17 = `91110108MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}
const wrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** A list as the authorities publish one: a title row, then 序号, 企业名称, 统一社会信用代码. */
async function list(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2025年度国家级专精特新“小巨人”企业名单']);
  ws.addRow(['序号', '企业名称', '统一社会信用代码']);
  rows.forEach((r, i) => {
    ws.addRow([String(i + 1), ...r]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A registered enterprise that is not 专精特新 yet, a different one per viewport (the runs share the database). */
async function plainEnterprise(page: Page, skip: number): Promise<{ uscc: string; name: string }> {
  const r = await page.request.get('/api/v1/enterprises?pageSize=200');
  const items = ((await r.json()) as { items: Array<{ uscc: string; name: string; srdi: string; stations: number }> })
    .items;
  const plain = items.filter((e) => e.srdi === 'none' && e.stations > 0);
  expect(plain.length).toBeGreaterThan(skip);
  return plain[skip];
}

const VIEWPORTS = [
  { name: 'pc', width: 1366, height: 768, base: 1 },
  { name: 'phone', width: 390, height: 844, base: 2 },
] as const;

for (const vp of VIEWPORTS) {
  test.describe(`${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`the Center imports an official list with a preview and traces a flag to it (${vp.name})`, async ({
      page,
    }) => {
      await loginAs(page, 'center');
      const target = await plainEnterprise(page, vp.base);
      const missing = unregistered(900 + vp.base);
      const listName = `2025年度国家级专精特新“小巨人”企业名单（${vp.name === 'pc' ? '电脑' : '手机'}）`;

      await page.goto('/official-lists');
      await expect(page.getByRole('heading', { name: '官方名单' })).toBeVisible();
      await page.getByRole('button', { name: '导入名单' }).first().click();
      await expect(page).toHaveURL(/tab=import/);
      await choose(page, page.getByLabel('名单类型'), '国家级专精特新“小巨人”企业名单');
      await page.getByLabel('名单名称').fill(listName);
      await page.getByLabel('生效日期').fill('2025-03-01');
      await page.getByLabel('生效日期').press('Enter');

      const rows = [
        [target.name, target.uscc],
        ['北京尚未登记科技有限公司', missing],
      ];
      const bad = rows.map((r) => [...r]);
      bad[1][1] = wrongCheck(bad[1][1]);
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '小巨人.xlsx', mimeType: XLSX, buffer: await list(bad) });
      await expect(page.getByText(/有 1 处问题/)).toBeVisible();
      await expect(page.getByText('第 4 行：统一社会信用代码校验位不正确（GB 32100）').first()).toBeVisible();
      await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
      await shot(page, `official-lists-01-preview-error-${vp.name}`);

      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '小巨人（改正）.xlsx', mimeType: XLSX, buffer: await list(rows) });
      await expect(page.getByText(/预览通过：2 家企业，将更新 1 家企业的标识/)).toBeVisible();
      await expect(page.getByText('非专精特新 → 国家级专精特新“小巨人”').first()).toBeVisible();
      await page.getByRole('tab', { name: /站点考核指标/ }).click();
      await expect(page.getByText(/第七条/).first()).toBeVisible();
      await shot(page, `official-lists-02-preview-${vp.name}`);

      await page.getByRole('button', { name: '确认导入' }).click();
      await expect(page.locator('.ant-modal-confirm:visible')).toContainText('名单只增加标识');
      await pressConfirm(page, '确认导入');
      await expect(page.getByText(`已导入“${listName}”`)).toBeVisible();
      await shot(page, `official-lists-03-done-${vp.name}`);

      await page.getByRole('button', { name: '查看名单中的企业' }).click();
      await expect(page).toHaveURL(/list=/);
      const drawer = page.locator('.ant-drawer-open');
      await expect(drawer).toContainText(target.uscc);
      await expect(drawer).toContainText('标识已更新');
      await expect(drawer).toContainText('未在台账中');
      await shot(page, `official-lists-04-entries-${vp.name}`);

      await page.goto(`/official-lists?tab=trace&uscc=${target.uscc}`);
      await expect(page.getByText(listName).first()).toBeVisible();
      await expect(page.getByText('国家级专精特新“小巨人”').first()).toBeVisible();
      await shot(page, `official-lists-05-trace-${vp.name}`);
    });
  });
}

test('a district account has no 官方名单 in its menu and cannot open the page', async ({ page }) => {
  await loginAs(page, 'haidian');
  await page.goto('/official-lists');
  await expect(page.getByRole('heading', { name: '官方名单' })).toHaveCount(0);
});
