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
export const meSchema = z
  .strictObject({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    districtCode: z.string().nullable(),
    /** true for a temporary password, and for an administrator's password past its age limit (decision 019) */
    mustChangePassword: z.boolean(),
    /** an administrator's password past the age limit the security administrator set (decision 019) */
    passwordExpired: z.boolean(),
  })
  .meta({ id: 'Me' });
export type MeDto = z.infer<typeof meSchema>;

/** `GET /api/v1/sessions/current`: who is signed in, `null` when nobody is — an answer, not an error. */
export const currentSessionSchema = z.strictObject({ me: meSchema.nullable() }).meta({ id: 'CurrentSession' });
export type CurrentSession = z.infer<typeof currentSessionSchema>;

/** The answer of signing in and of `GET /api/v1/me`: the account, never null. */
export const MeEnvelopeDto = z.strictObject({ me: meSchema }).meta({ id: 'MeEnvelope' });
export type MeEnvelopeDto = z.infer<typeof MeEnvelopeDto>;

/** Signing out everywhere: how many sessions of the account ended (this one included). */
export const SignedOutEverywhereDto = z
  .strictObject({ ok: z.literal(true), ended: z.number().int() })
  .meta({ id: 'SignedOutEverywhere' });
export type SignedOutEverywhereDto = z.infer<typeof SignedOutEverywhereDto>;
