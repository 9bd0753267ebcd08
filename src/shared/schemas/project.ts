import { z } from 'zod';
import { EXPENSE_CATEGORIES, KPI_IDS, STATION_TYPES } from '../../domain/policy/types';
import { dateField } from './application';
import { districtCodeField, phoneField } from './fields';

// 项目合作协议 terms as a change request proposes them (第十一条), signing (第十条), reports and acceptance (第十二条,
// 第十三条). Money is integer fen.

const fen = z
  .number({ error: '金额应为数字（分）' })
  .int('金额应以分为单位的整数')
  .min(0, '金额不能为负数')
  .max(10_000_000_000, '金额过大');

export const termsSchema = z.object({
  stationName: z.string({ error: '请填写站点名称' }).trim().min(2, '请填写站点名称').max(60, '站点名称不能超过 60 字'),
  stationType: z.enum(STATION_TYPES, { error: '站点类型无效' }),
  districtCode: districtCodeField.nullable(),
  periodStart: dateField('执行期开始'),
  periodEnd: dateField('执行期结束'),
  leaderName: z.string({ error: '请填写负责人' }).trim().min(1, '请填写负责人').max(30, '负责人姓名过长'),
  leaderPhone: phoneField(true),
  contactName: z.string({ error: '请填写联系人' }).trim().min(1, '请填写联系人').max(30, '联系人姓名过长'),
  contactPhone: phoneField(true),
  targets: z.partialRecord(z.enum(KPI_IDS), z.number({ error: '目标值应为数字' }).min(0, '目标值不能为负数')),
  budgetFen: z.object(
    Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, fen])) as Record<
      (typeof EXPENSE_CATEGORIES)[number],
      typeof fen
    >,
  ),
  matchingFundsFen: fen,
  activityPlan: z.string({ error: '请填写活动计划' }).trim().max(20_000, '活动计划过长'),
});

export const changeRequestInputSchema = z.object({
  title: z.string({ error: '请填写调整事项' }).trim().min(2, '请填写调整事项').max(100, '调整事项不能超过 100 字'),
  reason: z
    .string({ error: '请填写调整理由' })
    .trim()
    .min(5, '请填写调整理由（至少 5 个字）')
    .max(5000, '调整理由过长'),
  effectiveOn: dateField('生效日期'),
  terms: termsSchema,
});
export const changeRequestUpdateSchema = changeRequestInputSchema.extend({
  version: z.number({ error: '缺少版本号' }).int().min(1),
});

export const signSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  hostSignedOn: dateField('乙方签订日期'),
  centerSignedOn: dateField('甲方签订日期'),
});

export const ACCEPTANCE_DECISIONS = ['accept', 'accept_after_rectification', 'fail_acceptance'] as const;
export const acceptanceDecisionSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  decision: z.enum(ACCEPTANCE_DECISIONS, { error: '请选择验收结论' }),
  comment: z.string().trim().max(5000, '意见不能超过 5000 字').default(''),
});
