// Issue 15 §3 end to end: on its ledger's 报告 tab, a host takes a Word draft of a report its station must write
// (第七条 for a district station), on a PC and on a phone. The menu offers only the station's reports, each with its
// article; the download is named after the station and the report, and the document states the date of its figures
// and the station's real count of demands. Reads only: it changes nothing.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import mammoth from 'mammoth';
import { browserErrors, hostStation, loginAs, shot } from './fixtures';

const PHONE = { width: 390, height: 844 };
const PC = { width: 1366, height: 768 };

/** Today in Beijing, `YYYY-MM-DD`: the server dates the figures by its clock, in Asia/Shanghai. */
const beijingToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function draftJourney(page: Page, name: string): Promise<void> {
  const errors = browserErrors(page);
  await loginAs(page, 'host');
  const stationId = await hostStation(page);
  const station = (await (await page.request.get(`/api/v1/stations/${stationId}`)).json()) as { name: string };
  const demands = (await (await page.request.get(`/api/v1/stations/${stationId}/demands?pageSize=1`)).json()) as {
    total: number;
  };

  await page.goto(`/stations/${stationId}/ledger/reports`);
  await expect(page.getByText('草稿中的数字取自本站点台账，叙述部分请在 Word 中填写后')).toBeVisible();
  const button = page.getByRole('button', { name: /生成报告草稿/ });
  await expect(button).toBeEnabled();
  await button.click();
  const menu = page.getByRole('menu').filter({ has: page.getByRole('menuitem', { name: /需求分析报告/ }) });
  await expect(menu.getByRole('menuitem')).toHaveCount(3);
  await expect(menu.getByRole('menuitem', { name: /总结报告（第七条、第十二条）/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /专家服务企业典型模式报告（第七条）/ })).toBeVisible();
  await expect(menu.getByText(/产学研工作模式报告/)).toHaveCount(0);
  await shot(page, `report-drafts-${name}-menu`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

  const downloading = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: /需求分析报告（第七条）/ }).click();
  const download = await downloading;
  const filename = `${station.name}-需求分析报告（草稿）.docx`;
  expect(download.suggestedFilename()).toBe(filename);
  await expect(page.locator('.ant-message-notice').last()).toContainText(`已生成“${filename}”`);
  const text = (await mammoth.extractRawText({ buffer: await readFile((await download.path())!) })).value;
  expect(text).toContain(`${station.name}需求分析报告`);
  expect(text).toContain(`数据截至 ${beijingToday()}（北京时间）`);
  expect(text).toContain(`共登记企业需求 ${demands.total} 项`);
  expect(text).toContain('【请填写：');
  expect(errors).toEqual([]);
}

test.describe('报告草稿', () => {
  test.describe('on a PC, 1366×768', () => {
    test.use({ viewport: PC });
    test('the host downloads its 需求分析报告 draft with its station’s figures', async ({ page }) => {
      await draftJourney(page, 'pc');
    });
  });

  test.describe('on a phone, 390×844', () => {
    test.use({ viewport: PHONE });
    test('the host downloads its 需求分析报告 draft with its station’s figures', async ({ page }) => {
      await draftJourney(page, 'phone');
    });
  });
});
