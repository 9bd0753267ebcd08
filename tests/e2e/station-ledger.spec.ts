// Issue #3 end to end: a host records an event with two experts and a photo, uploads a Word report and sees its
// 字数; its KPI page moves; the Center's dashboard shows it; a district user cannot download another district's
// evidence. Runs in the data-changing project (after the read-only journeys).
import { expect, type Page, test } from '@playwright/test';
import { samplePng } from '../../src/server/demo/sample-png';
import { minimalDocx } from '../setup/docx';
import { browserErrors, hostStation, loginAs, pickOption, shot } from './fixtures';

const EVENT_TITLE = '智能制造专家企业行（端到端测试）';
const REPORT_TEXT = ['海淀区企业需求分析', '我们在2025年完成了AI项目。'];

interface Kpi {
  id: string;
  actual: number;
}
async function kpis(page: Page, stationId: string): Promise<Record<string, number>> {
  const r = await page.request.get(`/api/v1/stations/${stationId}/kpis`);
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { kpis: Kpi[] };
  return Object.fromEntries(body.kpis.map((k) => [k.id, k.actual]));
}

const dialog = (page: Page) => page.locator('.ant-modal:visible');

test('a host records an event with two experts and a photo, uploads a Word report, and the KPIs move', async ({
  page,
}) => {
  // The Content-Security-Policy (issue #11): a blocked style, script or image shows here as a console error.
  const errors = browserErrors(page);
  await loginAs(page, 'host');
  // The host sees its own station first thing after signing in.
  await expect(page.getByRole('button', { name: '查看考核指标' })).toBeVisible();
  await shot(page, 'ledger-01-host-home');
  const stationId = await hostStation(page);
  const before = await kpis(page, stationId);

  await page.goto(`/stations/${stationId}/ledger/events`);
  await page.getByRole('button', { name: '新增活动' }).click();
  await dialog(page).getByLabel('活动名称').fill(EVENT_TITLE);
  await dialog(page).getByLabel('活动日期').fill('2025-10-20');
  await dialog(page).getByLabel('活动日期').press('Enter');
  await dialog(page).getByLabel('活动地点').fill('中关村软件园');
  await dialog(page).getByLabel('到场专家').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  await options.nth(0).click();
  await options.nth(1).click();
  await page.keyboard.press('Escape');
  await shot(page, 'ledger-02-event-form');
  await dialog(page)
    .getByRole('button', { name: /^保\s*存$/ })
    .click();
  await expect(page.locator('.ant-message-notice').last()).toContainText('已保存');
  await expect(dialog(page)).toHaveCount(0);

  // The photo, as evidence of the event (第十三条); it shows as a thumbnail.
  await page.getByLabel('搜索活动').fill('端到端测试');
  await page.getByLabel('搜索活动').press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(EVENT_TITLE) })).toBeVisible();
  await page.getByRole('button', { name: '查看' }).first().click();
  await page.locator('section[aria-label="活动照片"] input[type=file]').setInputFiles({
    name: '现场照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from(samplePng(120, 80, 40)),
  });
  await expect(page.locator('section[aria-label="活动照片"] img')).toBeVisible();
  await shot(page, 'ledger-03-event-photo');

  // A Word report: its text is taken out and counted (字数, docs/ledger-format.md).
  await page.goto(`/stations/${stationId}/ledger/reports`);
  await page.getByRole('button', { name: '上传 Word 报告' }).click();
  await dialog(page)
    .locator('input[type=file]')
    .setInputFiles({
      name: '企业需求分析报告.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(minimalDocx(REPORT_TEXT)),
    });
  await dialog(page).getByLabel('报告类型').click();
  await pickOption(page, '企业需求分析报告');
  await dialog(page).getByLabel('报告标题').fill('企业需求分析报告（端到端测试）');
  await dialog(page)
    .getByRole('button', { name: /上\s*传/ })
    .click();
  // 9 字 for the heading, 12 for the sentence (the docs/ledger-format.md example).
  await expect(page.locator('.ant-message-notice').last()).toContainText('字数 21');
  await shot(page, 'ledger-04-report-uploaded');

  // The KPI page moved: one more event, two more expert person-times (第七条).
  const after = await kpis(page, stationId);
  expect(after.events).toBe(before.events + 1);
  expect(after.expert_person_times).toBe(before.expert_person_times + 2);
  await page.goto(`/stations/${stationId}/kpis`);
  const eventsRow = page.getByRole('row', { name: /举办需求征集会、需求对接会等活动/ });
  await expect(eventsRow).toContainText(`${after.events} 场`);
  await expect(eventsRow).toContainText('第七条');
  await eventsRow.getByRole('button', { name: /明细/ }).click();
  await expect(page.locator('.ant-drawer-open')).toContainText(EVENT_TITLE);
  await shot(page, 'ledger-05-kpi-drilldown');
  expect(errors).toEqual([]);
});

test('the Center’s dashboard shows the station’s new figures', async ({ page }) => {
  const errors = browserErrors(page);
  await loginAs(page, 'center');
  const stations = await (
    await page.request.get('/api/v1/stations?year=2025&districtCode=110108&type=district_a')
  ).json();
  const haidian = stations.items[0] as { id: string; name: string };
  const now = await kpis(page, haidian.id);
  await page.goto('/kpi-dashboard');
  // Another journey may have opened a later year, which the dashboard shows first.
  await page.getByRole('combobox', { name: '项目年度' }).click();
  await pickOption(page, '2025 年度');
  const row = page.getByRole('row', { name: new RegExp(haidian.name.slice(0, 3)) }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(`${now.events}/4`);
  await expect(page.getByText('各区指标达标率')).toBeVisible();
  await expect(page.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  await shot(page, 'ledger-06-dashboard');
  expect(errors).toEqual([]);
});

test('a district user cannot download another district’s evidence', async ({ page }) => {
  await loginAs(page, 'center');
  const list = await (await page.request.get('/api/v1/stations?year=2025&districtCode=110105')).json();
  const chaoyang = list.items[0].id as string;
  const events = await (await page.request.get(`/api/v1/stations/${chaoyang}/events?pageSize=50`)).json();
  const withFile = (events.items as Array<{ evidence: Array<{ attachmentId: string | null }> }>)
    .flatMap((e) => e.evidence)
    .find((e) => e.attachmentId);
  expect(withFile, 'the demo data gives each station a photo').toBeTruthy();
  const url = `/api/v1/stations/${chaoyang}/attachments/${withFile!.attachmentId}`;
  expect((await page.request.get(url)).status()).toBe(200);

  await page.context().clearCookies();
  await loginAs(page, 'haidian');
  const refused = await page.request.get(url);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain('PNG');
  // Nor through the station's pages.
  await page.goto(`/stations/${chaoyang}/ledger/events`);
  await expect(page.getByText('工作站点不存在或您无权查看')).toBeVisible();
  await shot(page, 'ledger-07-district-refused');
});
