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
