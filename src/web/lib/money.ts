// Money typed in 元 and stored as integer fen, and shares typed as percentages: one parser for every form (the
// application budget, change requests) and one display of an amount for every page. Never through a float for money
// (0.1 + 0.2 ≠ 0.3).
import { formatYuan, MAX_FEN, MoneyFormatError, yuanToFen } from '../../domain/money';

/**
 * Integer fen as every page shows an amount: 15000000 → `150,000.00 元`, the way the server's messages write it, so
 * that a page and a message about the same sum read alike.
 */
export function formatMoney(fen: number): string {
  return `${formatYuan(fen, { symbol: false })} 元`;
}

export type YuanParse = { ok: true; fen: number | null } | { ok: false; message: string };

const FULL_WIDTH = /[０-９．，]/g;

/**
 * A yuan amount as a user types it (`150000`, `150,000.50`, `１２３．４`, spaces) to integer fen by string arithmetic;
 * empty → `{ ok: true, fen: null }`. At most two decimals, no sign.
 */
export function parseYuan(input: string | null | undefined): YuanParse {
  if (typeof input !== 'string') return { ok: true, fen: null };
  const typed = input
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000¥￥元]/g, '');
  // Thousands separators only between groups of three digits (`1,234,567.8`); `12,34` may be a decimal comma.
  if (typed.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(typed))
    return { ok: false, message: '请输入金额（元），如 30000 或 30000.50' };
  const s = typed.replace(/,/g, '');
  if (!s) return { ok: true, fen: null };
  if (s.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  if (/^\d+\.\d{3,}$/.test(s)) return { ok: false, message: '金额最多两位小数（精确到分）' };
  const normalized = s.endsWith('.') ? s.slice(0, -1) : s;
  try {
    const fen = yuanToFen(normalized);
    if (fen > MAX_FEN) return { ok: false, message: '金额过大' };
    return { ok: true, fen };
  } catch (e) {
    if (e instanceof MoneyFormatError) return { ok: false, message: '请输入金额（元），如 30000 或 30000.50' };
    throw e;
  }
}

/** Integer fen to the text of a yuan input: 3000000 → `30000`, 3000050 → `30000.50`, -250 → `-2.50`. */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return cents === '00' ? `${sign}${yuan}` : `${sign}${yuan}.${cents}`;
}

// Shares are fractions (0.4) in the data and percentages (40) on the page.

/** 0.4 → 40 (rounded to 2 decimals, so 0.35 shows 35, not 35.00000000000001). */
export function shareToPercent(v: number): number {
  return Math.round(v * 10_000) / 100;
}

export function percentToShare(v: number): number {
  return Math.round(v * 100) / 10_000;
}
