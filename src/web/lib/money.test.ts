import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('money on screen', () => {
  it('shows integer fen as yuan with two decimals and the unit', () => {
    expect(formatMoney(15_000_000)).toBe('150,000.00 元');
    expect(formatMoney(1)).toBe('0.01 元');
    expect(formatMoney(123_456)).toBe('1,234.56 元');
    expect(formatMoney(-250)).toBe('-2.50 元');
  });
});
