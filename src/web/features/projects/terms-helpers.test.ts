import { describe, expect, it } from 'vitest';
import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import {
  dayAfter,
  fenToYuanInput,
  formatTarget,
  formValuesToTerms,
  parseYuanToFen,
  percentToShare,
  shareToPercent,
  sumYuanInputs,
  termsIssuePath,
  termsToFormValues,
} from './terms-helpers';

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['60000', 6_000_000],
    ['60000.5', 6_000_050],
    ['60000.05', 6_000_005],
    ['0.1', 10],
    ['0.01', 1],
    ['100.', 10_000],
    ['007.10', 710],
    ['60,000.50', 6_000_050],
    ['1,234,567', 123_456_700],
    [' ¥ 1 234.56 ', 123_456],
    ['￥88', 8_800],
    ['150000元', 15_000_000],
    ['１２．３', 1_230],
    ['100000000', 10_000_000_000],
    // the float trap: 0.1 + 0.2 and 1.005 * 100 are not what they seem in binary
    ['1.005', null],
    ['19.99', 1_999],
    ['4.35', 435],
  ])('%j → %j', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each(['', ' ', '-1', '+1', '1e5', 'abc', '.5', '1.234', '12,34', '1,2345', '100000000.01', '99999999999999'])(
    'refuses %j',
    (input) => {
      expect(parseYuanToFen(input)).toBeNull();
    },
  );

  it('refuses what is not text', () => {
    expect(parseYuanToFen(null)).toBeNull();
    expect(parseYuanToFen(undefined)).toBeNull();
    expect(parseYuanToFen(12 as unknown as string)).toBeNull();
  });

  it('round-trips with fenToYuanInput', () => {
    for (const fen of [0, 1, 10, 99, 100, 4_35, 6_000_000, 6_000_050, 3_750_000, 123_456_789]) {
      expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen);
    }
  });
});

describe('fenToYuanInput', () => {
  it.each([
    [0, '0'],
    [5, '0.05'],
    [6_000_000, '60000'],
    [6_000_050, '60000.50'],
    [-250, '-2.50'],
  ])('%d → %s', (fen, text) => {
    expect(fenToYuanInput(fen)).toBe(text);
  });
});

describe('sumYuanInputs', () => {
  it('adds exactly in fen', () => {
    expect(sumYuanInputs(['0.1', '0.2'])).toBe(30);
    expect(sumYuanInputs(['60000', '30000', '37500', '15000', '7500'])).toBe(15_000_000);
  });
  it('is null while an input is not an amount', () => {
    expect(sumYuanInputs(['1', 'x'])).toBeNull();
    expect(sumYuanInputs(['1', undefined])).toBeNull();
  });
});

describe('shares', () => {
  it('shows a fraction as a percentage and back without binary noise', () => {
    expect(shareToPercent(0.4)).toBe(40);
    expect(shareToPercent(0.333)).toBe(33.3);
    expect(percentToShare(33.3)).toBe(0.333);
    expect(percentToShare(40)).toBe(0.4);
    expect(percentToShare(45.5)).toBe(0.455);
  });
});

describe('formatTarget', () => {
  it('reads like the KPI pages', () => {
    expect(formatTarget(0.4, { measure: 'share', unit: '' })).toBe('40.0%');
    expect(formatTarget(4, { measure: 'count', unit: '场' })).toBe('4 场');
    expect(formatTarget(3000, { measure: 'words', unit: '字' })).toBe('3,000 字');
    expect(formatTarget(undefined, { measure: 'count', unit: '场' })).toBe('—');
  });
});

const base: AgreementTerms = {
  stationName: '海淀区“千人进千企”工作站点',
  stationType: 'district_a',
  districtCode: '110108',
  periodStart: '2025-04-01',
  periodEnd: '2025-12-31',
  leaderName: '刘洋',
  leaderPhone: '13913703701',
  contactName: '郑爽',
  contactPhone: '010-82012813',
  targets: { events: 4, association_share: 0.333 },
  budgetFen: { consulting: 6_000_000, labour: 3_000_000, activity: 3_750_000, meeting: 1_500_000, other: 750_000 },
  matchingFundsFen: 0,
  activityPlan: '按季度举办需求征集会',
};
const kpis = [
  { id: 'events', measure: 'count' },
  { id: 'association_share', measure: 'share' },
] as const;

describe('form values ↔ terms', () => {
  it('an untouched form gives the same terms back', () => {
    const v = termsToFormValues(base, kpis);
    expect(v.targets).toEqual({ events: 4, association_share: 33.3 });
    expect(v.budgetYuan.activity).toBe('37500');
    expect(formValuesToTerms(base, v, kpis)).toEqual(base);
  });

  it('moves money between categories in fen and changes the leader', () => {
    const v = termsToFormValues(base, kpis);
    v.budgetYuan.consulting = '59999.90';
    v.budgetYuan.other = '7500.10';
    v.leaderName = ' 王芳 ';
    v.targets.association_share = 45;
    const t = formValuesToTerms(base, v, kpis);
    expect(t.budgetFen.consulting).toBe(5_999_990);
    expect(t.budgetFen.other).toBe(750_010);
    expect(Object.values(t.budgetFen).reduce((a, b) => a + b, 0)).toBe(15_000_000);
    expect(t.leaderName).toBe('王芳');
    expect(t.targets.association_share).toBe(0.45);
    expect(t.stationName).toBe(base.stationName);
  });
});

describe('termsIssuePath', () => {
  it.each([
    ['terms.budgetFen', 'budgetYuan'],
    ['terms.budgetFen.labour', 'budgetYuan.labour'],
    ['terms.matchingFundsFen', 'matchingFundsYuan'],
    ['terms.targets.events', 'targets.events'],
    ['terms.leaderName', 'leaderName'],
    ['effectiveOn', 'effectiveOn'],
  ])('%s → %s', (from, to) => {
    expect(termsIssuePath(from)).toBe(to);
  });
});

describe('dates', () => {
  it('the day after, across months and years', () => {
    expect(dayAfter('2026-11-29')).toBe('2026-11-30');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });
});
