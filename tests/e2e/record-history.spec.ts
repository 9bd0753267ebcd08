// Issue 14 end to end: who changed a record, when, and what (变更记录), and the Center's 问题清单 across inspections.
// · A station: the Center edits its contact and then its leader's phone; the station page's 变更记录 shows the newest
//   edit on top, who made it and when, each field "中文名：旧值 → 新值", telephone numbers masked (139****5678). The
//   district reads its own station's history; a host, and the district, get 404 for another station's.
// · An expense: the host corrects an imported expense's amount (and adds its voucher) on the 经费 page, on a PC and on
//   a phone; its 变更记录 shows the amounts in 元, the newest edit first.
// · 问题清单: the Center schedules an inspection, registers two rectification requests; once one's deadline has passed
//   the list shows it first, labelled 已逾期 and highlighted; 仅看逾期, the search and the district filter narrow the
//   list (kept in the address); 导出 Excel downloads the filtered rows.
// Runs in the data-changing project: it edits the 海淀 station's contact, two of its demo expenses, and adds an
// inspection of the 朝阳 and 丰台 stations.
import { readFile, stat } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { samplePng } from '../../src/server/demo/sample-png';
import { browserErrors, choose, loginAs, shot } from './fixtures';

const PHONE = { width: 390, height: 844 };
const PC = { width: 1366, height: 768 };

/** The e2e server's database (playwright.config.ts: one per port). */
const DB_FILE = `test-results/e2e-db-${process.env.E2E_PORT ?? 3210}/qianqi.db`;

type StationRow = { id: string; name: string; districtCode: string | null; contactPhone: string; leaderPhone: string };

async function stationsOf(page: Page): Promise<StationRow[]> {
  const r = await page.request.get('/api/v1/stations?year=2025&pageSize=100');
  expect(r.ok()).toBe(true);
  return ((await r.json()) as { items: StationRow[] }).items;
}

async function stationIn(page: Page, districtCode: string): Promise<StationRow> {
  const s = (await stationsOf(page)).find((x) => x.districtCode === districtCode);
  expect(s, `a 2025 station in ${districtCode}`).toBeTruthy();
  return s!;
}

/** A day in Beijing, `days` from today: `YYYY-MM-DD`. */
function beijingDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** `2026-12-04 15:58:27` (Beijing time, as the pages write an instant) → epoch ms. */
function beijingInstant(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}+08:00`);
}

/** The 变更记录 of the record open on the page: its entries (article), newest first. */
const historyOf = (scope: Page | Locator) => scope.getByRole('region', { name: '变更记录' });
const entries = (scope: Page | Locator) => historyOf(scope).getByRole('article');
const lines = (entry: Locator) => entry.getByRole('list', { name: '修改的字段' }).getByRole('listitem');

/** The entry was made by `actor` (with the role tag `role`) as `action`, between `from` and `to` (epoch ms). */
async function expectEntry(
  entry: Locator,
  o: { actor: string; role: string; action: string; from: number; to: number },
): Promise<void> {
  await expect(entry.locator('strong')).toHaveText(o.actor);
  await expect(entry.locator('.ant-tag').first()).toHaveText(o.role);
  await expect(entry.locator('.ant-tag').nth(1)).toHaveText(o.action);
  const when = (await entry.locator('time').textContent()) ?? '';
  expect(when).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  // Shown to the second, in Beijing time: within the window the change was saved in.
  const at = beijingInstant(when);
  expect(at).toBeGreaterThanOrEqual(Math.floor(o.from / 1000) * 1000 - 1000);
  expect(at).toBeLessThanOrEqual(o.to + 1000);
}

/** No mobile number in full (PIPL): 139****5678 is fine, 13912345678 is not. */
async function expectNoFullMobile(region: Locator): Promise<void> {
  expect(await region.textContent()).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
}

/** Signs the browser out (its session cookie gone), so that the next loginAs signs in afresh. */
async function signOut(page: Page): Promise<void> {
  // Off the app first: a page left open would go on polling (待办, …) and be answered 401.
  await page.goto('about:blank');
  await page.context().clearCookies();
}

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. A station's 变更记录
// ---------------------------------------------------------------------------------------------------------------

const NEW_CONTACT = '王磊';
const NEW_CONTACT_PHONE = '13812345678';
const NEW_LEADER_PHONE = '13987654321';

test.describe('a station’s 变更记录', () => {
  test.describe.configure({ mode: 'serial' });

  test.describe('on a PC, 1366×768', () => {
    test.use({ viewport: PC });

    test('the Center edits the station’s contact, then its leader’s phone: each edit is on top, masked', async ({
      page,
    }) => {
      const errors = browserErrors(page);
      await loginAs(page, 'center');
      const station = await stationIn(page, '110108');
      const before = (await (await page.request.get(`/api/v1/stations/${station.id}`)).json()) as {
        contactName: string;
        contactPhone: string;
        leaderPhone: string;
      };
      await page.goto(`/stations/${station.id}`);
      await expect(page.getByRole('heading', { name: station.name })).toBeVisible();
      await expect(entries(page).first()).toBeVisible();
      const count = await entries(page).count();

      // First edit: the contact person and the contact's phone.
      await page.getByRole('button', { name: /编\s*辑/ }).click();
      const form = page.getByRole('dialog', { name: `编辑工作站点 · ${station.name}` });
      await expect(form.getByLabel('联系人', { exact: true })).toHaveValue(before.contactName);
      await form.getByLabel('联系人', { exact: true }).fill(NEW_CONTACT);
      await form.getByLabel('联系人电话').fill(NEW_CONTACT_PHONE);
      const t0 = Date.now();
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await expect(form).toBeHidden();
      const t1 = Date.now();
      // The station's own page shows its record in full; the history masks it.
      const facts = page.locator('.ant-descriptions');
      await expect(facts).toContainText(NEW_CONTACT_PHONE);
      await expect(entries(page)).toHaveCount(Math.min(count + 1, 10));
      const first = entries(page).first();
      await expectEntry(first, { actor: '中心管理员', role: '中心管理员', action: '修改', from: t0, to: t1 });
      await expect(first).toContainText(`修改工作站点“${station.name}”`);
      // Only what changed, by the names the pages use, the phone masked on both sides.
      await expect(lines(first)).toHaveText([
        `联系人：${before.contactName} → ${NEW_CONTACT}`,
        `联系人电话：${before.contactPhone.slice(0, 3)}*****${before.contactPhone.slice(-4)} → 138****5678`,
      ]);

      // Second edit: the leader's phone. It goes on top, the first one below it.
      await page.getByRole('button', { name: /编\s*辑/ }).click();
      await expect(form.getByLabel('联系人', { exact: true })).toHaveValue(NEW_CONTACT);
      await form.getByLabel('负责人电话').fill(NEW_LEADER_PHONE);
      const t2 = Date.now();
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await expect(form).toBeHidden();
      const t3 = Date.now();
      await expect(entries(page)).toHaveCount(Math.min(count + 2, 10));
      const top = entries(page).first();
      await expectEntry(top, { actor: '中心管理员', role: '中心管理员', action: '修改', from: t2, to: t3 });
      await expect(lines(top)).toHaveText([
        `负责人电话：${before.leaderPhone.slice(0, 3)}****${before.leaderPhone.slice(-4)} → 139****4321`,
      ]);
      await expect(lines(entries(page).nth(1))).toHaveText([
        `联系人：${before.contactName} → ${NEW_CONTACT}`,
        /^联系人电话：.* → 138\*{4}5678$/,
      ]);
      // Newest first: the times never increase down the list.
      const times = (await historyOf(page).locator('time').allTextContents()).map(beijingInstant);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      await expectNoFullMobile(historyOf(page));
      await shot(page, 'record-history-01-station');
      expect(errors).toEqual([]);
    });

    test('the 海淀 district reads its station’s history; a host and the district get 404 for another station’s', async ({
      page,
    }) => {
      const errors = browserErrors(page);
      // Another district's station (朝阳), as the Center knows it.
      await loginAs(page, 'center');
      const other = await stationIn(page, '110105');
      expect((await page.request.get(`/api/v1/stations/${other.id}/history`)).status()).toBe(200);

      await signOut(page);
      await loginAs(page, 'haidian');
      const own = await stationIn(page, '110108');
      // The district's list holds its own stations only.
      expect((await stationsOf(page)).every((s) => s.districtCode === '110108')).toBe(true);
      await page.goto(`/stations/${own.id}`);
      await expect(page.getByRole('heading', { name: own.name })).toBeVisible();
      const top = entries(page).first();
      await expect(top.locator('strong')).toHaveText('中心管理员');
      await expect(lines(top)).toHaveText([/^负责人电话：139\*{4}\d{4} → 139\*{4}4321$/]);
      await expect(lines(entries(page).nth(1))).toContainText([`联系人：`, /联系人电话：.* → 138\*{4}5678/]);
      await expectNoFullMobile(historyOf(page));
      await shot(page, 'record-history-02-district');
      // Another district's station: its history is not there for 海淀, as the station itself is not.
      expect((await page.request.get(`/api/v1/stations/${other.id}/history`)).status()).toBe(404);
      expect(errors).toEqual([]);

      // The host of the 海淀 station reads its own station's history, and nothing of another's.
      await signOut(page);
      await loginAs(page, 'host');
      expect((await page.request.get(`/api/v1/stations/${own.id}/history`)).status()).toBe(200);
      const refused = await page.request.get(`/api/v1/stations/${other.id}/history`);
      expect(refused.status()).toBe(404);
      expect(await refused.text()).not.toContain(other.name);
    });
  });

  test.describe('on a phone, 390×844', () => {
    test.use({ viewport: PHONE });

    test('the host reads on its phone who changed its station, masked, without sideways scrolling', async ({
      page,
    }) => {
      const errors = browserErrors(page);
      await loginAs(page, 'host', undefined, { shell: false });
      const own = await stationIn(page, '110108');
      await page.goto(`/stations/${own.id}`);
      await expect(page.getByRole('heading', { name: own.name })).toBeVisible();
      const top = entries(page).first();
      await expect(top.locator('strong')).toHaveText('中心管理员');
      await expect(top.locator('.ant-tag').nth(1)).toHaveText('修改');
      await expect(lines(top)).toHaveText([/^负责人电话：139\*{4}\d{4} → 139\*{4}4321$/]);
      await expectNoFullMobile(historyOf(page));
      await page.waitForLoadState('networkidle');
      await noSidewaysScroll(page, PHONE.width);
      await historyOf(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'artifacts/screenshots/record-history-03-station-phone.png' });
      expect(errors).toEqual([]);
    });
  });
});

// The creation entry names the host organisation, not its id, and a ledger import's entry names the sheets and the
// counts in Chinese (it once read `enterprises · added`).
test('every line of a station’s 变更记录 reads in words, not codes or ids', async ({ page }) => {
  await loginAs(page, 'center');
  // 朝阳: its history holds the demo's creation and ledger import, and no journey edits the station itself.
  const station = await stationIn(page, '110105');
  await page.goto(`/stations/${station.id}`);
  await expect(page.getByRole('heading', { name: station.name })).toBeVisible();
  const created = entries(page).filter({ has: page.locator('.ant-tag', { hasText: /^新建$/ }) });
  await expect(created).toHaveCount(1);
  const host = (await (await page.request.get(`/api/v1/stations/${station.id}`)).json()) as { hostName: string };
  await created.getByRole('button', { name: /展开全部/ }).click();
  await expect.soft(lines(created)).toContainText([`依托单位：${host.hostName}`]);
  // No value is a record's id (01a2400e-668e-…).
  const ids = (await lines(created).allTextContents()).filter((l) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/.test(l));
  expect.soft(ids, 'values that are ids').toEqual([]);
  // The demo imports the station's ledger: its entry names the sheets and the counts in Chinese, as the import page.
  const imported = entries(page).filter({ has: page.locator('.ant-tag', { hasText: /^导入台账$/ }) });
  await expect(imported).toHaveCount(1);
  await imported.getByRole('button', { name: /展开全部/ }).click();
  const labels = (await lines(imported).allTextContents()).map((l) => l.slice(0, l.lastIndexOf('：')));
  expect.soft(labels.length).toBeGreaterThan(0);
  // A label is Chinese: an English word in it is a code (`enterprises · added`).
  expect
    .soft(
      labels.filter((l) => /[A-Za-z]{3,}/.test(l)),
      'labels with code names',
    )
    .toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// 2. An expense's 变更记录
// ---------------------------------------------------------------------------------------------------------------

const png = (name: string, hue: number) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from(samplePng(80, 60, hue)),
});

/** The expense whose 用途 is `purpose` in 支出台账: a table row on a PC, a card on a phone. */
function expenseItem(page: Page, purpose: string, phone: boolean): Locator {
  return phone
    ? page.getByRole('list', { name: '支出台账' }).getByRole('listitem').filter({ hasText: purpose })
    : page.getByRole('table', { name: '支出台账' }).getByRole('row').filter({ hasText: purpose });
}

async function openFunds(page: Page, purpose: string, phone: boolean): Promise<{ stationId: string; item: Locator }> {
  const station = await stationIn(page, '110108');
  await page.goto(`/stations/${station.id}/funds`);
  await page.getByLabel('搜索支出').fill(purpose);
  await page.getByLabel('搜索支出').press('Enter');
  const item = expenseItem(page, purpose, phone);
  await expect(item).toHaveCount(1);
  return { stationId: station.id, item };
}

/** 修改 the expense: a new amount, and a voucher when given (an imported expense has none, and one is required). */
async function editAmount(
  page: Page,
  item: Locator,
  o: { ref: string; amount: string; voucher?: ReturnType<typeof png>; phone: boolean },
): Promise<{ from: number; to: number }> {
  await item.getByRole('button', { name: /修\s*改/ }).click();
  const drawer = page.getByRole('dialog', { name: `修改支出 ${o.ref}` });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('金额（元）').fill(o.amount);
  if (o.voucher) {
    if (o.phone) {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        drawer.getByRole('button', { name: '拍照上传凭证' }).click(),
      ]);
      await chooser.setFiles(o.voucher);
    } else {
      await drawer.getByLabel('凭证', { exact: true }).setInputFiles(o.voucher);
    }
    await expect(drawer.getByRole('list', { name: '已上传凭证' })).toContainText(o.voucher.name);
  }
  const from = Date.now();
  await drawer.getByRole('button', { name: /^保存修改$/ }).click();
  await expect(page.locator('.ant-message-notice').last()).toContainText(`已保存修改：${o.ref}`);
  await expect(drawer).toBeHidden();
  return { from, to: Date.now() };
}

/** 查看 the expense and open its 变更记录 (folded under the facts). */
async function openExpenseHistory(page: Page, item: Locator, ref: string): Promise<Locator> {
  await item.getByRole('button', { name: /查\s*看/ }).click();
  const detail = page.getByRole('dialog', { name: `支出 ${ref}` });
  await expect(detail).toBeVisible();
  await detail.getByRole('button', { name: '变更记录' }).click();
  await expect(historyOf(detail)).toBeVisible();
  return detail;
}

test.describe('an expense’s 变更记录 on a PC, 1366×768', () => {
  test.use({ viewport: PC });

  test('the host corrects an imported expense’s amount; its 变更记录 shows the amounts in 元', async ({ page }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host');
    const purpose = '走访企业市内交通';
    const { item } = await openFunds(page, purpose, false);
    await expect(item).toContainText('326.00 元');
    // An imported expense has no history of its own yet.
    await item.getByRole('button', { name: /查\s*看/ }).click();
    const detail = page.getByRole('dialog', { name: /^支出 X\d+$/ });
    const ref = ((await detail.locator('.ant-drawer-title').textContent()) ?? '').replace('支出 ', '');
    await detail.getByRole('button', { name: '变更记录' }).click();
    await expect(detail.getByText('暂无变更记录')).toBeVisible();
    await detail.locator('.ant-drawer-close').click();
    await expect(detail).toBeHidden();

    const when = await editAmount(page, item, {
      ref,
      amount: '362.50',
      voucher: png('交通费发票.png', 40),
      phone: false,
    });
    await expect(item).toContainText('362.50 元');
    const d = await openExpenseHistory(page, item, ref);
    await expect(entries(d)).toHaveCount(1);
    const top = entries(d).first();
    await expectEntry(top, { actor: '依托单位用户', role: '依托单位', action: '修改', ...when });
    await expect(top).toContainText(`支出 ${ref}：2025-04-30 北京市内交通费 362.50 元`);
    await expect(lines(top)).toHaveText(['金额：326.00 元 → 362.50 元', '凭证：（无） → 交通费发票.png']);
    await shot(page, 'record-history-04-expense-pc');
    expect(errors).toEqual([]);
  });
});

test.describe('an expense’s 变更记录 on a phone, 390×844', () => {
  test.use({ viewport: PHONE });

  test('the host corrects an amount twice on its phone; the 变更记录 lists both, newest first, in 元', async ({
    page,
  }) => {
    const errors = browserErrors(page);
    await loginAs(page, 'host', undefined, { shell: false });
    const purpose = '工作站点宣传册印制';
    const { item } = await openFunds(page, purpose, true);
    await expect(item).toContainText('1,860.50 元');
    const ref = ((await item.locator('dd').first().textContent()) ?? '').trim();
    expect(ref).toMatch(/^X\d+$/);

    const first = await editAmount(page, item, {
      ref,
      amount: '1680.5',
      voucher: png('宣传册印刷发票.png', 160),
      phone: true,
    });
    await expect(item).toContainText('1,680.50 元');
    const second = await editAmount(page, item, { ref, amount: '1,608', phone: true });
    await expect(item).toContainText('1,608.00 元');

    const d = await openExpenseHistory(page, item, ref);
    await expect(entries(d)).toHaveCount(2);
    await expectEntry(entries(d).nth(0), { actor: '依托单位用户', role: '依托单位', action: '修改', ...second });
    await expect(lines(entries(d).nth(0))).toHaveText(['金额：1,680.50 元 → 1,608.00 元']);
    await expectEntry(entries(d).nth(1), { actor: '依托单位用户', role: '依托单位', action: '修改', ...first });
    await expect(lines(entries(d).nth(1))).toHaveText([
      '金额：1,860.50 元 → 1,680.50 元',
      '凭证：（无） → 宣传册印刷发票.png',
    ]);
    // The drawer takes the screen, and the history fits in it.
    await page.waitForLoadState('networkidle');
    await noSidewaysScroll(page, PHONE.width);
    const box = (await historyOf(d).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: 'artifacts/screenshots/record-history-05-expense-phone.png' });
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. 问题清单
// ---------------------------------------------------------------------------------------------------------------

/**
 * The deadline of a rectification request passes: nobody can set one in the past (the form and the server refuse
 * it, 第十九条), and the server's clock is the real one, so the weeks that pass are written into the database.
 */
function deadlinePassed(description: string, dueOn: string): void {
  const db = new Database(DB_FILE, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const r = db.prepare('update inspection_findings set due_on = ? where description = ?').run(dueOn, description);
    expect(r.changes).toBe(1);
  } finally {
    db.close();
  }
}

test.describe('问题清单 on a PC, 1366×768', () => {
  test.use({ viewport: PC });

  test('问题清单: an overdue finding is listed first, labelled and highlighted; filters narrow it; 导出 Excel', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = browserErrors(page);
    await loginAs(page, 'center');
    const chaoyang = await stationIn(page, '110105');
    const fengtai = await stationIn(page, '110106');
    const token = `E2E${Date.now().toString(36).toUpperCase()}`;
    const title = `2025年度台账与经费专项检查（${token}）`;
    const late = { station: fengtai, description: `支出凭证未按月装订归档（${token}）`, dueOn: beijingDay(7) };
    const open = { station: chaoyang, description: `活动台账缺少签到表（${token}）`, dueOn: beijingDay(20) };
    const passed = beijingDay(-14);

    await test.step('the Center schedules an inspection of two stations and registers two rectification requests', async () => {
      await page.getByRole('menuitem', { name: '监督检查' }).click();
      await expect(page.getByRole('heading', { name: '监督检查' })).toBeVisible();
      await page.getByRole('button', { name: '安排检查' }).click();
      const d = page.getByRole('dialog', { name: '安排检查' });
      await d.getByLabel('检查名称').fill(title);
      await choose(page, d.getByLabel('项目年度'), '2025 年度');
      await d.getByRole('radio', { name: '指定站点' }).check();
      // A multiple select stays open after each pick.
      const picker = d.getByLabel('选择站点');
      for (const s of [chaoyang, fengtai]) {
        await picker.click();
        await picker.fill(s.name.slice(0, 2));
        const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
        const option = dropdown.locator('.ant-select-item-option').filter({ hasText: s.name });
        await expect(option).toHaveCount(1);
        await expect(dropdown).not.toHaveClass(/slide-up-(appear|enter)/);
        await option.click();
        await expect(option).toHaveClass(/ant-select-item-option-selected/);
      }
      await page.keyboard.press('Escape');
      for (const s of [chaoyang, fengtai]) await expect(d.getByTitle(s.name, { exact: true })).toBeVisible();
      await d.getByRole('button', { name: '确定安排' }).click();
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      const scope = page.getByRole('table', { name: '检查范围' });
      await expect(scope).toContainText(chaoyang.name);
      await expect(scope).toContainText(fengtai.name);

      for (const f of [late, open]) {
        await page.getByRole('button', { name: '登记检查发现' }).click();
        const form = page.getByRole('dialog', { name: '登记检查发现' });
        await choose(page, form.getByLabel('站点'), f.station.name);
        await expect(form.getByRole('radio', { name: '整改要求' })).toBeChecked();
        await form.getByLabel('问题描述').fill(f.description);
        await form.getByLabel('整改期限').fill(f.dueOn);
        await form.getByLabel('整改期限').press('Enter');
        await form.getByRole('button', { name: '确认登记' }).click();
        await expect(form).toBeHidden();
        const row = page.getByRole('table', { name: '检查发现' }).getByRole('row').filter({ hasText: f.description });
        await expect(row).toContainText(`限 ${f.dueOn} 前整改`);
        await expect(row).not.toContainText('已逾期');
      }
    });

    await test.step('weeks pass: the 丰台 station’s deadline is behind us', async () => {
      deadlinePassed(late.description, passed);
    });

    const list = page.getByRole('table', { name: '问题清单' });
    const rows = list.locator('tbody tr.ant-table-row');
    const search = page.getByLabel('搜索问题');

    await test.step('问题清单 lists both with station, district and deadline, the overdue one first and highlighted', async () => {
      // The inspection is of 2025; later journeys of a full run add newer years, which may become the working one.
      await page.goto('/inspections?year=2025');
      await page.getByRole('tab', { name: '问题清单' }).click();
      await expect(page).toHaveURL(/[?&]tab=findings/);
      await expect(page).toHaveURL(/[?&]year=2025/);
      await search.fill(token);
      await search.press('Enter');
      await expect(page).toHaveURL(new RegExp(`[?&]q=${token}`));
      await expect(rows).toHaveCount(2);
      // Open findings earliest deadline first: the overdue one leads.
      await expect(rows.nth(0)).toContainText(fengtai.name);
      await expect(rows.nth(0)).toContainText('丰台区');
      await expect(rows.nth(0)).toContainText(title);
      await expect(rows.nth(0)).toContainText(late.description);
      await expect(rows.nth(0)).toContainText(`${passed}已逾期`);
      await expect(rows.nth(1)).toContainText(chaoyang.name);
      await expect(rows.nth(1)).toContainText('朝阳区');
      await expect(rows.nth(1)).toContainText(open.dueOn);
      await expect(rows.nth(1)).not.toContainText('已逾期');
      for (const r of [rows.nth(0), rows.nth(1)]) await expect(r).toContainText('整改要求');
      // The overdue row stands out from the other: the colour a cell shows (its own, else its row's), mouse away.
      await page.mouse.move(0, 0);
      const shown = (r: Locator) =>
        r
          .locator('td')
          .nth(3)
          .evaluate((cell) => {
            for (let e: Element | null = cell; e; e = e.parentElement) {
              const c = getComputedStyle(e).backgroundColor;
              if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
            }
            return 'none';
          });
      await expect.poll(() => shown(rows.nth(0))).not.toBe(await shown(rows.nth(1)));
      await shot(page, 'record-history-06-findings');
      // The tag says which deadline passed.
      await rows.nth(0).getByText('已逾期').hover();
      await expect(page.getByRole('tooltip')).toContainText(`已超过整改期限 ${passed}，尚未办结（第十九条）`);
    });

    await test.step('仅看逾期 keeps only the overdue ones, and survives a reload', async () => {
      await page.getByRole('switch', { name: '仅看逾期' }).click();
      await expect(page).toHaveURL(/[?&]overdue=true/);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(late.description);
      await page.reload();
      await expect(page.getByRole('switch', { name: '仅看逾期' })).toBeChecked();
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(late.description);
      // Without the search: every row listed is overdue.
      await page.getByLabel('搜索问题').fill('');
      await page.getByLabel('搜索问题').press('Enter');
      await expect(page).not.toHaveURL(/[?&]q=/);
      await expect(rows.filter({ hasText: late.description })).toHaveCount(1);
      const n = await rows.count();
      expect(n).toBeGreaterThanOrEqual(1);
      await expect(rows.filter({ hasText: '已逾期' })).toHaveCount(n);
      await expect(rows.filter({ hasText: open.description })).toHaveCount(0);
    });

    await test.step('导出 Excel downloads the overdue findings', async () => {
      await page.getByLabel('搜索问题').fill(token);
      await page.getByLabel('搜索问题').press('Enter');
      await expect(rows).toHaveCount(1);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('2025年度监督检查问题清单.xlsx');
      await expect(page.locator('.ant-message-notice').last()).toContainText('已导出“2025年度监督检查问题清单.xlsx”');
      const file = (await download.path())!;
      expect((await stat(file)).size).toBeGreaterThan(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(file)) as never);
      const ws = wb.getWorksheet('问题清单')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(['工作站点', '问题描述', '整改期限', '是否逾期']));
      const col = (name: string) => header.indexOf(name) + 1;
      // The same filters as on the screen: the one overdue finding of this inspection.
      expect(ws.actualRowCount).toBe(2);
      const row = ws.getRow(2);
      expect(row.getCell(col('工作站点')).text).toBe(fengtai.name);
      expect(row.getCell(col('问题描述')).text).toBe(late.description);
      expect(row.getCell(col('整改期限')).text).toBe(passed);
      expect(row.getCell(col('是否逾期')).text).toBe('已逾期');
    });

    await test.step('the district filter and the search narrow the list; 重置 clears them', async () => {
      await page.getByRole('switch', { name: '仅看逾期' }).click();
      await expect(page).not.toHaveURL(/[?&]overdue=/);
      await expect(rows).toHaveCount(2);
      await choose(page, page.getByRole('combobox', { name: '所在区' }), '朝阳区（110105）');
      await expect(page).toHaveURL(/[?&]districtCode=110105/);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(open.description);
      // The search reads station names as well as the descriptions.
      await page.getByRole('button', { name: /重\s*置/ }).click();
      await expect(page).not.toHaveURL(/[?&](q|districtCode)=/);
      // The address changes first, the page follows it: type once the box shows the search cleared, as a user would.
      await expect(search).toHaveValue('');
      await search.fill(fengtai.name);
      await search.press('Enter');
      await expect(rows.filter({ hasText: late.description })).toHaveCount(1);
      await expect(rows.filter({ hasText: open.description })).toHaveCount(0);
      const n = await rows.count();
      await expect(rows.filter({ hasText: fengtai.name })).toHaveCount(n);
      await page.getByRole('button', { name: /重\s*置/ }).click();
      await expect(page).not.toHaveURL(/[?&]q=/);
      await expect(page.getByLabel('搜索问题')).toHaveValue('');
    });
    expect(errors).toEqual([]);
  });
});
