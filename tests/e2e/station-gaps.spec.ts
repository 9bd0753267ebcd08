// Issue #13 §4 end to end, on an office PC and a phone: the host's home says what is still missing for the targets
// (待补事项), each item links to the list where it is fixed, filtered to exactly those records, and 清除 shows all.
import { expect, test } from '@playwright/test';
import { hostStation, loginAs, shot } from './fixtures';

for (const vp of [
  { name: 'PC', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`待补事项 on the host's home (${vp.name})`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test('lists what is missing with its article, and a link opens the filtered list', async ({ page }) => {
      await loginAs(page, 'host');
      const stationId = await hostStation(page);
      const gaps = await page.request.get(`/api/v1/stations/${stationId}/gaps`);
      expect(gaps.status()).toBe(200);
      const body = (await gaps.json()) as {
        items: Array<{ kind: string; sentence: string; article: string; link: string; count: number }>;
      };
      expect(body.items.length).toBeGreaterThan(0);

      const list = page.getByRole('list', { name: '待补事项' });
      await expect(list).toBeVisible();
      // What the host reads is what the server computed, item by item, with the article each rests on.
      for (const item of body.items.slice(0, 5)) {
        await expect(list).toContainText(item.sentence);
        await expect(list).toContainText(item.article);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      await shot(page, `gaps-01-home-${vp.name}`);

      const evidence = body.items.find((i) => i.kind === 'evidence');
      expect(evidence, '演示站点应有缺少佐证的活动').toBeDefined();
      await page.getByRole('link', { name: `去处理：${evidence!.sentence}` }).click();
      await expect(page).toHaveURL(/missingEvidence=/);
      await expect(page.getByText(/仅显示：缺少.+的活动（第十三条）/)).toBeVisible();
      const listed = await page.request.get(
        `/api/v1/stations/${stationId}/events?pageSize=1&${new URL(page.url()).searchParams.toString()}`,
      );
      expect(((await listed.json()) as { total: number }).total).toBe(evidence!.count);
      await shot(page, `gaps-02-filtered-${vp.name}`);
      await page.getByRole('button', { name: '清除' }).click();
      await expect(page).not.toHaveURL(/missingEvidence=/);
    });
  });
}
