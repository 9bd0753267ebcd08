import { describe, expect, it } from 'vitest';
import { policy2025 } from '../../../domain/policy';
import {
  actionTitle,
  budgetTotalFromInputs,
  defaultTargets,
  fenToYuanInput,
  fieldPathOf,
  fromFormValues,
  parseYuan,
  percentToShare,
  remainingPlaces,
  scoreTotal,
  sectionOf,
  shareToPercent,
  toFormValues,
} from './application-helpers';

const kpisA = policy2025.kpis.district_a;

describe('yuan typed by a user → integer fen', () => {
  it.each([
    ['30000', 3_000_000],
    ['30000.5', 3_000_050],
    ['30000.50', 3_000_050],
    ['0.01', 1],
    ['0.1', 10],
    ['150,000.00', 15_000_000],
    [' 1 234 ', 123_400],
    ['１２３．４', 12_340],
    ['¥88', 8_800],
    ['88元', 8_800],
    ['12.', 1_200],
    ['0', 0],
  ])('%s → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it('never goes through a float: 0.1 + 0.2 yuan is exactly 30 fen', () => {
    expect(budgetTotalFromInputs({ consulting: '0.1', labour: '0.2' })).toBe(30);
    expect(
      budgetTotalFromInputs({
        consulting: '60000',
        labour: '30000',
        activity: '37500',
        meeting: '15000',
        other: '7500',
      }),
    ).toBe(15_000_000);
  });

  it('treats empty as not filled', () => {
    expect(parseYuan('')).toEqual({ ok: true, fen: null });
    expect(parseYuan(undefined)).toEqual({ ok: true, fen: null });
    expect(parseYuan('  ')).toEqual({ ok: true, fen: null });
  });

  it('refuses what is not an amount, with a message', () => {
    expect(parseYuan('-5')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseYuan('1.234')).toEqual({ ok: false, message: '金额最多两位小数（精确到分）' });
    expect(parseYuan('abc').ok).toBe(false);
    expect(parseYuan('1e5').ok).toBe(false);
    expect(parseYuan('.5').ok).toBe(false);
    expect(parseYuan('999999999999').ok).toBe(false);
  });

  it('ignores bad inputs in the live total (the field shows its own error)', () => {
    expect(budgetTotalFromInputs({ consulting: '100', labour: 'x' })).toBe(10_000);
    expect(budgetTotalFromInputs(undefined)).toBe(0);
  });

  it('shows fen back as the text of an input', () => {
    expect(fenToYuanInput(3_000_000)).toBe('30000');
    expect(fenToYuanInput(3_000_050)).toBe('30000.50');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(fenToYuanInput(0)).toBe('0');
    expect(fenToYuanInput(undefined)).toBe('');
  });
});

describe('form values ↔ ApplicationForm', () => {
  it('shares are percentages on the page and fractions in the data', () => {
    expect(shareToPercent(0.4)).toBe(40);
    expect(shareToPercent(0.35)).toBe(35);
    expect(percentToShare(35)).toBe(0.35);
    expect(percentToShare(40)).toBe(0.4);
  });

  it('prefills the year targets for KPIs without a value', () => {
    const d = defaultTargets(kpisA, { events: 8 });
    expect(d.events).toBeUndefined();
    expect(d.association_share).toBe(40);
    expect(d.enterprises_contacted).toBe(50);
  });

  it('round-trips a form', () => {
    const form = {
      stationName: '海淀站',
      stationType: 'district_a' as const,
      districtCode: '110108',
      targets: { events: 6, association_share: 0.45 },
      budgetFen: { consulting: 6_000_000, labour: 3_000_050 },
      matchingFundsFen: 100_000,
      schedule: [{ month: '2027-03', content: '需求征集会' }],
    };
    const values = toFormValues(form, kpisA);
    expect(values.targets?.association_share).toBe(45);
    expect(values.targets?.demands).toBe(20);
    expect(values.budgetYuan).toEqual({ consulting: '60000', labour: '30000.50' });
    expect(values.matchingFundsYuan).toBe('1000');
    const back = fromFormValues(
      { ...values, schedule: [...(values.schedule ?? []), { month: null, content: '  ' }] },
      kpisA,
      'society',
    );
    expect(back.targets?.association_share).toBe(0.45);
    expect(back.targets?.events).toBe(6);
    expect(back.budgetFen).toEqual({ consulting: 6_000_000, labour: 3_000_050 });
    expect(back.matchingFundsFen).toBe(100_000);
    expect(back.schedule).toEqual([{ month: '2027-03', content: '需求征集会' }]);
    expect(back.publicInstitutionClass).toBeNull();
    expect(back.hasOwnAssociation).toBeNull();
  });

  it('sends only the KPIs of the chosen type, and no district for an IUR station', () => {
    const back = fromFormValues(
      { stationType: 'iur', districtCode: '110108', targets: { events: 4, achievements: 30 } },
      policy2025.kpis.iur,
      'university_association',
    );
    expect(back.targets).toEqual({ achievements: 30 });
    expect(back.districtCode).toBeNull();
  });
});

describe('server paths, sections, articles', () => {
  it('maps server paths to the page fields and sections', () => {
    expect(fieldPathOf('form.budgetFen.labour')).toBe('budgetYuan.labour');
    expect(fieldPathOf('matchingFundsFen')).toBe('matchingFundsYuan');
    expect(fieldPathOf('form.targets.events')).toBe('targets.events');
    expect(sectionOf('budgetFen')).toBe('sec-budget');
    expect(sectionOf('files.work_plan')).toBe('sec-files');
    expect(sectionOf('leaderPhone')).toBe('sec-people');
    expect(sectionOf('schedule')).toBe('sec-plan');
    expect(sectionOf('host')).toBe('sec-basic');
  });

  it('names each action with its article', () => {
    expect(actionTitle('recommend', 'submitted')).toBe('推荐（第六条）');
    expect(actionTitle('submit', 'draft')).toBe('提交（第十条）');
    expect(actionTitle('return', 'submitted')).toBe('退回（第六条）');
    expect(actionTitle('reject', 'under_review')).toBe('不予立项（第十条）');
  });

  it('totals a reviewer’s scores and knows when every criterion is scored', () => {
    const rubric = [
      { id: 'a', weight: 30 },
      { id: 'b', weight: 70 },
    ];
    expect(scoreTotal(rubric, { a: 20 })).toEqual({ total: 20, complete: false, max: 100 });
    expect(scoreTotal(rubric, { a: 20, b: 71 })).toEqual({ total: 20, complete: false, max: 100 });
    expect(scoreTotal(rubric, { a: 20, b: 65 })).toEqual({ total: 85, complete: true, max: 100 });
  });

  it('counts remaining places', () => {
    expect(remainingPlaces({ quota: 3, approved: 1 })).toBe(2);
    expect(remainingPlaces({ quota: 3, approved: 5 })).toBe(0);
  });
});
