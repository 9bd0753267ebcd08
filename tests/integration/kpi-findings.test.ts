// Record findings in SQL (issue #11; decision 015): the ref of an out-of-period record is its index among ALL the
// station's records of its array in ledger order — the same as `countLedger` in memory — and finding it costs work
// in proportion to the station's records. The former statement counted the smaller ids once per out-of-period
// record: 12,700 such contacts took seconds (minutes on a loaded machine) and, on SQLite, stalled every request.
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLedger } from '../../src/domain/kpi/from-ledger';
import { type LedgerInput, ledgerSchema } from '../../src/domain/ledger/schema';
import { generateLedger } from '../../src/server/demo/ledger-generator';
import { recordFindings, recordFindingsQuery } from '../../src/server/features/kpis/kpis.queries';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

const INDEXED = ['contacts', 'pressReleases', 'cooperations', 'outcomes', 'achievements'] as const;
const TABLES = ['contacts', 'press_releases', 'cooperations', 'outcomes', 'achievements'];
/** Out-of-period contacts: enough that a per-record count of the smaller ids is plainly quadratic. */
const OUTSIDE_CONTACTS = 1200;

/** A date before the period (2025-04-01 … 2025-12-31) or after it, alternately. */
const outsideDate = (i: number) => (i % 2 ? `2024-1${i % 3}-0${1 + (i % 9)}` : `2026-0${1 + (i % 9)}-1${i % 10}`);

/**
 * The 海淀 station's generated year with out-of-period records interleaved in every array: after every second
 * record of the indexed arrays a copy dated outside the period, events and demands likewise under new ids, and
 * OUTSIDE_CONTACTS more contacts, every third one inside the period.
 */
function interleavedLedger(station: { name: string; period_start: string; period_end: string }): LedgerInput {
  const base = generateLedger({
    seed: 2025_1108,
    programYear: 2025,
    station: {
      name: station.name,
      type: 'district_a',
      district: '110108',
      hostName: '中关村智能制造创新学会',
      start: station.period_start,
      end: station.period_end,
    },
    diligence: 1,
    enterpriseBase: 70_000,
  });
  const ledger: LedgerInput = { ...base, expenses: [] };
  const mix = <T extends object>(xs: T[] | undefined, key: 'date' | 'collectedOn', copy: (x: T, i: number) => T) =>
    (xs ?? []).flatMap((x, i) => (i % 2 ? [x, { ...copy(x, i), [key]: outsideDate(i) }] : [x]));
  const same = <T>(x: T) => x;
  ledger.contacts = mix(ledger.contacts, 'date', same);
  ledger.pressReleases = mix(ledger.pressReleases, 'date', same);
  ledger.cooperations = mix(ledger.cooperations, 'date', same);
  ledger.outcomes = mix(ledger.outcomes, 'date', same);
  ledger.achievements = mix(ledger.achievements, 'collectedOn', same);
  ledger.events = mix(ledger.events, 'date', (e, i) => ({ ...e, id: `OUT-E${i}` }));
  ledger.demands = mix(ledger.demands, 'collectedOn', (d, i) => ({ ...d, id: `OUT-D${i}` }));
  const uscc = ledger.contacts[0].uscc;
  for (let i = 0; i < OUTSIDE_CONTACTS * 1.5; i++) {
    ledger.contacts.push({ uscc, date: i % 3 === 2 ? '2025-06-01' : outsideDate(i), mode: 'phone' });
  }
  return ledger;
}

let ledger: LedgerInput;
beforeAll(async () => {
  const host = await t.login('host');
  const station = await t.deps.db
    .selectFrom('stations')
    .selectAll()
    .where('id', '=', ids.stations.haidian)
    .executeTakeFirstOrThrow();
  ledger = interleavedLedger(station);
  const r = await t.call(host, 'POST', `/api/v1/stations/${station.id}/ledger`, { ledger, replace: true });
  expect(r.status, JSON.stringify(r.json).slice(0, 600)).toBe(200);
});

const refs = (fs: Array<{ id: string; ref: string }>) =>
  fs
    .filter((f) => f.id === 'outside_period' || f.id === 'evidence_missing')
    .map((f) => `${f.id} ${f.ref}`)
    .sort();

describe('record findings in SQL', () => {
  it('name the same records as the in-memory evaluator, out-of-period records interleaved in every array', async () => {
    const expected = refs(countLedger(ledgerSchema.parse(ledger)).findings);
    for (const key of [...INDEXED, 'events', 'demands']) {
      expect(
        expected.some((r) => r.startsWith(`outside_period ${key}[`)),
        key,
      ).toBe(true);
    }
    expect(expected.filter((r) => r.startsWith('outside_period contacts[')).length).toBeGreaterThan(OUTSIDE_CONTACTS);
    const got = (await recordFindings(t.deps.db, sql`${ids.stations.haidian}`)).get(ids.stations.haidian) ?? [];
    expect(refs(got)).toEqual(expected);
  });

  it('cost work in proportion to the station’s records, not to their square', async () => {
    const records = await sql<{ n: number | string }>`
      select count(*) as n from (${sql.join(
        TABLES.map((tb) => sql`select id from ${sql.table(tb)} where station_id = ${ids.stations.haidian}`),
        sql` union all `,
      )}) x`.execute(t.deps.db);
    const n = Number(records.rows[0].n);
    expect(n).toBeGreaterThan(OUTSIDE_CONTACTS * 1.5);
    const q = recordFindingsQuery(sql`${ids.stations.haidian}`).compile(t.deps.db);
    if (t.deps.engine === 'postgres') {
      // The rows every plan node produced, over all its loops: a per-record count of smaller ids makes this ~n²/2.
      const r = await t.deps.db.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]),
      );
      type PlanNode = { 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };
      const cell = r.rows[0]['QUERY PLAN'];
      const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Array<{ Plan: PlanNode }>;
      const work = (p: PlanNode): number =>
        p['Actual Rows'] * p['Actual Loops'] + (p.Plans ?? []).reduce((a, c) => a + work(c), 0);
      expect(work(plan[0].Plan)).toBeLessThan(20 * n);
    } else {
      // SQLite reports no row counts; its plan shows a subquery run once per outer row as CORRELATED. Only the
      // evidence check may be one (an index probe per event in the period); a ledger table under one is quadratic.
      const plan = await t.deps.db.executeQuery<{ id: number; parent: number; detail: string }>(
        CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
      );
      const byId = new Map(plan.rows.map((r) => [r.id, r]));
      const underCorrelated = (r: { parent: number }): boolean => {
        for (let p = byId.get(r.parent); p; p = byId.get(p.parent)) {
          if (p.detail.startsWith('CORRELATED')) return true;
        }
        return false;
      };
      const perRecord = plan.rows
        .filter((r) => /^(SEARCH|SCAN) /.test(r.detail) && underCorrelated(r))
        .map((r) => r.detail.split(' ')[1]);
      expect(perRecord).toEqual(['v']); // event_evidence, once per event in the period
    }
  });
});
