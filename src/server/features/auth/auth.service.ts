import { checkPassword } from '../../../domain/password-policy';
import { AppError, conflict, invalid } from '../../../shared/errors';
import { writeTx } from '../../audit/audit';
import { dummyHash, hashPassword, verifyPassword } from '../../auth/password';
import { newToken } from '../../auth/sessions';
import type { Actor, Ctx } from '../../context';

export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organizationId: string | null;
  organizationName: string | null;
  districtCode: string | null;
  mustChangePassword: boolean;
}

/**
 * Sign-in (等保 2.0 身份鉴别): argon2id check, 5 failures lock the account for 15 minutes, every outcome audited.
 * The error never says whether the username exists.
 */
/**
 * An unknown username is kept only partly in the audit log: people type passwords into the username box.
 */
export function maskUnknown(username: string): string {
  const u = username.slice(0, 32);
  return u.length <= 3 ? `${u[0] ?? ''}***` : `${u.slice(0, 2)}***${u.slice(-1)}`;
}

export async function signIn(
  ctx: Ctx,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; me: MeDto }> {
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const badCredentials = new AppError('unauthenticated', { userMessage: '用户名或密码错误' });
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await writeTx(ctx, (_tx, audit) =>
      audit.record({
        entity: 'session',
        action: 'login_failed',
        summary: `登录失败：用户名 ${maskUnknown(input.username)} 不存在`,
        actorOverride: { id: null, name: maskUnknown(input.username), role: null },
      }),
    );
    throw badCredentials;
  }
  const who = { id: user.id, name: user.username, role: user.role };
  if (user.locked_until && new Date(user.locked_until) > now) {
    await writeTx(ctx, (_tx, audit) =>
      audit.record({
        entity: 'session',
        entityId: user.id,
        action: 'login_refused_locked',
        summary: `账户 ${user.username} 已锁定，拒绝登录`,
        actorOverride: who,
      }),
    );
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', { userMessage: `连续登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试` });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (ok && !user.is_active) {
    // The right password for a disabled account: say so (only the holder learns it) and count no failure.
    await writeTx(ctx, (_tx, audit) =>
      audit.record({
        entity: 'session',
        entityId: user.id,
        action: 'login_refused_inactive',
        summary: `已停用账户 ${user.username} 尝试登录`,
        actorOverride: who,
      }),
    );
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
    const outcome = await recordPasswordFailure(
      ctx,
      user,
      'login_failed',
      (n) => `登录失败：${user.username} 密码错误（第 ${n} 次）`,
    );
    if (outcome.lock) {
      throw new AppError('locked', {
        userMessage: `连续登录失败 ${outcome.failures} 次，账户已锁定 ${ctx.env.LOGIN_LOCK_MINUTES} 分钟`,
      });
    }
    throw badCredentials;
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

/**
 * A wrong password (at sign-in or when changing it): the count is incremented in the database so concurrent wrong
 * guesses each count, and the account locks at the year's threshold (等保 2.0 登录失败处理). On lock every session of
 * the account ends.
 */
async function recordPasswordFailure(
  ctx: Ctx,
  user: { id: string; username: string; role: string },
  action: string,
  summary: (failures: number) => string,
): Promise<{ lock: boolean; failures: number }> {
  const now = ctx.clock.now();
  const who = { id: user.id, name: user.username, role: user.role };
  return writeTx(ctx, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', user.id)
      .execute();
    const { failed_attempts: failures, locked_until: lockedBefore } = await tx
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const lock = failures >= ctx.env.LOGIN_MAX_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + ctx.env.LOGIN_LOCK_MINUTES * 60_000).toISOString() : null;
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
      summary: summary(failures),
      actorOverride: who,
    });
    if (lock) {
      await audit.record({
        entity: 'user',
        entityId: user.id,
        action: 'lockout',
        summary: `账户 ${user.username} 连续 ${failures} 次密码错误，锁定 ${ctx.env.LOGIN_LOCK_MINUTES} 分钟`,
        before: { locked_until: lockedBefore },
        after: { locked_until: lockedUntil },
        actorOverride: who,
      });
    }
    return { lock, failures };
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
      'organizations.name as org_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    organizationId: u.organization_id,
    organizationName: u.org_name,
    districtCode: u.district_code,
    mustChangePassword: u.must_change_password === 1,
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
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    // A stolen session must not be a way to guess the password: wrong guesses count toward the lockout.
    const outcome = await recordPasswordFailure(
      ctx,
      user,
      'change_password_failed',
      (n) => `${user.username} 修改密码时当前密码错误（第 ${n} 次）`,
    );
    if (outcome.lock) {
      throw new AppError('unauthenticated', {
        userMessage: `当前密码连续错误 ${outcome.failures} 次，账户已锁定 ${ctx.env.LOGIN_LOCK_MINUTES} 分钟，请稍后重新登录`,
      });
    }
    throw invalid([{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problems = checkPassword(input.newPassword, { username: user.username });
  if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
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
