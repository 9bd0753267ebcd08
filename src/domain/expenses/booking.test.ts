import { describe, expect, it } from 'vitest';
import type { Ledger, LedgerExpense } from '../ledger/schema';
import { EXPENSE_CATEGORIES, type ExpenseCategory, FORBIDDEN_ITEM_CODES, policy2025 } from '../policy/index';
import { type BookingContext, checkBooking } from './booking';

// Booking an expense (issue #5): every refusal of docs/ledger-format.md at its boundary, decided before the row exists, with the
// article and a Chinese sentence that names the rule; warnings (rate standard, purpose words) never refuse.

type Expert = Ledger['experts'][number];

const PERIOD_END = '2025-12-31';

/** A budget large enough that nothing overruns unless a test says so. */
const ROOMY: Record<ExpenseCategory, number> = {
  consulting: 10_000_000,
  labour: 10_000_000,
  activity: 10_000_000,
  meeting: 10_000_000,
  other: 10_000_000,
};

function ctx(over: Partial<BookingContext> = {}): BookingContext {
  return {
    policy: policy2025,
    periodEnd: PERIOD_END,
    experts: new Map(),
    budgetFen: ROOMY,
    spentInCategoryFen: 0,
    ...over,
  };
}

function expense(over: Partial<LedgerExpense> = {}): LedgerExpense {
  return {
    id: 'new',
    date: '2025-06-15',
    category: 'activity',
    item: 'printing',
    amount: '1000.00',
    source: 'grant',
    payee: { name: '北京某印务有限公司', hostStaff: false, fiscallySupported: false },
    purpose: '宣传册印制',
    ...over,
  };
}

function expert(id: string, over: Partial<Expert> = {}): Expert {
  return { id, name: `专家${id}`, kind: 'expert', hostStaff: false, fiscallySupported: false, ...over };
}

function experts(...xs: Expert[]): Map<string, Expert> {
  return new Map(xs.map((x) => [x.id, x]));
}

const blockIds = (e: LedgerExpense, c: BookingContext = ctx()) => checkBooking(e, c).blocks.map((b) => b.id);
const warnIds = (e: LedgerExpense, c: BookingContext = ctx()) => checkBooking(e, c).warnings.map((w) => w.id);

/** A payee who is the registered expert `id`, with no flags of its own. */
function payeeOf(id: string): NonNullable<LedgerExpense['payee']> {
  return { name: `专家${id}`, expertId: id, hostStaff: false, fiscallySupported: false };
}

/** A consulting fee to a person, `amount` for `days` person-days. */
function consulting(amount: string, days: number, over: Partial<LedgerExpense> = {}): LedgerExpense {
  return expense({
    category: 'consulting',
    item: 'expert_consulting',
    amount,
    days,
    payee: { name: '王教授', hostStaff: false, fiscallySupported: false },
    purpose: '企业技术需求诊断专家咨询',
    ...over,
  });
}

describe('a clean booking', () => {
  it('has neither blocks nor warnings', () => {
    expect(checkBooking(expense(), ctx())).toEqual({ blocks: [], warnings: [] });
  });
});

describe('forbidden items (第十七条)', () => {
  it('meals are refused as forbidden_item citing 第十七条, the message names 用餐支出 and the article', () => {
    const { blocks, warnings } = checkBooking(expense({ category: 'other', item: 'meals', purpose: '活动' }), ctx());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'forbidden_item', article: '第十七条', severity: 'block' });
    expect(blocks[0].message).toContain('用餐支出');
    expect(blocks[0].message).toContain('第十七条');
    expect(blocks[0].message).toContain('不能记账');
    expect(warnings).toEqual([]);
  });

  it.each(FORBIDDEN_ITEM_CODES.flatMap((item) => EXPENSE_CATEGORIES.map((category) => [item, category] as const)))(
    'forbidden %s under %s gets forbidden_item alone, never also item_not_in_category',
    (item, category) => {
      const { blocks } = checkBooking(expense({ category, item, purpose: '活动' }), ctx());
      expect(blocks.map((b) => b.id)).toEqual(['forbidden_item']);
      const named = policy2025.forbiddenItems.find((f) => f.code === item)!;
      expect(blocks[0].message).toContain(named.name);
      expect(blocks[0].message).toContain(`第十七条${named.clause}`);
    },
  );

  it('a forbidden item paid from matching funds is refused too', () => {
    expect(blockIds(expense({ item: 'hospitality', source: 'matching', purpose: '活动' }))).toEqual(['forbidden_item']);
  });

  it('a forbidden item over the budget is one breach: no budget_overrun beside it', () => {
    const c = ctx({ budgetFen: { ...ROOMY, other: 0 } });
    expect(blockIds(expense({ category: 'other', item: 'fine', purpose: '处理' }), c)).toEqual(['forbidden_item']);
  });
});

describe('items and categories (第十六条)', () => {
  it('a permitted item under the wrong category is item_not_in_category citing 第十六条, naming item and category', () => {
    const { blocks } = checkBooking(expense({ category: 'consulting', item: 'printing' }), ctx());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'item_not_in_category', article: '第十六条', severity: 'block' });
    expect(blocks[0].message).toContain('资料印刷');
    expect(blocks[0].message).toContain('咨询费');
    expect(blocks[0].message).toContain('第十六条');
  });

  it.each(policy2025.expenseCategories.flatMap((c) => c.items.map((i) => [c.code, i.code] as const)))(
    '%s / %s is permitted',
    (category, item) => {
      expect(blockIds(expense({ category, item }))).toEqual([]);
    },
  );
});

describe('payees (第十六条)', () => {
  it('consulting to a payee flagged host staff is refused, the message names the payee and the rule', () => {
    const e = consulting('1000.00', 1, { payee: { name: '李工', hostStaff: true, fiscallySupported: false } });
    const { blocks } = checkBooking(e, ctx());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'consulting_to_host_staff', article: '第十六条', severity: 'block' });
    expect(blocks[0].message).toContain('李工');
    expect(blocks[0].message).toContain('依托单位工作人员');
    expect(blocks[0].message).toContain('第十六条');
  });

  it('consulting to a registered expert flagged host staff is refused although the payee says no', () => {
    const e = consulting('1000.00', 1, {
      payee: { name: '赵研究员', expertId: 'E7', hostStaff: false, fiscallySupported: false },
    });
    const c = ctx({ experts: experts(expert('E7', { hostStaff: true })) });
    expect(blockIds(e, c)).toEqual(['consulting_to_host_staff']);
    // The same payee with a clean registry entry is allowed.
    expect(blockIds(e, ctx({ experts: experts(expert('E7')) }))).toEqual([]);
  });

  it('a host staff member may be paid labour; a fiscally supported one may be paid consulting', () => {
    const labour = expense({
      category: 'labour',
      item: 'temp_staff_labour',
      payee: { name: '李工', hostStaff: true, fiscallySupported: false },
    });
    expect(blockIds(labour)).toEqual([]);
    const fee = consulting('1000.00', 1, { payee: { name: '钱处长', hostStaff: false, fiscallySupported: true } });
    expect(blockIds(fee)).toEqual([]);
  });

  it('labour to a payee flagged fiscally supported is refused citing 第十六条', () => {
    const e = expense({
      category: 'labour',
      item: 'expert_labour',
      payee: { name: '钱处长', hostStaff: false, fiscallySupported: true },
    });
    const { blocks } = checkBooking(e, ctx());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'labour_to_fiscal_personnel', article: '第十六条', severity: 'block' });
    expect(blocks[0].message).toContain('钱处长');
    expect(blocks[0].message).toContain('财政供养人员');
    expect(blocks[0].message).toContain('第十六条');
  });

  it('labour to a registered expert flagged fiscally supported is refused although the payee says no', () => {
    const e = expense({
      category: 'labour',
      item: 'commissioner_labour',
      payee: { name: '孙特派员', expertId: 'E2', hostStaff: false, fiscallySupported: false },
    });
    expect(blockIds(e, ctx({ experts: experts(expert('E2', { fiscallySupported: true })) }))).toEqual([
      'labour_to_fiscal_personnel',
    ]);
    expect(blockIds(e, ctx({ experts: experts(expert('E2')) }))).toEqual([]);
  });
});

describe('after the period (第十五条)', () => {
  it('the last day of the period is allowed', () => {
    expect(blockIds(expense({ date: PERIOD_END }))).toEqual([]);
  });

  it('the day after the end is refused as after_deadline, the message names the end and 第十五条', () => {
    const { blocks } = checkBooking(expense({ date: '2026-01-01' }), ctx());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'after_deadline', article: '第十五条', severity: 'block' });
    expect(blocks[0].message).toContain(PERIOD_END);
    expect(blocks[0].message).toContain('第十五条');
  });

  it('matching funds spent after the end are allowed', () => {
    expect(blockIds(expense({ date: '2026-01-01', source: 'matching' }))).toEqual([]);
  });
});

describe('budget (第十条, 第十一条)', () => {
  const budget = { ...ROOMY, meeting: 100_000 };
  const meeting = (amount: string, over: Partial<LedgerExpense> = {}) =>
    expense({ category: 'meeting', item: 'venue', amount, purpose: '对接会场地', ...over });

  it('booking exactly the rest of the budget is allowed', () => {
    expect(blockIds(meeting('100.00'), ctx({ budgetFen: budget, spentInCategoryFen: 90_000 }))).toEqual([]);
  });

  it('one fen over is refused as budget_overrun citing 第十条; the message names budget, spent, amount and excess', () => {
    const { blocks } = checkBooking(meeting('100.01'), ctx({ budgetFen: budget, spentInCategoryFen: 90_000 }));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ id: 'budget_overrun', article: '第十条', severity: 'block' });
    const m = blocks[0].message;
    expect(m).toContain('会议费');
    expect(m).toContain('1,000.00');
    expect(m).toContain('900.00');
    expect(m).toContain('100.01');
    expect(m).toContain('超出预算 0.01 元');
    expect(m).toContain('第十条');
  });

  it('only the expense category counts: another category’s room does not help', () => {
    const c = ctx({ budgetFen: { ...ROOMY, meeting: 0 }, spentInCategoryFen: 0 });
    expect(blockIds(meeting('0.01'), c)).toEqual(['budget_overrun']);
  });

  it('matching funds are never checked against the budget', () => {
    const c = ctx({ budgetFen: budget, spentInCategoryFen: 100_000 });
    expect(blockIds(meeting('5000.00', { source: 'matching' }), c)).toEqual([]);
  });

  it('without a budget there is no budget check', () => {
    expect(blockIds(meeting('99999.99'), ctx({ budgetFen: null, spentInCategoryFen: 10_000_000 }))).toEqual([]);
  });
});

describe('rate standard (第十条, 财科教〔2017〕128号): a warning, never a refusal', () => {
  it('2400 yuan a day to a senior expert is at the cap: no warning', () => {
    const c = ctx({ experts: experts(expert('E1', { grade: 'senior' })) });
    const e = consulting('2400.00', 1, { payee: payeeOf('E1') });
    expect(checkBooking(e, c)).toEqual({ blocks: [], warnings: [] });
  });

  it('one fen above the cap is a rate_above_standard warning citing 第十条 and the source, and books', () => {
    const c = ctx({ experts: experts(expert('E1', { grade: 'senior' })) });
    const e = consulting('2400.01', 1, { payee: payeeOf('E1') });
    const { blocks, warnings } = checkBooking(e, c);
    expect(blocks).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ id: 'rate_above_standard', article: '第十条', severity: 'warn' });
    expect(warnings[0].message).toContain('2,400.01');
    expect(warnings[0].message).toContain('2,400.00');
    expect(warnings[0].message).toContain('第十条');
    expect(warnings[0].message).toContain('财科教〔2017〕128号');
  });

  it('the cap is per person-day: 4800 for 2 days is allowed, 4800.01 warns', () => {
    expect(warnIds(consulting('4800.00', 2))).toEqual([]);
    expect(warnIds(consulting('4800.01', 2))).toEqual(['rate_above_standard']);
  });

  it('a payee with no registered expert, or an expert without grade, is judged as senior', () => {
    expect(warnIds(consulting('2400.00', 1))).toEqual([]);
    expect(warnIds(consulting('2400.01', 1))).toEqual(['rate_above_standard']);
    const c = ctx({ experts: experts(expert('E3')) });
    expect(warnIds(consulting('2400.01', 1, { payee: payeeOf('E3') }), c)).toEqual(['rate_above_standard']);
  });

  it('the grade moves the cap: academician 3600, other 1500', () => {
    const c = ctx({ experts: experts(expert('A', { grade: 'academician' }), expert('O', { grade: 'other' })) });
    const to = (id: string, amount: string) => consulting(amount, 1, { payee: payeeOf(id) });
    expect(warnIds(to('A', '3600.00'), c)).toEqual([]);
    expect(warnIds(to('A', '3600.01'), c)).toEqual(['rate_above_standard']);
    expect(warnIds(to('O', '1500.00'), c)).toEqual([]);
    expect(warnIds(to('O', '1500.01'), c)).toEqual(['rate_above_standard']);
  });

  it('without days there is no rate check; labour has no cap in 2025', () => {
    expect(warnIds(consulting('99999.00', 1, { days: undefined }))).toEqual([]);
    const labour = expense({ category: 'labour', item: 'expert_labour', amount: '99999.00', days: 1 });
    expect(checkBooking(labour, ctx())).toEqual({ blocks: [], warnings: [] });
  });
});

describe('purpose words (第十七条): warnings, never blocks', () => {
  it('餐 in the purpose warns citing 第十七条 and books', () => {
    const { blocks, warnings } = checkBooking(expense({ purpose: '对接会工作餐' }), ctx());
    expect(blocks).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ id: 'purpose_word', article: '第十七条', severity: 'warn' });
    expect(warnings[0].message).toContain('“餐”');
    expect(warnings[0].message).toContain('第十七条');
  });

  it('礼品 warns likewise; two words give two warnings', () => {
    expect(checkBooking(expense({ purpose: '专家礼品' }), ctx()).warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('“礼品”'),
    ]);
    const two = checkBooking(expense({ purpose: '礼品及工作餐' }), ctx());
    expect(two.blocks).toEqual([]);
    expect(two.warnings.map((w) => w.id)).toEqual(['purpose_word', 'purpose_word']);
  });

  it('a purpose word never turns a clean booking into a refusal, even at the budget’s edge', () => {
    const c = ctx({ budgetFen: { ...ROOMY, activity: 100_000 }, spentInCategoryFen: 0 });
    const r = checkBooking(expense({ amount: '1000.00', purpose: '宴请' }), c);
    expect(r.blocks).toEqual([]);
    expect(r.warnings.map((w) => w.id)).toEqual(['purpose_word']);
  });

  it('a purpose without such words has no warning', () => {
    expect(warnIds(expense({ purpose: '数字化改造诊断' }))).toEqual([]);
  });
});
