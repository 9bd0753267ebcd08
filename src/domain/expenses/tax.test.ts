// 劳务报酬所得 withholding against worked examples (docs/fee-standards.md), and the exactness of net→gross in fen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policy2025 } from '../policy';
import { fromGross, fromNet, purposeWarnings, withholdingFen } from './tax';

const tax = policy2025.feeStandards.labour.incomeTax;
const yuan = (n: number) => Math.round(n * 100);

describe('withholding on a gross payment (个人所得税法，劳务报酬所得)', () => {
  it.each([
    // gross, tax — worked by hand from the law's table
    [800, 0], // ≤ 800: nothing taxable
    [1000, 40], // (1000 − 800) × 20%
    [4000, 640], // (4000 − 800) × 20%: the last amount with the fixed deduction
    [4000.01, 640], // 4000.01 × 80% × 20% = 640.0016 → 640.00
    [5000, 800], // 5000 × 80% × 20%
    [25000, 4000], // taxable 20,000 × 20%: top of the first bracket
    [25000.01, 4000], // taxable 20,000.008 × 30% − 2,000 = 4,000.0024 → 4,000.00
    [62500, 13000], // taxable 50,000 × 30% − 2,000
    [100000, 25000], // taxable 80,000 × 40% − 7,000
  ])('gross %s 元 → tax %s 元', (gross, expected) => {
    expect(withholdingFen(yuan(gross), tax)).toBe(yuan(expected));
  });
});

describe('net → gross (a fee agreed after tax)', () => {
  it.each([
    [800, 800, 0],
    [3360, 4000, 640],
    [21000, 25000, 4000],
    [49500, 62500, 13000],
    [75000, 100000, 25000],
  ])('net %s 元 → gross %s 元, tax %s 元', (net, gross, t) => {
    expect(fromNet(yuan(net), tax)).toEqual({ grossFen: yuan(gross), taxFen: yuan(t), netFen: yuan(net) });
  });

  it('gross − tax = net exactly, in integer fen, and the gross is the least that pays the net', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), (netFen) => {
        const w = fromNet(netFen, tax);
        expect(Number.isSafeInteger(w.grossFen) && Number.isSafeInteger(w.taxFen)).toBe(true);
        expect(w.grossFen - w.taxFen).toBe(w.netFen);
        expect(w.netFen).toBeGreaterThanOrEqual(netFen);
        // Never more than one fen above the agreed net (rounding), and one fen less gross would pay too little.
        expect(w.netFen - netFen).toBeLessThanOrEqual(1);
        if (w.grossFen > 0) expect(fromGross(w.grossFen - 1, tax).netFen).toBeLessThan(netFen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('purpose words (第十七条)', () => {
  it('names the words found, as a warning', () => {
    expect(purposeWarnings('专家座谈会工作餐及礼品', policy2025.forbiddenPurposeWords)).toEqual(
      expect.arrayContaining(['餐', '礼品']),
    );
    expect(purposeWarnings('专家咨询（需求诊断）', policy2025.forbiddenPurposeWords)).toEqual([]);
  });
});
