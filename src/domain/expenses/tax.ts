import type { LabourFeeStandard } from '../policy/types';

// 劳务报酬所得 withholding (docs/fee-standards.md; the program year's `feeStandards.labour.incomeTax`): per payment, deduct
// a fixed amount up to a threshold, else a share; withhold by bracket of the taxable amount with a quick deduction.
// Fees to individuals are often agreed after tax (第十条: 财科教〔2017〕128号 rates are net), so the ledger keeps the
// net paid, the gross and the withholding: all integer fen, computed exactly with bigint, rounded half up to the fen.

export type IncomeTax = LabourFeeStandard['incomeTax'];

export interface Withholding {
  grossFen: number;
  taxFen: number;
  netFen: number;
}

/** A rate such as 0.2 as parts per million, exactly (rates in the year's data have at most six decimals). */
function ppm(rate: number): bigint {
  const n = Math.round(rate * 1_000_000);
  if (Math.abs(n - rate * 1_000_000) > 1e-6) throw new RangeError(`税率 ${rate} 超过六位小数`);
  return BigInt(n);
}

const MILLION = 1_000_000n;

/** round(num / den) half up, for non-negative num and positive den. */
function roundDiv(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** The tax withheld on a gross payment, in fen (never negative). */
export function withholdingFen(grossFen: number, tax: IncomeTax): number {
  if (!Number.isSafeInteger(grossFen) || grossFen < 0) throw new RangeError('应发金额应为非负整数（分）');
  const gross = BigInt(grossFen);
  // Taxable income × 10^6, exact.
  const taxableM =
    grossFen <= tax.fixedDeductionUpToFen
      ? (gross > BigInt(tax.fixedDeductionFen) ? gross - BigInt(tax.fixedDeductionFen) : 0n) * MILLION
      : gross * (MILLION - ppm(tax.proportionalDeductionRate));
  const bracket =
    tax.brackets.find((b) => b.upToFen === null || taxableM <= BigInt(b.upToFen) * MILLION) ??
    tax.brackets[tax.brackets.length - 1];
  // taxable × rate − quick deduction, with taxable×10^6 and rate×10^6: divide by 10^12 once, rounding half up.
  const numerator = taxableM * ppm(bracket.rate) - BigInt(bracket.quickDeductionFen) * MILLION * MILLION;
  if (numerator <= 0n) return 0;
  return Number(roundDiv(numerator, MILLION * MILLION));
}

export function fromGross(grossFen: number, tax: IncomeTax): Withholding {
  const taxFen = withholdingFen(grossFen, tax);
  return { grossFen, taxFen, netFen: grossFen - taxFen };
}

/**
 * The gross that pays `netFen` after withholding: the smallest gross whose net is at least `netFen`. Net is
 * non-decreasing in gross, so a binary search over fen is exact; where rounding skips a fen of net, the gross that
 * pays one fen more is the honest answer (never less than agreed).
 */
export function fromNet(netFen: number, tax: IncomeTax): Withholding {
  if (!Number.isSafeInteger(netFen) || netFen < 0) throw new RangeError('实发金额应为非负整数（分）');
  let lo = netFen;
  // Withholding is at most 40% × 80% = 32% of gross plus nothing: gross ≤ net / 0.6 is a safe upper bound.
  let hi = Math.ceil(netFen / 0.6) + 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fromGross(mid, tax).netFen >= netFen) hi = mid;
    else lo = mid + 1;
  }
  return fromGross(lo, tax);
}

/** Words in an expense's purpose that suggest a forbidden use (第十七条): a warning for a human, never a refusal. */
export function purposeWarnings(purpose: string | null | undefined, words: readonly string[]): string[] {
  const text = purpose ?? '';
  return words.filter((w) => w && text.includes(w));
}

/** Fees to individuals are the payee's income (劳务报酬所得): withheld, and may be entered after tax. */
export function isFeeToIndividual(category: string | undefined, payeeKind: string | undefined): boolean {
  return (category === 'consulting' || category === 'labour') && !!payeeKind && payeeKind !== 'organization';
}
