import { uuidv7 } from 'uuidv7';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { HOST_KIND_LABELS, ORG_KIND_LABELS } from '../../../shared/labels';
import {
  HOST_KIND_CODES,
  ORGANIZATION_KINDS,
  type OrganizationDto,
  type OrganizationInput,
  type OrganizationUpdate,
} from '../../../shared/schemas/organization';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate, sortedBy, workflowRank } from '../../core/paging';
import { versionedUpdate } from '../../db/locks';
import type { OrganizationTable } from '../../db/schema';
import { organizationScope, shanghaiDate } from '../../scope';

export function toOrganizationDto(r: OrganizationTable): OrganizationDto {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: ORG_KIND_LABELS[r.kind] ?? r.kind,
    hostKind: r.host_kind,
    hostKindLabel: r.host_kind ? (HOST_KIND_LABELS[r.host_kind] ?? r.host_kind) : null,
    name: r.name,
    uscc: r.uscc,
    districtCode: r.district_code,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    address: r.address,
    isActive: r.is_active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export interface OrganizationFilter {
  q?: string;
  kind?: OrganizationTable['kind'];
  hostKind?: string;
  districtCode?: string;
  sort?: string;
}

// Kinds rank as the program is built (the Center, the district associations, the hosts) and host kinds in the order
// 第六条 names them; their codes' spelling means nothing to a reader. Active organisations come before inactive ones.
const SORT_COLUMNS = {
  name: 'organizations.name',
  kind: workflowRank('organizations.kind', ORGANIZATION_KINDS),
  hostKind: workflowRank('organizations.host_kind', HOST_KIND_CODES),
  district: 'organizations.district_code',
  status: workflowRank('organizations.is_active', [1, 0]),
};

/** The user's sort, else by kind and name; the id keeps equal rows in one order across pages. */
function ordered(qb: ReturnType<typeof scopedQuery>, sort: string | undefined) {
  return sortedBy(qb, { sort, columns: SORT_COLUMNS })
    .orderBy('organizations.kind')
    .orderBy('organizations.name')
    .orderBy('organizations.id');
}

function scopedQuery(ctx: Ctx, f: OrganizationFilter) {
  let qb = ctx.db
    .selectFrom('organizations')
    .selectAll()
    .where(organizationScope(ctx.actor!, shanghaiDate(ctx.clock.now())));
  if (f.q)
    qb = qb.where((eb) => eb.or([containsCi('organizations.name', f.q!), containsCi('organizations.uscc', f.q!)]));
  if (f.kind) qb = qb.where('kind', '=', f.kind);
  if (f.hostKind) qb = qb.where('host_kind', '=', f.hostKind);
  if (f.districtCode) qb = qb.where('district_code', '=', f.districtCode);
  return qb;
}

export function listOrganizations(
  ctx: Ctx,
  f: OrganizationFilter & { page: number; pageSize: number },
): Promise<Page<OrganizationDto>> {
  return paginate(scopedQuery(ctx, f), {
    page: f.page,
    pageSize: f.pageSize,
    map: toOrganizationDto,
    orderBy: (qb) => ordered(qb, f.sort),
  });
}

export async function allOrganizations(ctx: Ctx, f: OrganizationFilter, limit: number): Promise<OrganizationDto[]> {
  const rows = await ordered(scopedQuery(ctx, f), f.sort).limit(limit).execute();
  return rows.map(toOrganizationDto);
}

export async function getOrganization(ctx: Ctx, id: string): Promise<OrganizationDto> {
  const row = await scopedQuery(ctx, {}).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('组织');
  return toOrganizationDto(row);
}

async function assertUsccFree(ctx: Ctx, uscc: string, exceptId?: string) {
  let q = ctx.db.selectFrom('organizations').select(['id', 'name']).where('uscc', '=', uscc);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const other = await q.executeTakeFirst();
  if (other) throw invalid([{ path: 'uscc', message: `该统一社会信用代码已被“${other.name}”使用` }]);
}

/** The row of a new, active host organisation (one form, or one row of an Excel import). */
export function newHostRow(input: OrganizationInput, now: string): OrganizationTable {
  return {
    id: uuidv7(),
    kind: 'host',
    host_kind: input.hostKind,
    name: input.name,
    uscc: input.uscc,
    district_code: input.districtCode ?? null,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    address: input.address ?? null,
    is_active: 1,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** A host organisation (第六条 names who may host); the Center and district associations are seeded, not created. */
export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<OrganizationDto> {
  await assertUsccFree(ctx, input.uscc);
  const row = newHostRow(input, ctx.clock.now().toISOString());
  await writeTx(ctx, async (tx, audit) => {
    await tx.insertInto('organizations').values(row).execute();
    await audit.record({
      entity: 'organization',
      entityId: row.id,
      action: 'create',
      summary: `新建依托单位“${row.name}”`,
      after: { ...row },
    });
  });
  return toOrganizationDto(row);
}

export async function updateOrganization(ctx: Ctx, id: string, input: OrganizationUpdate): Promise<OrganizationDto> {
  const current = await getOrganization(ctx, id);
  if (current.kind !== 'host') throw conflict(`${current.kindLabel}由系统维护，不能在此修改`);
  await assertUsccFree(ctx, input.uscc, id);
  return writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (before.version !== input.version) throw conflict('该单位信息已被他人修改，请刷新后重试');
    const after: OrganizationTable = {
      ...before,
      host_kind: input.hostKind,
      name: input.name,
      uscc: input.uscc,
      district_code: input.districtCode ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      is_active: input.isActive === undefined ? before.is_active : input.isActive ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
      version: before.version + 1,
    };
    await versionedUpdate(tx, {
      table: 'organizations',
      before,
      set: after,
      now: after.updated_at,
      message: '该单位信息已被他人修改，请刷新后重试',
    });
    await audit.record({
      entity: 'organization',
      entityId: id,
      action: 'update',
      summary: `修改单位“${after.name}”`,
      before: { ...before },
      after: { ...after },
    });
    return toOrganizationDto(after);
  });
}
