import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'Qianqi@2025';
export const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });

export async function loginAs(
  page: Page,
  username: string,
  password = PASSWORD,
  opts = { shell: true },
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
  // The shell (antd, the menu) loads lazily after sign-in; on a busy 2-core machine that can take seconds. On a phone
  // the menu is a closed drawer, opened by the header's 菜单 button.
  if (opts.shell) {
    const shell = page.getByRole('menu').or(page.getByRole('button', { name: '菜单', exact: true }));
    await expect(shell.first()).toBeVisible({ timeout: 30_000 });
  }
}

/** A screenshot as the user sees it: the whole page, or just the viewport while a dialog is open over it. */
export async function shot(page: Page, name: string): Promise<void> {
  const dialogOpen = (await page.locator('.ant-modal:visible, .ant-drawer-open').count()) > 0;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: !dialogOpen });
}

/** Where the README's screenshots live; the e2e run rewrites them, so they always show the app as it is. */
export const README_SHOTS = 'docs/screenshots';

/**
 * A README screenshot, docs/screenshots/<name>.png, once the page has fully loaded: no request in flight, fonts
 * ready, no spinner or skeleton, charts done with their entry animation. The whole page by default; `screen` keeps
 * just the viewport (what a phone shows without scrolling).
 */
export async function readmeShot(page: Page, name: string, opts: { screen?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active, .boot-loading')).toHaveCount(0);
  // ECharts draws on a canvas and animates for about a second after its data arrives.
  if (await page.locator('canvas').count()) await page.waitForTimeout(1500);
  await page.mouse.move(0, 0); // no hover highlight from the last click
  await page.screenshot({ path: `${README_SHOTS}/${name}.png`, fullPage: !opts.screen, animations: 'disabled' });
}

/**
 * What the browser reports as an error while the test runs: console errors (a failed request's "Failed to load
 * resource: … 401" among them) and uncaught exceptions. Read it at the end: `expect(errors).toEqual([])`.
 */
export function browserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

/** Picks an option in the antd Select dropdown that is open now, after its opening animation, and waits for it to close. */
export async function pickOption(page: Page, title: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const option = dropdown.locator('.ant-select-item-option').filter({ has: page.getByTitle(title, { exact: true }) });
  const item = option.count().then((n) => (n ? option.first() : dropdown.getByTitle(title, { exact: true })));
  const target = await item;
  await expect(target).toBeVisible();
  // A click while the dropdown still slides in can land beside the moving option (seen on a loaded CI machine): wait
  // until antd's enter/appear motion classes are gone, then the short settle as before.
  await expect(dropdown).not.toHaveClass(/-(enter|appear)(\s|$|-)/);
  await page.waitForTimeout(150);
  await target.click();
  await expect(dropdown).toBeHidden();
}

/**
 * Presses a button of the confirmation dialog that is open now. A click during the dialog's zoom-in animation can be
 * lost (seen once in CI), so this waits for the animation to end, and then for the dialog to close.
 */
export async function pressConfirm(page: Page, button: string | RegExp): Promise<void> {
  const confirm = page.locator('.ant-modal-confirm:visible').last();
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toHaveClass(/zoom-(appear|enter)/);
  await confirm.getByRole('button', { name: button }).click();
  await expect(page.locator('.ant-modal-confirm:visible')).toHaveCount(0);
}

/** The signed-in host's own station (the first the API lists for 2025). */
export async function hostStation(page: Page): Promise<string> {
  const r = await page.request.get('/api/v1/stations?year=2025&pageSize=5');
  return ((await r.json()) as { items: Array<{ id: string }> }).items[0].id;
}

/** Picks `title` in an antd Select, waiting for the dropdown's entry animation so the click lands on the option. */
export async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${title}$`) });
  await expect(option.first()).toBeVisible();
  await expect(dropdown).not.toHaveClass(/slide-up-(appear|enter)/);
  await option.first().click();
  await expect(dropdown).toBeHidden();
}
