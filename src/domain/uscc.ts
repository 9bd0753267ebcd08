// 统一社会信用代码 check per GB 32100-2015 (docs/ledger-format.md). A valid code is an enterprise's identity everywhere, so the
// normalisation here decides which records are "the same enterprise": keep it exactly trim + upper-case.

/** The 31 characters of the code, in value order: digits and capitals without I, O, Z, S, V. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of characters 1–17 (3^i mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normalizeUscc(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * The check character (18th) for the first 17 characters of a normalised code.
 * Throws when the input is not 17 characters of the code alphabet, which is a caller's bug, not user input.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`统一社会信用代码前 17 位长度应为 17，实为 ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`统一社会信用代码含非法字符“${first17[i]}”`);
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check];
}

/** True when the trimmed, upper-cased input is 18 characters of the alphabet with the right check character. */
export function isValidUscc(s: string): boolean {
  const code = normalizeUscc(s);
  if (code.length !== 18) return false;
  for (const ch of code) if (!ALPHABET.includes(ch)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
