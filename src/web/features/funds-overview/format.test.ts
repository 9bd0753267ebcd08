import { describe, expect, it } from 'vitest';
import { categoryShares, isBehind, progressValue } from './format';

describe('execution formats', () => {
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
