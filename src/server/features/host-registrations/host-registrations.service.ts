import { uuidv7 } from 'uuidv7';
import { checkPassword } from '../../../domain/password-policy';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { HOST_KIND_LABELS } from '../../../shared/labels';
import type {
  HostRegistrationCreatedDto,
  HostRegistrationDecision,
  HostRegistrationDto,
  HostRegistrationInput,
  HostRegistrationWindowDto,
} from '../../../shared/schemas/host-registration';
import { writeTx } from '../../audit/audit';
import { hashPassword } from '../../auth/password';
import type { Ctx } from '../../context';
import { type Page, paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { shanghaiDate } from '../../scope';

// 依托单位注册 (issue #4): while a call is open, a new host organisation registers with its USCC and its first
// account; both stay inactive (they cannot sign in) until the Center approves. A rejection keeps the rows, inactive,
// with the reason, so the USCC cannot be registered twice by mistake.

const STATUS_LABELS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

/** The call whose window is open today, if any. */
async function openCall(ctx: Ctx) {
  const today = shanghaiDate(ctx.clock.now());
  return ctx.db
    .selectFrom('calls')
    .select(['id', 'title', 'program_year'])
    .where('status', '=', 'open')
    .where('opens_on', '<=', today)
    .where('closes_on', '>=', today)
    .orderBy('program_year', 'desc')
    .executeTakeFirst();
}

/** Whether the form is open, and the districts of the call's year for its district field. */
export async function registrationWindow(ctx: Ctx): Promise<HostRegistrationWindowDto> {
  const call = await openCall(ctx);
  if (!call) return { open: false };
  const policy = await loadPolicy(ctx.db, call.program_year);
  return {
    open: true,
    callTitle: call.title,
    programYear: call.program_year,
    districts: policy.districts.map((d) => ({ code: d.code, name: d.name })),
  };
}

export async function register(ctx: Ctx, input: HostRegistrationInput): Promise<HostRegistrationCreatedDto> {
  const call = await openCall(ctx);
  if (!call) throw conflict('目前没有正在申报的通知，依托单位注册仅在申报期内开放（第十条）');
  const problems = checkPassword(input.password, { username: input.username });
  if (problems.length) throw invalid(problems.map((message) => ({ path: 'password', message })));
  const hash = await hashPassword(input.password);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const issues: Array<{ path: string; message: string }> = [];
    const org = await tx.selectFrom('organizations').select('name').where('uscc', '=', input.uscc).executeTakeFirst();
    if (org)
      issues.push({ path: 'uscc', message: `该统一社会信用代码已登记为“${org.name}”，请联系该单位或创新服务中心` });
    const user = await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (user) issues.push({ path: 'username', message: '用户名已被使用' });
    if (input.hostKind !== 'university_association' && !input.districtCode)
      issues.push({ path: 'districtCode', message: '请选择单位所在区（区工作站点按区设立，第三条）' });
    if (issues.length) throw invalid(issues);
    const now = ctx.clock.now().toISOString();
    const orgId = uuidv7();
    const userId = uuidv7();
    const orgRow = {
      id: orgId,
      kind: 'host' as const,
      host_kind: input.hostKind,
      name: input.organizationName,
      uscc: input.uscc,
      district_code: input.districtCode ?? null,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      address: input.address,
      is_active: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('organizations').values(orgRow).execute();
    await tx
      .insertInto('users')
      .values({
        id: userId,
        username: input.username,
        display_name: input.contactName,
        password_hash: hash,
        role: 'host',
        organization_id: orgId,
        district_code: null,
        must_change_password: 0,
        failed_attempts: 0,
        locked_until: null,
        is_active: 0,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await tx
      .insertInto('host_registrations')
      .values({
        id,
        organization_id: orgId,
        user_id: userId,
        call_id: call.id,
        status: 'pending',
        reason: null,
        ip: ctx.ip,
        created_at: now,
        decided_at: null,
        decided_by: null,
        version: 1,
      })
      .execute();
    await audit.record({
      entity: 'organization',
      entityId: orgId,
      action: 'register',
      summary: `依托单位注册申请：“${input.organizationName}”（${input.uscc}），账户 ${input.username}，待中心审核`,
      after: { ...orgRow, username: input.username },
      actorOverride: { id: null, name: input.username, role: null },
    });
  });
  return { id, status: 'pending' };
}

export async function listRegistrations(
  ctx: Ctx,
  f: { status?: HostRegistrationDto['status'] },
  page: { page: number; pageSize: number },
): Promise<Page<HostRegistrationDto>> {
  let qb = ctx.db
    .selectFrom('host_registrations as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select([
      'o.name',
      'o.host_kind',
      'o.uscc',
      'o.district_code',
      'o.address',
      'o.contact_name',
      'o.contact_phone',
      'u.username',
    ]);
  if (f.status) qb = qb.where('r.status', '=', f.status);
  return paginate(qb, {
    ...page,
    map: (r) => ({
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.name,
      hostKind: r.host_kind,
      hostKindLabel: r.host_kind ? (HOST_KIND_LABELS[r.host_kind] ?? r.host_kind) : '',
      uscc: r.uscc,
      districtCode: r.district_code,
      address: r.address,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      username: r.username,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      reason: r.reason,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      version: r.version,
    }),
    orderBy: (q) => q.orderBy('r.created_at', 'desc').orderBy('r.id'),
  });
}

/** 审核: approval activates the organisation and its account; a rejection needs a reason. */
export async function decideRegistration(
  ctx: Ctx,
  id: string,
  input: HostRegistrationDecision,
): Promise<HostRegistrationDto> {
  await writeTx(ctx, async (tx, audit) => {
    const r = await tx.selectFrom('host_registrations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('注册申请');
    if (r.version !== input.version) throw conflict('该注册申请已被他人处理，请刷新后重试');
    if (r.status !== 'pending') throw conflict(`该注册申请${STATUS_LABELS[r.status]}，不能重复审核`);
    if (!input.approve && input.reason.trim().length < 2)
      throw invalid([{ path: 'reason', message: '请填写不通过的理由' }]);
    const now = ctx.clock.now().toISOString();
    await tx
      .updateTable('host_registrations')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        reason: input.reason.trim() || null,
        decided_at: now,
        decided_by: ctx.actor?.userId ?? null,
        version: r.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .execute();
    const org = await tx
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', r.organization_id)
      .executeTakeFirstOrThrow();
    if (input.approve) {
      await tx
        .updateTable('organizations')
        .set({ is_active: 1, updated_at: now, version: org.version + 1 })
        .where('id', '=', org.id)
        .execute();
      await tx.updateTable('users').set({ is_active: 1, updated_at: now }).where('id', '=', r.user_id).execute();
    }
    await audit.record({
      entity: 'organization',
      entityId: org.id,
      action: input.approve ? 'approve_registration' : 'reject_registration',
      summary: input.approve
        ? `通过依托单位注册：“${org.name}”，单位和账户已启用（第六条）`
        : `不通过依托单位注册：“${org.name}”：${input.reason.trim()}`,
      before: { status: r.status, is_active: org.is_active },
      after: { status: input.approve ? 'approved' : 'rejected', is_active: input.approve ? 1 : 0 },
    });
  });
  return (await listRegistrations(ctx, {}, { page: 1, pageSize: 200 })).items.find((x) => x.id === id)!;
}
