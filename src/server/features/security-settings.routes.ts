import type { Router } from '../http/router';

export function registerSecuritySettingRoutes(r: Router): void {
  r.route({
    method: 'get',
    path: '/api/v1/security-settings',
    tag: '安全策略',
    summary: '当前安全策略（等保 2.0：口令、锁定、会话）',
    access: { permission: 'read:security-setting' },
    handler: async (c, { ctx }) =>
      c.json({
        passwordMinLength: 8,
        passwordClasses: '大写字母、小写字母、数字、符号中至少 3 类',
        loginMaxFailures: ctx.env.LOGIN_MAX_FAILURES,
        loginLockMinutes: ctx.env.LOGIN_LOCK_MINUTES,
        loginRatePerMinute: ctx.env.LOGIN_RATE_PER_MINUTE,
        sessionIdleMinutes: ctx.env.SESSION_IDLE_MINUTES,
        sessionAbsoluteHours: ctx.env.SESSION_ABSOLUTE_HOURS,
        auditRetentionDays: 180,
        cookieSecure: ctx.env.COOKIE_SECURE === '1',
      }),
  });
}
