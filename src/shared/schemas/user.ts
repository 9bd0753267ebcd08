import { z } from 'zod';
import { isValidUscc, normalizeUscc } from '../../domain/uscc';
import { ROLES } from '../permissions';
import { districtCodeField } from './fields';

export const usernameField = z
  .string({ error: '请输入用户名' })
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, '用户名须以字母开头，只能包含字母、数字和 _ . -');

const scopeFields = {
  organizationId: z.string().min(1).max(64).nullable().optional(),
  districtCode: districtCodeField.nullable().optional(),
};

/** A reviewer's employer: a review of its own organisation is refused automatically (第十条 回避). */
const employerFields = {
  employerName: z.string().trim().max(100, '工作单位名称过长').nullable().optional(),
  employerUscc: z
    .string()
    .trim()
    .transform(normalizeUscc)
    .refine((v) => v === '' || isValidUscc(v), { message: '统一社会信用代码无效（18 位，校验位不符）' })
    .nullable()
    .optional(),
};

/**
 * 三员分立 (decision 018): the system administrator opens an account without a role; the security administrator gives
 * it one after its holder has set their own password. `role`, if sent at all, can only say so.
 */
export const userCreateSchema = z.object({
  username: usernameField,
  displayName: z.string().trim().min(2, '请输入姓名（至少 2 个字）').max(30, '姓名过长'),
  role: z
    .literal('unassigned', {
      error: '新建账户不带角色：持有人首次登录并修改临时密码后，由安全管理员分配角色和数据范围（三员分立）',
    })
    .optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(2, '请输入姓名（至少 2 个字）').max(30, '姓名过长'),
  isActive: z.boolean(),
  ...employerFields,
});
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const roleAssignSchema = z.object({
  version: z.number().int().min(1),
  role: z.enum(ROLES, { error: '请选择角色' }),
  ...scopeFields,
});
export type RoleAssignInput = z.infer<typeof roleAssignSchema>;

export const userListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
});

export const versionBody = z.object({ version: z.number().int().min(1) });

/** 密码重置申请 (decision 018): the system administrator says why; the security administrator confirms or refuses. */
export const passwordResetRequestSchema = z.object({
  reason: z
    .string({ error: '请填写重置原因' })
    .trim()
    .min(4, '请填写重置原因（至少 4 个字），供安全管理员核实')
    .max(200, '重置原因不能超过 200 字'),
});
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetRejectSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string({ error: '请填写不同意的理由' }).trim().min(2, '请填写不同意的理由').max(200, '理由不能超过 200 字'),
});
export type PasswordResetRejectInput = z.infer<typeof passwordResetRejectSchema>;

export const passwordResetListQuery = z.object({
  status: z.enum(['open', 'all']).optional(),
});

/** An account as the account pages show it (三员分立: names, role and scope, never a password). */
export const UserDto = z
  .strictObject({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    /** the stored role's label (the stored code itself when it is no role) */
    roleLabel: z.string(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable(),
    districtCode: z.string().nullable(),
    /** reviewers only (第十条 回避) */
    employerName: z.string().nullable(),
    employerUscc: z.string().nullable(),
    isActive: z.boolean(),
    isLocked: z.boolean(),
    lockedUntil: z.string().nullable(),
    mustChangePassword: z.boolean(),
    /**
     * The holder has signed in and set their own password since the last password an administrator issued: only
     * then may the security administrator give the account a business role (decision 018).
     */
    passwordSetByHolder: z.boolean(),
    passwordChangedAt: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserDto>;

/** A new account or a reset one, with its temporary password: shown once, never stored in clear. */
export const UserTemporaryPasswordDto = z
  .strictObject({ user: UserDto, temporaryPassword: z.string() })
  .meta({ id: 'UserTemporaryPassword' });
export type UserTemporaryPasswordDto = z.infer<typeof UserTemporaryPasswordDto>;

/** What the security administrator needs to give a role its scope: names and ids only (三员分立). */
export const RoleScopeOptionsDto = z
  .strictObject({
    districts: z.array(z.strictObject({ code: z.string(), name: z.string() })),
    hosts: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'RoleScopeOptions' });
export type RoleScopeOptionsDto = z.infer<typeof RoleScopeOptionsDto>;

/** `expired`: confirmed but not collected in time (computed from the decision's time, never stored). */
export const PASSWORD_RESET_STATUSES = ['pending', 'approved', 'rejected', 'issued', 'expired'] as const;
export type PasswordResetStatus = (typeof PASSWORD_RESET_STATUSES)[number];

/** 密码重置申请 (decision 018) as both administrators see it. */
export const PasswordResetDto = z
  .strictObject({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    roleLabel: z.string(),
    reason: z.string(),
    status: z.enum(PASSWORD_RESET_STATUSES),
    statusLabel: z.string(),
    requestedById: z.string(),
    requestedByName: z.string(),
    requestedAt: z.string(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    /** approved requests: the temporary password can be collected until then */
    expiresAt: z.string().nullable(),
    issuedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PasswordReset' });
export type PasswordResetDto = z.infer<typeof PasswordResetDto>;

/** The collected temporary password, with the account and the request it closes. */
export const PasswordResetIssuedDto = z
  .strictObject({ user: UserDto, temporaryPassword: z.string(), request: PasswordResetDto })
  .meta({ id: 'PasswordResetIssued' });
export type PasswordResetIssuedDto = z.infer<typeof PasswordResetIssuedDto>;
