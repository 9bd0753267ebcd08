// Issue 15 end to end: 对接推荐. The host's 企业需求 page shows each open demand's top suggestions with why; 采纳 and
// 确定 take the demand to 已匹配 with the expert or achievement and today's date — on a PC and on a phone. The full
// list with reasons opens from 更多推荐与理由. An expert finds the open demands it could serve. The Center's
// 待匹配需求 lists demands still unmatched after 30 days, across stations.
// Runs in the data-changing project: it accepts suggestions for two of the 海淀 station's demo demands.
import { expect, type Page, test } from '@playwright/test';
import { browserErrors, hostStation, loginAs, shot } from './fixtures';

const PHONE = { width: 390, height: 844 };
const PC = { width: 1366, height: 768 };

function beijingDay(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The demands page of the host's station, filtered to one demand title by the search box. */
async function openDemands(page: Page): Promise<string> {
  const station = await hostStation(page);
  await page.goto(`/stations/${station}/ledger/demands?year=2025`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  return station;
}

/** The first 采纳 button of an open demand, and the demand's title (the card or row it sits in). */
async function firstAcceptable(page: Page) {
  const accept = page.getByRole('button', { name: /^采纳 / }).first();
  await expect(accept).toBeVisible({ timeout: 15_000 });
  const target = (await accept.getAttribute('aria-label'))!.replace(/^采纳 /, '');
  return { accept, target };
}

async function acceptFirst(page: Page) {
  const { accept, target } = await firstAcceptable(page);
  await accept.click();
  const confirm = page.locator('.ant-popover:visible, .ant-popconfirm:visible').last();
  await expect(confirm).toContainText('将转为已匹配');
  await expect(confirm).toContainText('第七条');
  // antd spaces two-character labels: 确 定
  await confirm.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(page.getByText(`已采纳：${target}`)).toBeVisible();
  return target;
}

/** The demand now names the target: read back through the API the page uses. */
async function expectMatched(page: Page, station: string, target: string) {
  const r = await page.request.get(`/api/v1/stations/${station}/demands?pageSize=200`);
  expect(r.ok()).toBe(true);
  const items = (
    (await r.json()) as {
      items: Array<{ matchedTo: string | null; matchedOn: string | null; matchTargetId: string | null }>;
    }
  ).items;
  const hit = items.find((d) => d.matchTargetId && d.matchedTo?.startsWith(target));
  expect(hit, `a demand matched with ${target}`).toBeTruthy();
  expect(hit!.matchedOn).toBe(beijingDay());
}

test.describe('on a PC, 1366×768', () => {
  test.use({ viewport: PC });

  test('the host sees explained suggestions and accepts one in two clicks', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host');
    const station = await openDemands(page);
    await expect(page.getByRole('columnheader', { name: '进展 / 对接推荐（第七条）' })).toBeVisible();
    // every suggestion says why: the shared terms first
    await expect(page.getByText(/共有关键词：/).first()).toBeVisible();
    await shot(page, 'matching-demands-pc');

    const more = page.getByRole('button', { name: '更多推荐与理由' }).first();
    await more.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('对接推荐：');
    await expect(dialog).toContainText(/本年度可对接的专家和成果共 \d+ 项/);
    await expect(dialog.getByText(/^共有关键词：/).first()).toBeVisible();
    await shot(page, 'matching-dialog-pc');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const target = await acceptFirst(page);
    await expectMatched(page, station, target);
    expect(errors).toEqual([]);
  });

  test('an expert finds the open demands it could serve', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host');
    const station = await hostStation(page);
    await page.goto(`/stations/${station}/ledger/experts?year=2025`);
    await page.getByRole('button', { name: '可服务需求' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('可服务的企业需求：');
    await expect(dialog.locator('.ant-list-item').first()).toContainText('相关度');
    expect(errors).toEqual([]);
  });

  test('the Center lists the demands still unmatched after 30 days', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'center');
    await page.getByRole('menuitem', { name: '待匹配需求' }).click();
    await expect(page.getByRole('heading', { name: '待匹配需求' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByText(/^\d+ 天$/).first()).toBeVisible();
    // every row has waited longer than the threshold
    const waits = (await table.getByText(/^\d+ 天$/).allTextContents()).map((t) => Number.parseInt(t, 10));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((d) => d > 30)).toBe(true);
    await shot(page, 'matching-unmatched-pc');
    // a longer threshold keeps only the longer waits, and it is kept in the address
    await page.getByRole('spinbutton', { name: '征集后天数' }).fill('200');
    await page.getByRole('spinbutton', { name: '征集后天数' }).blur();
    await expect(page).toHaveURL(/days=200/);
    await expect
      .poll(async () =>
        (await table.getByText(/^\d+ 天$/).allTextContents()).every((t) => Number.parseInt(t, 10) > 200),
      )
      .toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('on a phone, 390×844', () => {
  test.use({ viewport: PHONE });

  test('the host accepts a suggestion from a demand card', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host', undefined, { shell: false });
    const station = await openDemands(page);
    // cards, not a table, and nothing scrolls sideways
    await expect(page.getByRole('table')).toHaveCount(0);
    const { target } = await firstAcceptable(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'matching-demands-phone');
    expect(await acceptFirst(page)).toBe(target);
    await expectMatched(page, station, target);
    expect(errors).toEqual([]);
  });
});
