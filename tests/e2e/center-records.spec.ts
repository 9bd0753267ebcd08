import { expect, test } from '@playwright/test';
import { usccCheckChar } from '../../src/domain/uscc';
import { loginAs, pickOption, shot } from './fixtures';

const first17 = '51110000MJE2E0001';
const VALID = first17 + usccCheckChar(first17);
const WRONG = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');

test('the Center registers a university association and the rules of 第六条 hold for its station', async ({ page }) => {
  // (staff is locked out by the lockout journey, which runs before this one)
  await loginAs(page, 'center');
  await page.getByRole('menuitem', { name: '组织' }).click();
  await page.getByRole('button', { name: /新建依托单位/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('单位名称').fill('北京科技大学科协');
  await dialog.getByLabel('单位类型').click();
  await pickOption(page, '高校科协/科研院所科协');
  await dialog.getByLabel('统一社会信用代码').fill(WRONG);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // A wrong check character is named on its field, and nothing is saved.
  await expect(dialog.getByText(/校验位/).first()).toBeVisible();
  await shot(page, 'organization-uscc-error');
  await dialog.getByLabel('统一社会信用代码').fill(VALID.toLowerCase());
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByPlaceholder(/单位名称或统一社会信用/).fill('北京科技大学');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await expect(page.getByRole('cell', { name: VALID })).toBeVisible();

  // Its IUR station is refused: the year's 6 places are taken (第六条); the reason is shown to the user.
  await page.getByRole('menuitem', { name: '工作站点' }).click();
  await page.getByRole('button', { name: /新建工作站点/ }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('站点类型').click();
  await pickOption(page, '产学研合作站点');
  await form.getByLabel('依托单位').fill('北京科技大学');
  await pickOption(page, '北京科技大学科协');
  await form.getByLabel('站点名称').fill('北京科技大学产学研合作站点');
  await form.getByLabel('开始日期').fill('2025-04-01');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('结束日期').fill('2025-12-31');
  await form.getByLabel('结束日期').press('Enter');
  await form.getByLabel('项目负责人').fill('孙教授');
  await form.getByLabel('负责人电话').fill('13800138000');
  await form.getByLabel('联系人', { exact: true }).fill('周老师');
  await form.getByLabel('联系人电话').fill('010-62330000');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/名额 6 个已满（第六条）/).first()).toBeVisible();
  await shot(page, 'station-quota-full');
});

test('the Center copies 2025 into 2026, changes a quota it must keep consistent, and locks the year', async ({
  page,
}) => {
  await loginAs(page, 'center');
  await page.goto('/program-years/2025');
  await page.getByRole('button', { name: /复制为新年度/ }).click();
  const copy = page.getByRole('dialog');
  await expect(copy.getByLabel('新年度')).toHaveValue('2026');
  await copy.getByRole('button', { name: /复\s*制/ }).click();
  await expect(page).toHaveURL(/\/program-years\/2026$/);
  await expect(page.getByRole('heading', { name: /2026 年度政策/ })).toBeVisible();

  // A quota that no longer matches the districts of its class is refused with the reason (第六条: one per district).
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  const edit = page.locator('.ant-drawer-open, .ant-modal:visible').first();
  const quota = edit.getByLabel('区工作站点（A类）名额');
  await quota.fill('8');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  // Saving first shows what changes (issue 14), then the server judges the whole policy.
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(/名额：\d+ 个 → 8 个/);
  await confirm.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/名额为 8 个，但划入该类的区有 7 个/).first()).toBeVisible();
  await shot(page, 'program-year-edit-refused');
  await quota.fill('7');
  await edit.getByRole('button', { name: /取\s*消/ }).click();

  await page.getByRole('button', { name: /锁\s*定/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /锁\s*定/ })
    .click();
  await expect(page.getByText('已锁定').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /编\s*辑/ })).toBeDisabled();
  await shot(page, 'program-year-locked');

  // Issue 14: the new year has no stations yet, so no screen moves onto it. Home opens on the working year (the one
  // whose stations are at work), puts it in the address, and a link to the empty year says so and offers the way back.
  const years = (await (await page.request.get('/api/v1/program-years')).json()) as {
    items: { year: number; working: boolean; stationCount: number }[];
  };
  const working = years.items.find((y) => y.working)!;
  expect(working.year).not.toBe(2026);
  expect(working.stationCount).toBeGreaterThan(0);
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`[?&]year=${working.year}`));
  await expect(page.getByText(`${working.year} 年度工作概览`)).toBeVisible();
  await page.goto('/kpi-dashboard');
  await expect(page).toHaveURL(new RegExp(`[?&]year=${working.year}`));
  await page.goto('/?year=2026');
  await expect(page.getByText('2026 年度尚无工作站点')).toBeVisible();
  await shot(page, 'year-empty-notice');
  await page.getByRole('button', { name: `查看 ${working.year} 年度` }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]year=${working.year}`));
  await expect(page.getByText('2026 年度尚无工作站点')).toHaveCount(0);
});
