import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { conflict, forbidden, invalid, notFound } from '../../../shared/errors';
import { ROLE_LABELS, type Role, roleNeeds, SEPARATED_ADMIN_ROLES } from '../../../shared/permissions';
import type { RoleAssignInput, UserCreateInput, UserUpdateInput } from '../../../shared/schemas/user';
import { writeTx } from '../../audit/audit';
import { hashPassword } from '../../auth/password';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import type { UserTable } from '../../db/schema';
import { containsCi, type Page, paginate } from '../../http/paging';

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  organizationId: string | null;
  organizationName: string | null;
  districtCode: string | null;
  /** reviewers only (第十条 回避) */
  employerName: string | null;
  employerUscc: string | null;
  isActive: boolean;
  isLocked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

type Row = UserTable & { org_name: string | null };

function toUserDto(r: Row, now: Date): UserDto {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
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
 * 三员分立: the system administrator creates business accounts; only the security administrator gives out
 * the three administrator roles (assignRole), so no one person can make themselves an unchecked administrator.
 */
export async function createUser(
  ctx: Ctx,
  input: UserCreateInput,
): Promise<{ user: UserDto; temporaryPassword: string }> {
  if (SEPARATED_ADMIN_ROLES.includes(input.role)) {
    throw invalid([
      { path: 'role', message: '系统管理员、安全管理员、审计管理员账户由安全管理员授予角色（三员分立）' },
    ]);
  }
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
    const scope = await checkScopeFields(tx, input.role, input);
    const now = ctx.clock.now().toISOString();
    const row: UserTable = {
      id,
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      role: input.role,
      ...scope,
      employer_name: input.role === 'reviewer' ? input.employerName || null : null,
      employer_uscc: input.role === 'reviewer' ? input.employerUscc || null : null,
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
      summary: `新建账户 ${input.username}（${ROLE_LABELS[input.role]}）`,
      after: { ...row },
    });
  });
  return { user: await getUser(ctx, id), temporaryPassword: password };
}

async function updateWithVersion(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  summary: (u: UserTable) => string,
  change: (u: UserTable, tx: Tx) => Promise<Partial<UserTable>> | Partial<UserTable>,
): Promise<UserDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('账户');
    // 三员分立: the system administrator manages business accounts only. Were it able to reset or disable the
    // security or audit administrator, one person could hold two of the three roles; those accounts are kept
    // with the command line (bin/qianqi reset-password) by whoever runs the server.
    if (action !== 'assign_role' && (SEPARATED_ADMIN_ROLES as readonly string[]).includes(before.role)) {
      throw forbidden(
        '系统管理员、安全管理员、审计管理员账户不能由系统管理员修改、重置或解锁（三员分立）；忘记密码时由运维人员在服务器上执行 bin/qianqi reset-password',
      );
    }
    if (before.version !== version) throw conflict('该账户已被他人修改，请刷新后重试');
    const patch = await change(before, tx);
    const after = { ...before, ...patch, updated_at: ctx.clock.now().toISOString(), version: before.version + 1 };
    const res = await tx
      .updateTable('users')
      .set(after)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该账户已被他人修改，请刷新后重试');
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
  return updateWithVersion(
    ctx,
    id,
    input.version,
    'update',
    (u) => `修改账户 ${u.username}`,
    (u) => ({
      display_name: input.displayName,
      is_active: input.isActive ? 1 : 0,
      ...(u.role === 'reviewer' && input.employerName !== undefined
        ? { employer_name: input.employerName || null }
        : {}),
      ...(u.role === 'reviewer' && input.employerUscc !== undefined
        ? { employer_uscc: input.employerUscc || null }
        : {}),
    }),
  );
}

export async function resetPassword(
  ctx: Ctx,
  id: string,
  version: number,
): Promise<{ user: UserDto; temporaryPassword: string }> {
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const user = await updateWithVersion(
    ctx,
    id,
    version,
    'reset_password',
    (u) => `重置账户 ${u.username} 的密码`,
    () => ({
      password_hash: hash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
    }),
  );
  return { user, temporaryPassword: password };
}

export function unlockUser(ctx: Ctx, id: string, version: number): Promise<UserDto> {
  return updateWithVersion(
    ctx,
    id,
    version,
    'unlock',
    (u) => `解除账户 ${u.username} 的锁定`,
    () => ({
      failed_attempts: 0,
      locked_until: null,
    }),
  );
}

export function assignRole(ctx: Ctx, id: string, input: RoleAssignInput): Promise<UserDto> {
  if (id === ctx.actor!.userId) throw forbidden('不能修改自己的角色');
  return updateWithVersion(
    ctx,
    id,
    input.version,
    'assign_role',
    (u) => `账户 ${u.username} 的角色设为${ROLE_LABELS[u.role as Role] ?? u.role}`,
    async (_u, tx) => ({ role: input.role, ...(await checkScopeFields(tx, input.role, input)) }),
  );
}

/**
 * What the security administrator needs to give a role its scope (districts, host organisations): names and ids
 * only, since it holds no business data (三员分立).
 */
export async function roleScopeOptions(ctx: Ctx): Promise<{
  districts: Array<{ code: string; name: string }>;
  hosts: Array<{ id: string; name: string }>;
}> {
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
