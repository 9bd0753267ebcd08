import { z } from 'zod';
import { districtCodeField, phoneField } from './fields';
import { HOST_KIND_CODES, usccField } from './organization';
import { usernameField } from './user';

// 依托单位注册 (第六条 names who may host; 第十条 the call): public, during an open call only.
export const hostRegistrationSchema = z.object({
  organizationName: z
    .string({ error: '请输入单位名称' })
    .trim()
    .min(2, '请输入单位名称（至少 2 个字）')
    .max(100, '单位名称不能超过 100 字'),
  hostKind: z.enum(HOST_KIND_CODES, { error: '请选择单位类型' }),
  uscc: usccField,
  districtCode: districtCodeField.nullable().optional(),
  address: z.string({ error: '请输入地址' }).trim().min(4, '请输入单位地址').max(200, '地址过长'),
  contactName: z.string({ error: '请输入联系人' }).trim().min(2, '请输入联系人姓名').max(30, '联系人姓名过长'),
  contactPhone: phoneField(true),
  username: usernameField,
  password: z.string({ error: '请设置密码' }).min(1, '请设置密码').max(128, '密码不能超过 128 个字符'),
});
export type HostRegistrationInput = z.infer<typeof hostRegistrationSchema>;

export const HOST_REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const hostRegistrationParam = z.object({ registrationId: z.string().min(1).max(64) });

export const hostRegistrationDecisionSchema = z.object({
  version: z.number({ error: '缺少版本号' }).int().min(1),
  approve: z.boolean({ error: '请选择审核结论' }),
  reason: z.string().trim().max(1000, '理由不能超过 1000 字').default(''),
});
export type HostRegistrationDecision = z.infer<typeof hostRegistrationDecisionSchema>;

/** Whether the registration form is open (a call's window today), and the districts of the call's year. */
export const HostRegistrationWindowDto = z
  .discriminatedUnion('open', [
    z.strictObject({ open: z.literal(false) }),
    z.strictObject({
      open: z.literal(true),
      callTitle: z.string(),
      programYear: z.number().int(),
      districts: z.array(z.strictObject({ code: z.string(), name: z.string() })),
    }),
  ])
  .meta({ id: 'HostRegistrationWindow' });
export type HostRegistrationWindowDto = z.infer<typeof HostRegistrationWindowDto>;

/** A registration just received: it waits for the Center. */
export const HostRegistrationCreatedDto = z
  .strictObject({ id: z.string(), status: z.literal('pending') })
  .meta({ id: 'HostRegistrationCreated' });
export type HostRegistrationCreatedDto = z.infer<typeof HostRegistrationCreatedDto>;

/** A registration with its organisation and account, as the Center reviews it. */
export const HostRegistrationDto = z
  .strictObject({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    hostKind: z.string().nullable(),
    /** empty when the organisation has no host kind */
    hostKindLabel: z.string(),
    uscc: z.string().nullable(),
    districtCode: z.string().nullable(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    username: z.string(),
    status: z.enum(HOST_REGISTRATION_STATUSES),
    statusLabel: z.string(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'HostRegistration' });
export type HostRegistrationDto = z.infer<typeof HostRegistrationDto>;
