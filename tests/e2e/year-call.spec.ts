// Issue #4, first step: the Center drafts the 2026 call and opens it (第三条); a host sees it on the notice list.
// Runs last in the data-changing project (the 2026 year comes from the center-records journey).
import { expect, test } from '@playwright/test';
import { loginAs, shot } from './fixtures';

test('the Center drafts and opens the 2026 call; a host sees it', async ({ page }) => {
  await loginAs(page, 'center');
  await page.getByRole('menuitem', { name: '申报通知' }).click();
  await expect(page.getByRole('heading', { name: '申报通知' })).toBeVisible();
  await page.getByRole('button', { name: '新建申报通知' }).click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.getByLabel('项目年度').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('2026 年度', { exact: true }).click();
  await dialog.getByLabel('通知标题').fill('2026年度“千人进千企”工作站点申报通知');
  await dialog.getByLabel('申报开始日期').fill('2026-12-01');
  await dialog.getByLabel('申报开始日期').press('Enter');
  await dialog.getByLabel('申报截止日期').fill('2027-01-31');
  await dialog.getByLabel('申报截止日期').press('Enter');
  await dialog.getByLabel('每份申报书评审专家人数').fill('2');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // The shared schema refuses fewer than 3 reviewers on its field.
  await expect(dialog.getByText('评审专家至少 3 人')).toBeVisible();
  await dialog.getByLabel('每份申报书评审专家人数').fill('3');
  await dialog.getByLabel('通知正文').fill('请各依托单位于截止日期前提交项目申报书和工作方案。');
  await shot(page, 'call-01-form');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole('row', { name: /2026年度“千人进千企”工作站点申报通知/ });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: '发布' }).click();
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /发\s*布/ })
    .click();
  await expect(row).toContainText('申报中');
  await shot(page, 'call-02-opened');

  await page.context().clearCookies();
  await loginAs(page, 'host');
  await page.goto('/calls');
  await expect(page.getByRole('row', { name: /2026年度/ })).toContainText('申报中');
  await expect(page.getByRole('button', { name: '新建申报通知' })).toHaveCount(0);
});
