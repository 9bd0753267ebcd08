import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCard, maskSecret } from './id-card';

describe('居民身份证号码 (GB 11643)', () => {
  const valid = `11010519491231002${idCardCheckChar('11010519491231002')}`;
  it('accepts the published example and computed check characters, X in either case', () => {
    expect(valid).toBe('11010519491231002X');
    expect(isValidIdCard(valid)).toBe(true);
    expect(isValidIdCard(valid.toLowerCase())).toBe(true);
    expect(isValidIdCard(` ${valid} `)).toBe(true);
  });
  it('refuses a wrong check character, a wrong length and letters', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('11010519491231002')).toBe(false);
    expect(isValidIdCard('1101051949123100AX')).toBe(false);
  });
});

describe('maskSecret', () => {
  it('keeps the first and last 4 characters', () => {
    expect(maskSecret('110105194912310021')).toBe('1101**********0021');
    expect(maskSecret('6222020200112233445')).toBe('6222***********3445');
  });
  it('masks short values entirely', () => {
    expect(maskSecret('12345678')).toBe('********');
  });
});
