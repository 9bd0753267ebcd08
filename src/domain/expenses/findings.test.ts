import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildLedger,
  type ExpenseInput,
  expense,
  expert,
  type LedgerOverrides,
  PERIOD,
} from '../kpi/fixtures/ledger-builder';
import type { Finding, FindingId } from '../kpi/types';
import { EXPENSE_CATEGORIES, type ExpenseCategory, policy2025 } from '../policy/index';
import { aboveRate, expenseFindings } from './findings';

// Every expense rule of docs/ledger-format.md (第十条, 第十五条–第十七条, “Refused expenses”, “Rate standards in 2025”) at its
// boundary, and the `funds` block.

/** Inside the default period: no `unexecuted_funds` unless a test asks for it. */
const ON = '2025-06-30';
const AFTER_END = addDays(PERIOD.end, 1);

/** Budgets large enough that nothing overruns unless a test says so. */
const ROOMY = {
  granted: '150000.00',
  budget: {
    consulting: '100000.00',
    labour: '100000.00',
    activity: '100000.00',
    meeting: '100000.00',
    other: '100000.00',
  },
};

function run(overrides: LedgerOverrides, on = ON) {
  return expenseFindings(buildLedger({ funds: ROOMY, ...overrides }), policy2025, on);
}

/** Findings of a single expense in a clean ledger, as `id ref` strings. */
function findingsOf(e: ExpenseInput, more: LedgerOverrides = {}, on = ON): string[] {
  return run({ expenses: [e], ...more }, on)
    .findings.map((f) => `${f.id} ${f.ref}`)
    .sort();
}

function ids(findings: Finding[], id: FindingId): string[] {
  return findings
    .filter((f) => f.id === id)
    .map((f) => f.ref)
    .sort();
}

const PERMITTED: Record<ExpenseCategory, string[]> = {
  consulting: ['expert_consulting'],
  labour: ['expert_labour', 'commissioner_labour', 'temp_staff_labour'],
  activity: ['design', 'production', 'printing', 'exhibition', 'av_equipment', 'photo_video', 'translation'],
  meeting: ['venue', 'meeting_materials', 'meeting_services'],
  other: ['local_transport', 'publicity', 'partner_support', 'other'],
};

const FORBIDDEN = [
  'welfare_bonus',
  'routine_office',
  'travel_abroad',
  'hospitality',
  'meals',
  'equipment_repair',
  'equipment_purchase',
  'management_fee',
  'fine',
  'loan_repayment',
  'donation',
  'sponsorship',
  'investment',
  'unrelated',
] as const;

/** A clean expense of a category with its first permitted item. */
function inCategory(id: string, category: ExpenseCategory, over: Partial<ExpenseInput> = {}): ExpenseInput {
  return expense(id, { category, item: PERMITTED[category][0] as ExpenseInput['item'], ...over });
}

describe('items and categories (第十六条, 第十七条)', () => {
  const pairs = EXPENSE_CATEGORIES.flatMap((category) => PERMITTED[category].map((item) => [category, item] as const));

  it.each(pairs)('%s / %s is permitted: no finding', (category, item) => {
    expect(findingsOf(expense('X1', { category, item: item as ExpenseInput['item'] }))).toEqual([]);
  });

  it.each(
    EXPENSE_CATEGORIES.flatMap((category) =>
      EXPENSE_CATEGORIES.filter((c) => c !== category).map((other) => [PERMITTED[other][0], category] as const),
    ),
  )('permitted item %s booked under %s → item_not_in_category', (item, category) => {
    const f = run({ expenses: [expense('X1', { category, item: item as ExpenseInput['item'] })] }).findings;
    expect(f).toEqual([{ id: 'item_not_in_category', article: '第十六条', severity: 'block', ref: 'expenses[X1]' }]);
  });

  it.each(FORBIDDEN.flatMap((item) => EXPENSE_CATEGORIES.map((category) => [item, category] as const)))(
    'forbidden %s under %s → forbidden_item alone, never also item_not_in_category',
    (item, category) => {
      const f = run({ expenses: [expense('X1', { category, item })] }).findings;
      expect(f).toEqual([{ id: 'forbidden_item', article: '第十七条', severity: 'block', ref: 'expenses[X1]' }]);
    },
  );

  it('a forbidden matching expense is refused too', () => {
    const r = run({ expenses: [expense('X1', { item: 'hospitality', source: 'matching' })] });
    expect(ids(r.findings, 'forbidden_item')).toEqual(['expenses[X1]']);
    expect(r.funds?.spentMatching).toBe('0.00');
  });
});

describe('payees: consulting to host staff, labour to fiscally supported (第十六条)', () => {
  const experts = [
    expert('E-host', { hostStaff: true }),
    expert('E-fiscal', { fiscallySupported: true }),
    expert('E-clean'),
  ];

  it.each([
    ['the payee flag', { name: 'p', hostStaff: true }, ['consulting_to_host_staff expenses[X1]']],
    ['the registered expert’s flag', { name: 'p', expertId: 'E-host' }, ['consulting_to_host_staff expenses[X1]']],
    ['both flags', { name: 'p', expertId: 'E-host', hostStaff: true }, ['consulting_to_host_staff expenses[X1]']],
    ['neither', { name: 'p', expertId: 'E-clean' }, []],
    ['an unregistered expert id', { name: 'p', expertId: 'E-nobody' }, []],
    ['a fiscally supported payee (not host staff)', { name: 'p', fiscallySupported: true }, []],
    ['a fiscally supported expert', { name: 'p', expertId: 'E-fiscal' }, []],
    ['no payee', undefined, []],
  ] as const)('consulting to a payee judged by %s', (_label, payee, expected) => {
    const e = inCategory('X1', 'consulting', { payee: payee && { ...payee } });
    if (payee === undefined) delete e.payee;
    expect(findingsOf(e, { experts })).toEqual(expected);
  });

  it.each([
    ['the payee flag', { name: 'p', fiscallySupported: true }, ['labour_to_fiscal_personnel expenses[X1]']],
    ['the registered expert’s flag', { name: 'p', expertId: 'E-fiscal' }, ['labour_to_fiscal_personnel expenses[X1]']],
    ['neither', { name: 'p', expertId: 'E-clean' }, []],
    ['an unregistered expert id', { name: 'p', expertId: 'E-nobody' }, []],
    ['a host-staff payee (not fiscally supported)', { name: 'p', hostStaff: true }, []],
    ['a host-staff expert', { name: 'p', expertId: 'E-host' }, []],
  ] as const)('labour to a payee judged by %s', (_label, payee, expected) => {
    expect(findingsOf(inCategory('X1', 'labour', { payee: { ...payee } }), { experts })).toEqual(expected);
  });

  it.each(['activity', 'meeting', 'other'] as const)(
    '%s paid to host staff and fiscal personnel is fine',
    (category) => {
      const payee = { name: 'p', expertId: 'E-host', hostStaff: true, fiscallySupported: true };
      expect(findingsOf(inCategory('X1', category, { payee }), { experts })).toEqual([]);
    },
  );

  it('the findings are blocks citing 第十六条', () => {
    const r = run({
      experts,
      expenses: [
        inCategory('C', 'consulting', { payee: { name: 'p', expertId: 'E-host' } }),
        inCategory('L', 'labour', { payee: { name: 'p', expertId: 'E-fiscal' } }),
      ],
    });
    expect(r.findings).toEqual([
      { id: 'consulting_to_host_staff', article: '第十六条', severity: 'block', ref: 'expenses[C]' },
      { id: 'labour_to_fiscal_personnel', article: '第十六条', severity: 'block', ref: 'expenses[L]' },
    ]);
  });
});

describe('after_deadline (第十五条)', () => {
  it.each([
    ['grant', PERIOD.end, []],
    ['grant', AFTER_END, ['after_deadline expenses[X1]']],
    ['grant', '2026-06-01', ['after_deadline expenses[X1]']],
    ['grant', PERIOD.start, []],
    ['grant', addDays(PERIOD.start, -1), []], // before the start is not a deadline breach
    ['matching', PERIOD.end, []],
    ['matching', AFTER_END, []],
    ['matching', '2027-01-01', []],
  ] as const)('%s expense dated %s → %j', (source, date, expected) => {
    expect(findingsOf(expense('X1', { source, date }), {}, '2027-02-01')).toEqual(
      // on 2027-02-01 funds are unexecuted in every case
      [...expected, 'unexecuted_funds station'].sort(),
    );
  });

  it('is a block citing 第十五条 and refuses the expense', () => {
    const r = run({
      expenses: [expense('X1', { date: AFTER_END, amount: '10.00' }), expense('X2', { amount: '5.00' })],
    });
    expect(r.findings).toEqual([{ id: 'after_deadline', article: '第十五条', severity: 'block', ref: 'expenses[X1]' }]);
    expect(r.funds?.spentGrant).toBe('5.00');
  });
});

describe('budget_overrun (第十条: one finding per category, ref budget[category])', () => {
  const budget = {
    consulting: '5000.00',
    labour: '4000.00',
    activity: '3000.00',
    meeting: '2000.00',
    other: '1000.00',
  };
  const funds = { granted: '15000.00', budget };

  it.each(EXPENSE_CATEGORIES)('%s spent exactly to its budget → none; one fen over → one finding', (category) => {
    const exact = run({
      funds,
      expenses: [
        inCategory('A', category, { amount: '0.01' }),
        inCategory('B', category, { amount: (Number(budget[category]) - 0.01).toFixed(2) }),
      ],
    });
    expect(exact.findings).toEqual([]);
    expect(exact.funds?.byCategory[category]).toBe(budget[category]);

    const over = run({
      funds,
      expenses: [
        inCategory('A', category, { amount: '0.02' }),
        inCategory('B', category, { amount: (Number(budget[category]) - 0.01).toFixed(2) }),
        inCategory('C', category, { amount: '0.00' }),
      ],
    });
    expect(over.findings).toEqual([
      { id: 'budget_overrun', article: '第十条', severity: 'block', ref: `budget[${category}]` },
    ]);
  });

  it('several categories over → one finding each, however many expenses', () => {
    const r = run({
      funds,
      expenses: [
        inCategory('A', 'consulting', { amount: '5000.00' }),
        inCategory('B', 'consulting', { amount: '5000.00' }),
        inCategory('C', 'consulting', { amount: '1.00' }),
        inCategory('D', 'other', { amount: '1000.01' }),
        inCategory('E', 'meeting', { amount: '2000.00' }),
      ],
    });
    expect(ids(r.findings, 'budget_overrun')).toEqual(['budget[consulting]', 'budget[other]']);
    expect(r.findings).toHaveLength(2);
  });

  it('does not refuse: the overrunning spending is still counted', () => {
    const r = run({ funds, expenses: [inCategory('A', 'other', { amount: '1000.01' })] });
    expect(r.funds).toMatchObject({ spentGrant: '1000.01', byCategory: { other: '1000.01' } });
  });

  it('matching spending never overruns a budget', () => {
    const r = run({ funds, expenses: [inCategory('A', 'other', { amount: '99999.00', source: 'matching' })] });
    expect(r.findings).toEqual([]);
    expect(r.funds?.byCategory.other).toBe('0.00');
    expect(r.funds?.spentMatching).toBe('99999.00');
  });

  it('refused expenses do not count towards the budget', () => {
    const r = run({
      funds,
      experts: [expert('E-host', { hostStaff: true })],
      expenses: [
        inCategory('A', 'consulting', { amount: '5000.00' }),
        inCategory('B', 'consulting', { amount: '1.00', payee: { name: 'p', expertId: 'E-host' } }),
        inCategory('C', 'consulting', { amount: '1.00', date: AFTER_END }),
        expense('D', { category: 'consulting', item: 'meals', amount: '1.00' }),
        expense('E', { category: 'consulting', item: 'printing', amount: '1.00' }),
      ],
    });
    expect(ids(r.findings, 'budget_overrun')).toEqual([]);
    expect(r.funds?.byCategory.consulting).toBe('5000.00');
  });

  it('no funds block in the ledger → no budget check and no funds summary', () => {
    const ledger = buildLedger({ expenses: [inCategory('A', 'other', { amount: '99999.00' })] });
    delete (ledger as { funds?: unknown }).funds;
    const r = expenseFindings(ledger, policy2025, '2026-06-01');
    expect(r.findings).toEqual([]);
    expect(r.funds).toBeUndefined();
  });
});

describe('refused expenses count nowhere', () => {
  const experts = [expert('E-host', { hostStaff: true }), expert('E-fiscal', { fiscallySupported: true })];
  const refused: Array<[string, ExpenseInput]> = [
    ['forbidden item', expense('R', { item: 'meals', category: 'other' })],
    ['item in the wrong category', expense('R', { item: 'venue', category: 'activity' })],
    ['consulting to host staff', inCategory('R', 'consulting', { payee: { name: 'p', expertId: 'E-host' } })],
    ['labour to fiscal personnel', inCategory('R', 'labour', { payee: { name: 'p', fiscallySupported: true } })],
    ['after the deadline', expense('R', { date: AFTER_END })],
  ];

  it.each(refused)('%s: not in spentGrant, byCategory or budget_overrun', (_label, e) => {
    const tight = {
      granted: '1000.00',
      budget: { consulting: '0.00', labour: '0.00', activity: '0.00', meeting: '0.00', other: '0.00' },
    };
    const r = run({ experts, funds: tight, expenses: [{ ...e, amount: '777.77' }] });
    expect(ids(r.findings, 'budget_overrun')).toEqual([]);
    expect(r.funds).toEqual({
      granted: '1000.00',
      spentGrant: '0.00',
      spentMatching: '0.00',
      executionRate: 0,
      byCategory: { consulting: '0.00', labour: '0.00', activity: '0.00', meeting: '0.00', other: '0.00' },
    });
  });

  it.each(refused.filter(([label]) => label !== 'after the deadline'))(
    '%s paid from matching funds: not in spentMatching',
    (_label, e) => {
      const r = run({
        experts,
        expenses: [
          { ...e, source: 'matching', amount: '777.77' },
          expense('M', { source: 'matching', amount: '1.00' }),
        ],
      });
      expect(r.funds?.spentMatching).toBe('1.00');
    },
  );

  it('a warn (rate_above_standard) does not refuse', () => {
    const r = run({ expenses: [inCategory('W', 'consulting', { amount: '9999.99', days: 1 })] });
    expect(ids(r.findings, 'rate_above_standard')).toEqual(['expenses[W]']);
    expect(r.funds?.spentGrant).toBe('9999.99');
    expect(r.funds?.byCategory.consulting).toBe('9999.99');
  });
});

describe('rate_above_standard (第十条; 2025: consulting only, per person-day by grade)', () => {
  const experts = [
    expert('ACA', { grade: 'academician' }),
    expert('SEN', { grade: 'senior' }),
    expert('OTH', { grade: 'other' }),
    expert('NOG'),
  ];

  /** A consulting expense paid to `expertId` (or to a payee with no expert) of `amount` for `days`. */
  function consulting(amount: string, days: number | undefined, expertId?: string): ExpenseInput {
    const e = inCategory('X1', 'consulting', { amount, payee: { name: 'p', ...(expertId ? { expertId } : {}) } });
    if (days !== undefined) e.days = days;
    return e;
  }

  const rateFinding = [{ id: 'rate_above_standard', article: '第十条', severity: 'warn', ref: 'expenses[X1]' }];

  it.each([
    // [who, cap per day]
    ['ACA', 3600],
    ['SEN', 2400],
    ['OTH', 1500],
    ['NOG', 2400], // registered, no grade → senior
    ['UNREGISTERED', 2400], // not in the registry → senior
    [undefined, 2400], // no expert id → senior
  ] as const)('expert %s: cap %i yuan/day — at the cap none, one fen above a warning', (who, cap) => {
    expect(run({ experts, expenses: [consulting(`${cap}.00`, 1, who)] }).findings).toEqual([]);
    expect(run({ experts, expenses: [consulting(`${cap}.01`, 1, who)] }).findings).toEqual(rateFinding);
    // per person-day: 3 days at the cap is fine, one fen more over the three days is above it
    expect(run({ experts, expenses: [consulting(`${cap * 3}.00`, 3, who)] }).findings).toEqual([]);
    expect(run({ experts, expenses: [consulting(`${cap * 3}.01`, 3, who)] }).findings).toEqual(rateFinding);
  });

  it.each([
    ['0.5 days at 1200.00 (= 2400/day)', '1200.00', 0.5, false],
    ['0.5 days at 1200.01', '1200.01', 0.5, true],
    ['1.5 days at 3600.00 (= 2400/day)', '3600.00', 1.5, false],
    ['1.5 days at 3600.01', '3600.01', 1.5, true],
    ['0.1 days at 240.00 (= 2400/day exactly, 0.1 is not binary-exact)', '240.00', 0.1, false],
    ['0.1 days at 240.01', '240.01', 0.1, true],
    ['0.3 days at 720.00', '720.00', 0.3, false],
    ['0.3 days at 720.01', '720.01', 0.3, true],
    ['0.7 days at 1680.00', '1680.00', 0.7, false],
    ['2.5 days at 6000.00', '6000.00', 2.5, false],
    ['2.5 days at 6000.01', '6000.01', 2.5, true],
    ['10 days at 24000.00', '24000.00', 10, false],
    ['0.01 days at 24.00', '24.00', 0.01, false],
    ['0.01 days at 24.01', '24.01', 0.01, true],
  ])('senior, %s → above %s', (_label, amount, days, above) => {
    expect(run({ experts, expenses: [consulting(amount, days, 'SEN')] }).findings).toEqual(above ? rateFinding : []);
  });

  it('no check without days, however large the amount', () => {
    expect(run({ experts, expenses: [consulting('99999.99', undefined, 'OTH')] }).findings).toEqual([]);
  });

  it.each([
    ['labour', 'expert_labour'],
    ['labour', 'commissioner_labour'],
    ['meeting', 'venue'],
    ['activity', 'design'],
    ['other', 'other'],
  ] as const)('%s (%s) has no cap in 2025', (category, item) => {
    const e = expense('X1', { category, item, amount: '99999.99', days: 0.5, payee: { name: 'p', expertId: 'OTH' } });
    expect(run({ experts, expenses: [e] }).findings).toEqual([]);
  });

  it('the standard is after tax: with the net paid on record (an optional field), the net is checked', () => {
    // 2,400.00 paid after tax to a senior expert is exactly the standard, though the gross is 2,800.00.
    const atCap = { ...consulting('2800.00', 1, 'SEN'), net: '2400.00' };
    expect(run({ experts, expenses: [atCap] }).findings).toEqual([]);
    expect(run({ experts, expenses: [{ ...atCap, net: '2400.01' }] }).findings).toEqual(rateFinding);
    // without it, the amount is what the contract compares
    expect(run({ experts, expenses: [consulting('2800.00', 1, 'SEN')] }).findings).toEqual(rateFinding);
    // and spending counts the gross either way
    expect(run({ experts, expenses: [atCap] }).funds?.byCategory.consulting).toBe('2800.00');
  });

  it('the grade is the registered expert’s, not something on the payee', () => {
    // an academician's rate is allowed for ACA, not for OTH
    expect(run({ experts, expenses: [consulting('3600.00', 1, 'ACA')] }).findings).toEqual([]);
    expect(run({ experts, expenses: [consulting('3600.00', 1, 'OTH')] }).findings).toEqual(rateFinding);
  });
});

describe('aboveRate (exact per-day comparison)', () => {
  it.each([
    [240_000, 1, 240_000, false],
    [240_001, 1, 240_000, true],
    [120_000, 0.5, 240_000, false],
    [120_001, 0.5, 240_000, true],
    [24_000, 0.1, 240_000, false],
    [24_001, 0.1, 240_000, true],
    [79_992, 0.3333, 240_000, false], // 79,992 / 0.3333 = 240,000 exactly
    [79_993, 0.3333, 240_000, true],
    [80_000, 1 / 3, 240_000, true], // days are read as the decimal 0.3333333333333333, a little under 1/3
    [0, 0.5, 0, false],
    [1, 0.5, 0, true],
  ])('%i fen over %d days against %i fen/day → %s', (amount, days, cap, above) => {
    expect(aboveRate(amount, days, cap)).toBe(above);
  });
});

describe('unexecuted_funds (第十五条: only after the period, only when grant is not fully spent)', () => {
  const funds = {
    granted: '1000.00',
    budget: { consulting: '0.00', labour: '0.00', activity: '1000.00', meeting: '0.00', other: '0.00' },
  };

  it.each([
    ['on the last day, underspent', PERIOD.end, '999.99', false],
    ['the day after, underspent by one fen', AFTER_END, '999.99', true],
    ['the day after, fully spent', AFTER_END, '1000.00', false],
    ['long after, fully spent', '2027-01-01', '1000.00', false],
    ['inside the period, nothing spent', '2025-05-01', '0.00', false],
    ['before the period, nothing spent', '2025-01-01', '0.00', false],
    ['the day after, nothing spent', AFTER_END, '0.00', true],
  ])('%s → %s', (_label, on, spent, expected) => {
    const r = run({ funds, expenses: [expense('X1', { amount: spent })] }, on);
    expect(r.findings).toEqual(
      expected ? [{ id: 'unexecuted_funds', article: '第十五条', severity: 'warn', ref: 'station' }] : [],
    );
  });

  it('matching and refused spending do not execute the grant', () => {
    const r = run(
      {
        funds,
        expenses: [
          expense('M', { amount: '1000.00', source: 'matching' }),
          expense('F', { amount: '1000.00', item: 'fine', category: 'other' }),
        ],
      },
      AFTER_END,
    );
    expect(ids(r.findings, 'unexecuted_funds')).toEqual(['station']);
  });

  it('overspending (with budget_overrun) is not unexecuted', () => {
    const r = run({ funds, expenses: [expense('X1', { amount: '1000.01' })] }, AFTER_END);
    expect(r.findings.map((f) => f.id)).toEqual(['budget_overrun']);
  });
});

describe('funds summary', () => {
  /** Roomy budgets with another granted amount. */
  const withGranted = (granted: string) => ({ ...ROOMY, granted });

  it('lists all five categories, grant only, "0.00" where nothing was booked', () => {
    const r = run({
      expenses: [
        inCategory('A', 'consulting', { amount: '2400' }),
        inCategory('B', 'consulting', { amount: '0.5' }),
        inCategory('C', 'meeting', { amount: '6000.00' }),
        inCategory('D', 'activity', { amount: '3500.50', source: 'matching' }),
      ],
    });
    expect(r.funds).toEqual({
      granted: '150000.00',
      spentGrant: '8400.50',
      spentMatching: '3500.50',
      executionRate: 0.056,
      byCategory: { consulting: '2400.50', labour: '0.00', activity: '0.00', meeting: '6000.00', other: '0.00' },
    });
    expect(Object.keys(r.funds?.byCategory ?? {}).sort()).toEqual([...EXPENSE_CATEGORIES].sort());
  });

  it.each([
    ['150000.00', '8400.00', 0.056],
    ['3.00', '1.00', 0.3333],
    ['3.00', '2.00', 0.6667],
    ['7.00', '1.00', 0.1429],
    ['1000.00', '999.94', 0.9999], // 0.99994
    ['1000.00', '999.99', 1], // 0.99999
    ['100000.00', '99999.99', 1], // 0.9999999 rounds to 1
    ['1000.00', '1000.00', 1],
    ['1000.00', '0.00', 0],
    ['100.00', '0.01', 0.0001],
  ])('executionRate of %s granted, %s spent → %d (4 decimals)', (granted, spent, rate) => {
    const funds = withGranted(granted);
    const r = run({ funds, expenses: spent === '0.00' ? [] : [expense('X1', { amount: spent })] });
    expect(r.funds?.executionRate).toBe(rate);
    expect(r.funds?.spentGrant).toBe(spent);
  });

  it('overspending gives a rate above 1', () => {
    const r = run({ funds: withGranted('100.00'), expenses: [expense('X', { amount: '150.00' })] });
    expect(r.funds?.executionRate).toBe(1.5);
  });

  it('granted is echoed with 2 decimals', () => {
    expect(run({ funds: withGranted('5') }).funds?.granted).toBe('5.00');
    expect(run({ funds: withGranted('5.5') }).funds?.granted).toBe('5.50');
  });
});

describe('property: sums are exact in fen', () => {
  const fenToYuanBig = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
  /** The same amount written in any of the decimal forms the ledger accepts. */
  const written = (fen: number, form: number) => {
    const s = fenToYuanBig(BigInt(fen));
    if (form === 1 && s.endsWith('0')) return s.slice(0, -1); // 12.30 → 12.3
    if (form === 2 && s.endsWith('.00')) return s.slice(0, -3); // 12.00 → 12
    return s;
  };

  it('spentGrant, spentMatching, byCategory and executionRate equal BigInt sums', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fen: fc.integer({ min: 0, max: 1_000_000_000 }),
            form: fc.integer({ min: 0, max: 2 }),
            grant: fc.boolean(),
            category: fc.constantFrom(...EXPENSE_CATEGORIES),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 100_000_000_000 }),
        (rows, grantedFen) => {
          const expenses = rows.map((r, i) =>
            inCategory(`X${i}`, r.category, { amount: written(r.fen, r.form), source: r.grant ? 'grant' : 'matching' }),
          );
          const big = '9999999999.99';
          const funds = {
            granted: fenToYuanBig(BigInt(grantedFen)),
            budget: { consulting: big, labour: big, activity: big, meeting: big, other: big },
          };
          const out = run({ funds, expenses }, '2025-06-30').funds!;

          const grantRows = rows.filter((r) => r.grant);
          const spent = grantRows.reduce((s, r) => s + BigInt(r.fen), 0n);
          const matching = rows.filter((r) => !r.grant).reduce((s, r) => s + BigInt(r.fen), 0n);
          expect(out.spentGrant).toBe(fenToYuanBig(spent));
          expect(out.spentMatching).toBe(fenToYuanBig(matching));
          for (const c of EXPENSE_CATEGORIES) {
            const sum = grantRows.filter((r) => r.category === c).reduce((s, r) => s + BigInt(r.fen), 0n);
            expect(out.byCategory[c]).toBe(fenToYuanBig(sum));
          }
          // half up to 4 decimals, in integers
          const g = BigInt(grantedFen);
          const tenThousandths = (2n * spent * 10_000n + g) / (2n * g);
          expect(out.executionRate).toBe(Number(tenThousandths) / 10_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});
