import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

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
  // The shell (antd, the menu) loads lazily after sign-in; on a busy 2-core machine that can take seconds.
  if (opts.shell) await expect(page.getByRole('menu').first()).toBeVisible({ timeout: 30_000 });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
