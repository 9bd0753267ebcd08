import { describe, expect, it } from 'vitest';
import { categoryShares, isBehind, money, progressValue, rate } from './format';

describe('execution formats', () => {
  it('shows money from integer fen and rates with one decimal', () => {
    expect(money(15_000_000)).toBe('¥150,000.00');
    expect(money(1)).toBe('¥0.01');
    expect(rate(0.0563)).toBe('5.6%');
    expect(rate(0)).toBe('0.0%');
    expect(rate(1)).toBe('100.0%');
    expect(rate(0.12345)).toBe('12.3%');
  });

  it('caps the progress bar and flags execution a quarter behind time', () => {
    expect(progressValue(1.2)).toBe(100);
    expect(progressValue(0.4567)).toBe(45.7);
    expect(progressValue(-0.1)).toBe(0);
    expect(isBehind(0.2, 0.5)).toBe(true);
    expect(isBehind(0.25, 0.5)).toBe(false);
  });

  it('gives each category its share of the spending', () => {
    expect(categoryShares([{ spentFen: 100 }, { spentFen: 300 }, { spentFen: 0 }]).map((r) => r.share)).toEqual([
      0.25, 0.75, 0,
    ]);
    expect(categoryShares([{ spentFen: 0 }]).map((r) => r.share)).toEqual([0]);
  });
});
