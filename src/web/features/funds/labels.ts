// What only the funds pages need; the words of the codes are shared (src/shared/labels.ts).
import { VOUCHER_KIND_LABELS } from '../../../shared/labels';

export const VOUCHER_KIND_OPTIONS = Object.entries(VOUCHER_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** Short tag text of a kept warning; the tooltip carries the whole sentence with its article. */
export const WARNING_TAGS: Record<string, string> = {
  rate_above_standard: '高于标准',
  purpose_word: '用途待核实',
};

export const VOUCHER_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];
