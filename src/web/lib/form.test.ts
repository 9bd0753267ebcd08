// The forms check with the routes' own schemas (issue #12): what a form lets through is what the route takes, and the
// message under the field is the route's.
import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { positiveFenField } from '../../shared/schemas/fields';
import { expenseInputSchema } from '../../shared/schemas/funds';
import { inspectionInputSchema, recoveryInputSchema } from '../../shared/schemas/supervision';
import { trimmedMinRule, yuanRule, zodRule } from './form';

/** The message antd would put under the field, or null when the value passes. */
async function check(rule: FormRule, value: unknown): Promise<string | null> {
  if (typeof rule === 'function' || !rule.validator) throw new Error('not a validator rule');
  try {
    await rule.validator({} as never, value, () => {});
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('a form field checked by the shared schema', () => {
  it('person-days: 0 is refused as the route refuses it; 0.5 and an empty field pass', async () => {
    const days = zodRule(expenseInputSchema.shape.days, null);
    expect(await check(days, '0')).toBe('人天数应大于 0');
    expect(await check(days, '1.25')).toBe('人天数应为正数，最多一位小数');
    expect(await check(days, '0.5')).toBeNull();
    expect(await check(days, '')).toBeNull();
  });

  it('a text of spaces around one character is too short, as the route trims it', async () => {
    const purpose = zodRule(expenseInputSchema.shape.purpose);
    expect(await check(purpose, ' 会 ')).toBe('请填写用途（至少 2 个字）');
    expect(await check(purpose, '')).toBe('请填写用途（至少 2 个字）');
    expect(await check(purpose, '专家咨询')).toBeNull();
    const person = zodRule(recoveryInputSchema.shape.responsiblePerson);
    expect(await check(person, '  王  ')).toBe('请填写责任人（至少 2 个字）');
  });

  it('a random sample needs at least one station and at most 500', async () => {
    const n = zodRule(inspectionInputSchema.shape.sampleStations.unwrap(), undefined);
    expect(await check(n, 0)).toBe('随机抽取的站点数至少为 1');
    expect(await check(n, 501)).toBe('随机抽取的站点数不能超过 500');
    expect(await check(n, undefined)).toBe('请填写随机抽取的站点数');
    expect(await check(n, 3)).toBeNull();
  });
});

describe('an amount typed in 元', () => {
  const amount = yuanRule(positiveFenField);
  it('is required, more than nothing, at most two decimals and at most 1 亿元', async () => {
    expect(await check(amount, '')).toBe('请填写金额');
    expect(await check(amount, '0')).toBe('金额应大于 0');
    expect(await check(amount, '0.00')).toBe('金额应大于 0');
    expect(await check(amount, '1.234')).toBe('金额最多两位小数（精确到分）');
    expect(await check(amount, '-5')).toBe('金额不能为负数');
    expect(await check(amount, '100000000.01')).toBe('金额过大');
  });
  it('takes what people type: separators, full-width digits, the unit', async () => {
    expect(await check(amount, '150,000.50')).toBeNull();
    expect(await check(amount, '１２３．４')).toBeNull();
    expect(await check(amount, '3000 元')).toBeNull();
  });
});

describe('a reason a lifecycle rule wants', () => {
  it('counts after trimming, as the server guard does', async () => {
    const reason = trimmedMinRule('退回原因');
    expect(await check(reason, ' 缺 ')).toBe('请填写退回原因（至少 2 个字）');
    expect(await check(reason, undefined)).toBe('请填写退回原因（至少 2 个字）');
    expect(await check(reason, '缺少数据')).toBeNull();
  });
});
