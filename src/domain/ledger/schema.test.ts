import { describe, expect, it } from 'vitest';
import {
  buildLedgerInput,
  contact,
  demand,
  enterprise,
  event,
  expense,
  expert,
  type LedgerOverrides,
  validUscc,
} from '../kpi/fixtures/ledger-builder';
import { isIsoDate, jsonPath, ledgerSchema, parseLedger, parseLedgerText } from './schema';

// The `qianqi-ledger/1` schema (docs/ledger-format.md): every problem is one `path: message` line naming the JSON path.

const has2025 = (y: number) => y === 2025;

/** The problems of a ledger built from the defaults with `overrides`, then changed by `mutate` (raw JSON). */
function problems(
  overrides: LedgerOverrides = {},
  mutate: (json: Record<string, unknown>) => void = () => {},
): string[] {
  const json = structuredClone(buildLedgerInput(overrides)) as unknown as Record<string, unknown>;
  mutate(json);
  const r = parseLedger(json, has2025);
  return r.ok ? [] : r.problems;
}

/** The paths of the problems (the part before the first `: `). */
function paths(list: string[]): string[] {
  return list.map((p) => p.slice(0, p.indexOf(': ')));
}

type Json = Record<string, unknown>;
const at = (json: Json, key: string) => json[key] as Json[];

describe('a valid ledger', () => {
  it('the builder’s default parses', () => {
    expect(problems()).toEqual([]);
  });

  it('a full ledger with every array parses and keeps its records', () => {
    const r = parseLedger(
      buildLedgerInput({
        enterprises: [enterprise(1)],
        contacts: [contact(validUscc(1))],
        demands: [demand('D1', validUscc(1))],
        experts: [expert('E1', { grade: 'academician' })],
        events: [event('A1', { experts: ['E1'] })],
        expenses: [expense('X1', { days: 0.5 })],
      }),
      has2025,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ledger.expenses[0]).toMatchObject({ id: 'X1', amount: '1000.00', days: 0.5 });
    expect(r.ledger.experts[0].grade).toBe('academician');
  });

  it('unknown extra fields are accepted everywhere (adding optional fields is allowed)', () => {
    const list = problems({ expenses: [expense('X1')], enterprises: [enterprise(1)] }, (j) => {
      j.exportedBy = 'excel-import 1.2';
      (j.station as Json).phone = '010-12345678';
      (at(j, 'expenses')[0] as Json).invoiceNo = 'FP-001';
      ((at(j, 'expenses')[0] as Json).payee as Json).bank = '某银行';
      (at(j, 'enterprises')[0] as Json).employees = 120;
      (j.funds as Json).note = '备注';
    });
    expect(list).toEqual([]);
  });

  it('missing arrays default to empty', () => {
    const json = buildLedgerInput() as unknown as Json;
    for (const k of ['enterprises', 'contacts', 'demands', 'experts', 'events', 'reports', 'expenses']) delete json[k];
    const r = parseLedger(json, has2025);
    expect(r.ok && r.ledger.expenses).toEqual([]);
  });

  it('the iur station with district null and an etown district station both parse', () => {
    expect(problems({ station: { type: 'iur', district: null } })).toEqual([]);
    expect(problems({ station: { type: 'district_b', district: 'etown' } })).toEqual([]);
  });
});

describe('money grammar (^\\d+(\\.\\d{1,2})?$, never a JSON number)', () => {
  it.each([['0'], ['2400'], ['2400.5'], ['2400.50'], ['0.01'], ['007.00']])('"%s" is accepted', (amount) => {
    expect(problems({ expenses: [expense('X1', { amount })] })).toEqual([]);
  });

  it.each([
    ['a JSON number', 2400],
    ['a JSON number with decimals', 2400.5],
    ['3 decimals', '2400.001'],
    ['negative', '-1.00'],
    ['a plus sign', '+1.00'],
    ['a trailing dot', '1.'],
    ['a leading dot', '.50'],
    ['a thousands separator', '2,400.00'],
    ['spaces', ' 1.00'],
    ['a currency sign', '¥1.00'],
    ['exponent', '1e3'],
    ['empty', ''],
    ['null', null],
  ])('amount as %s → expenses[0].amount', (_label, amount) => {
    const list = problems({ expenses: [expense('X1')] }, (j) => {
      (at(j, 'expenses')[0] as Json).amount = amount;
    });
    expect(paths(list)).toEqual(['expenses[0].amount']);
  });

  it('an optional net (after tax) may equal the amount, never exceed it', () => {
    const ok = problems({ expenses: [expense('X1')] }, (j) => {
      const e = at(j, 'expenses')[0] as Json;
      e.net = e.amount;
    });
    expect(ok).toEqual([]);
    const over = problems({ expenses: [expense('X1')] }, (j) => {
      const e = at(j, 'expenses')[0] as Json;
      e.amount = '1000.00';
      e.net = '1000.01';
    });
    expect(paths(over)).toEqual(['expenses[0].net']);
    expect(over[0]).toContain('实发金额不能大于支出金额');
  });

  it('the message of a JSON number says it must be a string', () => {
    const [p] = problems({ expenses: [expense('X1')] }, (j) => {
      (at(j, 'expenses')[0] as Json).amount = 2400;
    });
    expect(p).toMatch(/^expenses\[0\]\.amount: .*字符串/);
  });

  it.each([
    ['funds.granted', (j: Json) => ((j.funds as Json).granted = 150000)],
    ['funds.budget.meeting', (j: Json) => (((j.funds as Json).budget as Json).meeting = '1.234')],
    ['funds.budget.other', (j: Json) => (((j.funds as Json).budget as Json).other = '-5')],
  ])('%s is checked too', (path, mutate) => {
    expect(paths(problems({}, mutate))).toEqual([path]);
  });

  it('the path names the failing expense’s index', () => {
    const list = problems({ expenses: [expense('X1'), expense('X2'), expense('X3'), expense('X4')] }, (j) => {
      (at(j, 'expenses')[3] as Json).amount = '12.345';
    });
    expect(paths(list)).toEqual(['expenses[3].amount']);
  });
});

describe('codes', () => {
  it.each([
    ['an unknown item', 'expenses[0].item', (j: Json) => ((at(j, 'expenses')[0] as Json).item = 'coffee')],
    ['an unknown category', 'expenses[0].category', (j: Json) => ((at(j, 'expenses')[0] as Json).category = 'travel')],
    ['an unknown source', 'expenses[0].source', (j: Json) => ((at(j, 'expenses')[0] as Json).source = 'loan')],
    ['days 0', 'expenses[0].days', (j: Json) => ((at(j, 'expenses')[0] as Json).days = 0)],
    ['negative days', 'expenses[0].days', (j: Json) => ((at(j, 'expenses')[0] as Json).days = -1)],
    ['days as a string', 'expenses[0].days', (j: Json) => ((at(j, 'expenses')[0] as Json).days = '1')],
    ['an unknown station type', 'station.type', (j: Json) => ((j.station as Json).type = 'district_c')],
    ['an unknown srdi', 'enterprises[0].srdi', (j: Json) => ((at(j, 'enterprises')[0] as Json).srdi = 'provincial')],
    ['an unknown contact mode', 'contacts[0].mode', (j: Json) => ((at(j, 'contacts')[0] as Json).mode = 'email')],
    [
      'an unknown evidence kind',
      'events[0].evidence[1]',
      (j: Json) => ((at(j, 'events')[0] as Json).evidence = ['plan', 'video']),
    ],
    ['an unknown expert grade', 'experts[0].grade', (j: Json) => ((at(j, 'experts')[0] as Json).grade = 'professor')],
    ['a wrong format', 'format', (j: Json) => (j.format = 'qianqi-ledger/2')],
  ])('%s → %s', (_label, path, mutate) => {
    const base: LedgerOverrides = {
      expenses: [expense('X1')],
      enterprises: [enterprise(1)],
      contacts: [contact(validUscc(1))],
      events: [event('A1')],
      experts: [expert('E1')],
    };
    expect(paths(problems(base, mutate))).toEqual([path]);
  });

  it.each(['welfare_bonus', 'meals', 'unrelated'])('a forbidden item (%s) is valid input, refused later', (item) => {
    expect(problems({ expenses: [expense('X1', { item: item as 'meals' })] })).toEqual([]);
  });
});

describe('programYear', () => {
  it('a year with no policy → programYear:', () => {
    const list = problems({ programYear: 2024 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^programYear: /);
    expect(list[0]).toContain('2024');
  });

  it.each([['2025'], [2025.5], [null]])('programYear %j → programYear:', (year) => {
    expect(paths(problems({}, (j) => (j.programYear = year)))).toEqual(['programYear']);
  });

  it('a missing programYear → programYear:', () => {
    expect(paths(problems({}, (j) => delete j.programYear))).toEqual(['programYear']);
  });
});

describe('station.district', () => {
  it.each([
    ['district_a', '11010'],
    ['district_a', '1101080'],
    ['district_b', 'Etown'],
    ['district_b', '海淀区'],
    ['district_a', null],
    ['district_b', 110108],
  ] as const)('%s with district %j → station.district', (type, district) => {
    const list = problems({ station: { type, district: district as string } });
    expect(paths(list)).toEqual(['station.district']);
  });

  it.each([['110108'], ['etown']])('iur with district %s → station.district', (district) => {
    const list = problems({ station: { type: 'iur', district } });
    expect(paths(list)).toEqual(['station.district']);
    expect(list[0]).toContain('null');
  });

  it('an enterprise’s district follows the same grammar', () => {
    expect(paths(problems({ enterprises: [enterprise(1, { district: 'haidian' })] }))).toEqual([
      'enterprises[0].district',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2025-02-30', 'contacts[0].date', (j: Json, d: string) => ((at(j, 'contacts')[0] as Json).date = d)],
    ['2025-02-29', 'demands[0].collectedOn', (j: Json, d: string) => ((at(j, 'demands')[0] as Json).collectedOn = d)],
    ['2025-13-01', 'events[0].date', (j: Json, d: string) => ((at(j, 'events')[0] as Json).date = d)],
    ['2025-6-1', 'expenses[0].date', (j: Json, d: string) => ((at(j, 'expenses')[0] as Json).date = d)],
    ['2025/06/01', 'station.period.start', (j: Json, d: string) => (((j.station as Json).period as Json).start = d)],
    ['2025-04-31', 'station.period.end', (j: Json, d: string) => (((j.station as Json).period as Json).end = d)],
    ['2025-06-01T00:00:00Z', 'contacts[0].date', (j: Json, d: string) => ((at(j, 'contacts')[0] as Json).date = d)],
  ])('%s → %s', (date, path, mutate) => {
    const base: LedgerOverrides = {
      contacts: [contact(validUscc(1))],
      demands: [demand('D1', validUscc(1))],
      events: [event('A1')],
      expenses: [expense('X1')],
    };
    expect(paths(problems(base, (j) => mutate(j, date)))).toEqual([path]);
  });

  it('2024-02-29 (a leap day) is valid', () => {
    expect(problems({ contacts: [contact(validUscc(1), { date: '2024-02-29' })] })).toEqual([]);
  });

  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2025-12-31', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['20250101', false],
    [' 2025-01-01', false],
    ['', false],
  ])('isIsoDate(%j) → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});

describe('duplicate ids', () => {
  it.each<[string, LedgerOverrides]>([
    ['demands', { demands: [demand('D1', validUscc(1)), demand('D2', validUscc(1)), demand('D1', validUscc(2))] }],
    ['experts', { experts: [expert('D1'), expert('D2'), expert('D1')] }],
    ['events', { events: [event('D1'), event('D2'), event('D1')] }],
    ['expenses', { expenses: [expense('D1'), expense('D2'), expense('D1')] }],
  ])('%s: the second occurrence is the problem', (key, overrides) => {
    const list = problems(overrides);
    expect(paths(list)).toEqual([`${key}[2].id`]);
    expect(list[0]).toContain('D1');
  });

  it('the same id in different arrays is fine', () => {
    expect(
      problems({ demands: [demand('X1', validUscc(1))], events: [event('X1')], expenses: [expense('X1')] }),
    ).toEqual([]);
  });
});

describe('several problems: one line each, all reported', () => {
  it('lists every problem with its path', () => {
    const list = problems(
      { station: { type: 'iur', district: '110108' }, expenses: [expense('X1'), expense('X1')] },
      (j) => {
        (at(j, 'expenses')[0] as Json).amount = 10;
        (at(j, 'expenses')[1] as Json).item = 'coffee';
      },
    );
    expect(paths(list).sort()).toEqual([
      'expenses[0].amount',
      'expenses[1].id',
      'expenses[1].item',
      'station.district',
    ]);
    for (const line of list) expect(line).toMatch(/^[^\s:]+: \S/);
  });

  it('station problems are all reported together', () => {
    const list = problems({ station: { type: 'iur', district: '110108' } }, (j) => {
      delete (j.station as Json).name;
      ((j.station as Json).period as Json).start = '2025-02-30';
    });
    expect(paths(list).sort()).toEqual(['station.district', 'station.name', 'station.period.start']);
  });

  it('an unknown station type is one problem, not also a district one', () => {
    expect(paths(problems({ station: { type: 'district_c' as 'iur', district: null } }))).toEqual(['station.type']);
  });

  it('duplicate ids are reported beside malformed records of the same array', () => {
    const list = problems({ demands: [demand('D1', validUscc(1)), demand('D1', validUscc(2))] }, (j) => {
      (at(j, 'demands')[0] as Json).status = 'lost';
      delete (at(j, 'demands')[1] as Json).title;
    });
    expect(paths(list).sort()).toEqual(['demands[0].status', 'demands[1].id', 'demands[1].title']);
  });

  it('a period ending before it starts → station.period.end', () => {
    expect(paths(problems({ station: { period: { start: '2025-04-01', end: '2025-03-31' } } }))).toEqual([
      'station.period.end',
    ]);
  });
});

describe('parseLedgerText', () => {
  it.each([
    ['invalid JSON', '{"format": "qianqi-ledger/1",'],
    ['empty text', ''],
    ['a bare word', 'ledger'],
  ])('%s → one problem at $', (_label, text) => {
    const r = parseLedgerText(text, has2025);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^\$: /);
  });

  it.each([['[]'], ['"ledger"'], ['null'], ['42']])('JSON %s that is not an object → $', (text) => {
    const r = parseLedgerText(text, has2025);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(paths(r.problems)).toEqual(['$']);
  });

  it('parses valid text, with or without a byte-order mark', () => {
    const text = JSON.stringify(buildLedgerInput({ expenses: [expense('X1')] }));
    expect(parseLedgerText(text, has2025).ok).toBe(true);
    expect(parseLedgerText(`\uFEFF${text}`, has2025).ok).toBe(true);
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '$'],
    [['programYear'], 'programYear'],
    [['station', 'district'], 'station.district'],
    [['expenses', 3, 'amount'], 'expenses[3].amount'],
    [['events', 0, 'evidence', 1], 'events[0].evidence[1]'],
    [['funds', 'budget', 'meeting'], 'funds.budget.meeting'],
  ] as const)('%j → %s', (path, expected) => {
    expect(jsonPath(path)).toBe(expected);
  });
});

describe('ledgerSchema', () => {
  it('applies defaults the engine relies on (payee and expert flags false)', () => {
    const json = buildLedgerInput({ experts: [expert('E1')], expenses: [expense('X1')] }) as unknown as Json;
    delete (at(json, 'experts')[0] as Json).hostStaff;
    delete ((at(json, 'expenses')[0] as Json).payee as Json).fiscallySupported;
    const r = ledgerSchema.parse(json);
    expect(r.experts[0].hostStaff).toBe(false);
    expect(r.expenses[0].payee?.fiscallySupported).toBe(false);
  });
});
