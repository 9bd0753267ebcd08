// 问题清单 and 追回经费 across inspections (第十九条, violations and recovery 第十八条): the findings of every inspection
// in one list, in the reader's data scope, filtered and paged in SQL, overdue by the Asia/Shanghai calendar until the
// Center closes them, and exported to Excel with the same rows. Same tests on SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { CHAOYANG, CHINESE, demoIds, HAIDIAN } from './support/fixtures';
import { freshFinding, freshOrder, seedInspection } from './support/supervision';

// Moving the clock by weeks ends the sessions (idle timeout): each account signs in again at the new time.
const t: TestApp = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
const ids = await demoIds(t);
afterAll(() => t.close());

const START = '2025-06-15T02:00:00.000Z';
const sessions = new Map<string, string>();
/** The account's session at the clock's time. */
async function as(user: string): Promise<string> {
  let c = sessions.get(user);
  if (!c) {
    c = await t.login(user);
    sessions.set(user, c);
  }
  return c;
}
function at(iso: string): void {
  t.clock.set(iso);
  sessions.clear();
}
afterEach(() => at(START));

const HD = ids.stations.haidian;
const CY = ids.stations.chaoyang;
const BIT = ids.stations.iurBit;

// Two inspections. A: 海淀 and 朝阳 with a rectification each (due 07-31) and a 海淀 violation (no due date) with its
// recovery order (due 08-31). B: a 海淀 rectification already answered (due 06-20) and a closed one of the IUR
// station (海淀 host, no district).
const inspectionA = await seedInspection(t, [HD, CY]);
const inspectionB = await seedInspection(t, [HD, BIT]);
await t.deps.db
  .updateTable('inspections')
  .set({ title: '2025年度第二次计划检查' })
  .where('id', '=', inspectionB)
  .execute();
const f = {
  aHaidian: await freshFinding(t, inspectionA, HD),
  aChaoyang: await freshFinding(t, inspectionA, CY),
  aViolation: await freshFinding(t, inspectionA, HD, 'violation'),
  bResponded: await freshFinding(t, inspectionB, HD),
  bClosed: await freshFinding(t, inspectionB, BIT),
};
await t.deps.db
  .updateTable('inspection_findings')
  .set({ due_on: '2025-06-20', status: 'responded', response: '已补齐材料' })
  .where('id', '=', f.bResponded)
  .execute();
await t.deps.db
  .updateTable('inspection_findings')
  .set({ status: 'closed', closing_note: '已整改到位', description: '活动PPT材料缺失' })
  .where('id', '=', f.bClosed)
  .execute();
const order = await freshOrder(t, f.aViolation, HD, 250_000);
const ALL = Object.values(f);

interface Item {
  id: string;
  inspectionId: string;
  stationId: string;
  districtCode: string | null;
  overdue: boolean;
  status: string;
  description: string;
  stationName: string;
}

async function list(user: string, query = '') {
  const r = await t.call(await as(user), 'GET', `/api/v1/inspection-findings?pageSize=200${query}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as { items: Item[]; total: number; page: number; pageSize: number };
}
const idsOf = (items: Item[]) => items.map((i) => i.id).sort();

describe('GET /api/v1/inspection-findings', () => {
  it('gives the Center the findings of both inspections in one list, with their total and labels', async () => {
    const r = await list('center');
    expect(r.total).toBe(5);
    expect(idsOf(r.items)).toEqual([...ALL].sort());
    expect(new Set(r.items.map((i) => i.inspectionId))).toEqual(new Set([inspectionA, inspectionB]));
    const viol = r.items.find((i) => i.id === f.aViolation)!;
    expect(viol).toMatchObject({
      inspectionId: inspectionA,
      inspectionTitle: '2025年度第一次不定期抽查',
      programYear: 2025,
      stationId: HD,
      districtCode: HAIDIAN,
      districtName: '海淀区',
      kind: 'violation',
      kindLabel: '违规问题',
      ground: 'misappropriation',
      article: '第十八条',
      dueOn: null,
      overdue: false,
      status: 'open',
      statusLabel: '待整改',
      version: 1,
    });
    expect(r.items.find((i) => i.id === f.aHaidian)).toMatchObject({ article: '第十九条', kindLabel: '整改要求' });
    expect(r.items.find((i) => i.id === f.bClosed)).toMatchObject({ districtCode: null, districtName: null });
    // The open ones first, the earliest due date first; the closed one last.
    expect(r.items[0].id).toBe(f.bResponded);
    expect(r.items.at(-1)?.id).toBe(f.bClosed);
  });

  it('overdue=true is exactly the findings past their due date (Asia/Shanghai) that are not closed', async () => {
    expect((await list('center', '&overdue=true')).total).toBe(0);

    at('2025-06-25T02:00:00.000Z');
    const early = await list('center', '&overdue=true');
    // Answered but not closed: still overdue (the Center may send it back).
    expect(idsOf(early.items)).toEqual([f.bResponded]);

    // 23:30 on 07-31 in Beijing: the 07-31 findings are not yet overdue; half an hour later they are.
    at('2025-07-31T15:30:00.000Z');
    expect((await list('center', '&overdue=true')).total).toBe(1);
    at('2025-07-31T16:30:00.000Z');
    const late = await list('center', '&overdue=true');
    expect(idsOf(late.items)).toEqual([f.aHaidian, f.aChaoyang, f.bResponded].sort());
    expect(late.items.every((i) => i.overdue && i.status !== 'closed')).toBe(true);

    // The complement, and the rows' flag agrees with the filter.
    const rest = await list('center', '&overdue=false');
    expect(idsOf(rest.items)).toEqual([f.aViolation, f.bClosed].sort());
    const all = await list('center');
    expect(idsOf(all.items.filter((i) => i.overdue))).toEqual(idsOf(late.items));
    // The same rule on the inspection page.
    const a = await t.call(await as('center'), 'GET', `/api/v1/inspections/${inspectionA}`);
    expect(
      a.json.findings
        .filter((x: Item) => x.overdue)
        .map((x: Item) => x.id)
        .sort(),
    ).toEqual([f.aHaidian, f.aChaoyang].sort());
  });

  it('filters by status, kind, year, district and a search of station name or description (case-insensitive)', async () => {
    expect(idsOf((await list('center', '&status=closed')).items)).toEqual([f.bClosed]);
    expect(idsOf((await list('center', '&status=responded')).items)).toEqual([f.bResponded]);
    expect(idsOf((await list('center', '&kind=violation')).items)).toEqual([f.aViolation]);
    expect((await list('center', '&year=2025')).total).toBe(5);
    expect((await list('center', '&year=2024')).total).toBe(0);
    expect(idsOf((await list('center', `&districtCode=${CHAOYANG}`)).items)).toEqual([f.aChaoyang]);
    expect(idsOf((await list('center', '&q=ppt')).items)).toEqual([f.bClosed]);
    expect(idsOf((await list('center', `&q=${encodeURIComponent('挪用')}`)).items)).toEqual([f.aViolation]);
    const cyName = (
      await t.deps.db.selectFrom('stations').select('name').where('id', '=', CY).executeTakeFirstOrThrow()
    ).name;
    expect(idsOf((await list('center', `&q=${encodeURIComponent(cyName)}`)).items)).toEqual([f.aChaoyang]);
    expect((await list('center', '&status=open&kind=rectification&overdue=false')).total).toBe(2);
  });

  it('a district sees only its district’s findings, a host only its own stations’, an auditor its assigned ones', async () => {
    const d = await list('haidian');
    expect(idsOf(d.items)).toEqual([f.aHaidian, f.aViolation, f.bResponded].sort());
    expect(d.items.every((i) => i.districtCode === HAIDIAN)).toBe(true);
    expect(d.total).toBe(3);

    const h = await list('host');
    expect(new Set(h.items.map((i) => i.stationId))).toEqual(new Set([HD]));
    expect(h.total).toBe(3);
    // A filter cannot widen the scope.
    expect((await list('host', `&districtCode=${CHAOYANG}`)).total).toBe(0);
    expect((await list('haidian', `&districtCode=${CHAOYANG}`)).total).toBe(0);

    // The demo auditor is assigned the 朝阳 station.
    expect(idsOf((await list('auditor')).items)).toEqual([f.aChaoyang]);

    // A reviewer reads no station data.
    const rv = await t.call(await as('reviewer'), 'GET', '/api/v1/inspection-findings');
    expect(rv.status).toBe(403);
  });

  it('pages in SQL: the totals stay, the pages hold every row once', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const r = await t.call(await as('center'), 'GET', `/api/v1/inspection-findings?pageSize=2&page=${page}`);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ total: 5, page, pageSize: 2 });
      expect(r.json.items).toHaveLength(page === 3 ? 1 : 2);
      seen.push(...r.json.items.map((i: Item) => i.id));
    }
    expect([...seen].sort()).toEqual([...ALL].sort());
    const beyond = await t.call(await as('center'), 'GET', '/api/v1/inspection-findings?pageSize=2&page=4');
    expect(beyond.json).toMatchObject({ items: [], total: 5 });
    const d = await t.call(await as('haidian'), 'GET', '/api/v1/inspection-findings?pageSize=2&page=2');
    expect(d.json).toMatchObject({ total: 3 });
    expect(d.json.items).toHaveLength(1);
  });

  it('refuses a bad query with a Chinese message naming the field', async () => {
    for (const q of ['status=foo', 'kind=audit', 'overdue=yes', 'year=abc', 'districtCode=haidian', 'pageSize=500']) {
      const r = await t.call(await as('center'), 'GET', `/api/v1/inspection-findings?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.error.message, q).toMatch(CHINESE);
      const field = q.split('=')[0];
      const issue = r.json.error.issues?.find((i: { path: string }) => i.path === field);
      expect(issue?.message, q).toMatch(CHINESE);
    }
    const r = await t.call(await as('center'), 'GET', '/api/v1/inspection-findings?status=foo');
    expect(r.json.error.issues[0].message).toContain('问题状态');
  });
});

describe('GET /api/v1/inspection-findings/export', () => {
  async function rowsOf(res: Response): Promise<string[][]> {
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const out: string[][] = [];
    ws.eachRow((row) => {
      out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    return out;
  }

  it('is an xlsx of the same rows as the filtered list, in the same order', async () => {
    at('2025-08-01T02:00:00.000Z');
    for (const [user, query] of [
      ['center', 'overdue=true'],
      ['center', ''],
      ['haidian', 'year=2025'],
    ] as const) {
      const l = await list(user, query ? `&${query}` : '');
      const r = await t.call(await as(user), 'GET', `/api/v1/inspection-findings/export?${query}`);
      expect(r.status).toBe(200);
      expect(r.res.headers.get('content-disposition')).toContain('.xlsx');
      const [header, ...rows] = await rowsOf(r.res);
      expect(header).toContain('问题描述');
      const station = header.indexOf('工作站点');
      const description = header.indexOf('问题描述');
      const overdue = header.indexOf('是否逾期');
      expect(rows.map((x) => [x[station], x[description], x[overdue]])).toEqual(
        l.items.map((i) => [i.stationName, i.description, i.overdue ? '已逾期' : '']),
      );
      expect(rows).toHaveLength(l.total);
    }
  });

  it('refuses a bad query too, and is out of a reviewer’s reach', async () => {
    const bad = await t.call(await as('center'), 'GET', '/api/v1/inspection-findings/export?status=foo');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(CHINESE);
    expect((await t.call(await as('reviewer'), 'GET', '/api/v1/inspection-findings/export')).status).toBe(403);
  });
});

describe('GET /api/v1/recoveries (第十八条)', () => {
  it('filters by year and overdue, pages, and keeps the owed amount', async () => {
    const r = await t.call(await as('center'), 'GET', '/api/v1/recoveries?year=2025');
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(1);
    expect(r.json.items[0]).toMatchObject({
      id: order,
      amountFen: 250_000,
      paidFen: 0,
      owedFen: 250_000,
      dueOn: '2025-08-31',
      overdue: false,
    });
    expect((await t.call(await as('center'), 'GET', '/api/v1/recoveries?year=2024')).json.total).toBe(0);
    expect((await t.call(await as('center'), 'GET', '/api/v1/recoveries?overdue=true')).json.total).toBe(0);
    expect((await t.call(await as('center'), 'GET', '/api/v1/recoveries?overdue=false')).json.total).toBe(1);

    at('2025-09-01T02:00:00.000Z');
    const late = await t.call(await as('center'), 'GET', '/api/v1/recoveries?overdue=true&page=1&pageSize=10');
    expect(late.json).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(late.json.items[0]).toMatchObject({ id: order, overdue: true });
    expect((await t.call(await as('center'), 'GET', '/api/v1/recoveries?overdue=false')).json.total).toBe(0);
    // Existing callers without the new filters see every order.
    expect((await t.call(await as('center'), 'GET', '/api/v1/recoveries')).json.total).toBe(1);

    const bad = await t.call(await as('center'), 'GET', '/api/v1/recoveries?overdue=1');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(CHINESE);
  });

  it('a district and a host read the orders of their own stations only; a reviewer none (整改与追回)', async () => {
    const other = await freshOrder(t, await freshFinding(t, inspectionA, CY, 'violation'), CY, 100_000);
    const all = await t.call(await as('center'), 'GET', '/api/v1/recoveries');
    expect(all.json.items.map((o: { id: string }) => o.id).sort()).toEqual([order, other].sort());
    for (const who of ['haidian', 'host']) {
      const mine = await t.call(await as(who), 'GET', '/api/v1/recoveries');
      expect(mine.status, who).toBe(200);
      expect(
        mine.json.items.map((o: { id: string }) => o.id),
        who,
      ).toEqual([order]);
    }
    expect((await t.call(await as('reviewer'), 'GET', '/api/v1/recoveries')).status).toBe(403);
    // Issuing and settling orders stays the Center's (第十八条).
    const issue = await t.call(await as('haidian'), 'POST', '/api/v1/recoveries', {});
    expect(issue.status).toBe(403);
  });
});
