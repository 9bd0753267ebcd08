import { z } from 'zod';

// 安全策略 (等保 2.0 身份鉴别): the numbers the security administrator sets on its page, kept in the database
// (decision 019). Until it sets them, the environment's values (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES) hold.

interface WholeSpec {
  /** the field's name in the messages */
  name: string;
  min: number;
  max: number;
  unit: string;
}

const whole = ({ name, min, max, unit }: WholeSpec) =>
  z
    .number({ error: `请填写${name}` })
    .int(`${name}应为整数`)
    .min(min, `${name}不能少于 ${min} ${unit}`)
    .max(max, `${name}不能超过 ${max} ${unit}`);

export const SECURITY_POLICY_LIMITS = {
  loginMaxFailures: { min: 1, max: 20 },
  loginLockMinutes: { min: 1, max: 24 * 60 },
  passwordHistoryCount: { min: 0, max: 10 },
  adminPasswordMaxAgeDays: { min: 0, max: 365 },
} as const;

const L = SECURITY_POLICY_LIMITS;
export const securityPolicySchema = z.object({
  /** 连续登录失败几次锁定账户 */
  loginMaxFailures: whole({
    name: '连续登录失败锁定阈值',
    min: L.loginMaxFailures.min,
    max: L.loginMaxFailures.max,
    unit: '次',
  }),
  loginLockMinutes: whole({ name: '锁定时长', min: L.loginLockMinutes.min, max: L.loginLockMinutes.max, unit: '分钟' }),
  /** 新密码不得与最近几次设置过的密码相同；0 不检查 */
  passwordHistoryCount: whole({
    name: '不得重复使用的近期密码个数',
    min: L.passwordHistoryCount.min,
    max: L.passwordHistoryCount.max,
    unit: '个',
  }),
  /** 三员账户的密码最长使用天数，到期须在下次登录时更换；0 不要求 */
  adminPasswordMaxAgeDays: whole({
    name: '管理员密码最长使用期限',
    min: L.adminPasswordMaxAgeDays.min,
    max: L.adminPasswordMaxAgeDays.max,
    unit: '天',
  }),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const securityPolicyUpdateSchema = securityPolicySchema.extend({
  /** The version read; null while the environment's defaults are in force (nothing saved yet). */
  version: z.number().int().min(1).nullable(),
});
export type SecurityPolicyUpdate = z.infer<typeof securityPolicyUpdateSchema>;

/** The Chinese name of each setting, for the page, the audit log and messages. */
export const SECURITY_POLICY_LABELS: Record<keyof SecurityPolicy, string> = {
  loginMaxFailures: '连续登录失败锁定阈值',
  loginLockMinutes: '锁定时长（分钟）',
  passwordHistoryCount: '不得重复使用的近期密码个数',
  adminPasswordMaxAgeDays: '管理员密码最长使用期限（天）',
};

/**
 * The page's view: the policy in force (the environment's defaults until something is saved) and the rules fixed by
 * the system or the deployment, shown for completeness. The numbers are sent as held, not re-checked against
 * SECURITY_POLICY_LIMITS (a default comes from the environment's own checks).
 */
export const SecuritySettingsDto = z
  .strictObject({
    loginMaxFailures: z.number().int(),
    loginLockMinutes: z.number().int(),
    passwordHistoryCount: z.number().int(),
    adminPasswordMaxAgeDays: z.number().int(),
    /** null while the environment's defaults hold (nothing saved yet) */
    version: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
    passwordMinLength: z.number().int(),
    passwordClasses: z.string(),
    passwordCommonCheck: z.string(),
    loginRatePerMinute: z.number().int(),
    sessionIdleMinutes: z.number().int(),
    sessionAbsoluteHours: z.number().int(),
    auditRetentionDays: z.number().int(),
    cookieSecure: z.boolean(),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettingsDto = z.infer<typeof SecuritySettingsDto>;
