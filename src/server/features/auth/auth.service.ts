import { sql } from 'kysely';
import { checkPassword } from '../../../domain/password-policy';
import { AppError, conflict, invalid } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/labels';
import type { Role } from '../../../shared/permissions';
import { isRole } from '../../../shared/roles';
import type { MeDto } from '../../../shared/schemas/auth';
import { writeTx } from '../../audit/audit';
import { dummyHash, hashPassword, verifyPassword } from '../../auth/password';
import { adminPasswordExpired, isRecentPassword, rememberPassword } from '../../auth/password-history';
import { newToken } from '../../auth/sessions';
import type { Actor, Ctx } from '../../context';
import type { Database, Tx } from '../../db/database';
import { securitySettings } from '../security-settings/security-settings.service';

/**
 * A stored role as the contract's enum. Only the CLI and the role form write roles, both from ROLES; a value outside
 * it (edited in the database) grants nothing, as sessions.ts already treats it, so it reads as 待分配角色.
 */
export function roleOf(stored: string): Role {
  return isRole(stored) ? stored : 'unassigned';
}

/**
 * An unknown username is kept only partly in the audit log: people type passwords into the username box.
 */
export function maskUnknown(username: string): string {
  const u = username.slice(0, 32);
  return u.length <= 3 ? `${u[0] ?? ''}***` : `${u.slice(0, 2)}***${u.slice(-1)}`;
}

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  /** sign-in attempts per address and minute, across all instances */
  ratePerMinute: number;
}

/** The sign-in limits (等保 2.0 登录失败处理), read here and nowhere else. */
export async function loginPolicy(ctx: Pick<Ctx, 'db' | 'env'>): Promise<LoginPolicy> {
  const s = await securitySettings(ctx);
  return {
    maxFailures: s.loginMaxFailures,
    lockMinutes: s.loginLockMinutes,
    ratePerMinute: ctx.env.LOGIN_RATE_PER_MINUTE,
  };
}

/**
 * The one answer to every refused sign-in — unknown name, wrong password, locked account — so that neither the
 * status, the message nor the time tells a guesser which it was. The holder of a locked account reads the lock as a
 * possible cause, with its length; an administrator can unlock it early.
 */
export function signInRefused(p: LoginPolicy): AppError {
  return new AppError('unauthenticated', {
    userMessage: `用户名或密码错误，或账户已锁定（连续输错 ${p.maxFailures} 次锁定 ${p.lockMinutes} 分钟，可联系系统管理员解锁）`,
  });
}

/**
 * argon2 verifications run by sign-in, against an account's hash or the dummy one. For tests: a refusal without a
 * real check (locked account, unknown name) must still cost one verification, or its speed would give it away.
 */
export const signInVerifications = { account: 0, dummy: 0 };

async function verifyAccount(hash: string, password: string): Promise<boolean> {
  signInVerifications.account += 1;
  return verifyPassword(hash, password);
}

async function verifyDummy(password: string): Promise<void> {
  signInVerifications.dummy += 1;
  await verifyPassword(await dummyHash(), password);
}

/**
 * Counts a password attempt BEFORE the password is checked (decision 016): one UPDATE … RETURNING gives each
 * concurrent attempt its own number on any instance, and the attempt that reaches the limit locks the account at once
 * (confirmed, with a fresh lock time, if its password turns out wrong; lifted if right). So a burst never gets more
 * than `maxFailures` checks, and a crash between counting and checking leaves a lock that expires, never an account
 * stuck at the limit. Returns the attempt's number, or null when the account is locked: refuse without checking.
 */
async function reserveAttempt(ctx: Ctx, userId: string, p: LoginPolicy): Promise<number | null> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const lockUntil = new Date(now.getTime() + p.lockMinutes * 60_000).toISOString();
  // A lock that has run out starts a new series at 1.
  const next = sql<number>`case when locked_until is not null and locked_until <= ${nowIso} then 1 else failed_attempts + 1 end`;
  const row = await ctx.db
    .updateTable('users')
    .set({
      failed_attempts: next,
      locked_until: sql<
        string | null
      >`case when ${next} >= ${p.maxFailures} then cast(${lockUntil} as text) else null end`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row ? Number(row.failed_attempts) : null;
}

/** The right password ends the series of failures (and lifts a lock that only its own attempt had set). */
async function clearFailures(db: Database | Tx, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
}

/**
 * Sign-in (等保 2.0 身份鉴别): argon2id check; LOGIN_MAX_FAILURES wrong passwords in a row lock the account for
 * LOGIN_LOCK_MINUTES, counted in the database before each check; every outcome audited. A refusal never says
 * whether the username exists or the account is locked (same status, message and argon2 work).
 */
export async function signIn(
  ctx: Ctx,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; me: MeDto }> {
  const now = ctx.clock.now();
  const policy = await loginPolicy(ctx);
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const attempt = user ? await reserveAttempt(ctx, user.id, policy) : null;
  if (!user || attempt === null) {
    await verifyDummy(input.password);
    await writeTx(ctx, (_tx, audit) =>
      audit.record(
        user
          ? {
              entity: 'session',
              entityId: user.id,
              action: 'login_refused_locked',
              summary: `账户 ${user.username} 已锁定，拒绝登录（未校验密码）`,
              actorOverride: { id: user.id, name: user.username, role: user.role },
            }
          : {
              entity: 'session',
              action: 'login_failed',
              summary: `登录失败：用户名 ${maskUnknown(input.username)} 不存在`,
              actorOverride: { id: null, name: maskUnknown(input.username), role: null },
            },
      ),
    );
    throw signInRefused(policy);
  }
  const who = { id: user.id, name: user.username, role: user.role };
  const ok = await verifyAccount(user.password_hash, input.password);
  if (ok && !user.is_active) {
    // The right password for a disabled account: say so (only the holder learns it) and count no failure.
    await writeTx(ctx, async (tx, audit) => {
      await clearFailures(tx, user.id);
      await audit.record({
        entity: 'session',
        entityId: user.id,
        action: 'login_refused_inactive',
        summary: `已停用账户 ${user.username} 尝试登录`,
        actorOverride: who,
      });
    });
    const registration = await ctx.db
      .selectFrom('host_registrations')
      .select('status')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (registration?.status === 'pending')
      throw new AppError('forbidden', { userMessage: '注册申请正在等待创新服务中心审核，审核通过后即可登录' });
    if (registration?.status === 'rejected')
      throw new AppError('forbidden', { userMessage: '注册申请未通过审核，请联系创新服务中心' });
    throw new AppError('forbidden', { userMessage: '该账户已停用，请联系系统管理员' });
  }
  if (!ok) {
    await recordPasswordFailure(ctx, {
      user,
      attempt,
      policy,
      action: 'login_failed',
      summary: (n) => `登录失败：${user.username} 密码错误（第 ${n} 次）`,
    });
    throw signInRefused(policy);
  }
  const { token, id } = newToken();
  const nowIso = now.toISOString();
  await writeTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('sessions')
      .values({
        id,
        user_id: user.id,
        created_at: nowIso,
        last_seen_at: nowIso,
        expires_at: new Date(now.getTime() + ctx.env.SESSION_ABSOLUTE_HOURS * 3600_000).toISOString(),
        ip: ctx.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await tx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: nowIso })
      .where('id', '=', user.id)
      .execute();
    await audit.record({
      entity: 'session',
      entityId: user.id,
      action: 'login',
      summary: `${user.username} 登录`,
      actorOverride: who,
    });
  });
  const me = await getMe(ctx, user.id);
  return { token, me };
}

interface PasswordFailureOptions {
  user: { id: string; username: string; role: string };
  /** the count `reserveAttempt` gave this attempt */
  attempt: number;
  policy: LoginPolicy;
  action: AuditAction;
  summary: (failures: number) => string;
}

/**
 * A wrong password (at sign-in or when changing it), already counted by `reserveAttempt`: audited, and the attempt
 * that reached the limit confirms the lock, from now, and ends every session of the account.
 */
async function recordPasswordFailure(
  ctx: Ctx,
  { user, attempt, policy: p, action, summary }: PasswordFailureOptions,
): Promise<{ lock: boolean }> {
  const now = ctx.clock.now();
  const who = { id: user.id, name: user.username, role: user.role };
  const lock = attempt >= p.maxFailures;
  return writeTx(ctx, async (tx, audit) => {
    const lockedUntil = lock ? new Date(now.getTime() + p.lockMinutes * 60_000).toISOString() : null;
    if (lock) {
      await tx
        .updateTable('users')
        .set({ failed_attempts: 0, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    }
    await audit.record({
      entity: 'session',
      entityId: user.id,
      action,
      summary: summary(attempt),
      actorOverride: who,
    });
    if (lock) {
      await audit.record({
        entity: 'user',
        entityId: user.id,
        action: 'lockout',
        summary: `账户 ${user.username} 连续 ${attempt} 次密码错误，锁定 ${p.lockMinutes} 分钟`,
        before: { locked_until: null },
        after: { locked_until: lockedUntil },
        actorOverride: who,
      });
    }
    return { lock };
  });
}

export async function getMe(ctx: Ctx, userId: string): Promise<MeDto> {
  const u = await ctx.db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.organization_id',
      'users.district_code',
      'users.must_change_password',
      'users.password_changed_at',
      'users.created_at',
      'organizations.name as org_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const passwordExpired = adminPasswordExpired(
    u,
    (await securitySettings(ctx)).adminPasswordMaxAgeDays,
    ctx.clock.now(),
  );
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: roleOf(u.role),
    organizationId: u.organization_id,
    organizationName: u.org_name,
    districtCode: u.district_code,
    mustChangePassword: u.must_change_password === 1 || passwordExpired,
    passwordExpired,
  };
}

export async function signOut(ctx: Ctx, actor: Actor, everywhere: boolean): Promise<number> {
  return writeTx(ctx, async (tx, audit) => {
    const q = tx.deleteFrom('sessions');
    const res = everywhere
      ? await q.where('user_id', '=', actor.userId).executeTakeFirst()
      : await q.where('id', '=', actor.sessionId).executeTakeFirst();
    await audit.record({
      entity: 'session',
      entityId: actor.userId,
      action: everywhere ? 'logout_everywhere' : 'logout',
      summary: everywhere ? `${actor.username} 退出所有设备的登录` : `${actor.username} 退出登录`,
    });
    return Number(res.numDeletedRows);
  });
}

export async function changeOwnPassword(
  ctx: Ctx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  // A stolen session must not be a way to guess the password: guesses count toward the lockout, before the check,
  // as at sign-in.
  const limits = await loginPolicy(ctx);
  const lockedMessage = (n: number | null) =>
    new AppError('unauthenticated', {
      userMessage: `当前密码${n ? `连续错误 ${n} 次` : '错误次数过多'}，账户已锁定 ${limits.lockMinutes} 分钟，请稍后重新登录`,
    });
  const attempt = await reserveAttempt(ctx, user.id, limits);
  if (attempt === null) {
    await writeTx(ctx, (_tx, audit) =>
      audit.record({
        entity: 'session',
        entityId: user.id,
        action: 'change_password_failed',
        summary: `${user.username} 修改密码被拒绝：账户已锁定（未校验当前密码）`,
      }),
    );
    throw lockedMessage(null);
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    const outcome = await recordPasswordFailure(ctx, {
      user,
      attempt,
      policy: limits,
      action: 'change_password_failed',
      summary: (n) => `${user.username} 修改密码时当前密码错误（第 ${n} 次）`,
    });
    if (outcome.lock) throw lockedMessage(attempt);
    throw invalid([{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  await clearFailures(ctx.db, user.id);
  const problems = checkPassword(input.newPassword, { username: user.username });
  if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
  const policy = await securitySettings(ctx);
  if (
    !problems.length &&
    (await isRecentPassword(ctx.db, { user, password: input.newPassword, count: policy.passwordHistoryCount }))
  ) {
    problems.push(`新密码不能与最近 ${policy.passwordHistoryCount} 次使用过的密码相同`);
  }
  if (problems.length) throw invalid(problems.map((message) => ({ path: 'newPassword', message })));
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now().toISOString();
  await writeTx(ctx, async (tx, audit) => {
    // Only if nobody (an administrator's reset) changed the account since the current password was checked.
    const res = await tx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        failed_attempts: 0,
        password_changed_at: now,
        updated_at: now,
        version: user.version + 1,
      })
      .where('id', '=', user.id)
      .where('version', '=', user.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('账户刚被修改（例如管理员重置了密码），请重新登录后再试');
    await rememberPassword(tx, { user, newHash: hash, now, keep: policy.passwordHistoryCount });
    // Other sessions of this account end: a changed password must shut out whoever knew the old one.
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', actor.sessionId).execute();
    await audit.record({
      entity: 'user',
      entityId: user.id,
      action: 'change_password',
      summary: `${user.username} 修改了自己的密码`,
      before: { password_hash: 'x', must_change_password: user.must_change_password },
      after: { password_hash: 'y', must_change_password: 0 },
    });
  });
}
