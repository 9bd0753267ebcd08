import { z } from 'zod';
import { isIsoDate } from '../../domain/ledger/schema';

// 第三方审计 (第十二条): auditor accounts and the stations they may read, each for a window of dates.

const date = (name: string) =>
  z.string({ error: `请选择${name}` }).refine(isIsoDate, { message: `${name}应为 YYYY-MM-DD 格式的有效日期` });

export const auditorAssignmentSchema = z.object({
  userId: z.string({ error: '请选择审计人员' }).min(1, '请选择审计人员').max(64),
  validFrom: date('开始日期'),
  validTo: date('结束日期'),
});
export type AuditorAssignmentInput = z.infer<typeof auditorAssignmentSchema>;

/** An active auditor account, offered when assigning one to a station. */
export const AuditorAccountDto = z
  .strictObject({ id: z.string(), username: z.string(), displayName: z.string() })
  .meta({ id: 'AuditorAccount' });
export type AuditorAccountDto = z.infer<typeof AuditorAccountDto>;

/** An auditor of a station and the dates of the access (null: no bound). */
export const StationAuditorDto = z
  .strictObject({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'StationAuditor' });
export type StationAuditorDto = z.infer<typeof StationAuditorDto>;
