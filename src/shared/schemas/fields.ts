import { z } from 'zod';
import { MAX_FEN } from '../../domain/money';

/** A payment or expense amount: integer fen, more than nothing (the web's yuan inputs check with this too). */
export const positiveFenField = z
  .number({ error: '请填写金额' })
  .int('金额应以分为单位的整数')
  .min(1, '金额应大于 0')
  .max(MAX_FEN, '金额过大');

/** A district's code: GB/T 2260 (6 digits), or `etown` for 经开区, which has none (docs/ledger-format.md). */
export const districtCodeField = z.string().regex(/^(\d{6}|etown)$/, '区代码应为 6 位 GB/T 2260 代码或 etown');

/** A telephone number as people write it; `required` for a station's named persons, optional on organisations. */
export function phoneField(required: boolean) {
  const base = z.string().trim();
  return (required ? base.min(5, '请输入联系电话') : base)
    .max(30, '电话过长')
    .regex(required ? /^[0-9+\-() ]+$/ : /^[0-9+\-() ]*$/, '电话只能包含数字、空格和 + - ( )');
}

/** `?sort=` of a list: one of its sortable keys, `-key` for descending (the table's column header sets it). */
export function sortField<K extends string>(keys: readonly K[]) {
  const values = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z
    .enum(values, {
      // Names the key asked for and the ones there are: a hand-edited or outdated link then says what to change.
      error: (iss) =>
        `排序字段无效：不能按“${String(iss.input).replace(/^-/, '').slice(0, 40)}”排序，可按 ${keys.join('、')} 排序（前加 - 为降序）`,
    })
    .optional();
}
