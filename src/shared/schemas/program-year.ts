import { z } from 'zod';

export const yearParam = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效') });

export const copyYearSchema = z.object({
  fromYear: z.number({ error: '请选择复制来源年度' }).int().min(2000).max(2100),
  year: z.number({ error: '请输入新年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
});

const fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负');

/** The editable numbers of a year's policy; everything else is copied unchanged. */
export const updatePolicySchema = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, '请输入标题').max(200).optional(),
  stationTypes: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.object({ quota: z.number().int().min(0, '名额不能为负').max(1000), fundingFen: fen }).partial(),
    )
    .optional(),
  districts: z.array(z.object({ code: z.string(), stationType: z.enum(['district_a', 'district_b']) })).optional(),
  kpis: z
    .partialRecord(
      z.enum(['district_a', 'district_b', 'iur']),
      z.array(z.object({ id: z.string(), target: z.number().min(0, '目标值不能为负') })),
    )
    .optional(),
});
export type UpdatePolicyInput = z.infer<typeof updatePolicySchema>;
