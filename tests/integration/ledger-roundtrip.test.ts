// Ledgers in and out (issues #3 and #5): importing a ledger into a station and evaluating the database gives the same
// evaluation as `qianqi evaluate` of the ledger — KPIs, every finding and the funds block — on the same date;
// exporting and evaluating again changes nothing. Expenses go in through the compliance engine: a ledger with a
// refused expense is refused row by row.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLedger } from '../../src/domain/kpi/evaluate';
import type { Evaluation, Finding } from '../../src/domain/kpi/types';
import { type LedgerInput, ledgerSchema } from '../../src/domain/ledger/schema';
import { policy2025 } from '../../src/domain/policy/index';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let center: string;
beforeAll(async () => {
  host = await t.login('host');
  center = await t.login('center');
});

const sortF = (fs: Finding[]) => fs.map((f) => `${f.id}|${f.article}|${f.severity}|${f.ref}`).sort();
/** The evaluation, order-free. */
function comparable(e: Pick<Evaluation, 'kpis' | 'findings' | 'funds'>) {
  return {
    kpis: [...e.kpis]
      .map((k) => ({ id: k.id, article: k.article, target: k.target, actual: k.actual, met: k.met }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    findings: sortF(e.findings),
    funds: e.funds,
  };
}

const example = JSON.parse(
  readFileSync(new URL('../../docs/examples/ledger-district-a.json', import.meta.url), 'utf8'),
) as LedgerInput;
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;
// The example's expenses the engine refuses (X2 consulting to host staff, X3 labour to fiscal personnel, X5 meals).
const REFUSED = ['X2', 'X3', 'X5'];
const accepted = {
  ...example,
  expenses: (example.expenses ?? []).filter((x) => !REFUSED.includes(x.id)),
} as LedgerInput;
// The 海淀 demo station's agreement: 150,000 yuan in the demo shares (seed-projects.ts).
const AGREEMENT_FUNDS = {
  granted: '150000.00',
  budget: { consulting: '60000.00', labour: '30000.00', activity: '37500.00', meeting: '15000.00', other: '7500.00' },
};

/** The station's evaluation as the server computes it, and the date it used (the server's today). */
async function dbEvaluation(cookie: string) {
  const r = await t.call(cookie, 'GET', `${HD()}/kpis`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const funds = await t.call(cookie, 'GET', `${HD()}/funds`);
  return { ...comparable({ ...r.json, funds: r.json.funds }), on: r.json.today as string, fundsPage: funds.json };
}
const fromDb = async (cookie: string) => {
  const { on: _on, fundsPage: _f, ...rest } = await dbEvaluation(cookie);
  return rest;
};
const today = async () => (await dbEvaluation(center)).on;

describe('a station’s own ledger', () => {
  it('export → import (replace) → export gives the same ledger, optional fields included', async () => {
    const first = await t.call(host, 'GET', `${HD()}/ledger`);
    expect(first.status).toBe(200);
    expect(first.json.demands.some((d: { matchedOn?: string }) => d.matchedOn)).toBe(true);
    expect(first.json.events.some((e: { place?: string }) => e.place)).toBe(true);
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: first.json, replace: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const second = await t.call(host, 'GET', `${HD()}/ledger`);
    expect(second.json).toEqual(first.json);
  });

  it('a dry run reports what would be imported and writes nothing', async () => {
    const ledger = (await t.call(host, 'GET', `${HD()}/ledger`)).json;
    const before = await t.deps.db.selectFrom('audit_events').select('seq').execute();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, replace: true, dryRun: true });
    expect(r.status).toBe(200);
    expect(r.json.counts.contacts).toBe(ledger.contacts.length);
    expect(await t.deps.db.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
  });
});

describe('the conformance example through the database', () => {
  it('refuses the example as it is: each refused expense is named with its article, and nothing is written', async () => {
    const before = await t.deps.db.selectFrom('audit_events').select('seq').execute();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: example, replace: true });
    expect(r.status).toBe(400);
    const errors = r.json.report.errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path)).toEqual(['expenses[1]', 'expenses[2]', 'expenses[4]']);
    expect(errors[0].message).toContain('第十六条');
    expect(errors[2].message).toContain('第十七条');
    expect(await t.deps.db.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
  });

  it('imports the example without them into the 海淀 station and reports what it left out', async () => {
    // The demo station already holds a generated year of work: the import replaces it.
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: accepted, replace: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.ok).toBe(true);
    expect(r.json.counts.contacts).toBe(example.contacts?.length);
    expect(r.json.counts.expenses).toBe(3);
    // The station's agreement binds, not the ledger's own budget (第十一条).
    expect(r.json.warnings.map((w: { path: string }) => w.path)).toContain('funds');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'import_ledger')
      .where('actor_name', '=', 'host')
      .orderBy('seq', 'desc')
      .execute();
    expect(audit[0].summary).toContain('替换导入');
    expect(audit[0].summary).toContain('原台账留档');
    const contacts = r.json.plan.find((s: { key: string }) => s.key === 'contacts');
    expect(contacts.added + contacts.updated + contacts.unchanged).toBe(example.contacts?.length);
  });

  it('the KPIs computed by SQL equal `evaluate` of the ledger', async () => {
    const on = await today();
    const expected = comparable(evaluateLedger(ledgerSchema.parse(accepted), policy2025, on));
    const got = await fromDb(center);
    expect(got).toEqual(expected);
    expect(got.funds).toMatchObject({ spentGrant: '8400.00', spentMatching: '3500.50' });
    // and the figures are the ones the spec's example states
    const byId = Object.fromEntries(got.kpis.map((k) => [k.id, k.actual]));
    expect(byId.enterprises_contacted).toBe(7);
    expect(byId.association_share).toBe(0.571);
    expect(got.findings).toContain('outside_period|null|warn|contacts[9]');
    expect(got.findings).toContain('evidence_missing|第十三条|warn|events[A2]');
  });

  it('the exported JSON evaluates to the same result', async () => {
    const r = await t.call(center, 'GET', `${HD()}/ledger`);
    expect(r.status).toBe(200);
    const exported = ledgerSchema.parse(r.json);
    expect(exported.funds).toEqual(AGREEMENT_FUNDS);
    expect(exported.expenses.map((x) => x.id)).toEqual(['X1', 'X4', 'X6']);
    expect(comparable(evaluateLedger(exported, policy2025, await today()))).toEqual(await fromDb(center));
  });

  it('a second import without “replace” merges: the same records, nothing added, updated or deleted', async () => {
    const before = await t.deps.db.selectFrom('contacts').select('id').orderBy('id').execute();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: accepted });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.mode).toBe('merge');
    for (const s of r.json.plan) expect([s.key, s.added, s.updated, s.deleted]).toEqual([s.key, 0, 0, 0]);
    expect(await t.deps.db.selectFrom('contacts').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('an invalid ledger gets a report naming every problem and nothing is written', async () => {
    const bad = structuredClone(accepted) as LedgerInput & Record<string, unknown>;
    (bad.contacts as Array<Record<string, unknown>>)[0].date = '2025-02-30';
    (bad.contacts as Array<Record<string, unknown>>)[1].uscc = '91110108000007020X';
    bad.station.period = { start: '2025-01-01', end: '2025-12-31' };
    const before = await t.deps.db.selectFrom('audit_events').select('seq').execute();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: bad, replace: true });
    expect(r.status).toBe(400);
    expect(r.json.report.ok).toBe(false);
    expect(r.json.error.message).toContain('未导入');
    // One pass: the schema's problem, the check digit and the period are in the same report.
    expect(r.json.report.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['contacts[0].date', 'contacts[1].uscc', 'station.period']),
    );
    expect(await t.deps.db.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
  });

  it('a district account may not import (403)', async () => {
    const district = await t.login('haidian');
    expect((await t.call(district, 'POST', `${HD()}/ledger`, { ledger: example })).status).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: random valid ledgers → import → export → evaluate equals evaluate of the original.

const ITEM_OF = {
  consulting: 'expert_consulting',
  labour: 'expert_labour',
  activity: 'printing',
  meeting: 'venue',
  other: 'publicity',
} as const;
const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc(n: number, district: string): string {
  const head = `91${district === 'etown' ? '110400' : district}${String(n).padStart(9, '0')}`;
  const sum = [...head].reduce((s, ch, i) => s + ALPHA.indexOf(ch) * W[i], 0);
  const c = 31 - (sum % 31);
  return head + ALPHA[c === 31 ? 0 : c];
}
const dateArb = fc.integer({ min: -20, max: 300 }).map((d) => {
  const x = new Date(Date.UTC(2025, 3, 1 + d));
  return x.toISOString().slice(0, 10);
});
const ledgerArb = fc
  .record({
    ents: fc.array(
      fc.record({
        n: fc.integer({ min: 1, max: 12 }),
        other: fc.boolean(),
        hasAssociation: fc.boolean(),
        srdi: fc.constantFrom('none', 'municipal', 'national'),
        keyServed: fc.boolean(),
        lower: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    contacts: fc.array(fc.record({ n: fc.integer({ min: 1, max: 14 }), other: fc.boolean(), date: dateArb }), {
      maxLength: 20,
    }),
    demands: fc.array(fc.record({ n: fc.integer({ min: 1, max: 14 }), date: dateArb }), { maxLength: 6 }),
    experts: fc.integer({ min: 0, max: 4 }),
    events: fc.array(
      fc.record({
        date: dateArb,
        experts: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }),
        evidence: fc.subarray(['plan', 'photo', 'minutes', 'press'] as const),
      }),
      { maxLength: 6 },
    ),
    press: fc.array(fc.record({ date: dateArb, web: fc.boolean() }), { maxLength: 5 }),
    coops: fc.array(fc.record({ date: dateArb, content: fc.constantFrom('', '  ', '\u3000', '联合攻关') }), {
      maxLength: 4,
    }),
    outcomes: fc.array(dateArb, { maxLength: 4 }),
    achievements: fc.array(fc.record({ date: dateArb, promoted: fc.boolean() }), { maxLength: 4 }),
    expenses: fc.array(
      fc.record({
        // consulting often, with half days, so that the rate standard (2,400 yuan a day) is crossed in many runs
        category: fc.constantFrom('consulting', 'consulting', 'consulting', 'labour', 'activity', 'meeting', 'other'),
        fen: fc.integer({ min: 100_000, max: 150_000 }),
        grant: fc.boolean(),
        date: dateArb,
        days: fc.constantFrom(undefined, 0.5, 0.5, 1),
        expert: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 5 },
    ),
    reports: fc.array(
      fc.record({
        kind: fc.constantFrom('summary', 'demand_analysis', 'expert_service_mode', 'final_accounts'),
        text: fc.constantFrom('', '我们在2025年完成了AI项目。', 'abc def，中文。'),
      }),
      { maxLength: 4 },
    ),
  })
  .map((g): LedgerInput => {
    const code = (n: number, other: boolean) => uscc(n, other ? '110105' : '110108');
    return {
      format: 'qianqi-ledger/1',
      programYear: 2025,
      station: {
        name: '海淀区“千人进千企”工作站点',
        type: 'district_a',
        district: '110108',
        host: { name: '依托单位' },
        period: { start: '2025-04-01', end: '2025-12-31' },
      },
      enterprises: g.ents.map((e) => ({
        uscc: e.lower ? ` ${code(e.n, e.other).toLowerCase()}` : code(e.n, e.other),
        name: `企业${e.n}`,
        district: e.other ? '110105' : '110108',
        hasAssociation: e.hasAssociation,
        srdi: e.srdi,
        keyServed: e.keyServed,
      })),
      contacts: g.contacts.map((c) => ({ uscc: code(c.n, c.other), date: c.date, mode: 'visit' as const })),
      demands: g.demands.map((d, i) => ({
        id: `D${i + 1}`,
        uscc: code(d.n, false),
        title: `需求${i}`,
        collectedOn: d.date,
        status: 'collected' as const,
      })),
      experts: Array.from({ length: g.experts }, (_, i) => ({
        id: `E${i + 1}`,
        name: `专家${i}`,
        kind: 'expert' as const,
        hostStaff: false,
        fiscallySupported: false,
      })),
      events: g.events.map((e, i) => ({
        id: `A${i + 1}`,
        kind: 'matchmaking' as const,
        title: `活动${i}`,
        date: e.date,
        experts: e.experts.map((x) => `E${x}`),
        enterprises: [],
        evidence: [...e.evidence],
      })),
      pressReleases: g.press.map((p, i) => ({
        title: `新闻${i}`,
        date: p.date,
        channel: p.web ? ('association_website' as const) : ('other' as const),
      })),
      cooperations: g.coops.map((c, i) => ({ title: `合作${i}`, date: c.date, parties: ['甲'], content: c.content })),
      outcomes: g.outcomes.map((d, i) => ({ title: `成果${i}`, date: d, goldenBridge: false })),
      achievements: g.achievements.map((a, i) => ({
        title: `成果${i}`,
        university: '大学',
        collectedOn: a.date,
        promoted: a.promoted,
      })),
      reports: g.reports.map((r, i) => ({ kind: r.kind, title: `报告${i}`, text: r.text })),
      funds: AGREEMENT_FUNDS,
      // Bookable expenses: a permitted item of the category, grant spending inside the period (5 × 1,500 yuan stays
      // within the smallest category budget); rates may exceed the standard, which only warns.
      expenses: g.expenses.map((x, i) => ({
        id: `X${i + 1}`,
        date: x.grant && x.date > '2025-12-31' ? '2025-12-31' : x.date,
        category: x.category,
        item: ITEM_OF[x.category],
        amount: `${Math.floor(x.fen / 100)}.${String(x.fen % 100).padStart(2, '0')}`,
        source: x.grant ? ('grant' as const) : ('matching' as const),
        payee: {
          name: `收款人${i}`,
          ...(x.expert && x.expert <= g.experts ? { expertId: `E${x.expert}` } : {}),
          hostStaff: false,
          fiscallySupported: false,
        },
        purpose: '服务企业',
        ...(x.days ? { days: x.days } : {}),
      })),
    };
  });

describe('property: import → export → evaluate', () => {
  it('equals evaluate of the original, for random valid ledgers', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, async (ledger) => {
        // Findings name undated-key records by their index, and a merge keeps a matched record's place (its id):
        // each run starts from an emptied station so that the stored order is the file's.
        const empty = { ...ledger, enterprises: [], contacts: [], demands: [], experts: [], events: [] };
        const cleared = await t.call(host, 'POST', `${HD()}/ledger`, {
          ledger: {
            ...empty,
            pressReleases: [],
            cooperations: [],
            outcomes: [],
            achievements: [],
            reports: [],
            expenses: [],
          },
          replace: true,
        });
        expect(cleared.status, JSON.stringify(cleared.json)).toBe(200);
        const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, replace: true });
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        const on = await today();
        const original = comparable(evaluateLedger(ledgerSchema.parse(ledger), policy2025, on));
        const exported = (await t.call(host, 'GET', `${HD()}/ledger`)).json;
        expect(comparable(evaluateLedger(ledgerSchema.parse(exported), policy2025, on))).toEqual(original);
        expect(await fromDb(host)).toEqual(original);
      }),
      { numRuns: 25 },
    );
  });
});
