import { z } from 'zod';
import { isIsoDate } from '../../domain/ledger/schema';
import { CALL_STATES } from '../../domain/lifecycle/machines';
import { DEFAULT_RUBRIC, rubricProblems } from '../../domain/lifecycle/review';
import { STATION_TYPES } from '../../domain/policy/types';

// 申报通知 (第三条, 第十条): the window, the types offered this year, the documents every application needs, and how
// many reviewers score each application.
export const REQUIRED_DOCUMENTS = ['application_form', 'work_plan'] as const;

const date = (name: string) =>
  z.string({ error: `请选择${name}` }).refine(isIsoDate, { message: `${name}应为 YYYY-MM-DD 格式的有效日期` });

export const callInputSchema = z
  .object({
    programYear: z.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
    title: z
      .string({ error: '请输入通知标题' })
      .trim()
      .min(4, '请输入通知标题（至少 4 个字）')
      .max(100, '标题不能超过 100 字'),
    opensOn: date('申报开始日期'),
    closesOn: date('申报截止日期'),
    stationTypes: z
      .array(z.enum(STATION_TYPES, { error: '站点类型无效' }))
      .min(1, '请至少选择一种站点类型')
      .refine((v) => new Set(v).size === v.length, { message: '站点类型重复' }),
    requiredDocuments: z
      .array(z.enum(REQUIRED_DOCUMENTS, { error: '材料类型无效' }))
      .min(1, '请至少要求一种申报材料')
      .default(['application_form', 'work_plan']),
    minReviewers: z
      .number({ error: '请输入评审专家人数' })
      .int()
      .min(3, '评审专家至少 3 人')
      .max(15, '评审专家最多 15 人'),
    notice: z.string().trim().max(20_000, '通知正文过长').default(''),
    /** 评分细则 (第十条): criteria with weights adding up to 100; the Center's usual one by default */
    rubric: z
      .array(
        z.object({
          id: z.string().trim().min(1).max(40),
          name: z.string({ error: '请填写评分项' }).trim().min(1, '请填写评分项').max(40, '评分项名称过长'),
          weight: z
            .number({ error: '请填写分值' })
            .int('分值应为整数')
            .min(1, '分值至少 1 分')
            .max(100, '分值最多 100 分'),
          /** what the criterion judges, shown to the reviewer beside the score */
          description: z.string().trim().max(500, '评分说明不能超过 500 字').optional(),
        }),
      )
      .min(1, '评分细则至少包含一项')
      .max(12, '评分细则最多 12 项')
      .default(() => DEFAULT_RUBRIC.map((c) => ({ ...c }))),
    /** due date of the summary report and final accounts (第十二条); empty: 31 December of the year */
    reportsDueOn: z
      .string()
      .refine((v) => v === '' || isIsoDate(v), { message: '报告截止日期应为 YYYY-MM-DD 格式的有效日期' })
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.opensOn) && isIsoDate(v.closesOn) && v.closesOn < v.opensOn) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '申报截止日期不能早于开始日期' });
    }
    for (const message of rubricProblems(v.rubric)) ctx.addIssue({ code: 'custom', path: ['rubric'], message });
    if (
      v.reportsDueOn &&
      !v.reportsDueOn.startsWith(String(v.programYear)) &&
      !v.reportsDueOn.startsWith(String(v.programYear + 1))
    )
      ctx.addIssue({ code: 'custom', path: ['reportsDueOn'], message: '报告截止日期应在项目年度内或次年年初' });
  });
export type CallInput = z.infer<typeof callInputSchema>;

export const callUpdateSchema = z.object({ version: z.number().int().min(1), call: callInputSchema });
export const callTransitionSchema = z.object({ version: z.number({ error: '缺少版本号' }).int().min(1) });

export const callParam = z.object({ callId: z.string().min(1).max(64) });

/** A call (申报通知) with the actions the caller may take on it now (the page's buttons; the server decides again). */
export const CallDto = z
  .strictObject({
    id: z.string(),
    programYear: z.number().int(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    stationTypes: z.array(z.enum(STATION_TYPES)),
    stationTypeLabels: z.array(z.string()),
    requiredDocuments: z.array(z.enum(REQUIRED_DOCUMENTS)),
    minReviewers: z.number().int(),
    notice: z.string(),
    /** 评分细则 (第十条); the Center's usual one for a call saved without one */
    rubric: z.array(
      z.strictObject({ id: z.string(), name: z.string(), weight: z.number(), description: z.string().optional() }),
    ),
    /** the stored due date, or 31 December of the year */
    reportsDueOn: z.string(),
    status: z.enum(CALL_STATES),
    statusLabel: z.string(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    actions: z.array(z.enum(['open', 'close'])),
  })
  .meta({ id: 'Call' });
export type CallDto = z.infer<typeof CallDto>;
