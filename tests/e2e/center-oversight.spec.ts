// Issue 14 end to end: the Center's director opens the home page on the working year and sees what is behind and
// what waits — 工作概览 and a complete 我的待办 — each figure a link to the list behind it, filtered to those rows;
// the filters live in the address, so reload and Back keep them, and 重置 clears them. A district sees its own.
import { expect, test } from '@playwright/test';
import { browserErrors, loginAs, shot } from './fixtures';

type Oversight = {
  year: number;
  stations: { total: number; behind: number; worst: { name: string; mainShortfall: { name: string } }[] };
  reports: { due: number; overdue: number };
  goldenBridgePending: number;
};

test('the director sees the working year at a glance, and every figure opens its filtered list', async ({ page }) => {
  const errors = browserErrors(page);
  await loginAs(page, 'center');
  const years = (await (await page.request.get('/api/v1/program-years')).json()) as {
    items: { year: number; working: boolean }[];
  };
  const year = years.items.find((y) => y.working)!.year;
  const o = (await (await page.request.get(`/api/v1/oversight?year=${year}`)).json()) as Oversight;

  await expect(page).toHaveURL(new RegExp(`[?&]year=${year}`));
  const card = page.locator('.ant-card', { hasText: `${year} 年度工作概览` });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: '落后站点：查看明细' })).toContainText(
    `${o.stations.behind} / ${o.stations.total}`,
  );
  // The worst station is named with its main shortfall.
  if (o.stations.worst.length) {
    const list = card.getByRole('region', { name: '落后站点' });
    await expect(list).toContainText(o.stations.worst[0].name);
    await expect(list).toContainText(`主要短板：${o.stations.worst[0].mainShortfall.name}`);
  }
  await shot(page, 'oversight-01-home');

  // 我的待办 holds the Center's queues: the 金桥 candidates (第九条), and the overdue reports once they are due.
  const inbox = page.getByRole('list', { name: '待办事项' });
  if (o.goldenBridgePending > 0) await expect(inbox).toContainText(`${o.goldenBridgePending} 项金桥工程候选成果`);
  if (o.reports.overdue > 0) await expect(inbox).toContainText('逾期未提交总结报告和决算报告');

  // 待提交报告 opens the projects list filtered to exactly those, and the filter survives a reload and Back.
  await card.getByRole('link', { name: '待提交报告：查看明细' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?year=${year}&status=reports_due`));
  await expect(page.getByRole('combobox', { name: '项目状态' }).locator('..')).toContainText('待提交报告');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(Math.min(o.reports.due, 20));
  if (o.reports.due > 0) await expect(rows.first()).toContainText('待提交报告');
  await page.reload();
  await expect(page.getByRole('combobox', { name: '项目状态' }).locator('..')).toContainText('待提交报告');
  await expect(rows).toHaveCount(Math.min(o.reports.due, 20));
  await shot(page, 'oversight-02-projects-reports-due');
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await expect(page).not.toHaveURL(/status=/);
  await page.goBack();
  await expect(page).toHaveURL(/status=reports_due/);
  await page.goBack();
  await expect(page.locator('.ant-card', { hasText: `${year} 年度工作概览` })).toBeVisible();

  // 金桥候选待审 opens the candidates not yet reviewed.
  await page.getByRole('link', { name: '金桥候选待审：查看明细' }).click();
  await expect(page).toHaveURL(new RegExp(`/golden-bridge\\?year=${year}&status=pending`));
  await expect(page.getByRole('combobox', { name: '审核状态' }).locator('..')).toContainText('待审核');
  expect(errors).toEqual([]);
});

test('a district association sees the same overview for its own district', async ({ page }) => {
  await loginAs(page, 'haidian');
  const years = (await (await page.request.get('/api/v1/program-years')).json()) as {
    items: { year: number; working: boolean }[];
  };
  const year = years.items.find((y) => y.working)!.year;
  const mine = (await (await page.request.get(`/api/v1/oversight?year=${year}`)).json()) as Oversight;
  const stations = (await (await page.request.get(`/api/v1/stations?year=${year}&pageSize=100`)).json()) as {
    total: number;
  };
  expect(mine.stations.total).toBe(stations.total);
  const card = page.locator('.ant-card', { hasText: `${year} 年度工作概览` });
  await expect(card.getByRole('link', { name: '落后站点：查看明细' })).toContainText(
    `${mine.stations.behind} / ${mine.stations.total}`,
  );
  await shot(page, 'oversight-03-district-home');

  // The district has no 监督检查 page; its findings open under 整改与追回, only its own district's (第十九条).
  await card.getByRole('link', { name: '未结整改问题：查看明细' }).click();
  await expect(page).toHaveURL(new RegExp(`/rectification\\?year=${year}&tab=findings`));
  await expect(page.getByRole('heading', { name: '整改与追回' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '问题清单', selected: true })).toBeVisible();
  const overdue = new URL(page.url()).searchParams.get('overdue') === 'true' ? '&overdue=true' : '';
  const findings = (await (
    await page.request.get(`/api/v1/inspection-findings?year=${year}&pageSize=100${overdue}`)
  ).json()) as { total: number; items: { districtName: string | null }[] };
  for (const f of findings.items) expect(f.districtName).toBe('海淀区');
  if (findings.total > 0) await expect(page.getByText(`共 ${findings.total} 条`)).toBeVisible();
  else await expect(page.getByText(/没有逾期未办结的问题|本年度的检查尚无发现的问题/)).toBeVisible();
  // An inspection belongs to the Center's pages: its title is text here, not a link to a page the district cannot open.
  await expect(page.locator('a[href^="/inspections/"]')).toHaveCount(0);
  await page.getByRole('tab', { name: '追回经费' }).click();
  await expect(page).toHaveURL(new RegExp(`/rectification\\?year=${year}&tab=recoveries`));
  // The district reads its stations' orders (it once got 您没有执行此操作的权限 here).
  await expect(page.getByText(/没有追回经费通知|共 \d+ 条/)).toBeVisible();
  await expect(page.locator('.ant-message-error')).toHaveCount(0);
});

test('on a phone the overview fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'center');
  await expect(page.locator('.ant-card', { hasText: '年度工作概览' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'oversight-04-phone');
});

test('a KPI cell behind the pace opens that station’s records of the KPI, not counted, with the reasons', async ({
  page,
}) => {
  await loginAs(page, 'center');
  await page.goto('/kpi-dashboard');
  const behind = page.getByRole('link', { name: /明细：.*落后于进度/ }).first();
  await expect(behind).toBeVisible({ timeout: 30_000 });
  const label = (await behind.getAttribute('aria-label'))!;
  const kpiName = label.split(' ')[1];
  await behind.click();
  await expect(page).toHaveURL(/\/stations\/[^/]+\/kpis/);
  const drawer = page.locator('.ant-drawer-open');
  await expect(drawer).toContainText(`指标明细：${kpiName}`);
  // The filter is 未计入, asked of the server (all pages), and the reasons are counted above the records.
  await expect(drawer.locator('.ant-segmented-item-selected')).toContainText('未计入');
  await expect(drawer.getByText(/未计入原因：|该指标没有未计入的记录/).first()).toBeVisible();
  await shot(page, 'oversight-05-kpi-cell-drilldown');
});

test('the 考核看板 on a PC sorts its matrix, and downloads its charts but no antd table, tabs or pagination', async ({
  page: signIn,
  browser,
}) => {
  // Decision 029: the matrix is a plain table, so the dashboard stays within its 450 kB on the wire. A first visit
  // in a context of its own (the home's tables are not in its cache), recognised by the libraries' code, not by the
  // file names the build chooses.
  await loginAs(signIn, 'center');
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: await signIn.context().storageState(),
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = await context.newPage();
    const bodies: Promise<string>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.text());
    });
    const errors = browserErrors(page);
    await page.goto('/kpi-dashboard');
    const table = page.getByRole('table', { name: '站点考核指标' });
    const rows = table.locator('tbody tr');
    await expect(rows.first().getByRole('link').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('canvas')).toHaveCount(2, { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const code = (await Promise.all(bodies)).join('\n');
    expect(code).toContain('__ec_');
    for (const library of ['rc-table', 'rc-tabs', 'rc-pagination']) expect(code, library).not.toContain(library);

    // Worst first as it opens; 达标项 sorts the lowest attainment first, then the highest.
    const attainment = async () =>
      (await rows.locator('td:nth-child(4)').allTextContents()).map((t) => {
        const [met, of] = t.split('/').map(Number);
        return met / of;
      });
    const header = table.getByRole('columnheader', { name: /达标项/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const up = await attainment();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(up.at(-1)!);
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const down = await attainment();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down.at(-1)!);

    // The station's name and its 主要短板 stay at the left, side by side, when the matrix scrolls sideways.
    const [name, shortfall] = [rows.first().locator('td').nth(0), rows.first().locator('td').nth(1)];
    const before = await name.boundingBox();
    expect(before).not.toBeNull();
    const box = page.locator('.matrix-scroll');
    await box.evaluate((el) => el.scrollBy({ left: 600 }));
    expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await name.boundingBox();
    expect(after?.x).toBe(before?.x);
    expect((await shortfall.boundingBox())?.x).toBeCloseTo(after!.x + after!.width, 0);
    await shot(page, 'oversight-07-dashboard-sorted');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a project’s 变更记录 shows who changed what, with phone numbers masked; 问题清单 lists findings across inspections', async ({
  page,
}) => {
  const errors = browserErrors(page);
  await loginAs(page, 'center');
  const projects = (await (await page.request.get('/api/v1/projects?year=2025&pageSize=1')).json()) as {
    items: { id: string; stationName: string }[];
  };
  await page.goto(`/projects/${projects.items[0].id}?tab=history`);
  await expect(page.getByRole('heading', { name: projects.items[0].stationName })).toBeVisible();
  const history = page.getByRole('tabpanel');
  await expect(history).toContainText('项目合作协议');
  await history.getByText(/展开全部 \d+ 项/).click();
  // A leader's phone is shown as 139****5678, never in full (PIPL).
  await expect(history.getByText(/\d{3}\*{4}\d{4}/).first()).toBeVisible();
  expect(await history.textContent()).not.toMatch(/1[3-9]\d{9}/);
  await shot(page, 'oversight-06-project-history');

  await page.goto('/inspections?tab=findings');
  await expect(page.getByRole('tab', { name: '问题清单', selected: true })).toBeVisible();
  await expect(page.getByText('仅看逾期')).toBeVisible();
  expect(errors).toEqual([]);
});
