// Issue #5 end to end: a host books expenses on its station's 经费 page. A meal is refused citing 第十七条; a
// consulting fee to its own staff is refused citing 第十六条; a valid booking with a voucher moves the execution
// chart. An auditor downloads its station's audit package and `bin/qianqi verify-package` accepts it. Runs in the
// data-changing project; the 海淀 project's period is 2025, so bookings are dated in it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { samplePng } from '../../src/server/demo/sample-png';
import { choose, hostStation, loginAs, shot } from './fixtures';

const drawer = (page: Page) => page.getByRole('dialog', { name: '记一笔支出' });

/** Picks the option titled `title` in the antd Select behind `field`, after the dropdown has settled. */

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
    // What was typed is not thrown away without asking (issue 14).
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /放\s*弃/ })
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
    // What was typed is not thrown away without asking (issue 14).
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /放\s*弃/ })
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

test('the Center inspects a station, finds a violation of 第十八条, recovers the money and closes the order', async ({
  page,
}) => {
  await loginAs(page, 'center');
  const r = await page.request.get('/api/v1/stations?year=2025&districtCode=110108&pageSize=5');
  const [station] = ((await r.json()) as { items: Array<{ id: string; name: string }> }).items;
  const modal = (name: string) => page.getByRole('dialog', { name });

  await test.step('schedules an inspection of the 海淀 station (第十九条)', async () => {
    await page.getByRole('menuitem', { name: '监督检查' }).click();
    await expect(page.getByRole('heading', { name: '监督检查' })).toBeVisible();
    await page.getByRole('button', { name: '安排检查' }).click();
    const d = modal('安排检查');
    await d.getByLabel('检查名称').fill('2025年度经费使用专项检查（端到端）');
    await d.getByRole('radio', { name: '计划检查' }).check();
    await choose(page, d.getByLabel('项目年度'), '2025 年度');
    await d.getByRole('radio', { name: '指定站点' }).check();
    await d.getByLabel('选择站点').click();
    await d.getByLabel('选择站点').fill('海淀');
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator('.ant-select-item-option')
      .filter({ hasText: station.name });
    await option.first().click();
    await page.keyboard.press('Escape');
    await d.getByLabel('每站随机抽查支出笔数').fill('2');
    await shot(page, 'funds-06-schedule-inspection');
    await d.getByRole('button', { name: '确定安排' }).click();
    await expect(page.getByRole('heading', { name: '2025年度经费使用专项检查（端到端）' })).toBeVisible();
    await expect(page.getByRole('table', { name: '检查范围' })).toContainText(station.name);
  });

  await test.step('records a violation under 第十八条（二） and issues a recovery order', async () => {
    await page.getByRole('button', { name: '登记检查发现' }).click();
    const d = modal('登记检查发现');
    await choose(page, d.getByLabel('站点'), station.name);
    await d.getByRole('radio', { name: '违规问题' }).check();
    await choose(page, d.getByLabel('第十八条情形'), '第十八条（二）截留、挤占、挪用项目资金');
    await d.getByLabel('问题描述').fill('资助经费 1,000 元用于依托单位日常办公');
    await d.getByRole('button', { name: '确认登记' }).click();
    await expect(d).toBeHidden();
    const finding = page.getByRole('table', { name: '检查发现' }).getByRole('row', { name: /日常办公/ });
    await expect(finding).toContainText('第十八条（二）');
    await finding.getByRole('button', { name: '追回经费' }).click();
    const o = modal('追回经费');
    await o.getByLabel('追回金额（元）').fill('1,000.00');
    await o.getByLabel('责任人').fill('王建国');
    await shot(page, 'funds-07-recovery-order');
    await o.getByRole('button', { name: '下达追回通知' }).click();
    await expect(o).toBeHidden();
    const order = page.getByRole('table', { name: '追回经费' }).getByRole('row', { name: /王建国/ });
    await expect(order).toContainText('1,000.00');
    await expect(order).toContainText('已下达');
  });

  await test.step('records the money paid back, then closes the order', async () => {
    const order = page.getByRole('table', { name: '追回经费' }).getByRole('row', { name: /王建国/ });
    await order.getByRole('button', { name: '登记退回' }).click();
    const p = modal('登记退回');
    await p.getByLabel('退回金额（元）').fill('1000');
    await p.getByRole('button', { name: '确认登记' }).click();
    await expect(page.locator('.ant-message-notice').last()).toContainText('已登记退回 1,000.00 元');
    await expect(order).toContainText('已全部退回');
    await order.getByRole('button', { name: '结案' }).click();
    const c = page.getByRole('dialog', { name: /^追回经费结案/ });
    await c.getByLabel('结案意见').fill('资金已全额退回，结案');
    await c.getByRole('button', { name: '确认结案' }).click();
    await expect(order).toContainText('已结案');
    await shot(page, 'funds-08-recovered');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出检查报告（Word）' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/检查报告\.docx$/);
  });
});
