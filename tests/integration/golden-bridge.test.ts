// 金桥工程-助推计划 (第九条, issue #5): candidates are district stations' landed outcomes that hosts mark in their
// ledger; the Center reviews each and keeps the list of those it recommends, exported as Excel.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

const outcomeOf = async (stationId: string) =>
  await t.deps.db
    .selectFrom('outcomes')
    .select(['id', 'title'])
    .where('station_id', '=', stationId)
    .orderBy('id')
    .executeTakeFirstOrThrow();

let haidianOutcome: { id: string; title: string };
let center: string;
beforeAll(async () => {
  await t.deps.db.updateTable('outcomes').set({ golden_bridge: 0 }).execute();
  haidianOutcome = await outcomeOf(ids.stations.haidian);
  const chaoyang = await outcomeOf(ids.stations.chaoyang);
  const iur = await outcomeOf(ids.stations.iurBit);
  await t.deps.db
    .updateTable('outcomes')
    .set({ golden_bridge: 1 })
    .where('id', 'in', [haidianOutcome.id, chaoyang.id, iur.id])
    .execute();
  center = await t.login('center');
});

describe('金桥工程 candidates', () => {
  it('lists district stations’ marked outcomes only, each role within its scope', async () => {
    const all = await t.call(center, 'GET', '/api/v1/golden-bridge');
    expect(all.status).toBe(200);
    // The IUR station is not a district station (第九条).
    expect(all.json.items.map((c: { stationId: string }) => c.stationId).sort()).toEqual(
      [ids.stations.haidian, ids.stations.chaoyang].sort(),
    );
    expect(all.json.items.every((c: { statusLabel: string }) => c.statusLabel === '待审核')).toBe(true);
    const district = await t.call(await t.login('haidian'), 'GET', '/api/v1/golden-bridge');
    expect(district.json.items.map((c: { stationId: string }) => c.stationId)).toEqual([ids.stations.haidian]);
    const host = await t.login('host');
    expect((await t.call(host, 'GET', '/api/v1/golden-bridge')).json.total).toBe(1);
    const refused = await t.call(host, 'POST', `/api/v1/golden-bridge/${haidianOutcome.id}/review`, {
      recommend: true,
      version: null,
    });
    expect(refused.status).toBe(403);
  });

  it('the Center recommends with a comment; a stale review is refused; the export holds the decision', async () => {
    const staff = await t.login('staff');
    const r = await t.call(staff, 'POST', `/api/v1/golden-bridge/${haidianOutcome.id}/review`, {
      recommend: true,
      comment: '成果转化效果显著',
      version: null,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ recommended: true, statusLabel: '推荐', reviewVersion: 1 });
    const stale = await t.call(center, 'POST', `/api/v1/golden-bridge/${haidianOutcome.id}/review`, {
      recommend: false,
      // 第九条: a 不推荐 needs its reason; with one, only the stale version is wrong.
      comment: '与第九条要求不符',
      version: null,
    });
    expect(stale.status).toBe(409);
    const pending = await t.call(center, 'GET', '/api/v1/golden-bridge?status=pending');
    expect(pending.json.items.map((c: { stationId: string }) => c.stationId)).toEqual([ids.stations.chaoyang]);
    const exp = await t.call(center, 'GET', '/api/v1/golden-bridge/export?status=recommended');
    expect(exp.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exp.res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(3).value)).toBe(haidianOutcome.title);
    expect(String(ws.getRow(2).getCell(7).value)).toBe('推荐');
  });

  it('an outcome that is not a candidate cannot be reviewed', async () => {
    const other = await t.deps.db
      .selectFrom('outcomes')
      .select('id')
      .where('golden_bridge', '=', 0)
      .executeTakeFirstOrThrow();
    const r = await t.call(center, 'POST', `/api/v1/golden-bridge/${other.id}/review`, {
      recommend: true,
      version: null,
    });
    expect(r.status).toBe(404);
  });
});
