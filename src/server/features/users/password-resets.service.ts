import { uuidv7 } from 'uuidv7';
import { conflict, forbidden, notFound } from '../../../shared/errors';
import { PASSWORD_RESET_STATUS_LABELS } from '../../../shared/labels';
import { ROLE_LABELS, type Role, SEPARATED_ADMIN_ROLES } from '../../../shared/permissions';
import type {
  PasswordResetDto,
  PasswordResetIssuedDto,
  PasswordResetRejectInput,
  PasswordResetRequestInput,
  PasswordResetStatus,
} from '../../../shared/schemas/user';
import { writeTx } from '../../audit/audit';
import { hashPassword } from '../../auth/password';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { PasswordResetTable } from '../../db/schema';
import { getUser, issuedPassword, temporaryPassword } from './users.service';

// 密码重置双人复核 (三员分立, decision 018). Whoever holds a business account's temporary password can act as that
// account until its holder changes it; so one administrator alone never gets one. The system administrator asks
// (with a reason), the security administrator — never the one who asked — confirms or refuses, and only then does the
// one who asked collect the temporary password, once. It is made at that moment and never stored.

/** A confirmation not acted on within this time lapses: an old approval must not be a key kept for later. */
export const APPROVAL_VALID_HOURS = 24;

function expiryOf(r: Pick<PasswordResetTable, 'status' | 'decided_at'>): string | null {
  if (r.status !== 'approved' || !r.decided_at) return null;
  return new Date(new Date(r.decided_at).getTime() + APPROVAL_VALID_HOURS * 3600_000).toISOString();
}

function statusOf(r: Pick<PasswordResetTable, 'status' | 'decided_at'>, now: Date): PasswordResetStatus {
  const expires = expiryOf(r);
  if (expires && new Date(expires) <= now) return 'expired';
  return r.status as PasswordResetStatus;
}

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('users as q', 'q.id', 'r.requested_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select(['u.username', 'u.display_name', 'u.role', 'q.username as requester', 'd.username as decider']);
}

type Row = PasswordResetTable & {
  username: string;
  display_name: string;
  role: string;
  requester: string;
  decider: string | null;
};

function toDto(r: Row, now: Date): PasswordResetDto {
  const status = statusOf(r, now);
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
    reason: r.reason,
    status,
    statusLabel: PASSWORD_RESET_STATUS_LABELS[status] ?? status,
    requestedById: r.requested_by,
    requestedByName: r.requester,
    requestedAt: r.requested_at,
    decidedByName: r.decider,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    expiresAt: expiryOf(r),
    issuedAt: r.issued_at,
    version: r.version,
  };
}

/** Open requests (waiting for a decision, or confirmed and not yet collected) first, then the latest others. */
export async function listPasswordResets(ctx: Ctx, f: { status?: 'open' | 'all' }): Promise<PasswordResetDto[]> {
  const now = ctx.clock.now();
  let qb = baseQuery(ctx);
  if (f.status !== 'all') qb = qb.where('r.status', 'in', ['pending', 'approved']);
  const rows = await qb.orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(100).execute();
  const items = rows.map((r) => toDto(r as Row, now));
  return f.status === 'all' ? items : items.filter((r) => r.status === 'pending' || r.status === 'approved');
}

async function requireRequest(tx: Tx, id: string): Promise<PasswordResetTable> {
  const r = await tx.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('密码重置申请');
  return r;
}

/** Writes the request's next state on the version read: 409 when someone else handled it in between. */
function saveRequest(tx: Tx, before: PasswordResetTable, after: PasswordResetTable): Promise<void> {
  return versionedUpdate(tx, {
    table: 'password_resets',
    before,
    set: after,
    message: '该申请已被他人处理，请刷新后重试',
  });
}

async function getRequest(ctx: Ctx, id: string): Promise<PasswordResetDto> {
  const r = await baseQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('密码重置申请');
  return toDto(r as Row, ctx.clock.now());
}

const isSeparatedAdmin = (role: string) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);

/** Step 1, the system administrator: asks to reset a business account's password, saying why. */
export async function requestPasswordReset(
  ctx: Ctx,
  userId: string,
  input: PasswordResetRequestInput,
): Promise<PasswordResetDto> {
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('账户');
    if (isSeparatedAdmin(user.role)) {
      throw forbidden(
        '系统管理员、安全管理员、审计管理员账户不能由系统管理员修改、重置或解锁（三员分立）；忘记密码时由运维人员在服务器上执行 bin/qianqi reset-password',
      );
    }
    if (user.role === 'unassigned') {
      throw conflict(`账户 ${user.username} 尚未分配角色，不需要安全管理员确认：请直接“重置密码”`);
    }
    const now = ctx.clock.now();
    const open = await tx
      .selectFrom('password_resets')
      .select(['status', 'decided_at'])
      .where('user_id', '=', userId)
      .where('status', 'in', ['pending', 'approved'])
      .execute();
    const live = open.map((r) => statusOf(r, now)).find((s) => s === 'pending' || s === 'approved');
    if (live) {
      throw conflict(
        `账户 ${user.username} 已有一份密码重置申请（${PASSWORD_RESET_STATUS_LABELS[live]}），请先处理完这一份`,
      );
    }
    const row: PasswordResetTable = {
      id,
      user_id: userId,
      reason: input.reason,
      status: 'pending',
      requested_by: ctx.actor!.userId,
      requested_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
      issued_at: null,
      version: 1,
    };
    await tx.insertInto('password_resets').values(row).execute();
    await audit.record({
      entity: 'password_reset',
      entityId: id,
      action: 'request_password_reset',
      summary: `申请重置账户 ${user.username} 的密码，待安全管理员确认；原因：${input.reason}`,
      after: { ...row },
    });
  });
  return getRequest(ctx, id);
}

/** Step 2, the security administrator: confirms or refuses; never a request of its own or one for its own account. */
export async function decidePasswordReset(
  ctx: Ctx,
  id: string,
  decision: { approve: true; version: number } | ({ approve: false } & PasswordResetRejectInput),
): Promise<PasswordResetDto> {
  const actor = ctx.actor!;
  await writeTx(ctx, async (tx, audit) => {
    const before = await requireRequest(tx, id);
    if (before.requested_by === actor.userId) throw forbidden('不能确认自己提出的密码重置申请（双人复核）');
    if (before.user_id === actor.userId) throw forbidden('不能处理重置自己账户密码的申请');
    if (before.status !== 'pending') {
      throw conflict(`该申请已处理（${PASSWORD_RESET_STATUS_LABELS[before.status] ?? before.status}），请刷新后查看`);
    }
    if (before.version !== decision.version) throw conflict('该申请已被他人处理，请刷新后重试');
    const now = ctx.clock.now().toISOString();
    const after: PasswordResetTable = {
      ...before,
      status: decision.approve ? 'approved' : 'rejected',
      decided_by: actor.userId,
      decided_at: now,
      decision_note: decision.approve ? null : decision.reason,
      version: before.version + 1,
    };
    await saveRequest(tx, before, after);
    const names = await tx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', [before.user_id, before.requested_by])
      .execute();
    const nameOf = (uid: string) => names.find((n) => n.id === uid)?.username ?? uid;
    await audit.record({
      entity: 'password_reset',
      entityId: id,
      action: decision.approve ? 'approve_password_reset' : 'reject_password_reset',
      summary: decision.approve
        ? `确认 ${nameOf(before.requested_by)} 重置账户 ${nameOf(before.user_id)} 密码的申请（${APPROVAL_VALID_HOURS} 小时内可领取临时密码）`
        : `不同意 ${nameOf(before.requested_by)} 重置账户 ${nameOf(before.user_id)} 密码的申请：${decision.reason}`,
      before: { ...before },
      after: { ...after },
    });
  });
  return getRequest(ctx, id);
}

/**
 * Step 3, the system administrator who asked: the temporary password is made now and shown once; the account's
 * sessions end. The password is never stored in clear, so there is nothing to collect a second time.
 */
export async function issuePasswordReset(ctx: Ctx, id: string, version: number): Promise<PasswordResetIssuedDto> {
  const actor = ctx.actor!;
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  let userId = '';
  await writeTx(ctx, async (tx, audit) => {
    const before = await requireRequest(tx, id);
    if (before.requested_by !== actor.userId) {
      throw forbidden('临时密码只发给提出该申请的系统管理员');
    }
    const now = ctx.clock.now();
    const status = statusOf(before, now);
    if (status === 'expired') {
      throw conflict(`安全管理员的确认已超过 ${APPROVAL_VALID_HOURS} 小时未领取，已失效：请重新提交申请`);
    }
    if (status !== 'approved') {
      throw conflict(
        status === 'pending'
          ? '该申请尚未经安全管理员确认，不能领取临时密码'
          : `该申请已处理（${PASSWORD_RESET_STATUS_LABELS[status] ?? status}），不能再领取临时密码`,
      );
    }
    if (before.version !== version) throw conflict('该申请已被他人处理，请刷新后重试');
    const user = await tx.selectFrom('users').selectAll().where('id', '=', before.user_id).executeTakeFirstOrThrow();
    if (isSeparatedAdmin(user.role)) throw forbidden('三员账户的密码只能在服务器上用 bin/qianqi reset-password 重置');
    userId = user.id;
    const nowIso = now.toISOString();
    const userAfter = { ...user, ...issuedPassword(hash), updated_at: nowIso, version: user.version + 1 };
    await tx.updateTable('users').set(userAfter).where('id', '=', user.id).execute();
    // Whoever is signed in as the account now (perhaps the reason for the reset) is put out.
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    const after: PasswordResetTable = { ...before, status: 'issued', issued_at: nowIso, version: before.version + 1 };
    await saveRequest(tx, before, after);
    const decider = await tx
      .selectFrom('users')
      .select('username')
      .where('id', '=', before.decided_by ?? '-')
      .executeTakeFirst();
    await audit.record({
      entity: 'user',
      entityId: user.id,
      action: 'reset_password',
      summary: `重置账户 ${user.username} 的密码（经安全管理员 ${decider?.username ?? '—'} 确认）`,
      before: { ...user },
      after: { ...userAfter },
    });
    await audit.record({
      entity: 'password_reset',
      entityId: id,
      action: 'issue_password_reset',
      summary: `领取账户 ${user.username} 的临时密码（仅显示一次），其登录全部结束`,
      before: { ...before },
      after: { ...after },
    });
  });
  return { user: await getUser(ctx, userId), temporaryPassword: password, request: await getRequest(ctx, id) };
}
