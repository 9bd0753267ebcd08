import { PASSWORD_MIN_LENGTH } from '../../../domain/password-policy';
import { conflict } from '../../../shared/errors';
import {
  SECURITY_POLICY_LABELS,
  type SecurityPolicy,
  type SecurityPolicyUpdate,
  type SecuritySettingsDto,
  securityPolicySchema,
} from '../../../shared/schemas/security-settings';
import { writeTx } from '../../audit/audit';
import type { AppDeps, Ctx } from '../../context';

// 安全策略 (等保 2.0 身份鉴别, decision 019): one `settings` row holds the numbers the security administrator set.
// No row (a new installation) means the environment's values: LOGIN_MAX_FAILURES and LOGIN_LOCK_MINUTES become
// the first defaults, and the security administrator changes them on its page from then on, without a restart.

export const SECURITY_POLICY_KEY = 'security_policy';

/** Kept as the audit log's retention on the page; the log itself is append-only (decision 002). */
const AUDIT_RETENTION_DAYS = 180;

export function defaultSecurityPolicy(env: AppDeps['env']): SecurityPolicy {
  return {
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMinutes: env.LOGIN_LOCK_MINUTES,
    passwordHistoryCount: 5,
    // Off until the security administrator sets it: turned on by default, every administrator of an installation
    // older than the limit would be stopped at its next sign-in without anyone having decided so.
    adminPasswordMaxAgeDays: 0,
  };
}

export interface SecuritySettings extends SecurityPolicy {
  /** null while the environment's defaults hold (nothing saved yet) */
  version: number | null;
  updatedAt: string | null;
}

/**
 * The security policy in force. Sign-in, password changes and sessions read it here (one primary-key lookup);
 * a value missing from or invalid in the saved row falls back to its default rather than locking everyone out.
 */
export async function securitySettings(deps: Pick<AppDeps, 'db' | 'env'>): Promise<SecuritySettings> {
  const row = await deps.db
    .selectFrom('settings')
    .selectAll()
    .where('key', '=', SECURITY_POLICY_KEY)
    .executeTakeFirst();
  const defaults = defaultSecurityPolicy(deps.env);
  if (!row) return { ...defaults, version: null, updatedAt: null };
  let saved: Record<string, unknown> = {};
  try {
    saved = JSON.parse(row.value_json);
  } catch {
    // a damaged row: the defaults hold until the security administrator saves again
  }
  const policy = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof SecurityPolicy>) {
    const one = securityPolicySchema.shape[key].safeParse(saved[key]);
    if (one.success) policy[key] = one.data;
  }
  return { ...policy, version: row.version, updatedAt: row.updated_at };
}

export async function getSecuritySettingsView(ctx: Ctx): Promise<SecuritySettingsDto> {
  return {
    ...(await securitySettings(ctx)),
    passwordMinLength: PASSWORD_MIN_LENGTH,
    passwordClasses: '大写字母、小写字母、数字、符号中至少 3 类',
    passwordCommonCheck:
      '拒绝常见密码（1 万条常见密码表，忽略大小写、首尾数字符号和 @→a、0→o 等替换）、键盘序列和本系统名称',
    loginRatePerMinute: ctx.env.LOGIN_RATE_PER_MINUTE,
    sessionIdleMinutes: ctx.env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: ctx.env.SESSION_ABSOLUTE_HOURS,
    auditRetentionDays: AUDIT_RETENTION_DAYS,
    cookieSecure: ctx.env.COOKIE_SECURE === '1',
  };
}

/** Saves the whole policy if nobody saved since `version` was read; audited with what changed. */
export async function updateSecuritySettings(ctx: Ctx, input: SecurityPolicyUpdate): Promise<SecuritySettingsDto> {
  const { version, ...next } = input;
  await writeTx(ctx, async (tx, audit) => {
    const current = await securitySettings({ db: tx, env: ctx.env });
    if (current.version !== version) throw conflict('安全策略已被他人修改，请刷新后重试');
    const { version: _v, updatedAt: _u, ...before } = current;
    const now = ctx.clock.now().toISOString();
    const value_json = JSON.stringify(next);
    if (version === null) {
      await tx
        .insertInto('settings')
        .values({ key: SECURITY_POLICY_KEY, value_json, updated_at: now, version: 1 })
        .execute();
    } else {
      const res = await tx
        .updateTable('settings')
        .set({ value_json, updated_at: now, version: version + 1 })
        .where('key', '=', SECURITY_POLICY_KEY)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('安全策略已被他人修改，请刷新后重试');
    }
    const changed = (Object.keys(next) as Array<keyof SecurityPolicy>).filter((k) => before[k] !== next[k]);
    await audit.record({
      entity: 'setting',
      entityId: SECURITY_POLICY_KEY,
      action: 'update',
      summary: changed.length
        ? `修改安全策略：${changed.map((k) => `${SECURITY_POLICY_LABELS[k]} ${before[k]} → ${next[k]}`).join('；')}`
        : '保存安全策略（未改变数值）',
      before: { ...before },
      after: { ...next },
    });
  });
  return getSecuritySettingsView(ctx);
}
