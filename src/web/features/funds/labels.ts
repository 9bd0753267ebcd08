// Words of the expense ledger (issue #5). Local to the funds pages: the codes are the server's (expenses.service.ts).

export const SOURCE_LABELS: Record<string, string> = { grant: '资助经费', matching: '配套经费' };
export const PAYEE_KIND_LABELS: Record<string, string> = { expert: '专家', person: '个人', organization: '单位' };
export const VOUCHER_KIND_LABELS: Record<string, string> = {
  invoice: '发票',
  receipt: '收据',
  transfer: '转账记录',
  other: '其他',
};
export const VOUCHER_KIND_OPTIONS = Object.entries(VOUCHER_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** Short tag text of a kept warning; the tooltip carries the whole sentence with its article. */
export const WARNING_TAGS: Record<string, string> = {
  rate_above_standard: '高于标准',
  purpose_word: '用途待核实',
};

export const VOUCHER_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];
