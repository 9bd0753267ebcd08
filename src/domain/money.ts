// Money is integer fen (分) in storage and decimal strings at the edges (docs/ledger-format.md): binary floating point would make
// 0.1 + 0.2 ≠ 0.3 and break budget comparisons (第十条, 第十一条).

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** The largest amount any form or import takes: 1 亿元 in fen. */
export const MAX_FEN = 10_000_000_000;

export class MoneyFormatError extends Error {
  override name = 'MoneyFormatError';
}

/** True for a decimal yuan string the ledger accepts: no sign, at most 2 decimals. */
export function isYuanString(s: string): boolean {
  return YUAN.test(s);
}

/** Parses a decimal yuan string (`^\d+(\.\d{1,2})?$`) to integer fen; throws `MoneyFormatError` otherwise. */
export function yuanToFen(s: string): number {
  const m = typeof s === 'string' ? YUAN.exec(s) : null;
  if (!m) throw new MoneyFormatError(`金额“${String(s)}”格式不正确：应为不带符号、最多两位小数的数字`);
  const yuan = Number(m[1]);
  const fen = Number((m[2] ?? '').padEnd(2, '0'));
  const total = yuan * 100 + fen;
  if (!Number.isSafeInteger(total)) throw new MoneyFormatError(`金额“${s}”超出可处理范围`);
  return total;
}

function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  if (!Number.isSafeInteger(fen)) throw new MoneyFormatError(`金额“${fen}”不是以分计的整数`);
  const abs = Math.abs(fen);
  return {
    sign: fen < 0 ? '-' : '',
    yuan: String(Math.floor(abs / 100)),
    cents: String(abs % 100).padStart(2, '0'),
  };
}

/** Integer fen to a decimal yuan string with 2 decimals: 15000000 → `150000.00`. Negative amounts keep a `-`. */
export function fenToYuan(fen: number): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

/** Integer fen for display: 15000000 → `¥150,000.00`; `{ symbol: false }` gives `150,000.00`. */
export function formatYuan(fen: number, options: { symbol?: boolean } = {}): string {
  const { sign, yuan, cents } = splitFen(fen);
  const grouped = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${options.symbol === false ? '' : '¥'}${grouped}.${cents}`;
}
