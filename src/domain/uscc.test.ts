import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckChar } from './uscc';

// Hand check of 91350100M000100Y43 (GB 32100-2015 appendix example): values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4,
// weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
// 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → check character “3”.

describe('usccCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['9144030071526726X', 'G'], // 深圳市腾讯计算机系统有限公司
    ['91440300192203821', '6'], // 华为技术有限公司
    ['91110000802100433', 'B'], // 北京百度网讯科技有限公司
    ['91110108551385082', 'Q'], // 小米科技有限责任公司
    ['91330100716105852', 'F'], // 阿里巴巴（中国）有限公司
  ])('%s → %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it('maps a remainder of 0 to “0”, not to the 32nd character', () => {
    // all zeros: sum 0, 31 − 0 = 31, which the standard writes as 0
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it.each([['9135010'], ['91350100M000100Y4X'], ['91350100I000100Y4'], ['91350100m000100Y4']])(
    'rejects malformed input %s',
    (input) => {
      expect(() => usccCheckChar(input)).toThrow(RangeError);
    },
  );
});

describe('isValidUscc', () => {
  it.each([
    '91350100M000100Y43',
    '9144030071526726XG',
    '914403001922038216',
    '91110000802100433B',
    '91110108551385082Q',
    '91330100716105852F',
    '000000000000000000',
    ' 91110108551385082Q ', // trimmed
    '91110108551385082q', // upper-cased
    '9144030071526726xg',
    '\t91350100m000100y43\n',
  ])('accepts %j', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['wrong check character (letter)', '91110108551385082R'],
    ['a transposition', '19350100M000100Y43'],
    ['the docs/ledger-format.md placeholder', '91110108MA00000000'],
    ['letter I', '91350100I000100Y43'],
    ['letter O', '91350100O000100Y43'],
    ['letter Z', '91350100Z000100Y43'],
    ['letter S', '91350100S000100Y43'],
    ['letter V', '91350100V000100Y43'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['empty', ''],
    ['only spaces', '   '],
    ['an inner space', '91350100M 000100Y43'],
    ['full-width digits', '９１３５０１００M000100Y43'],
    ['a hyphen', '91350100-M000100Y4'],
  ])('rejects %s: %j', (_, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('finds every single-character substitution of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = '91110108551385082Q';
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        expect(isValidUscc(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe('normalizeUscc', () => {
  it.each([
    [' 91110108551385082q ', '91110108551385082Q'],
    ['91110108551385082Q', '91110108551385082Q'],
    ['\n9144030071526726xg\t', '9144030071526726XG'],
    ['9135 0100', '9135 0100'], // inner spaces are kept: the check then fails rather than guessing
  ])('%j → %j', (input, out) => {
    expect(normalizeUscc(input)).toBe(out);
  });
});
