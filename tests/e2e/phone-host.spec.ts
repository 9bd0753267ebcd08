// A station host on a phone (390×844): every page of its menu fits the screen (no sideways scroll), the ledger is a
// list of cards, an event gets a photo taken through the 拍照 button of 活动照片 and filed under that kind only
// (第十三条), and an expense is booked with a photographed voucher. The same pages fit 1366×768 as well. Runs in the
// data-changing project: it adds an event and an expense to the host's station (project period 2025, so both are
// dated inside it and not in the future).
import { expect, type Locator, type Page, test } from '@playwright/test';
import { samplePng } from '../../src/server/demo/sample-png';
import { browserErrors, choose, hostStation, loginAs, SHOTS } from './fixtures';

const PHONE = { width: 390, height: 844 };
const PC = { width: 1366, height: 768 };
const EVENT_TITLE = '手机端现场记录的企业走访活动';
const EXPENSE_PURPOSE = '手机端记账：活动资料印制';

/** The station's own pages, under its tabs: overview, KPIs, every kind of ledger record, funds, supervision, import. */
const STATION_PAGES = [
  '',
  '/kpis',
  ...[
    'enterprises',
    'contacts',
    'demands',
    'experts',
    'events',
    'press-releases',
    'cooperations',
    'outcomes',
    'achievements',
    'reports',
  ].map((k) => `/ledger/${k}`),
  '/funds',
  '/supervision',
  '/import',
];

/** The page has loaded and is no wider than the screen: nothing can be scrolled sideways. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  // A page is open once its title is (an earlier page's may linger hidden while the next one loads).
  await expect(page.locator('h2:visible').first()).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${new URL(page.url()).pathname} is ${scrollWidth} px wide`).toBeLessThanOrEqual(width);
}

const png = (name: string, hue: number) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from(samplePng(96, 72, hue)),
});

/** Taps a button that opens the file dialog (the camera on a phone) and answers it with `file`. */
async function tapAndChoose(page: Page, button: Locator, file: ReturnType<typeof png>) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
  return chooser;
}

/** Picks the option titled `title` in the antd Select behind `field`, after the dropdown has settled. */

test.describe('on a phone, 390×844', () => {
  test.use({ viewport: PHONE });

  test('every page of the host’s menu and of its station fits the screen; the menu is a drawer', async ({ page }) => {
    // Some thirty pages, each loaded to the end.
    test.setTimeout(300_000);
    const errors = browserErrors(page);
    await loginAs(page, 'host', undefined, { shell: false });
    const menuButton = page.getByRole('button', { name: '菜单', exact: true });
    await expect(menuButton).toBeVisible({ timeout: 30_000 });
    // No 200 px side column on a phone: the menu opens over the page.
    await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
    await expectNoSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: `${SHOTS}/phone-host-home.png` });

    await menuButton.click();
    const menu = page.getByRole('menu', { name: '主菜单' });
    await expect(menu).toBeVisible();
    const entries = (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(entries).toEqual(expect.arrayContaining(['首页', '工作站点', '经费执行', '考核看板']));
    await page.screenshot({ path: `${SHOTS}/phone-host-menu.png` });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    for (const [n, name] of entries.entries()) {
      await menuButton.click();
      await expect(menu).toBeVisible();
      await menu.getByRole('menuitem', { name, exact: true }).click();
      await expect(menu).toBeHidden();
      await expectNoSidewaysScroll(page, PHONE.width);
      await page.screenshot({ path: `${SHOTS}/phone-host-menu-${n}.png` });
    }

    const stationId = await hostStation(page);
    for (const path of STATION_PAGES) {
      await page.goto(`/stations/${stationId}${path}`);
      await expectNoSidewaysScroll(page, PHONE.width);
    }
    expect(errors).toEqual([]);
  });

  test('the host’s home and events page download no chart, schema, table or picker library on a phone', async ({
    page,
  }) => {
    // What a phone on 4G must not pay for (issue 16): ECharts is the Center's dashboard's, zod validates forms
    // only once one is opened, and a phone shows cards where a PC shows the antd table. The phone's date filter and
    // year choice are the browser's own, its pager two buttons, a station's sections links (decision 028): no antd
    // date picker, select (its virtual list), pagination or tabs. Recognised by their code, not by file names the
    // build chooses.
    const bodies: Promise<string>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.text().catch(() => ''));
    });
    await loginAs(page, 'host', undefined, { shell: false });
    await expect(page.getByText('本单位的工作站点')).toBeVisible({ timeout: 30_000 });
    const stationId = await hostStation(page);
    await page.goto(`/stations/${stationId}/ledger/events`);
    await expect(page.getByRole('list', { name: '活动记录' }).getByRole('listitem').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const code = (await Promise.all(bodies)).join('\n');
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).not.toContain('__ec_');
    expect(code).not.toContain('ZodObject');
    expect(code).not.toContain('rc-table');
    for (const library of ['rc-picker', 'rc-virtual-list', 'rc-pagination', 'rc-tabs']) {
      expect(code, library).not.toContain(library);
    }
  });

  test('a link to the events page names its code and first reads in the page, and each comes once', async ({
    page,
  }) => {
    // Issue 16: the HTML of a signed-in page lists what the page needs, so that a phone on 4G fetches it side by side
    // rather than step by step. A preload the app does not take (a different request mode) would download twice.
    await loginAs(page, 'host', undefined, { shell: false });
    await expect(page.getByText('本单位的工作站点')).toBeVisible({ timeout: 30_000 });
    const stationId = await hostStation(page);
    const asked: string[] = [];
    const askedUrls: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      asked.push(url.pathname);
      askedUrls.push(url.pathname + url.search);
    });
    // The home page names the working year's overview, stations and districts too (decision 029).
    const home = (await (await page.goto('/'))?.text()) ?? '';
    await expect(page.getByText('本单位的工作站点')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const homeReads = [...home.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) =>
      m[1].replaceAll('&amp;', '&'),
    );
    expect(homeReads.some((r) => /^\/api\/v1\/stations\?year=\d{4}&page=1&pageSize=200$/.test(r))).toBe(true);
    for (const read of homeReads)
      expect(
        askedUrls.filter((u) => u === read),
        read,
      ).toHaveLength(1);
    asked.length = 0;
    askedUrls.length = 0;
    const doc = await page.goto(`/stations/${stationId}/ledger/events`);
    const html = (await doc?.text()) ?? '';
    await expect(page.getByRole('list', { name: '活动记录' }).getByRole('listitem').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const named = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)">/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(20);
    for (const file of named)
      expect(
        asked.filter((p) => p === file),
        file,
      ).toHaveLength(1);
    // The session probe and the page's first reads (the station, the first page of events), each asked once.
    const reads = [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) =>
      m[1].replaceAll('&amp;', '&'),
    );
    expect(reads).toEqual([
      '/api/v1/sessions/current',
      `/api/v1/stations/${stationId}`,
      `/api/v1/stations/${stationId}/events?page=1&pageSize=20`,
    ]);
    for (const read of reads)
      expect(
        askedUrls.filter((u) => u === read),
        read,
      ).toHaveLength(1);
  });

  test('the host records an event and files a photo under 活动照片 with the camera button', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host', undefined, { shell: false });
    const stationId = await hostStation(page);
    await page.goto(`/stations/${stationId}/ledger/events`);
    await page.getByRole('button', { name: '新增活动' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('活动名称').fill(EVENT_TITLE);
    await dialog.getByLabel('活动日期').fill('2025-11-05');
    await dialog.getByLabel('活动日期').press('Enter');
    await dialog.getByLabel('活动地点').fill('海淀区某精密制造企业车间');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(page.locator('.ant-message-notice').last()).toContainText('已保存');
    await expect(dialog).toHaveCount(0);

    // The list is cards, not a table squeezed to two columns.
    await page.getByLabel('搜索活动').fill(EVENT_TITLE);
    await page.getByLabel('搜索活动').press('Enter');
    const cards = page.getByRole('list', { name: '活动记录' });
    const card = cards.getByRole('listitem').filter({ hasText: EVENT_TITLE });
    await expect(card).toBeVisible();
    await expect(cards.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(card).toContainText('2025-11-05');
    await expect(card).toContainText('缺少佐证');

    await card.getByRole('button', { name: /缺少佐证/ }).click();
    const blocks = ['活动方案', '活动照片', '会议纪要', '新闻报道'].map((k) =>
      card.locator(`section[aria-label="${k}"]`),
    );
    // One column: each block takes the card's width, below the one before it, and its buttons lie inside it, so a
    // tap in one block can never land on another's button.
    const boxes = await Promise.all(blocks.map((b) => b.boundingBox()));
    for (const [i, box] of boxes.entries()) {
      expect(box).not.toBeNull();
      if (i > 0) expect(box!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
      for (const b of await blocks[i].getByRole('button', { name: /^(拍照|上传)/ }).all()) {
        const r = (await b.boundingBox())!;
        expect(r.x).toBeGreaterThanOrEqual(box!.x);
        expect(r.x + r.width).toBeLessThanOrEqual(box!.x + box!.width);
        expect(r.y).toBeGreaterThanOrEqual(box!.y);
        expect(r.y + r.height).toBeLessThanOrEqual(box!.y + box!.height);
      }
    }

    const photos = card.locator('section[aria-label="活动照片"]');
    const camera = await tapAndChoose(
      page,
      photos.getByRole('button', { name: '拍照上传活动照片' }),
      png('现场照片.png', 30),
    );
    expect(await camera.element().getAttribute('capture')).toBe('environment');
    expect(await camera.element().getAttribute('accept')).toBe('image/*');
    await expect(page.locator('.ant-message-notice').last()).toContainText('已上传到“活动照片”：现场照片.png');
    const photo = photos.getByRole('figure', { name: '现场照片.png' });
    await expect(photo.getByRole('img', { name: '现场照片.png' })).toBeVisible();
    await expect(photo).toContainText('活动照片');
    await expect(photos).toContainText('活动照片（1）');
    for (const other of ['活动方案', '会议纪要', '新闻报道']) {
      await expect(card.locator(`section[aria-label="${other}"]`)).toContainText(`${other}（0）`);
    }

    // The 上传 button of another block files under that block's kind.
    const plans = card.locator('section[aria-label="活动方案"]');
    await tapAndChoose(
      page,
      plans.getByRole('button', { name: '上传活动方案', exact: true }),
      png('活动方案扫描件.png', 200),
    );
    await expect(plans.getByRole('figure', { name: '活动方案扫描件.png' })).toContainText('活动方案');
    await expect(plans).toContainText('活动方案（1）');
    await expect(photos).toContainText('活动照片（1）');
    await expect(card).not.toContainText('缺少佐证');
    await card.screenshot({ path: `${SHOTS}/phone-host-event-evidence.png` });

    // As the server keeps them.
    const list = await page.request.get(`/api/v1/stations/${stationId}/events?q=${encodeURIComponent(EVENT_TITLE)}`);
    const [event] = ((await list.json()) as { items: Array<{ evidence: Array<{ kind: string; fileName: string }> }> })
      .items;
    expect(event.evidence.map((e) => [e.kind, e.fileName]).sort()).toEqual([
      ['photo', '现场照片.png'],
      ['plan', '活动方案扫描件.png'],
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });

  test('the host books an expense with a photographed voucher and sees it listed', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host', undefined, { shell: false });
    const stationId = await hostStation(page);
    await page.goto(`/stations/${stationId}/funds`);
    await page.getByRole('button', { name: '记一笔支出' }).click();
    const drawer = page.getByRole('dialog', { name: '记一笔支出' });
    await expect(drawer).toBeVisible();
    await drawer.getByLabel('支出日期').fill('2025-11-06');
    await drawer.getByLabel('支出日期').press('Enter');
    await choose(page, drawer.getByLabel('事项'), '资料印刷');
    await drawer.getByLabel('金额（元）').fill('321.50');
    await drawer.getByLabel('用途').fill(EXPENSE_PURPOSE);
    await drawer.getByRole('radio', { name: '单位' }).check();
    await drawer.getByLabel('单位名称').fill('北京某快印有限公司');
    const camera = await tapAndChoose(
      page,
      drawer.getByRole('button', { name: '拍照上传凭证' }),
      png('快印发票照片.png', 120),
    );
    expect(await camera.element().getAttribute('capture')).toBe('environment');
    await expect(drawer.getByRole('list', { name: '已上传凭证' })).toContainText('快印发票照片.png');
    await page.screenshot({ path: `${SHOTS}/phone-host-expense-form.png` });
    await drawer.getByRole('button', { name: /^记\s*账$/ }).click();
    await expect(page.locator('.ant-message-notice').last()).toContainText(/已记账：X\d+/);
    await expect(drawer).toBeHidden();

    const expenses = page.getByRole('list', { name: '支出台账' });
    const card = expenses.getByRole('listitem').filter({ hasText: EXPENSE_PURPOSE });
    await expect(card).toBeVisible();
    await expect(card).toContainText('资料印刷');
    await expect(card).toContainText('321.50');
    await expect(card).toContainText('北京某快印有限公司');
    await expect(card).toContainText('1 份');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SHOTS}/phone-host-expense-card.png` });

    // 查看 opens the whole width of the screen, with the voucher.
    await card.getByRole('button', { name: /查\s*看/ }).click();
    const detail = page.getByRole('dialog', { name: /^支出 X\d+$/ });
    await expect(detail).toContainText('快印发票照片.png');
    await expect(detail).toContainText(EXPENSE_PURPOSE);
    // Measured once its slide-in has ended.
    const wrapper = page.locator('.ant-drawer-content-wrapper:visible');
    await expect.poll(async () => Math.round((await wrapper.boundingBox())?.x ?? -1)).toBe(0);
    expect(Math.round((await wrapper.boundingBox())!.width)).toBe(PHONE.width);
    await page.screenshot({ path: `${SHOTS}/phone-host-expense-detail.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });
});

test.describe('on a PC, 1366×768', () => {
  test.use({ viewport: PC });

  test('the same pages fit the screen', async ({ page }) => {
    test.setTimeout(300_000);
    const errors = browserErrors(page);
    await loginAs(page, 'host');
    const menu = page.getByRole('menu', { name: '主菜单' });
    const entries = (await menu.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(entries).toEqual(expect.arrayContaining(['首页', '工作站点', '经费执行', '考核看板']));
    for (const name of entries) {
      await menu.getByRole('menuitem', { name, exact: true }).click();
      await expectNoSidewaysScroll(page, PC.width);
    }
    const stationId = await hostStation(page);
    for (const path of STATION_PAGES) {
      await page.goto(`/stations/${stationId}${path}`);
      await expectNoSidewaysScroll(page, PC.width);
    }
    // The ledger stays a table on a PC.
    await page.goto(`/stations/${stationId}/ledger/events`);
    await expect(page.getByRole('table', { name: '活动记录' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
