// Issue #5 end to end: a host books expenses on its station's 经费 page. A meal is refused citing 第十七条; a
// consulting fee to its own staff is refused citing 第十六条; a valid booking with a voucher moves the execution
// chart. An auditor downloads its station's audit package and `bin/qianqi verify-package` accepts it. Runs in the
// data-changing project; the 海淀 project's period is 2025, so bookings are dated in it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { samplePng } from '../../src/server/demo/sample-png';
import { loginAs, shot } from './fixtures';

const drawer = (page: Page) => page.getByRole('dialog', { name: '记一笔支出' });

async function hostStation(page: Page): Promise<string> {
  const r = await page.request.get('/api/v1/stations?year=2025&pageSize=5');
  return ((await r.json()) as { items: Array<{ id: string }> }).items[0].id;
}

/** Picks the option titled `title` in the antd Select behind `field`, after the dropdown has settled. */
async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${title}$`) });
  await expect(option.first()).toBeVisible();
  await expect(dropdown).not.toHaveClass(/slide-up-(appear|enter)/);
  await option.first().click();
  await expect(dropdown).toBeHidden();
}

async function fillCommon(
  page: Page,
  o: { date: string; category?: string; item: string; amount: string; purpose: string },
) {
  const d = drawer(page);
  await d.getByLabel('支出日期').fill(o.date);
  await d.getByLabel('支出日期').press('Enter');
  // A permitted item fills in its category; a forbidden one is booked under the category the user picks.
  if (o.category) await choose(page, d.getByLabel('科目'), o.category);
  await choose(page, d.getByLabel('事项'), o.item);
  await d.getByLabel('金额（元）').fill(o.amount);
  await d.getByLabel('用途').fill(o.purpose);
}

async function attachVoucher(page: Page, name: string, hue: number): Promise<void> {
  const d = drawer(page);
  await d
    .getByLabel('凭证', { exact: true })
    .setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(samplePng(80, 60, hue)) });
  await expect(d.getByRole('list', { name: '已上传凭证' })).toContainText(name);
}

const bar = (page: Page, category: string) =>
  page.getByRole('figure', { name: '预算执行图' }).getByRole('img', { name: new RegExp(`^${category} 已支出`) });

test('a host books expenses: a meal and a consulting fee to its own staff are refused, a valid one moves the chart', async ({
  page,
}) => {
  await loginAs(page, 'host');
  const stationId = await hostStation(page);
  await page.goto(`/stations/${stationId}/funds`);
  await expect(page.getByRole('table', { name: '预算执行表' })).toBeVisible();
  const before = await bar(page, '活动实施费').getAttribute('aria-label');
  expect(before).toMatch(/^活动实施费 已支出 [\d,]+\.\d\d 元，预算 37,500\.00 元$/);
  await shot(page, 'funds-01-station-funds');

  await test.step('a meal is refused, citing 第十七条', async () => {
    await page.getByRole('button', { name: '记一笔支出' }).click();
    await expect(drawer(page)).toBeVisible();
    await fillCommon(page, {
      date: '2025-10-20',
      category: '其他费用',
      item: '用餐支出',
      amount: '860',
      purpose: '对接会参会人员工作餐',
    });
    await drawer(page).getByRole('radio', { name: '单位' }).check();
    await drawer(page).getByLabel('单位名称').fill('北京某餐饮有限公司');
    await attachVoucher(page, '餐费发票.png', 10);
    await drawer(page)
      .getByRole('button', { name: /记\s*账/ })
      .click();
    const alert = drawer(page).getByRole('alert').filter({ hasText: '不能记账' });
    await expect(alert).toContainText('用餐支出');
    await expect(alert).toContainText('第十七条');
    await shot(page, 'funds-02-meal-refused');
    await drawer(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(drawer(page)).toBeHidden();
  });

  await test.step('a consulting fee to its own staff is refused, citing 第十六条', async () => {
    await page.getByRole('button', { name: '记一笔支出' }).click();
    await fillCommon(page, { date: '2025-10-21', item: '专家咨询费', amount: '1500', purpose: '企业需求诊断咨询' });
    await drawer(page).getByRole('radio', { name: '个人' }).check();
    await drawer(page).getByLabel('收款人姓名').fill('刘洋');
    await drawer(page).getByRole('checkbox', { name: '收款人为依托单位工作人员' }).check();
    await attachVoucher(page, '咨询费签收单.png', 90);
    await drawer(page)
      .getByRole('button', { name: /记\s*账/ })
      .click();
    const alert = drawer(page).getByRole('alert').filter({ hasText: '不能记账' });
    await expect(alert).toContainText('咨询费不得支付给依托单位工作人员');
    await expect(alert).toContainText('第十六条');
    await shot(page, 'funds-03-own-staff-refused');
    await drawer(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  await test.step('a valid booking with a voucher moves the execution chart', async () => {
    await page.getByRole('button', { name: '记一笔支出' }).click();
    await fillCommon(page, { date: '2025-10-22', item: '资料印刷', amount: '1234.56', purpose: '企业服务手册印制' });
    await drawer(page).getByRole('radio', { name: '单位' }).check();
    await drawer(page).getByLabel('单位名称').fill('北京某印务有限公司');
    await attachVoucher(page, '印刷费发票.png', 200);
    await drawer(page)
      .getByRole('button', { name: /记\s*账/ })
      .click();
    await expect(page.locator('.ant-message-notice').last()).toContainText(/已记账：X\d+/);
    await expect(drawer(page)).toBeHidden();
    const spent = (label: string | null) =>
      Math.round(Number(/已支出 ([\d,]+\.\d\d) 元/.exec(label ?? '')![1].replace(/,/g, '')) * 100);
    await expect(bar(page, '活动实施费')).not.toHaveAttribute('aria-label', before!);
    const after = await bar(page, '活动实施费').getAttribute('aria-label');
    expect(spent(after) - spent(before)).toBe(123_456);
    const row = page.getByRole('table', { name: '支出台账' }).getByRole('row', { name: /企业服务手册印制/ });
    await expect(row).toContainText('1,234.56');
    await expect(row).toContainText('北京某印务有限公司');
    await shot(page, 'funds-04-booked');
  });
});

test('an auditor downloads a station’s audit package, which verify-package accepts', async ({ page }) => {
  await loginAs(page, 'auditor');
  const r = await page.request.get('/api/v1/stations?year=2025&pageSize=5');
  const [station] = ((await r.json()) as { items: Array<{ id: string; name: string }> }).items;
  await page.goto(`/stations/${station.id}/funds`);
  await expect(page.getByRole('heading', { name: station.name })).toBeVisible();
  // An auditor reads; it books nothing.
  await expect(page.getByRole('button', { name: '记一笔支出' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出审计包' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/审计包-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = join(mkdtempSync(join(tmpdir(), 'qianqi-e2e-')), 'package.zip');
  await download.saveAs(file);
  await shot(page, 'funds-05-auditor-package');
  const v = spawnSync('bin/qianqi', ['verify-package', file], { encoding: 'utf8' });
  expect(v.status, v.stderr).toBe(0);
  expect(v.stdout).toContain('校验通过');
});
