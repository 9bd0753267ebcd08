import { z } from 'zod';
import { ROLES } from '../permissions';

export const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128, '密码不能超过 128 个字符'),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The signed-in account, as `/api/v1/me` and `/api/v1/sessions/current` answer it. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  districtCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** an administrator's password past the age limit the security administrator set (decision 019) */
  passwordExpired: z.boolean(),
});

/** `GET /api/v1/sessions/current`: who is signed in, `null` when nobody is — an answer, not an error. */
export const currentSessionSchema = z.object({ me: meSchema.nullable() });
export type CurrentSession = z.infer<typeof currentSessionSchema>;
