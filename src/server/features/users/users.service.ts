import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { conflict, forbidden, invalid, notFound } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/labels';
import { isBusinessRole, ROLE_LABELS, type Role, roleNeeds, SEPARATED_ADMIN_ROLES } from '../../../shared/permissions';
import type {
  RoleAssignInput,
  RoleScopeOptionsDto,
  UserCreateInput,
  UserDto,
  UserTemporaryPasswordDto,
  UserUpdateInput,
} from '../../../shared/schemas/user';
import { writeTx } from '../../audit/audit';
import { hashPassword } from '../../auth/password';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import type { Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { UserTable } from '../../db/schema';
import { roleOf } from '../auth/auth.service';

type Row = UserTable & { org_name: string | null };

const isSeparatedAdmin = (role: string) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);

/**
 * The password in force is the holder's own: set by changing it at sign-in (must_change_password = 0, which every
 * administrator-issued password sets to 1) and dated. An account created in the web and never signed into has none.
 */
export function hasOwnPassword(u: Pick<UserTable, 'must_change_password' | 'password_changed_at'>): boolean {
  return u.must_change_password === 0 && !!u.password_changed_at;
}

function toUserDto(r: Row, now: Date): UserDto {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: roleOf(r.role),
    roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
    organizationId: r.organization_id,
    organizationName: r.org_name,
    districtCode: r.district_code,
    employerName: r.employer_name ?? null,
    employerUscc: r.employer_uscc ?? null,
    isActive: r.is_active === 1,
    isLocked: !!r.locked_until && new Date(r.locked_until) > now,
    lockedUntil: r.locked_until,
    mustChangePassword: r.must_change_password === 1,
    passwordSetByHolder: hasOwnPassword(r),
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    version: r.version,
  };
}

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select('organizations.name as org_name');
}

export function listUsers(
  ctx: Ctx,
  f: { q?: string; role?: string; page: number; pageSize: number },
): Promise<Page<UserDto>> {
  let qb = baseQuery(ctx);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('users.username', f.q!), containsCi('users.display_name', f.q!)]));
  if (f.role) qb = qb.where('users.role', '=', f.role);
  const now = ctx.clock.now();
  return paginate(qb, {
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => toUserDto(r as Row, now),
    orderBy: (q) => q.orderBy('users.role').orderBy('users.username'),
  });
}

export async function getUser(ctx: Ctx, id: string): Promise<UserDto> {
  const row = await baseQuery(ctx).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('账户');
  return toUserDto(row as Row, ctx.clock.now());
}

/** A readable temporary password that meets the policy; the holder must change it at first sign-in. */
export function temporaryPassword(): string {
  const lower = 'abcdefghjkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const pick = (s: string) => s[randomInt(s.length)];
  const chars = [
    pick(upper),
    pick(upper),
    ...Array.from({ length: 5 }, () => pick(lower)),
    pick(digits),
    pick(digits),
    pick(digits),
  ];
  return `${chars.join('')}!`;
}

/** A role's scope must be named: a district account its district, a host account its organisation. */
async function checkScopeFields(
  tx: Tx,
  role: Role,
  input: { organizationId?: string | null; districtCode?: string | null },
): Promise<{ organization_id: string | null; district_code: string | null }> {
  const needs = roleNeeds(role);
  if (needs === 'district') {
    if (!input.districtCode) throw invalid([{ path: 'districtCode', message: '区科协账户须选择所属区' }]);
    const da = await tx
      .selectFrom('organizations')
      .select('id')
      .where('kind', '=', 'district_association')
      .where('district_code', '=', input.districtCode)
      .executeTakeFirst();
    if (!da) throw invalid([{ path: 'districtCode', message: '该区没有对应的区科协' }]);
    return { organization_id: da.id, district_code: input.districtCode };
  }
  if (needs === 'organization') {
    if (!input.organizationId) throw invalid([{ path: 'organizationId', message: '依托单位账户须选择所属单位' }]);
    const org = await tx
      .selectFrom('organizations')
      .select(['id', 'kind'])
      .where('id', '=', input.organizationId)
      .executeTakeFirst();
    if (org?.kind !== 'host') throw invalid([{ path: 'organizationId', message: '所选单位不是依托单位' }]);
    return { organization_id: org.id, district_code: null };
  }
  if (role === 'center_admin' || role === 'center_staff') {
    const center = await tx.selectFrom('organizations').select('id').where('kind', '=', 'center').executeTakeFirst();
    return { organization_id: center?.id ?? null, district_code: null };
  }
  return { organization_id: null, district_code: null };
}

/**
 * 三员分立 (decision 018): the system administrator opens an account, always without a role. Whoever creates an account
 * knows its temporary password, so the creator must not also decide what the account may see: the security
 * administrator gives the role, and only once the holder has replaced the temporary password with their own.
 */
export async function createUser(ctx: Ctx, input: UserCreateInput): Promise<UserTemporaryPasswordDto> {
  const exists = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (exists) throw invalid([{ path: 'username', message: '用户名已存在' }]);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const now = ctx.clock.now().toISOString();
    const row: UserTable = {
      id,
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      role: 'unassigned',
      organization_id: null,
      district_code: null,
      employer_name: null,
      employer_uscc: null,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      is_active: 1,
      last_login_at: null,
      password_changed_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('users').values(row).execute();
    await audit.record({
      entity: 'user',
      entityId: id,
      action: 'create',
      summary: `新建账户 ${input.username}（${ROLE_LABELS.unassigned}）`,
      after: { ...row },
    });
  });
  return { user: await getUser(ctx, id), temporaryPassword: password };
}

interface UpdateWithVersionOptions {
  id: string;
  version: number;
  action: AuditAction;
  summary: (u: UserTable) => string;
  change: (u: UserTable, tx: Tx) => Promise<Partial<UserTable>> | Partial<UserTable>;
  /** a rule on the account as it is, checked before its version (so the answer does not depend on a stale page) */
  check?: (u: UserTable) => void;
}

async function updateWithVersion(
  ctx: Ctx,
  { id, version, action, summary, change, check }: UpdateWithVersionOptions,
): Promise<UserDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('账户');
    // 三员分立: the system administrator manages business accounts only. Were it able to reset or disable the
    // security or audit administrator, one person could hold two of the three roles; those accounts are kept
    // with the command line (bin/qianqi reset-password) by whoever runs the server.
    if (action !== 'assign_role' && isSeparatedAdmin(before.role)) {
      throw forbidden(
        '系统管理员、安全管理员、审计管理员账户不能由系统管理员修改、重置或解锁（三员分立）；忘记密码时由运维人员在服务器上执行 bin/qianqi reset-password',
      );
    }
    check?.(before);
    if (before.version !== version) throw conflict('该账户已被他人修改，请刷新后重试');
    const patch = await change(before, tx);
    const after = { ...before, ...patch, updated_at: ctx.clock.now().toISOString(), version: before.version + 1 };
    await versionedUpdate(tx, {
      table: 'users',
      before,
      set: after,
      now: after.updated_at,
      message: '该账户已被他人修改，请刷新后重试',
    });
    if (patch.is_active === 0 || patch.password_hash || patch.role) {
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    await audit.record({
      entity: 'user',
      entityId: id,
      action,
      summary: summary(after),
      before: { ...before },
      after: { ...after },
    });
  });
  return getUser(ctx, id);
}

export function updateUser(ctx: Ctx, id: string, input: UserUpdateInput): Promise<UserDto> {
  if (id === ctx.actor!.userId && !input.isActive) throw forbidden('不能停用自己的账户');
  return updateWithVersion(ctx, {
    id,
    version: input.version,
    action: 'update',
    summary: (u) => `修改账户 ${u.username}`,
    change: (u) => ({
      display_name: input.displayName,
      is_active: input.isActive ? 1 : 0,
      ...(u.role === 'reviewer' && input.employerName !== undefined
        ? { employer_name: input.employerName || null }
        : {}),
      ...(u.role === 'reviewer' && input.employerUscc !== undefined
        ? { employer_uscc: input.employerUscc || null }
        : {}),
    }),
  });
}

/**
 * The system administrator alone resets only an account that has no role yet (its holder lost the temporary
 * password before the first sign-in): such an account reaches nothing. A business account's reset needs the security
 * administrator's confirmation first (password-resets.service.ts, decision 018).
 */
export async function resetPassword(ctx: Ctx, id: string, version: number): Promise<UserTemporaryPasswordDto> {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const user = await updateWithVersion(ctx, {
    id,
    version,
    action: 'reset_password',
    summary: (u) => `重置账户 ${u.username} 的密码`,
    change: () => issuedPassword(hash),
    check: (u) => {
      if (u.role !== 'unassigned') {
        throw forbidden(
          `账户 ${u.username} 有业务角色（${ROLE_LABELS[u.role as Role] ?? u.role}），重置其密码须经安全管理员确认：请提交“申请重置密码”，确认后再领取临时密码（双人复核）`,
        );
      }
    },
  });
  return { user, temporaryPassword: password };
}

/** What an administrator-issued password sets: the holder must replace it, and any lockout ends. */
export function issuedPassword(hash: string): Partial<UserTable> {
  return { password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null };
}

export function unlockUser(ctx: Ctx, id: string, version: number): Promise<UserDto> {
  return updateWithVersion(ctx, {
    id,
    version,
    action: 'unlock',
    summary: (u) => `解除账户 ${u.username} 的锁定`,
    change: () => ({
      failed_attempts: 0,
      locked_until: null,
    }),
  });
}

/**
 * 三员分立 (decision 018). The security administrator gives roles, with these limits:
 * - the three administrator roles come from the server's command line only (bin/qianqi create-admin), never the web,
 *   and a three-administrator account may only be set back to 待分配角色 (retired; the system administrator may then
 *   disable it);
 * - a business role only to an account whose holder has set their own password: whoever issued the temporary one
 *   (the system administrator, at creation or after a confirmed reset) must not be able to use the role.
 */
export function assignRole(ctx: Ctx, id: string, input: RoleAssignInput): Promise<UserDto> {
  if (id === ctx.actor!.userId) throw forbidden('不能修改自己的角色');
  if (isSeparatedAdmin(input.role)) {
    throw invalid([
      {
        path: 'role',
        message:
          '系统管理员、安全管理员、审计管理员账户只能由运维人员在服务器上用 bin/qianqi create-admin 创建（三员分立）',
      },
    ]);
  }
  return updateWithVersion(ctx, {
    id,
    version: input.version,
    action: 'assign_role',
    summary: (u) => `账户 ${u.username} 的角色设为${ROLE_LABELS[u.role as Role] ?? u.role}`,
    change: async (_u, tx) => ({ role: input.role, ...(await checkScopeFields(tx, input.role, input)) }),
    check: (u) => {
      if (isSeparatedAdmin(u.role) && input.role !== 'unassigned') {
        throw invalid([
          {
            path: 'role',
            message: `${u.username} 是${ROLE_LABELS[u.role as Role]}账户，只能改为“待分配角色”（撤销其管理员角色），不能改为业务角色（三员分立）`,
          },
        ]);
      }
      if (isBusinessRole(input.role) && !hasOwnPassword(u)) {
        throw conflict(
          `账户 ${u.username} 的持有人尚未用临时密码登录并设置自己的密码，暂不能分配业务角色：临时密码由管理员发出，须本人改密后再分配，以免发出临时密码的人使用该角色（三员分立）`,
        );
      }
    },
  });
}

/**
 * What the security administrator needs to give a role its scope (districts, host organisations): names and ids
 * only, since it holds no business data (三员分立).
 */
export async function roleScopeOptions(ctx: Ctx): Promise<RoleScopeOptionsDto> {
  const orgs = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'district_code'])
    .where('kind', 'in', ['district_association', 'host'])
    .where('is_active', '=', 1)
    .orderBy('name')
    .execute();
  return {
    districts: orgs
      .filter((o) => o.kind === 'district_association' && o.district_code)
      .map((o) => ({ code: o.district_code!, name: o.name })),
    hosts: orgs.filter((o) => o.kind === 'host').map((o) => ({ id: o.id, name: o.name })),
  };
}
