import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, isYuanString, MoneyFormatError, yuanToFen } from './money';

describe('yuanToFen', () => {
  it.each([
    ['0', 0],
    ['0.00', 0],
    ['1', 100],
    ['0.1', 10],
    ['0.01', 1],
    ['0.10', 10],
    ['2400.00', 240_000],
    ['150000.00', 15_000_000],
    ['2350000', 235_000_000],
    ['007.5', 750],
    ['0.29', 29], // 0.29 * 100 is 28.999… in floating point
    ['1.13', 113],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%j → %i fen', (s, fen) => {
    expect(yuanToFen(s)).toBe(fen);
    expect(isYuanString(s)).toBe(true);
  });

  it.each([
    '',
    ' 1.00',
    '1.00 ',
    '-1.00',
    '+1',
    '1.001',
    '1.',
    '.5',
    '1,000.00',
    '1e3',
    '¥100',
    '１００',
    'NaN',
    'Infinity',
    '0x10',
    '90071992547409.92',
  ])('rejects %j', (s) => {
    expect(() => yuanToFen(s)).toThrow(MoneyFormatError);
  });

  it('rejects a number passed where a string belongs', () => {
    expect(() => yuanToFen(100 as unknown as string)).toThrow(MoneyFormatError);
    expect(isYuanString('1.001')).toBe(false);
  });
});

describe('fenToYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [240_000, '2400.00'],
    [15_000_000, '150000.00'],
    [-1250, '-12.50'],
    [-5, '-0.05'],
  ])('%i → %j', (fen, s) => {
    expect(fenToYuan(fen)).toBe(s);
  });

  it.each(['0', '1.5', '150000.00', '0.07'])('round-trips %j', (s) => {
    expect(yuanToFen(fenToYuan(yuanToFen(s)))).toBe(yuanToFen(s));
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (fen) => {
    expect(() => fenToYuan(fen)).toThrow(MoneyFormatError);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '¥0.00'],
    [99, '¥0.99'],
    [100_000, '¥1,000.00'],
    [15_000_000, '¥150,000.00'],
    [235_000_000, '¥2,350,000.00'],
    [-123_456, '-¥1,234.56'],
  ])('%i → %j', (fen, s) => {
    expect(formatYuan(fen)).toBe(s);
  });

  it('can leave out the symbol', () => {
    expect(formatYuan(235_000_000, { symbol: false })).toBe('2,350,000.00');
  });
});
