// The KPI drill-down filters 计入/未计入 in SQL over all the station's records (not one page), and groups the records
// that do not count by reason. Each KPI is walked page by page (two rows a page, fewer than its records) under the
// three filters; the counted records must also be the ones the KPI engine counts (GET /kpis), which works apart.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_REASON_LABELS } from '../../src/shared/labels';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
const station = ids.stations.haidian;
afterAll(() => t.close());

const PAGE = 2;

interface Row {
  id: string;
  kind: string;
  date: string | null;
  counted: boolean;
  reason: string | null;
  reasonLabel: string | null;
}
interface Body {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
  countedTotal: number;
  notCountedTotal: number;
  reasons: Array<{ reason: string; label: string; count: number }>;
}

let host: string;
let period: { start: string; end: string };

/** Every page of a KPI's records under a filter, checking that the figures beside the rows stay the same. */
async function walk(kpi: string, counted?: boolean): Promise<{ rows: Row[]; first: Body }> {
  const rows: Row[] = [];
  let first: Body | null = null;
  for (let page = 1; page < 100; page++) {
    const q = `page=${page}&pageSize=${PAGE}${counted === undefined ? '' : `&counted=${counted}`}`;
    const r = await t.call(host, 'GET', `/api/v1/stations/${station}/kpis/${kpi}/records?${q}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const body = r.json as Body;
    first ??= body;
    expect({ ...body, items: [], page: 1 }).toEqual({ ...first, items: [] });
    expect(body.items.length).toBeLessThanOrEqual(PAGE);
    rows.push(...body.items);
    if (body.items.length < PAGE) break;
  }
  if (!first) throw new Error('no page');
  return { rows, first };
}

const key = (r: Row) => `${r.kind}:${r.id}`;
const byReason = (rows: Row[]) => {
  const m: Record<string, number> = {};
  for (const r of rows) if (r.reason) m[r.reason] = (m[r.reason] ?? 0) + 1;
  return m;
};

/** The three filters agree with each other over all pages; answers the three walks for KPI-specific checks. */
async function checkFilters(kpi: string) {
  const all = await walk(kpi);
  const yes = await walk(kpi, true);
  const no = await walk(kpi, false);

  expect(all.rows.length).toBe(all.first.total);
  expect(new Set(all.rows.map(key)).size).toBe(all.rows.length);

  expect(yes.rows.every((r) => r.counted && r.reason === null && r.reasonLabel === null)).toBe(true);
  expect(yes.rows.length).toBe(yes.first.total);
  expect(yes.first.total).toBe(all.first.countedTotal);
  expect(yes.first.total).toBe(all.rows.filter((r) => r.counted).length);

  expect(no.rows.every((r) => !r.counted && r.reason !== null)).toBe(true);
  expect(no.rows.length).toBe(no.first.total);
  expect(no.first.total).toBe(all.first.notCountedTotal);
  expect(no.first.total).toBe(all.rows.filter((r) => !r.counted).length);

  // More records than a page under each filter, so that a filter of one page would show.
  expect(yes.first.total).toBeGreaterThan(PAGE);
  expect(no.first.total).toBeGreaterThan(PAGE);
  expect(yes.first.total + no.first.total).toBe(all.first.total);
  expect([...yes.rows, ...no.rows].map(key).sort()).toEqual(all.rows.map(key).sort());

  // The reasons are of the whole KPI, the same under every filter, and count the rows of each reason.
  const reasons = Object.fromEntries(all.first.reasons.map((r) => [r.reason, r.count]));
  expect(reasons).toEqual(byReason(no.rows));
  expect(reasons).toEqual(byReason(all.rows));
  for (const r of all.first.reasons) expect(r.label).toBe(KPI_REASON_LABELS[r.reason]);
  for (const r of no.rows) expect(r.reasonLabel).toBe(KPI_REASON_LABELS[r.reason ?? '']);
  expect(all.first.reasons.reduce((a, r) => a + r.count, 0)).toBe(all.first.notCountedTotal);
  expect(yes.first.reasons).toEqual(all.first.reasons);
  expect(no.first.reasons).toEqual(all.first.reasons);
  return { all, yes, no, reasons };
}

/** The KPI engine's figure (a count), computed apart from the drill-down. */
async function actual(kpi: string): Promise<number> {
  const r = await t.call(host, 'GET', `/api/v1/stations/${station}/kpis`);
  expect(r.status).toBe(200);
  const row = (r.json.kpis as Array<{ id: string; actual: number }>).find((k) => k.id === kpi);
  if (!row) throw new Error(`no KPI ${kpi}`);
  return row.actual;
}

const stamp = { created_at: '2025-06-15T02:00:00.000Z', updated_at: '2025-06-15T02:00:00.000Z', version: 1 };

beforeAll(async () => {
  host = await t.login('host');
  const db = t.deps.db;
  const s = await db.selectFrom('stations').selectAll().where('id', '=', station).executeTakeFirstOrThrow();
  period = { start: s.period_start, end: s.period_end };

  // Events before and after the period (the generated year has none).
  const ev = await db.selectFrom('events').selectAll().where('station_id', '=', station).executeTakeFirstOrThrow();
  for (const [i, date] of ['2025-01-15', '2025-03-31', '2026-01-01'].entries()) {
    await db
      .insertInto('events')
      .values({ ...ev, ...stamp, id: randomUUID(), ref: `OUT-${i}`, title: `期外活动 ${i}`, date })
      .execute();
  }

  // Cooperations: with content in the period (counted), blank (第七条: 具体合作内容), and outside the period while
  // blank too (the period comes first).
  const co = await db
    .selectFrom('cooperations')
    .selectAll()
    .where('station_id', '=', station)
    .executeTakeFirstOrThrow();
  const cooperations = [
    { date: '2025-05-01', has_content: 1 },
    { date: '2025-05-02', has_content: 1 },
    { date: '2025-05-03', has_content: 0 },
    { date: '2025-05-04', has_content: 0 },
    { date: '2026-02-01', has_content: 0 },
  ];
  for (const [i, c] of cooperations.entries()) {
    await db
      .insertInto('cooperations')
      .values({ ...co, ...stamp, ...c, id: randomUUID(), title: `合作 ${i}`, content: c.has_content ? '共建' : ' ' })
      .execute();
  }

  // A contact in the period under a code whose check character is wrong.
  const ct = await db.selectFrom('contacts').selectAll().where('station_id', '=', station).executeTakeFirstOrThrow();
  await db
    .insertInto('contacts')
    .values({ ...ct, ...stamp, id: randomUUID(), uscc: '91110108MA00000000', date: '2025-06-01' })
    .execute();

  // Three more 需求分析报告: one as long as the longest (a tie: only one report counts), a shorter one, an empty one.
  const rp = await db
    .selectFrom('reports')
    .selectAll()
    .where('station_id', '=', station)
    .where('kind', '=', 'demand_analysis')
    .executeTakeFirstOrThrow();
  for (const [i, words] of [rp.word_count, 100, 0].entries()) {
    await db
      .insertInto('reports')
      .values({ ...rp, ...stamp, id: randomUUID(), title: `报告 ${i}`, word_count: words, attachment_id: null })
      .execute();
  }
});

describe('GET /stations/{id}/kpis/{kpiId}/records?counted=', () => {
  it('events: the records outside the period do not count, on every page of 未计入 and none of 计入', async () => {
    const { yes, no, reasons } = await checkFilters('events');
    expect(reasons).toEqual({ outside_period: 3 });
    expect(no.rows.every((r) => r.date !== null && (r.date < period.start || r.date > period.end))).toBe(true);
    expect(yes.rows.every((r) => r.date !== null && r.date >= period.start && r.date <= period.end)).toBe(true);
    expect(yes.first.total).toBe(await actual('events'));
  });

  it('cooperations: a blank one does not count (第七条), and outside the period that reason comes first', async () => {
    const { yes, reasons } = await checkFilters('cooperations');
    // the generated year has one blank cooperation in the period
    expect(reasons).toEqual({ no_content: 3, outside_period: 1 });
    expect(yes.first.total).toBe(await actual('cooperations'));
    expect(yes.first.total).toBe(3);
  });

  it('key enterprises, 专精特新: not SRDI, not contacted in the period, or of another district', async () => {
    const { yes, reasons } = await checkFilters('key_enterprises_srdi');
    expect(Object.keys(reasons).sort()).toEqual(['no_contact', 'not_srdi', 'other_district']);
    expect(yes.first.total).toBe(await actual('key_enterprises_srdi'));
  });

  it('enterprises contacted: an invalid code is its own reason; the counted ones are the KPI’s', async () => {
    const { yes, reasons } = await checkFilters('enterprises_contacted');
    expect(reasons.invalid_uscc).toBe(1);
    expect(reasons.other_district).toBeGreaterThan(0);
    expect(yes.first.total).toBe(await actual('enterprises_contacted'));
  });

  it('reports: one report of a kind counts, even when another is as long and on another page', async () => {
    const all = await walk('report_demand_analysis');
    const yes = await walk('report_demand_analysis', true);
    const no = await walk('report_demand_analysis', false);
    expect(all.first.total).toBe(4);
    expect(yes.rows).toHaveLength(1);
    expect(yes.first.total).toBe(1);
    expect(no.rows).toHaveLength(3);
    expect(no.first.total).toBe(3);
    expect(Object.fromEntries(all.first.reasons.map((r) => [r.reason, r.count]))).toEqual({ shorter: 2, empty: 1 });
    expect(all.rows.filter((r) => r.counted).map(key)).toEqual(yes.rows.map(key));
  });

  it('refuses a `counted` that is neither true nor false, naming the field in Chinese', async () => {
    const r = await t.call(host, 'GET', `/api/v1/stations/${station}/kpis/events/records?counted=maybe`);
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([{ path: 'counted', message: expect.stringContaining('是否计入') }]);
  });
});
