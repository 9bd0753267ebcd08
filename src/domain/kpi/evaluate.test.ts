import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../ledger/schema';
import { policy2025 } from '../policy/index';
import type { StationType } from '../policy/types';
import { isValidUscc } from '../uscc';
import { evaluateLedger } from './evaluate';
import {
  achievement,
  addDays,
  buildLedger,
  contact,
  contactedEnterprises,
  cooperation,
  DISTRICT,
  demand,
  enterprise,
  event,
  expense,
  expert,
  invalidUscc,
  type LedgerOverrides,
  outcome,
  PERIOD,
  pressRelease,
  report,
  validUscc,
} from './fixtures/ledger-builder';
import type { Evaluation, Finding, FindingId, KpiResult } from './types';

// Every KPI and record rule of docs/ledger-format.md (`qianqi-ledger/1` → `qianqi-evaluation/1`), at its boundary.

/** Inside the default period, so no `unexecuted_funds` unless a test asks for it. */
const ON = '2025-06-30';
const DAY_BEFORE_START = addDays(PERIOD.start, -1);
const DAY_AFTER_END = addDays(PERIOD.end, 1);

function evaluate(overrides: LedgerOverrides = {}, on = ON): Evaluation {
  return evaluateLedger(buildLedger(overrides), policy2025, on);
}

function kpi(ev: Evaluation, id: KpiResult['id']): KpiResult {
  const k = ev.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`KPI ${id} missing from ${ev.kpis.map((x) => x.id).join(', ')}`);
  return k;
}

function refs(ev: Evaluation, id: FindingId): string[] {
  return ev.findings
    .filter((f) => f.id === id)
    .map((f) => f.ref)
    .sort();
}

function byIdAndRef(a: Finding, b: Finding): number {
  return `${a.id} ${a.ref}`.localeCompare(`${b.id} ${b.ref}`);
}

/** The evaluation with arrays in a canonical order: docs/ledger-format.md fixes their content, not their order. */
function canonical(ev: Evaluation): Evaluation {
  return {
    ...ev,
    kpis: [...ev.kpis].sort((a, b) => a.id.localeCompare(b.id)),
    findings: [...ev.findings].sort(byIdAndRef),
  };
}

describe('conformance example (docs/examples/)', () => {
  const ledgerJson = JSON.parse(
    readFileSync(new URL('../../../docs/examples/ledger-district-a.json', import.meta.url), 'utf8'),
  );
  const expected = JSON.parse(
    readFileSync(new URL('../../../docs/examples/evaluation-district-a-2026-01-10.json', import.meta.url), 'utf8'),
  ) as Evaluation;

  it('evaluates on 2026-01-10 to the expected document, up to array order', () => {
    const parsed = parseLedger(ledgerJson, (y) => y === 2025);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ev = evaluateLedger(parsed.ledger, policy2025, '2026-01-10');
    // Through JSON, as the CLI prints it: no undefined fields, no extra keys.
    expect(canonical(JSON.parse(JSON.stringify(ev)))).toEqual(canonical(expected));
  });

  it('has no duplicate findings or KPIs', () => {
    const parsed = parseLedger(ledgerJson, (y) => y === 2025);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const ev = evaluateLedger(parsed.ledger, policy2025, '2026-01-10');
    expect(new Set(ev.kpis.map((k) => k.id)).size).toBe(ev.kpis.length);
    expect(new Set(ev.findings.map((f) => `${f.id} ${f.ref}`)).size).toBe(ev.findings.length);
  });

  it('on the last day of the period (2025-12-31) has no unexecuted_funds and otherwise the same findings', () => {
    const parsed = parseLedger(ledgerJson, (y) => y === 2025);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const ev = evaluateLedger(parsed.ledger, policy2025, '2025-12-31');
    expect(ev.findings.sort(byIdAndRef)).toEqual(
      expected.findings.filter((f) => f.id !== 'unexecuted_funds').sort(byIdAndRef),
    );
  });
});

describe('the builder', () => {
  it('makes valid, distinct codes per number and district', () => {
    const codes = [validUscc(1), validUscc(2), validUscc(1, '110105'), validUscc(1, 'etown')];
    for (const c of codes) {
      expect(c).toHaveLength(18);
      expect(isValidUscc(c)).toBe(true);
    }
    expect(new Set(codes).size).toBe(4);
    expect(isValidUscc(invalidUscc(1))).toBe(false);
    expect(invalidUscc(1).slice(0, 17)).toBe(validUscc(1).slice(0, 17));
  });

  it('gives an empty district_a ledger that evaluates with no findings inside the period', () => {
    const ev = evaluate();
    expect(ev.format).toBe('qianqi-evaluation/1');
    expect(ev.station).toEqual({ type: 'district_a', district: DISTRICT });
    expect(ev.findings).toEqual([]);
  });
});

describe('KPI sets per station type (docs/ledger-format.md table, 2025 targets)', () => {
  // [id, target, article]: district stations cite the first article of a cell, IUR the second.
  const expected: Record<StationType, Array<[KpiResult['id'], number, string]>> = {
    district_a: [
      ['events', 4, '第七条'],
      ['press_releases', 4, '第七条'],
      ['press_releases_website', 2, '第七条'],
      ['cooperations', 2, '第七条'],
      ['enterprises_contacted', 50, '第七条'],
      ['association_share', 0.4, '第七条'],
      ['key_enterprises', 30, '第七条'],
      ['key_enterprises_srdi', 10, '第七条'],
      ['landed_outcomes', 5, '第七条'],
      ['demands', 20, '第七条'],
      ['expert_person_times', 20, '第七条'],
      ['report_summary', 1, '第七条'],
      ['report_final_accounts', 1, '第十二条'],
      ['report_demand_analysis', 2000, '第七条'],
      ['report_expert_service_mode', 3000, '第七条'],
    ],
    district_b: [
      ['events', 4, '第七条'],
      ['press_releases', 4, '第七条'],
      ['press_releases_website', 2, '第七条'],
      ['cooperations', 2, '第七条'],
      ['enterprises_contacted', 40, '第七条'],
      ['association_share', 0.4, '第七条'],
      ['key_enterprises', 20, '第七条'],
      ['key_enterprises_srdi', 5, '第七条'],
      ['landed_outcomes', 3, '第七条'],
      ['demands', 30, '第七条'],
      ['expert_person_times', 15, '第七条'],
      ['report_summary', 1, '第七条'],
      ['report_final_accounts', 1, '第十二条'],
      ['report_regional_development', 2000, '第七条'],
    ],
    iur: [
      ['enterprises_contacted', 10, '第八条'],
      ['expert_person_times', 30, '第八条'],
      ['achievements', 30, '第八条'],
      ['report_summary', 1, '第十二条'],
      ['report_final_accounts', 1, '第十二条'],
      ['report_iur_mode', 2000, '第八条'],
    ],
  };

  it.each(Object.keys(expected) as StationType[])('%s has exactly its KPIs with their targets and articles', (type) => {
    const ev = evaluate({ station: { type } });
    const got = ev.kpis
      .map((k) => [k.id, k.target, k.article])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const want = [...expected[type]].sort((a, b) => a[0].localeCompare(b[0]));
    expect(got).toEqual(want);
    expect(ev.station.type).toBe(type);
  });

  it.each(Object.keys(expected) as StationType[])(
    '%s with an empty ledger: every actual is 0 and none is met',
    (type) => {
      const ev = evaluate({ station: { type } });
      for (const k of ev.kpis) {
        expect({ id: k.id, actual: k.actual, met: k.met }).toEqual({ id: k.id, actual: 0, met: false });
      }
    },
  );

  it('an iur station reports district null, a district station its code', () => {
    expect(evaluate({ station: { type: 'iur' } }).station).toEqual({ type: 'iur', district: null });
    expect(evaluate({ station: { type: 'district_b', district: 'etown' } }).station).toEqual({
      type: 'district_b',
      district: 'etown',
    });
  });
});

describe('period boundaries (inclusive at both ends) and outside_period', () => {
  const dates: Array<[string, string, boolean]> = [
    ['the first day', PERIOD.start, true],
    ['the last day', PERIOD.end, true],
    ['the day before the start', DAY_BEFORE_START, false],
    ['the day after the end', DAY_AFTER_END, false],
  ];

  describe.each(dates)('a record dated %s (%s)', (_label, date, inside) => {
    const n = inside ? 1 : 0;
    const outside = (ref: string) => (inside ? [] : [ref]);

    it('events', () => {
      const ev = evaluate({ events: [event('A9', { date })] });
      expect(kpi(ev, 'events').actual).toBe(n);
      expect(refs(ev, 'outside_period')).toEqual(outside('events[A9]'));
    });

    it('press releases (and of those, website)', () => {
      const ev = evaluate({ pressReleases: [pressRelease(), pressRelease({ date, channel: 'association_website' })] });
      expect(kpi(ev, 'press_releases').actual).toBe(1 + n);
      expect(kpi(ev, 'press_releases_website').actual).toBe(1 + n);
      expect(refs(ev, 'outside_period')).toEqual(outside('pressReleases[1]'));
    });

    it('cooperations', () => {
      const ev = evaluate({ cooperations: [cooperation(), cooperation(), cooperation({ date })] });
      expect(kpi(ev, 'cooperations').actual).toBe(2 + n);
      expect(refs(ev, 'outside_period')).toEqual(outside('cooperations[2]'));
    });

    it('contacts', () => {
      const e = enterprise(1);
      const ev = evaluate({ enterprises: [e], contacts: [contact(e.uscc, { date })] });
      expect(kpi(ev, 'enterprises_contacted').actual).toBe(n);
      expect(refs(ev, 'outside_period')).toEqual(outside('contacts[0]'));
    });

    it('demands', () => {
      const ev = evaluate({ demands: [demand('D7', validUscc(7), { collectedOn: date })] });
      expect(kpi(ev, 'demands').actual).toBe(n);
      expect(refs(ev, 'outside_period')).toEqual(outside('demands[D7]'));
    });

    it('outcomes', () => {
      const ev = evaluate({ outcomes: [outcome(), outcome({ date })] });
      expect(kpi(ev, 'landed_outcomes').actual).toBe(1 + n);
      expect(refs(ev, 'outside_period')).toEqual(outside('outcomes[1]'));
    });

    it('achievements (iur)', () => {
      const ev = evaluate({ station: { type: 'iur' }, achievements: [achievement({ collectedOn: date })] });
      expect(kpi(ev, 'achievements').actual).toBe(n);
      expect(refs(ev, 'outside_period')).toEqual(outside('achievements[0]'));
    });

    it('expert person-times only over events inside the period', () => {
      const ev = evaluate({
        experts: [expert('E1'), expert('E2')],
        events: [event('A1', { date, experts: ['E1', 'E2'] })],
      });
      expect(kpi(ev, 'expert_person_times').actual).toBe(2 * n);
    });
  });

  it('outside_period is a warn with article null, one per record, refs by index or id', () => {
    const ev = evaluate({
      contacts: [contact(validUscc(1)), contact(validUscc(2), { date: DAY_AFTER_END })],
      demands: [demand('D1', validUscc(1), { collectedOn: DAY_BEFORE_START })],
      events: [event('A1'), event('A2', { date: '2026-03-01' })],
      pressReleases: [pressRelease({ date: '2025-01-01' })],
      cooperations: [cooperation({ date: DAY_AFTER_END })],
      outcomes: [outcome(), outcome(), outcome({ date: DAY_BEFORE_START })],
      achievements: [achievement({ collectedOn: DAY_AFTER_END })],
    });
    const outside = ev.findings.filter((f) => f.id === 'outside_period').sort(byIdAndRef);
    expect(outside).toEqual(
      [
        'achievements[0]',
        'contacts[1]',
        'cooperations[0]',
        'demands[D1]',
        'events[A2]',
        'outcomes[2]',
        'pressReleases[0]',
      ].map((ref) => ({ id: 'outside_period', article: null, severity: 'warn', ref })),
    );
  });

  it('reports and expenses are never outside_period', () => {
    const ev = evaluate({
      reports: [report('summary', '总结', { submittedOn: '2026-02-01' }), report('final_accounts', '决算', {})],
      expenses: [
        expense('X1', { source: 'matching', date: DAY_BEFORE_START }),
        expense('X2', { source: 'matching', date: DAY_AFTER_END }),
        expense('X3', { source: 'grant', date: DAY_AFTER_END }),
      ],
    });
    expect(refs(ev, 'outside_period')).toEqual([]);
    expect(refs(ev, 'after_deadline')).toEqual(['expenses[X3]']);
    expect(kpi(ev, 'report_summary').actual).toBe(1);
    expect(kpi(ev, 'report_final_accounts').actual).toBe(1);
  });
});

describe('events, press_releases, press_releases_website', () => {
  it.each([
    [3, false],
    [4, true],
    [5, true],
  ])('%i events in the period → met %s (target 4)', (count, met) => {
    const events = Array.from({ length: count }, (_, i) => event(`A${i}`));
    expect(kpi(evaluate({ events }), 'events')).toMatchObject({ actual: count, met });
  });

  it.each([
    [3, 0, false, false],
    [4, 1, true, false],
    [4, 2, true, true],
    [2, 2, false, true],
  ])('%i releases of which %i on the association website → met %s / %s', (total, website, metAll, metWebsite) => {
    const pressReleases = Array.from({ length: total }, (_, i) =>
      pressRelease({ channel: i < website ? 'association_website' : 'other' }),
    );
    const ev = evaluate({ pressReleases });
    expect(kpi(ev, 'press_releases')).toMatchObject({ target: 4, actual: total, met: metAll });
    expect(kpi(ev, 'press_releases_website')).toMatchObject({ target: 2, actual: website, met: metWebsite });
  });

  it('a website release outside the period counts in neither', () => {
    const ev = evaluate({
      pressReleases: [pressRelease({ channel: 'association_website', date: DAY_AFTER_END }), pressRelease()],
    });
    expect(kpi(ev, 'press_releases').actual).toBe(1);
    expect(kpi(ev, 'press_releases_website').actual).toBe(1);
  });
});

describe('evidence_missing (第十三条)', () => {
  it.each([
    [[], true],
    [['press'], true],
    [['plan'], false],
    [['photo'], false],
    [['minutes'], false],
    [['press', 'minutes'], false],
    [['plan', 'photo', 'minutes', 'press'], false],
  ] as const)('evidence %j → finding %s', (evidence, missing) => {
    const ev = evaluate({ events: [event('A1', { evidence: [...evidence] })] });
    expect(ev.findings.filter((f) => f.id === 'evidence_missing')).toEqual(
      missing ? [{ id: 'evidence_missing', article: '第十三条', severity: 'warn', ref: 'events[A1]' }] : [],
    );
    // the event counts either way
    expect(kpi(ev, 'events').actual).toBe(1);
  });

  it('an event outside the period gets outside_period, not evidence_missing', () => {
    const ev = evaluate({ events: [event('A1', { evidence: [], date: DAY_AFTER_END })] });
    expect(refs(ev, 'evidence_missing')).toEqual([]);
    expect(refs(ev, 'outside_period')).toEqual(['events[A1]']);
  });

  it('an event without the evidence field is missing evidence', () => {
    const e = event('A1');
    delete (e as { evidence?: unknown }).evidence;
    expect(refs(evaluate({ events: [e] }), 'evidence_missing')).toEqual(['events[A1]']);
  });
});

describe('cooperations (only with content)', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n \r\n'],
    ['ideographic spaces', '\u3000\u3000'],
  ])('%s content does not count and is no finding', (_label, content) => {
    const ev = evaluate({ cooperations: [cooperation({ content }), cooperation()] });
    expect(kpi(ev, 'cooperations').actual).toBe(1);
    expect(ev.findings).toEqual([]);
  });

  it('missing content does not count', () => {
    const c = cooperation();
    delete (c as { content?: unknown }).content;
    expect(kpi(evaluate({ cooperations: [c] }), 'cooperations').actual).toBe(0);
  });

  it.each([
    [1, false],
    [2, true],
  ])('%i with content → met %s (target 2)', (count, met) => {
    const cooperations = Array.from({ length: count }, () => cooperation({ content: ' 具体内容 ' }));
    expect(kpi(evaluate({ cooperations }), 'cooperations')).toMatchObject({ actual: count, met });
  });
});

describe('enterprises_contacted', () => {
  it.each([
    ['district_a', 49, false],
    ['district_a', 50, true],
    ['district_b', 39, false],
    ['district_b', 40, true],
    ['iur', 9, false],
    ['iur', 10, true],
  ] as const)('%s with %i contacted → met %s', (type, count, met) => {
    const ev = evaluate({ station: { type }, ...contactedEnterprises(count) });
    expect(kpi(ev, 'enterprises_contacted')).toMatchObject({ actual: count, met });
  });

  it('district_a: 50 listed, 49 of them contacted → 49, not met', () => {
    const { enterprises, contacts } = contactedEnterprises(50);
    const ev = evaluate({ enterprises, contacts: contacts.slice(1) });
    expect(kpi(ev, 'enterprises_contacted')).toEqual({
      id: 'enterprises_contacted',
      article: '第七条',
      target: 50,
      actual: 49,
      met: false,
    });
  });

  it('several contacts of one enterprise, in any case and with spaces, count once', () => {
    const code = validUscc(1);
    const ev = evaluate({
      enterprises: [enterprise(1)],
      contacts: [
        contact(code),
        contact(code.toLowerCase()),
        contact(`  ${code} `),
        contact(`\t${code.toLowerCase()}\n`, { mode: 'phone' }),
      ],
    });
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
    expect(ev.findings).toEqual([]);
  });

  it('two listed entries whose codes differ only in case and spaces are one enterprise', () => {
    const code = validUscc(1);
    const ev = evaluate({
      enterprises: [
        enterprise(1, { uscc: ` ${code.toLowerCase()} `, hasAssociation: true }),
        enterprise(1, { uscc: code, hasAssociation: true }),
      ],
      contacts: [contact(code)],
    });
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
    expect(kpi(ev, 'association_share').actual).toBe(1);
  });

  describe('the first listed entry wins', () => {
    const code = validUscc(1);
    it('first in the district, second elsewhere → counted with the first entry’s flags', () => {
      const ev = evaluate({
        enterprises: [
          enterprise(1, { uscc: code, hasAssociation: true, keyServed: true, srdi: 'national' }),
          enterprise(1, { uscc: code.toLowerCase(), district: '110105', hasAssociation: false, keyServed: false }),
        ],
        contacts: [contact(code)],
      });
      expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
      expect(kpi(ev, 'association_share').actual).toBe(1);
      expect(kpi(ev, 'key_enterprises').actual).toBe(1);
      expect(kpi(ev, 'key_enterprises_srdi').actual).toBe(1);
    });

    it('first elsewhere, second in the district → not counted', () => {
      const ev = evaluate({
        enterprises: [
          enterprise(1, { uscc: code, district: '110105' }),
          enterprise(1, { uscc: code, district: DISTRICT, hasAssociation: true, keyServed: true }),
        ],
        contacts: [contact(code)],
      });
      expect(kpi(ev, 'enterprises_contacted').actual).toBe(0);
      expect(kpi(ev, 'key_enterprises').actual).toBe(0);
    });

    it('first without 科协, second with → share 0', () => {
      const ev = evaluate({
        enterprises: [enterprise(1, { hasAssociation: false }), enterprise(1, { hasAssociation: true })],
        contacts: [contact(code)],
      });
      expect(kpi(ev, 'association_share')).toMatchObject({ actual: 0, met: false });
    });
  });

  describe('district stations count only listed enterprises of their district; iur counts every valid code', () => {
    const own = enterprise(1);
    const otherDistrict = enterprise(2, { district: '110105', hasAssociation: true, keyServed: true });
    const etown = enterprise(3, { district: 'etown' });
    const unlisted = validUscc(4);
    const ledger: LedgerOverrides = {
      enterprises: [own, otherDistrict, etown],
      contacts: [contact(own.uscc), contact(otherDistrict.uscc), contact(etown.uscc), contact(unlisted)],
    };

    it.each([
      ['district_a', DISTRICT, 1],
      ['district_b', DISTRICT, 1],
      ['district_b', '110105', 1],
      ['district_b', 'etown', 1],
      ['district_a', '110114', 0],
      ['iur', null, 4],
    ] as const)('%s of %s → %i', (type, district, count) => {
      const ev = evaluate({ ...ledger, station: { type, district } });
      expect(kpi(ev, 'enterprises_contacted').actual).toBe(count);
      // not being counted is not a breach
      expect(ev.findings).toEqual([]);
    });

    it('the other district’s 科协 and key-served flags do not count for this district', () => {
      const ev = evaluate(ledger);
      expect(kpi(ev, 'association_share').actual).toBe(0);
      expect(kpi(ev, 'key_enterprises').actual).toBe(0);
    });
  });

  it('a contact with an invalid code is not counted, even for iur, and is an invalid_uscc finding', () => {
    const bad = invalidUscc(1);
    for (const type of ['district_a', 'iur'] as const) {
      const ev = evaluate({
        station: { type },
        enterprises: [enterprise(1, { uscc: bad })],
        contacts: [contact(validUscc(2)), contact(bad)],
      });
      expect(kpi(ev, 'enterprises_contacted').actual).toBe(0 + (type === 'iur' ? 1 : 0));
      expect(refs(ev, 'invalid_uscc')).toEqual(['contacts[1]', `enterprises[${bad}]`]);
    }
  });
});

describe('association_share (exact fraction for met, 3 decimals for actual)', () => {
  it.each([
    [2, 5, 0.4, true], // exactly 40 %
    [20, 50, 0.4, true],
    [40, 100, 0.4, true],
    [39, 100, 0.39, false], // just below
    [161, 403, 0.4, false], // 0.39950…: shows as 0.4 but is below 40 %
    [1, 3, 0.333, false],
    [2, 3, 0.667, true],
    [1, 8, 0.125, false],
    [7, 8, 0.875, true],
    [1, 1, 1, true],
    [0, 4, 0, false],
  ])('%i of %i with 科协 → actual %d, met %s', (withAssociation, total, actual, met) => {
    const ev = evaluate(
      merge(
        contactedEnterprises(withAssociation, { hasAssociation: true }, 1),
        contactedEnterprises(total - withAssociation, { hasAssociation: false }, 1000),
      ),
    );
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(total);
    expect(kpi(ev, 'association_share')).toEqual({
      id: 'association_share',
      article: '第七条',
      target: 0.4,
      actual,
      met,
    });
  });

  it('no enterprise contacted → 0, not met', () => {
    expect(kpi(evaluate(), 'association_share')).toMatchObject({ actual: 0, met: false });
  });

  it('is not a KPI of iur stations', () => {
    expect(evaluate({ station: { type: 'iur' } }).kpis.map((k) => k.id)).not.toContain('association_share');
  });

  it('listed but not contacted enterprises with 科协 do not count', () => {
    const ev = evaluate({
      enterprises: [enterprise(1, { hasAssociation: false }), enterprise(2, { hasAssociation: true })],
      contacts: [contact(validUscc(1))],
    });
    expect(kpi(ev, 'association_share')).toMatchObject({ actual: 0, met: false });
  });
});

function merge(
  ...parts: Array<{ enterprises: ReturnType<typeof enterprise>[]; contacts: ReturnType<typeof contact>[] }>
): { enterprises: ReturnType<typeof enterprise>[]; contacts: ReturnType<typeof contact>[] } {
  return { enterprises: parts.flatMap((p) => p.enterprises), contacts: parts.flatMap((p) => p.contacts) };
}

describe('key_enterprises and key_enterprises_srdi', () => {
  it('counts contacted key-served enterprises; of those, municipal or national SRDI', () => {
    const ev = evaluate(
      merge(
        contactedEnterprises(1, { keyServed: true, srdi: 'none' }, 1),
        contactedEnterprises(1, { keyServed: true, srdi: 'municipal' }, 2),
        contactedEnterprises(1, { keyServed: true, srdi: 'national' }, 3),
        contactedEnterprises(1, { keyServed: false, srdi: 'national' }, 4),
        // key-served but not contacted
        { enterprises: [enterprise(5, { keyServed: true, srdi: 'national' })], contacts: [] },
        // key-served, contacted, other district
        contactedEnterprises(1, { keyServed: true, srdi: 'national', district: '110105' }, 6),
        // key-served, contacted only outside the period
        {
          enterprises: [enterprise(7, { keyServed: true, srdi: 'municipal' })],
          contacts: [contact(validUscc(7), { date: DAY_AFTER_END })],
        },
      ),
    );
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(4);
    expect(kpi(ev, 'key_enterprises').actual).toBe(3);
    expect(kpi(ev, 'key_enterprises_srdi').actual).toBe(2);
  });

  it.each([
    ['district_a', 29, 9, false, false],
    ['district_a', 30, 10, true, true],
    ['district_b', 19, 4, false, false],
    ['district_b', 20, 5, true, true],
  ] as const)('%s: %i key-served, %i SRDI → met %s / %s', (type, key, srdi, metKey, metSrdi) => {
    const ev = evaluate({
      station: { type },
      ...merge(
        contactedEnterprises(srdi, { keyServed: true, srdi: 'municipal' }, 1),
        contactedEnterprises(key - srdi, { keyServed: true, srdi: 'none' }, 100),
      ),
    });
    expect(kpi(ev, 'key_enterprises')).toMatchObject({ actual: key, met: metKey });
    expect(kpi(ev, 'key_enterprises_srdi')).toMatchObject({ actual: srdi, met: metSrdi });
  });
});

describe('landed_outcomes', () => {
  it.each([
    ['district_a', 4, false],
    ['district_a', 5, true],
    ['district_b', 2, false],
    ['district_b', 3, true],
  ] as const)('%s with %i outcomes → met %s', (type, count, met) => {
    const outcomes = Array.from({ length: count }, () => outcome());
    expect(kpi(evaluate({ station: { type }, outcomes }), 'landed_outcomes')).toMatchObject({ actual: count, met });
  });
});

describe('demands (valid USCC; no listing, no district filter)', () => {
  it('counts an unlisted enterprise, another district’s and a lower-case code; not an invalid code', () => {
    const ev = evaluate({
      enterprises: [enterprise(2, { district: '110105' })],
      demands: [
        demand('D1', validUscc(1)), // not listed
        demand('D2', validUscc(2, '110105')), // listed in another district
        demand('D3', ` ${validUscc(3).toLowerCase()} `),
        demand('D4', invalidUscc(4)),
        demand('D5', ''),
      ],
    });
    expect(kpi(ev, 'demands').actual).toBe(3);
    expect(refs(ev, 'invalid_uscc')).toEqual(['demands[D4]', 'demands[D5]']);
  });

  it('two demands of the same enterprise are two demands', () => {
    const ev = evaluate({ demands: [demand('D1', validUscc(1)), demand('D2', validUscc(1))] });
    expect(kpi(ev, 'demands').actual).toBe(2);
  });

  it('an invalid code outside the period is two findings and no count', () => {
    const ev = evaluate({ demands: [demand('D1', invalidUscc(1), { collectedOn: DAY_AFTER_END })] });
    expect(kpi(ev, 'demands').actual).toBe(0);
    expect(ev.findings.map((f) => `${f.id} ${f.ref}`).sort()).toEqual([
      'invalid_uscc demands[D1]',
      'outside_period demands[D1]',
    ]);
  });

  it.each([
    ['district_a', 19, false],
    ['district_a', 20, true],
    ['district_b', 29, false],
    ['district_b', 30, true],
  ] as const)('%s with %i demands → met %s', (type, count, met) => {
    const demands = Array.from({ length: count }, (_, i) => demand(`D${i}`, validUscc(i)));
    expect(kpi(evaluate({ station: { type }, demands }), 'demands')).toMatchObject({ actual: count, met });
  });

  it('is not a KPI of iur stations', () => {
    const ev = evaluate({ station: { type: 'iur' }, demands: [demand('D1', validUscc(1))] });
    expect(ev.kpis.map((k) => k.id)).not.toContain('demands');
  });
});

describe('expert_person_times', () => {
  const experts = [expert('E1'), expert('E2', { kind: 'commissioner' }), expert('E3')];

  it('the same expert at three events is 3 person-times', () => {
    const events = ['A1', 'A2', 'A3'].map((id) => event(id, { experts: ['E1'] }));
    expect(kpi(evaluate({ experts, events }), 'expert_person_times').actual).toBe(3);
  });

  it('an expert listed twice at one event counts once', () => {
    const ev = evaluate({ experts, events: [event('A1', { experts: ['E1', 'E1', 'E2', 'E1'] })] });
    expect(kpi(ev, 'expert_person_times').actual).toBe(2);
  });

  it('unregistered expert ids do not count', () => {
    const ev = evaluate({ experts, events: [event('A1', { experts: ['E1', 'E9', 'e1', ' E1', ''] })] });
    expect(kpi(ev, 'expert_person_times').actual).toBe(1);
  });

  it('sums over events', () => {
    const ev = evaluate({
      experts,
      events: [
        event('A1', { experts: ['E1', 'E2', 'E3'] }),
        event('A2', { experts: ['E2', 'E3'] }),
        event('A3', { experts: [] }),
        event('A4', { experts: ['E1'], date: DAY_AFTER_END }),
      ],
    });
    expect(kpi(ev, 'expert_person_times').actual).toBe(5);
  });

  it.each([
    ['district_a', 19, false],
    ['district_a', 20, true],
    ['district_b', 14, false],
    ['district_b', 15, true],
    ['iur', 29, false],
    ['iur', 30, true],
  ] as const)('%s with %i person-times → met %s', (type, count, met) => {
    const many = Array.from({ length: count }, (_, i) => expert(`E${i}`));
    const ev = evaluate({
      station: { type },
      experts: many,
      events: [event('A1', { experts: many.map((x) => x.id) })],
    });
    expect(kpi(ev, 'expert_person_times')).toMatchObject({ actual: count, met });
  });
});

describe('achievements (iur)', () => {
  it('counts promoted achievements in the period only', () => {
    const ev = evaluate({
      station: { type: 'iur' },
      achievements: [
        achievement(),
        achievement({ promoted: false }),
        achievement({ promoted: true, collectedOn: DAY_BEFORE_START }),
        achievement({ promoted: false, collectedOn: PERIOD.end }),
        achievement({ collectedOn: PERIOD.start }),
      ],
    });
    expect(kpi(ev, 'achievements').actual).toBe(2);
    expect(refs(ev, 'outside_period')).toEqual(['achievements[2]']);
  });

  it.each([
    [29, false],
    [30, true],
  ])('%i promoted → met %s (target 30)', (count, met) => {
    const achievements = Array.from({ length: count }, () => achievement());
    expect(kpi(evaluate({ station: { type: 'iur' }, achievements }), 'achievements')).toMatchObject({
      target: 30,
      actual: count,
      met,
    });
  });

  it('is not a KPI of district stations', () => {
    expect(evaluate({ achievements: [achievement()] }).kpis.map((k) => k.id)).not.toContain('achievements');
  });
});

describe('reports', () => {
  describe.each(['summary', 'final_accounts'] as const)('%s (presence: 字数 ≥ 1)', (kind) => {
    const id = kind === 'summary' ? 'report_summary' : 'report_final_accounts';
    it.each([
      ['no report', null, 0],
      ['an empty text', '', 0],
      ['whitespace only', ' \n\t\u3000 ', 0],
      ['one Han character', '字', 1],
      ['one Latin word', 'ok', 1],
      ['one punctuation mark', '。', 1],
      ['a long text', '本年度工作总结。'.repeat(500), 1],
    ])('%s → %i', (_label, text, actual) => {
      const ev = evaluate({ reports: text === null ? [] : [report(kind, text)] });
      expect(kpi(ev, id)).toMatchObject({ target: 1, actual, met: actual === 1 });
    });

    it('an empty one beside a non-empty one → 1', () => {
      expect(kpi(evaluate({ reports: [report(kind, ''), report(kind, '完成')] }), id).actual).toBe(1);
    });
  });

  it('summary cites 第七条 for district stations and 第十二条 for iur; final accounts 第十二条 for both', () => {
    const a = evaluate();
    const iur = evaluate({ station: { type: 'iur' } });
    expect(kpi(a, 'report_summary').article).toBe('第七条');
    expect(kpi(iur, 'report_summary').article).toBe('第十二条');
    expect(kpi(a, 'report_final_accounts').article).toBe('第十二条');
    expect(kpi(iur, 'report_final_accounts').article).toBe('第十二条');
  });

  it.each([
    ['district_a', 'demand_analysis', 'report_demand_analysis', 2000],
    ['district_a', 'expert_service_mode', 'report_expert_service_mode', 3000],
    ['district_b', 'regional_development', 'report_regional_development', 2000],
    ['iur', 'iur_mode', 'report_iur_mode', 2000],
  ] as const)('%s %s: target−1 字 not met, target 字 met', (type, kind, id, target) => {
    const below = evaluate({ station: { type }, reports: [report(kind, '字'.repeat(target - 1))] });
    expect(kpi(below, id)).toMatchObject({ target, actual: target - 1, met: false });
    const at = evaluate({ station: { type }, reports: [report(kind, '字'.repeat(target))] });
    expect(kpi(at, id)).toMatchObject({ target, actual: target, met: true });
  });

  it('counts 字数 the Word way (docs/ledger-format.md example: 12)', () => {
    const ev = evaluate({ reports: [report('demand_analysis', '我们在2025年完成了AI项目。')] });
    expect(kpi(ev, 'report_demand_analysis').actual).toBe(12);
  });

  it('1,999 字 made of Han characters and Latin runs is still 1,999', () => {
    // 1,000 Han + 999 words separated by spaces = 1,999
    const text = `${'需'.repeat(1000)} ${Array.from({ length: 999 }, (_, i) => `w${i}`).join(' ')}`;
    expect(kpi(evaluate({ reports: [report('demand_analysis', text)] }), 'report_demand_analysis')).toMatchObject({
      actual: 1999,
      met: false,
    });
  });

  it('the longest report of the kind counts, not the sum, and other kinds do not count', () => {
    const ev = evaluate({
      reports: [
        report('demand_analysis', '字'.repeat(1500)),
        report('demand_analysis', '字'.repeat(1800)),
        report('demand_analysis', '字'.repeat(10)),
        report('expert_service_mode', '字'.repeat(5000)),
        report('iur_mode', '字'.repeat(5000)),
      ],
    });
    expect(kpi(ev, 'report_demand_analysis')).toMatchObject({ actual: 1800, met: false });
    expect(kpi(ev, 'report_expert_service_mode')).toMatchObject({ actual: 5000, met: true });
  });

  it('a report submitted after the period still counts', () => {
    const ev = evaluate({ reports: [report('summary', '总结', { submittedOn: '2026-03-01' })] }, '2026-03-02');
    expect(kpi(ev, 'report_summary').actual).toBe(1);
  });
});

describe('invalid_uscc (article null, warn)', () => {
  it('a listed enterprise with a bad code: once, even when listed twice', () => {
    const bad = invalidUscc(5);
    const ev = evaluate({ enterprises: [enterprise(5, { uscc: bad }), enterprise(6), enterprise(5, { uscc: bad })] });
    expect(ev.findings).toEqual([{ id: 'invalid_uscc', article: null, severity: 'warn', ref: `enterprises[${bad}]` }]);
  });

  it.each([
    ['a wrong check character', invalidUscc(1)],
    ['17 characters', validUscc(1).slice(0, 17)],
    ['19 characters', `${validUscc(1)}0`],
    ['a letter outside the alphabet (I)', `I${validUscc(1).slice(1)}`],
    ['empty', ''],
  ])('a contact with %s is invalid_uscc contacts[N] and not counted', (_label, code) => {
    const ev = evaluate({
      station: { type: 'iur' },
      contacts: [contact(validUscc(9)), contact(code)],
    });
    expect(ev.findings).toEqual([{ id: 'invalid_uscc', article: null, severity: 'warn', ref: 'contacts[1]' }]);
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
  });

  it('each bad contact is its own finding; a demand is referred to by id', () => {
    const bad = invalidUscc(1);
    const ev = evaluate({
      contacts: [contact(bad), contact(validUscc(2)), contact(bad)],
      demands: [demand('D-x', bad)],
    });
    expect(refs(ev, 'invalid_uscc')).toEqual(['contacts[0]', 'contacts[2]', 'demands[D-x]']);
  });

  it('a valid code in lower case with spaces is no finding', () => {
    const code = ` ${validUscc(1).toLowerCase()}  `;
    const ev = evaluate({
      enterprises: [enterprise(1, { uscc: code })],
      contacts: [contact(code)],
      demands: [demand('D1', code)],
    });
    expect(ev.findings).toEqual([]);
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
    expect(kpi(ev, 'demands').actual).toBe(1);
  });

  it('checks the check character only (no registration-authority or region check)', () => {
    // 'Y' registration authority and a made-up region are fine as long as the check character fits.
    const odd = validUscc(1, '999999', 'Y9');
    expect(isValidUscc(odd)).toBe(true);
    const ev = evaluate({ station: { type: 'iur' }, contacts: [contact(odd)], demands: [demand('D1', odd)] });
    expect(ev.findings).toEqual([]);
    expect(kpi(ev, 'enterprises_contacted').actual).toBe(1);
  });
});

describe('every finding carries the severity and article of docs/ledger-format.md', () => {
  const rules: Record<FindingId, { severity: 'block' | 'warn'; article: string | null }> = {
    forbidden_item: { severity: 'block', article: '第十七条' },
    item_not_in_category: { severity: 'block', article: '第十六条' },
    consulting_to_host_staff: { severity: 'block', article: '第十六条' },
    labour_to_fiscal_personnel: { severity: 'block', article: '第十六条' },
    after_deadline: { severity: 'block', article: '第十五条' },
    budget_overrun: { severity: 'block', article: '第十条' },
    rate_above_standard: { severity: 'warn', article: '第十条' },
    unexecuted_funds: { severity: 'warn', article: '第十五条' },
    evidence_missing: { severity: 'warn', article: '第十三条' },
    invalid_uscc: { severity: 'warn', article: null },
    outside_period: { severity: 'warn', article: null },
  };

  it('a ledger breaking every rule once gives each finding once, with its severity and article', () => {
    const ev = evaluate(
      {
        experts: [expert('E1', { hostStaff: true })],
        contacts: [contact(invalidUscc(1)), contact(validUscc(2), { date: DAY_AFTER_END })],
        events: [event('A1', { evidence: ['press'] })],
        funds: {
          granted: '150000.00',
          budget: { consulting: '0.00', labour: '0.00', activity: '100.00', meeting: '0.00', other: '0.00' },
        },
        expenses: [
          expense('F', { category: 'other', item: 'meals' }),
          expense('C', { category: 'meeting', item: 'printing' }),
          expense('H', { category: 'consulting', item: 'expert_consulting', payee: { name: 'x', expertId: 'E1' } }),
          expense('L', {
            category: 'labour',
            item: 'expert_labour',
            payee: { name: 'y', fiscallySupported: true },
          }),
          expense('D', { date: DAY_AFTER_END, amount: '1.00' }),
          expense('O', { amount: '100.01' }),
          expense('R', { category: 'consulting', item: 'expert_consulting', amount: '2400.01', days: 1 }),
        ],
      },
      '2026-01-10',
    );
    const got = ev.findings.map((f) => `${f.id} ${f.ref}`).sort();
    expect(got).toEqual(
      [
        'after_deadline expenses[D]',
        'budget_overrun budget[activity]',
        'budget_overrun budget[consulting]',
        'consulting_to_host_staff expenses[H]',
        'evidence_missing events[A1]',
        'forbidden_item expenses[F]',
        'invalid_uscc contacts[0]',
        'item_not_in_category expenses[C]',
        'labour_to_fiscal_personnel expenses[L]',
        'outside_period contacts[1]',
        'rate_above_standard expenses[R]',
        'unexecuted_funds station',
      ].sort(),
    );
    for (const f of ev.findings) {
      expect({ id: f.id, severity: f.severity, article: f.article }).toEqual({ id: f.id, ...rules[f.id] });
    }
    expect(new Set(ev.findings.map((f) => f.id))).toEqual(new Set(Object.keys(rules)));
  });
});
