import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../policy/index';
import { type ExecutionInput, execution } from './execution';

// Budget execution (预算执行, 第十五条): spent against budget by category, against granted funds and against the
// time elapsed; warnings as the end nears with money left and after the end. Integer fen throughout.

const BUDGET: Record<ExpenseCategory, number> = {
  consulting: 6_000_000,
  labour: 3_000_000,
  activity: 3_750_000,
  meeting: 1_500_000,
  other: 750_000,
};

function input(over: Partial<ExecutionInput> = {}): ExecutionInput {
  return {
    grantedFen: 15_000_000,
    budgetFen: BUDGET,
    grantSpentByCategoryFen: {},
    matchingSpentFen: 0,
    matchingPlannedFen: 0,
    periodStart: '2025-04-01',
    periodEnd: '2025-12-31',
    today: '2025-06-15',
    ...over,
  };
}

const row = (x: ReturnType<typeof execution>, c: ExpenseCategory) => x.rows.find((r) => r.category === c)!;
const levels = (x: ReturnType<typeof execution>) => x.warnings.map((w) => `${w.level} ${w.article}`);

describe('rows by category', () => {
  it('lists the five categories with budget, spent and balance', () => {
    const x = execution(input({ grantSpentByCategoryFen: { consulting: 1_500_000, other: 326_00 } }));
    expect(x.rows.map((r) => r.category)).toEqual([...EXPENSE_CATEGORIES]);
    expect(row(x, 'consulting')).toEqual({
      category: 'consulting',
      budgetFen: 6_000_000,
      spentFen: 1_500_000,
      balanceFen: 4_500_000,
      rate: 0.25,
    });
    expect(row(x, 'labour')).toMatchObject({ spentFen: 0, balanceFen: 3_000_000, rate: 0 });
    expect(x.spentGrantFen).toBe(1_532_600);
    expect(x.balanceFen).toBe(15_000_000 - 1_532_600);
  });

  it('rates are rounded half up to 4 decimals', () => {
    const x = execution(
      input({
        grantedFen: 3,
        budgetFen: { consulting: 3, labour: 3, activity: 20_000, meeting: 20_000, other: 7 },
        grantSpentByCategoryFen: { consulting: 1, labour: 2, activity: 1, meeting: 0, other: 0 },
      }),
    );
    expect(row(x, 'consulting').rate).toBe(0.3333);
    expect(row(x, 'labour').rate).toBe(0.6667);
    // 1 / 20000 = 0.00005 exactly: half up gives 0.0001
    expect(row(x, 'activity').rate).toBe(0.0001);
    expect(row(x, 'meeting').rate).toBe(0);
    // 4 of 3 granted: 1.3333
    expect(x.executionRate).toBe(1.3333);
  });

  it('a category with a budget of 0 has rate 0; no budget at all gives zero budgets and no overrun warning', () => {
    const zero = execution(input({ budgetFen: { ...BUDGET, other: 0 } }));
    expect(row(zero, 'other')).toMatchObject({ budgetFen: 0, rate: 0 });
    const none = execution(input({ budgetFen: null, grantSpentByCategoryFen: { meeting: 500 } }));
    expect(row(none, 'meeting')).toMatchObject({ budgetFen: 0, spentFen: 500, balanceFen: -500, rate: 0 });
    expect(none.warnings.filter((w) => w.article === '第十条')).toEqual([]);
  });

  it('spending over a category budget is a 第十条 warning naming the category and the excess', () => {
    const x = execution(
      input({ grantSpentByCategoryFen: { meeting: 1_500_001 }, categoryNames: { meeting: '会议费' } }),
    );
    const w = x.warnings.filter((v) => v.article === '第十条');
    expect(w).toHaveLength(1);
    expect(w[0].level).toBe('warn');
    expect(w[0].message).toContain('会议费');
    expect(w[0].message).toContain('0.01 元');
    // exactly at the budget: none
    expect(execution(input({ grantSpentByCategoryFen: { meeting: 1_500_000 } })).warnings).toEqual([]);
  });
});

describe('time elapsed (the period is inclusive at both ends)', () => {
  const ten = { periodStart: '2025-01-01', periodEnd: '2025-01-10' };

  it('before the start nothing has passed', () => {
    const x = execution(input({ ...ten, today: '2024-12-31' }));
    expect(x.timeElapsed).toBe(0);
  });

  it('on the first day, that day has passed: 1/10', () => {
    const x = execution(input({ ...ten, today: '2025-01-01' }));
    expect(x.timeElapsed).toBe(0.1);
    expect(x.daysLeft).toBe(9);
  });

  it('in the middle: 5/10', () => {
    const x = execution(input({ ...ten, today: '2025-01-05' }));
    expect(x.timeElapsed).toBe(0.5);
    expect(x.daysLeft).toBe(5);
  });

  it('on the last day and after the end: all of it, no days left', () => {
    expect(execution(input({ ...ten, today: '2025-01-10' }))).toMatchObject({ timeElapsed: 1, daysLeft: 0 });
    expect(execution(input({ ...ten, today: '2025-03-01' }))).toMatchObject({ timeElapsed: 1, daysLeft: 0 });
  });

  it('4 decimals over the 2025 period (275 days): 76/275 on 2025-06-15', () => {
    const x = execution(input({ today: '2025-06-15' }));
    expect(x.timeElapsed).toBe(0.2764);
    expect(x.daysLeft).toBe(199);
  });
});

describe('第十五条: unspent money as the end nears and after it', () => {
  // 60% spent: not slow against the time elapsed in the autumn, so only the deadline warnings can show.
  const sixty = { consulting: 6_000_000, labour: 3_000_000 };

  it('61 days before the end: no warning', () => {
    const x = execution(input({ today: '2025-10-31', grantSpentByCategoryFen: sixty }));
    expect(x.daysLeft).toBe(61);
    expect(x.warnings).toEqual([]);
  });

  it('within 60 days of the end with money left: a warning naming the days and the amount', () => {
    const x = execution(input({ today: '2025-11-01', grantSpentByCategoryFen: sixty }));
    expect(levels(x)).toEqual(['warn 第十五条']);
    expect(x.warnings[0].message).toContain('60 天');
    expect(x.warnings[0].message).toContain('60,000.00 元');
    expect(x.warnings[0].message).toContain('第十五条');
  });

  it('the warning window is a setting', () => {
    const x = execution(input({ today: '2025-11-01', grantSpentByCategoryFen: sixty, warnDays: 30 }));
    expect(x.warnings).toEqual([]);
  });

  it('after the end with money left: a warning naming the end and the amount', () => {
    const x = execution(input({ today: '2026-01-01', grantSpentByCategoryFen: sixty }));
    expect(levels(x)).toEqual(['warn 第十五条']);
    expect(x.warnings[0].message).toContain('2025-12-31');
    expect(x.warnings[0].message).toContain('结束');
    expect(x.warnings[0].message).toContain('60,000.00 元');
  });

  it('fully spent: no warning near the end nor after it', () => {
    expect(execution(input({ today: '2025-12-20', grantSpentByCategoryFen: BUDGET })).warnings).toEqual([]);
    expect(execution(input({ today: '2026-02-01', grantSpentByCategoryFen: BUDGET })).warnings).toEqual([]);
  });

  it('spending far behind the time elapsed (before the window) is an info, not a warning', () => {
    const x = execution(input({ today: '2025-09-01', grantSpentByCategoryFen: { other: 100 } }));
    expect(levels(x)).toEqual(['info 第十五条']);
  });
});

describe('matching funds (第十四条) are kept apart', () => {
  it('matching spending changes neither the rows nor the grant totals', () => {
    const base = execution(input({ grantSpentByCategoryFen: { activity: 186_050 } }));
    const x = execution(
      input({
        grantSpentByCategoryFen: { activity: 186_050 },
        matchingSpentFen: 150_000,
        matchingPlannedFen: 2_000_000,
      }),
    );
    expect(x.rows).toEqual(base.rows);
    expect(x.spentGrantFen).toBe(186_050);
    expect(x.balanceFen).toBe(15_000_000 - 186_050);
    expect(x.executionRate).toBe(base.executionRate);
    expect(x.matchingSpentFen).toBe(150_000);
    expect(x.matchingPlannedFen).toBe(2_000_000);
  });

  it('matching money does not count as spent for the deadline warning', () => {
    const x = execution(input({ today: '2026-01-01', grantSpentByCategoryFen: {}, matchingSpentFen: 15_000_000 }));
    expect(levels(x)).toEqual(['warn 第十五条']);
    expect(x.warnings[0].message).toContain('150,000.00 元');
  });
});

describe('properties over random integer fen', () => {
  const fen = fc.integer({ min: 0, max: 1_000_000_000 });
  const byCategory = fc.record({ consulting: fen, labour: fen, activity: fen, meeting: fen, other: fen });

  it('spent + balance = budget in every category; the categories add up to spentGrantFen exactly', () => {
    fc.assert(
      fc.property(byCategory, byCategory, fen, (budget, spent, granted) => {
        const x = execution(input({ grantedFen: granted, budgetFen: budget, grantSpentByCategoryFen: spent }));
        for (const r of x.rows) {
          expect(r.spentFen + r.balanceFen).toBe(budget[r.category]);
          expect(r.spentFen).toBe(spent[r.category]);
        }
        expect(x.rows.reduce((s, r) => s + r.spentFen, 0)).toBe(x.spentGrantFen);
        expect(x.spentGrantFen).toBe(EXPENSE_CATEGORIES.reduce((s, c) => s + spent[c], 0));
        expect(x.balanceFen).toBe(granted - x.spentGrantFen);
        expect(Number.isInteger(x.spentGrantFen)).toBe(true);
      }),
    );
  });

  it('rates have at most 4 decimals and are within half a unit of the 4th decimal of spent / budget', () => {
    fc.assert(
      fc.property(byCategory, byCategory, (budget, spent) => {
        const x = execution(input({ budgetFen: budget, grantSpentByCategoryFen: spent }));
        for (const v of [...x.rows.map((r) => r.rate), x.executionRate, x.timeElapsed]) {
          expect(String(v)).toMatch(/^\d+(\.\d{1,4})?$/);
        }
        for (const r of x.rows) {
          const exact = r.budgetFen > 0 ? r.spentFen / r.budgetFen : 0;
          expect(Math.abs(r.rate - exact)).toBeLessThanOrEqual(0.00005 * (1 + 1e-9) + Math.abs(exact) * 1e-12);
        }
      }),
    );
  });
});
