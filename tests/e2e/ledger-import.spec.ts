// Issue #13 §1 end to end, on an office PC and a phone: a host imports the station's own Excel export again. The
// preview says per sheet 新增 0 / 更新 0 / 未变 N before anything is written, the import (merge, the default) changes
// nothing, and every uploaded evidence file stays on its event. Replace is a separate choice with its own preview.
import { expect, type Page, test } from '@playwright/test';
import { samplePng } from '../../src/server/demo/sample-png';
import { hostStation, loginAs, pressConfirm, shot } from './fixtures';

/** The uploaded evidence files of the station's events, as ids: what a re-import must never detach. */
async function evidenceFiles(page: Page, stationId: string): Promise<string[]> {
  const r = await page.request.get(`/api/v1/stations/${stationId}/events?pageSize=100`);
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { items: Array<{ evidence: Array<{ id: string; attachmentId: string | null }> }> };
  return body.items
    .flatMap((e) => e.evidence)
    .filter((v) => v.attachmentId)
    .map((v) => v.id)
    .sort();
}

for (const vp of [
  { name: 'PC', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`re-importing the station’s own export (${vp.name})`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test('the preview shows nothing to change, the import keeps every file, replace previews its deletions', async ({
      page,
    }) => {
      await loginAs(page, 'host');
      const stationId = await hostStation(page);
      const events = await page.request.get(`/api/v1/stations/${stationId}/events?pageSize=1`);
      const eventId = ((await events.json()) as { items: Array<{ id: string }> }).items[0].id;
      const up = await page.request.post(
        `/api/v1/stations/${stationId}/events/${eventId}/evidence?kind=photo&fileName=${vp.name}.png`,
        { headers: { 'content-type': 'application/octet-stream' }, data: Buffer.from(samplePng(16, 12)) },
      );
      expect(up.status()).toBe(201);
      const filesBefore = await evidenceFiles(page, stationId);
      expect(filesBefore.length).toBeGreaterThan(0);

      const exported = await page.request.get(`/api/v1/stations/${stationId}/ledger/xlsx`);
      expect(exported.status()).toBe(200);
      const bytes = await exported.body();

      await page.goto(`/stations/${stationId}/import`);
      await expect(page.getByText('默认“合并导入”')).toBeVisible();
      await page.locator('input[type=file]').setInputFiles({
        name: '站点台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bytes,
      });
      const preview = page.getByText(/校验通过。导入预览（合并导入）：新增 0 条，更新 0 条，未变 \d+ 条/);
      await expect(preview).toBeVisible({ timeout: 30_000 });
      await expect(page.getByLabel('导入预览')).toContainText('活动');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      await shot(page, `import-01-preview-${vp.name}`);

      await page.getByRole('button', { name: '确认导入' }).click();
      await pressConfirm(page, '确认导入');
      await expect(page.getByText(/导入完成（合并导入）：新增 0 条，更新 0 条/)).toBeVisible({ timeout: 30_000 });
      expect(await evidenceFiles(page, stationId)).toEqual(filesBefore);
      await shot(page, `import-02-done-${vp.name}`);

      // Replace is its own choice: the same file deletes nothing, and the preview says so before any write.
      await page.goto(`/stations/${stationId}/import`);
      await page.locator('input[type=file]').setInputFiles({
        name: '站点台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bytes,
      });
      await expect(page.getByText(/校验通过。导入预览（合并导入）/)).toBeVisible({ timeout: 30_000 });
      await page.getByText('替换现有台账（删除文件中没有的记录）').click();
      await expect(page.getByText(/校验通过。导入预览（替换现有台账）：.*删除 0 条/)).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.getByRole('button', { name: '替换导入…' })).toBeVisible();
      expect(await evidenceFiles(page, stationId)).toEqual(filesBefore);
    });
  });
}
