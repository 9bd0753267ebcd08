// Issue #10 §3 end to end, on an office PC (1366×768) and a phone (390×844): the Center's home page shows 上线准备
// while a step is open (the demo has no policy for the coming year); it downloads the host template, fills it in with
// one bad 统一社会信用代码, sees the problem on its row, corrects it, confirms “将导入 3 个依托单位”, and finds the
// hosts in the organisations list.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../src/domain/uscc';
import { loginAs, pressConfirm, SHOTS, shot } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function uscc(n: number): string {
  const first17 = `51110000MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}
function wrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

/** The downloaded template with rows filled in from row 2, as a user fills it in Excel. */
async function filled(template: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet('依托单位')!;
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      ws.getCell(i + 2, j + 1).value = v;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
}

const VIEWPORTS = [
  { name: 'pc', width: 1366, height: 768, base: 100 },
  { name: 'phone', width: 390, height: 844, base: 200 },
] as const;

for (const vp of VIEWPORTS) {
  test.describe(`${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`the Center imports hosts from Excel and sees what is left to set up (${vp.name})`, async ({ page }) => {
      await loginAs(page, 'center');
      // 上线准备: the demo lacks the coming year's policy, so the card is there with that step open.
      const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '上线准备' }) });
      await expect(card).toBeVisible();
      await expect(card).toContainText(/已完成 3\/4/);
      const open = card.getByRole('link', { name: /设置 \d{4} 年度政策/ });
      await expect(open).toBeVisible();
      await expect(card).toContainText(/已登记 \d+ 个依托单位/);
      await expect(card).toContainText('第三条');
      await shot(page, `host-import-01-home-${vp.name}`);
      await card.screenshot({ path: `${SHOTS}/host-import-01-card-${vp.name}.png` });

      await page.goto('/organizations');
      await page.getByRole('button', { name: '批量导入' }).click();
      await expect(page).toHaveURL(/\/organizations\/import$/);
      await expect(page.getByRole('heading', { name: '依托单位批量导入' })).toBeVisible();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载导入模板' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('依托单位导入模板.xlsx');
      const template = await readFile((await download.path())!);

      const tag = vp.name === 'pc' ? '电脑' : '手机';
      const rows = [
        [
          `北京市端到端${tag}测试学会`,
          uscc(vp.base + 1),
          '学会',
          '海淀区',
          '周老师',
          '010-62001234',
          '北京市海淀区中关村大街 1 号',
        ],
        [`北京市端到端${tag}测试协会`, uscc(vp.base + 2), '协会', '朝阳区', '', '', ''],
        [`北京端到端${tag}测试联盟`, uscc(vp.base + 3), '联盟', '丰台区', '吴老师', '13900001111', ''],
      ];
      const bad = rows.map((r) => [...r]);
      bad[1][1] = wrongCheck(bad[1][1]);
      await upload(page, '依托单位.xlsx', await filled(template, bad));
      const badRow = page.getByRole('row').filter({ hasText: `北京市端到端${tag}测试协会` });
      await expect(badRow).toContainText('统一社会信用代码校验位不正确（GB 32100）');
      await expect(badRow).toContainText('有误');
      await expect(page.getByText('有 1 处问题（1 行）')).toBeVisible();
      await expect(page.getByText('第 3 行“统一社会信用代码”：统一社会信用代码校验位不正确（GB 32100）')).toBeVisible();
      await expect(page.getByRole('button', { name: /导入 \d+ 个依托单位/ })).toHaveCount(0);
      await shot(page, `host-import-02-preview-error-${vp.name}`);

      // Corrected and uploaded again: the preview passes; the import needs a confirmation.
      await upload(page, '依托单位（改正）.xlsx', await filled(template, rows));
      await expect(page.getByText('预览通过：将导入 3 个依托单位')).toBeVisible();
      await page.getByRole('button', { name: '导入 3 个依托单位' }).click();
      await expect(page.locator('.ant-modal-confirm:visible')).toContainText('将导入 3 个依托单位');
      await shot(page, `host-import-03-confirm-${vp.name}`);
      await pressConfirm(page, '确认导入');
      await expect(page.getByText('已导入 3 个依托单位')).toBeVisible();
      await shot(page, `host-import-04-done-${vp.name}`);

      await page.getByRole('button', { name: '查看组织列表' }).click();
      await expect(page).toHaveURL(/\/organizations$/);
      await page.getByLabel('搜索组织').fill(`端到端${tag}测试`);
      await page.getByLabel('搜索组织').press('Enter');
      for (const r of rows) await expect(page.getByRole('row', { name: new RegExp(r[0]) })).toBeVisible();
      await expect(page.getByText('共 3 条')).toBeVisible();
      await shot(page, `host-import-05-list-${vp.name}`);
    });
  });
}

test('an account administrator sees who does the open step, without a link to a page it cannot open', async ({
  page,
}) => {
  await loginAs(page, 'sysadmin');
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '上线准备' }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('由中心管理员在“项目年度”页完成');
  await expect(card.getByRole('link')).toHaveCount(0);
  await shot(page, 'host-import-06-home-sysadmin');
});
