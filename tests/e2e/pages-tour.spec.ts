import { expect, test } from '@playwright/test';
import { loginAs, PASSWORD, pickOption, readmeShot, shot } from './fixtures';

// Every page, as the role that uses it, with a screenshot saved as a CI artifact (artifacts/screenshots).
test('the Center views the 2025 policy with its articles', async ({ page }) => {
  await loginAs(page, 'center');
  await page.getByRole('menuitem', { name: '项目年度' }).click();
  await expect(page.getByRole('heading', { name: '项目年度' })).toBeVisible();
  await shot(page, 'program-years');
  await page.getByText('2025', { exact: false }).first().click();
  await expect(page.getByText('第七条').first()).toBeVisible();
  await expect(page.getByText('第八条').first()).toBeVisible();
  await expect(page.getByText('海淀区').first()).toBeVisible();
  await shot(page, 'program-year-2025');
});

test('organisations: search narrows the list and the Excel export downloads', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.getByRole('menuitem', { name: '组织' }).click();
  await expect(page.getByRole('heading', { name: '组织' })).toBeVisible();
  await expect(page.getByText('北京市海淀区科学技术协会').first()).toBeVisible();
  await shot(page, 'organizations');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出/ }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('stations: the Center sees all 23 and opens one', async ({ page }) => {
  await loginAs(page, 'center');
  await page.getByRole('menuitem', { name: '工作站点' }).click();
  await expect(page.getByRole('heading', { name: '工作站点' })).toBeVisible();
  await expect(page.getByText(/共\s*23\s*条/)).toBeVisible();
  await shot(page, 'stations');
  await page.getByText('海淀区“千人进千企”工作站点').first().click();
  await expect(page.getByText('中关村智能制造创新学会').first()).toBeVisible();
  await shot(page, 'station-detail');
});

// 三员分立 (decision 018): the system administrator opens the account without a role; the holder replaces the
// temporary password; only then does the security administrator give the role.
test('the system administrator creates an account whose holder must change the password first', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'sysadmin');
  await page.getByRole('menuitem', { name: '账户' }).click();
  await expect(page.getByRole('heading', { name: '账户' })).toBeVisible();
  await shot(page, 'users');
  await page.getByRole('button', { name: /新建账户/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('e2e_staff');
  await dialog.getByLabel('姓名').fill('测试人员');
  await expect(dialog.getByLabel('角色')).toHaveCount(0);
  await expect(dialog.getByText(/待分配角色/)).toBeVisible();
  await shot(page, 'user-create');
  await dialog.getByRole('button', { name: /确\s*定|保\s*存|创\s*建/ }).click();
  const temp = page.getByTestId('temporary-password');
  await expect(temp).toBeVisible();
  const password = (await temp.textContent())?.trim() ?? '';
  expect(password.length).toBeGreaterThanOrEqual(8);
  await shot(page, 'user-temporary-password');

  const other = await browser.newPage();
  await loginAs(other, 'e2e_staff', password, { shell: false });
  await expect(other).toHaveURL(/change-password/);
  await other.getByLabel('当前密码').fill(password);
  await other.getByLabel('新密码', { exact: true }).fill('weak');
  await other.getByLabel('确认新密码').fill('weak');
  await other.getByRole('button', { name: /修改密码|确\s*定|保\s*存/ }).click();
  await expect(other.getByText(/至少 8|8 个字符|不能少于 8/).first()).toBeVisible();
  await shot(other, 'change-password-errors');
  await other.getByLabel('新密码', { exact: true }).fill('Better-Pass-2025');
  await other.getByLabel('确认新密码').fill('Better-Pass-2025');
  await other.getByRole('button', { name: /修改密码|确\s*定|保\s*存/ }).click();
  await expect(other).not.toHaveURL(/change-password/);
  // No role yet: the home page says so, and the menu has nothing else.
  await expect(other.getByText('您的账户正在等待分配角色')).toBeVisible();
  await expect(other.getByRole('menuitem', { name: '工作站点' })).toHaveCount(0);
  await shot(other, 'home-awaiting-role');

  // The security administrator gives the role.
  const sec = await browser.newPage();
  await loginAs(sec, 'secadmin');
  await sec.getByRole('menuitem', { name: '账户' }).click();
  await sec.getByRole('button', { name: '为 e2e_staff 分配角色' }).click();
  const roleDialog = sec.getByRole('dialog');
  await expect(roleDialog.getByText(/持有人已于 .* 设置自己的密码/)).toBeVisible();
  await roleDialog.getByLabel('角色').click();
  await pickOption(sec, '中心工作人员');
  await roleDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(roleDialog).toBeHidden();
  await expect(sec.getByRole('row', { name: /e2e_staff/ }).getByText('中心工作人员')).toBeVisible();
  await sec.close();

  // Its sessions ended with the new role; signed in again, the holder works with it.
  await loginAs(other, 'e2e_staff', 'Better-Pass-2025');
  await expect(other.getByRole('menuitem', { name: '工作站点' })).toBeVisible();
  await other.close();
});

test('the audit administrator filters the audit log, verifies the chain and exports it', async ({ page }) => {
  await loginAs(page, 'auditadmin');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  await expect(page.getByText(/登录/).first()).toBeVisible();
  await shot(page, 'audit-events');
  await page.getByRole('button', { name: /校验/ }).click();
  await expect(page.getByText(/完整|通过/).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出/ }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('the security administrator sees the security policy', async ({ page }) => {
  await loginAs(page, 'secadmin');
  await page.getByRole('menuitem', { name: '安全策略' }).click();
  await expect(page.getByRole('heading', { name: '安全策略' })).toBeVisible();
  await expect(page.getByText('30').first()).toBeVisible();
  await shot(page, 'security-settings');
  // The policy lives in the database (issue #11): a change is saved at once and read back.
  await page.getByLabel('管理员密码最长使用期限（天）').fill('90');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('安全策略已保存，立即生效')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('管理员密码最长使用期限（天）')).toHaveValue('90');
  await shot(page, 'security-settings-saved');
});

test('an unknown page shows 404 and a page outside the role shows 403', async ({ page }) => {
  await loginAs(page, 'host');
  await page.goto('/no-such-page');
  await expect(page.getByText('404').first()).toBeVisible();
  await page.goto('/users');
  await expect(page.getByText(/无权|没有访问/).first()).toBeVisible();
  await shot(page, 'forbidden-page');
});

test('the security administrator gives a district role, choosing the district from names only', async ({
  page,
  request,
}) => {
  // The account as the system administrator opens it, and its holder's first sign-in, through the API.
  expect(
    (await request.post('/api/v1/sessions', { data: { username: 'sysadmin', password: PASSWORD } })).status(),
  ).toBe(201);
  const created = await request.post('/api/v1/users', {
    data: { username: 'e2e_chaoyang', displayName: '朝阳区科协' },
  });
  expect(created.status()).toBe(201);
  const temporary = ((await created.json()) as { temporaryPassword: string }).temporaryPassword;
  expect(
    (await request.post('/api/v1/sessions', { data: { username: 'e2e_chaoyang', password: temporary } })).status(),
  ).toBe(201);
  const changed = await request.put('/api/v1/me/password', {
    data: { currentPassword: temporary, newPassword: 'Chao-Pass-2025!' },
  });
  expect(changed.status()).toBe(200);

  await loginAs(page, 'secadmin');
  await page.getByRole('menuitem', { name: '账户' }).click();
  await page.getByRole('button', { name: '为 e2e_chaoyang 分配角色' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('角色').click();
  await pickOption(page, '区科协');
  await dialog.getByLabel('所属区').click();
  await pickOption(page, '北京市朝阳区科学技术协会');
  await shot(page, 'user-create-district');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'e2e_chaoyang', exact: true })).toBeVisible();
  await expect(page.getByText('北京市朝阳区科学技术协会').first()).toBeVisible();
});

// 密码重置双人复核 (decision 018): the system administrator asks, the security administrator confirms, the one who
// asked collects the temporary password once.
test('a business account’s password is reset by two administrators', async ({ page, browser }) => {
  await loginAs(page, 'sysadmin');
  await page.getByRole('menuitem', { name: '账户' }).click();
  await expect(page.getByRole('button', { name: '重置 reviewer4 的密码', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '申请重置 reviewer4 的密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('重置原因').fill('本人来电称忘记密码，已核对');
  await dialog.getByRole('button', { name: /提交申请/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('待安全管理员确认', { exact: true })).toBeVisible();

  const sec = await browser.newPage();
  await loginAs(sec, 'secadmin');
  await expect(sec.getByText(/确认或不同意 sysadmin 重置账户 reviewer4 密码的申请/)).toBeVisible();
  await sec.getByRole('menuitem', { name: '账户' }).click();
  await sec.getByRole('button', { name: '确认重置 reviewer4 的密码' }).click();
  // The popconfirm's own 确认: on a busy machine it opens late, and the last button named 确认 on the page was then
  // the row's 确认重置, whose second click closed the popconfirm unconfirmed.
  await sec
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await expect(sec.getByText('已确认，待领取', { exact: true })).toBeVisible();
  await shot(sec, 'password-reset-confirmed');
  await sec.close();

  await page.reload();
  await page.getByRole('button', { name: '领取 reviewer4 的临时密码' }).click();
  await expect(page.getByTestId('temporary-password')).toBeVisible();
  await shot(page, 'password-reset-issued');
});

// The README's screenshots (docs/screenshots), rewritten by every run so they never go stale: the Center's home and
// the KPI dashboard at 1366×768, and the host's ledger on a phone. These run with the demo data as seeded (this
// project runs before the journeys that change it).
test.describe('README screenshots', () => {
  test('the Center home page and the KPI dashboard, at 1366×768', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, 'center');
    await expect(page).toHaveURL(/\/\?year=\d{4}$/);
    await expect(page.getByRole('menuitem', { name: '首页' })).toBeVisible();
    await readmeShot(page, 'home-center');

    await page.getByRole('menuitem', { name: '考核看板' }).click();
    await expect(page.getByRole('heading', { name: '考核看板' })).toBeVisible();
    await expect(page.getByText('各区指标达标率')).toBeVisible();
    await expect(page.getByRole('row', { name: /海淀区“千人进千企”工作站点/ })).toBeVisible();
    await expect(page.locator('canvas')).toHaveCount(2, { timeout: 20_000 });
    await readmeShot(page, 'kpi-dashboard');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('the host’s ledger of events, at 390×844', async ({ page }) => {
      await loginAs(page, 'host', undefined, { shell: false });
      const r = await page.request.get('/api/v1/stations?year=2025&pageSize=5');
      const stationId = ((await r.json()) as { items: Array<{ id: string }> }).items[0].id;
      await page.goto(`/stations/${stationId}/ledger/events`);
      await expect(page.getByRole('button', { name: '新增活动' })).toBeVisible({ timeout: 30_000 });
      // On a phone the ledger is a list of cards, one per event.
      await expect(page.getByRole('list', { name: '活动记录' }).getByRole('listitem').first()).toBeVisible();
      await readmeShot(page, 'host-phone', { screen: true });
    });
  });
});
