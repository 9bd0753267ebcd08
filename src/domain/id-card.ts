// 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X) over ISO 7064 MOD 11-2. An expert's ID
// number is sensitive personal information (PIPL 第二十八条); checking it at entry saves a wrong payment record.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function isValidIdCard(s: string): boolean {
  const v = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === v[17];
}

/** The check character for 17 digits (tests and demo data build valid numbers with it). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Masked for display: the first 4 and last 4 characters, the rest as `*` (e.g. `1101**********1234`). */
export function maskSecret(s: string): string {
  const v = s.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}
