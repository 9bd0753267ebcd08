import { sql } from 'kysely';
import { auditActionLabel, auditEntityLabel } from '../../../shared/labels';
import type { Role } from '../../../shared/permissions';
import type { AuditEventDto } from '../../../shared/schemas/audit-events';
import { logged } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import type { AuditEventTable } from '../../db/schema';
import { seesBusinessValues, withoutBusinessValues } from './audit-visibility';

type AuditRow = AuditEventTable & { read_entity?: string };

type Diff = Record<string, { before?: unknown; after?: unknown }>;

/**
 * The stored diff masked again as it is read: rows written before the log masked nested phones (an agreement's terms,
 * a change request's proposal) keep them in the hashed row, which may not be rewritten (decision 002), but no reader
 * sees them. Masking is idempotent, so rows already masked read the same.
 */
function maskedDiff(diff: Diff): Diff {
  const out: Diff = {};
  for (const [k, change] of Object.entries(diff)) {
    out[k] = Object.fromEntries(Object.entries(change).map(([side, v]) => [side, logged(k, v)]));
  }
  return out;
}

/** `entity` is the code as stored (and hashed); the label is of the entity as read (see LEGACY_SITE_VISIT). */
export function toAuditEventDto(r: AuditRow): AuditEventDto {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    ip: r.ip,
    entity: r.entity,
    entityLabel: auditEntityLabel(r.read_entity ?? r.entity),
    entityId: r.entity_id,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    summary: r.summary,
    diff: maskedDiff(JSON.parse(r.diff_json)),
    hash: r.hash,
  };
}

/** The row as the reader may see it: without business values for a reader who holds no business data (decision 018). */
function readerView(ctx: Ctx): (r: AuditRow) => AuditEventDto {
  const role = ctx.actor?.role as Role | undefined;
  if (role && seesBusinessValues(role)) return toAuditEventDto;
  return (r) => {
    const dto = toAuditEventDto(r);
    return { ...dto, diff: withoutBusinessValues(r.entity, dto.diff) };
  };
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only bound means that whole calendar day in Beijing (UTC+8); an instant is taken as given. */
export function instantBounds(f: { from?: string; to?: string }): { from?: string; toExclusive?: string; to?: string } {
  const dayStart = (d: string, plusDays = 0) => {
    const t = new Date(`${d}T00:00:00+08:00`);
    t.setUTCDate(t.getUTCDate() + plusDays);
    return t.toISOString();
  };
  return {
    from: f.from && DATE_ONLY.test(f.from) ? dayStart(f.from) : f.from,
    toExclusive: f.to && DATE_ONLY.test(f.to) ? dayStart(f.to, 1) : undefined,
    to: f.to && !DATE_ONLY.test(f.to) ? f.to : undefined,
  };
}

// Before migration 015 a site visit (考察, 第十条) was audited as entity 'inspection', the 监督检查 code. The rows are
// append-only and hashed, so they keep what they say; the list reads such a row as a site visit when its id is one.
const LEGACY_SITE_VISIT = sql<boolean>`(audit_events.entity = 'inspection' and exists (select 1 from site_visits sv where sv.id = audit_events.entity_id))`;
const READ_ENTITY = sql<string>`case when ${LEGACY_SITE_VISIT} then 'site_visit' else audit_events.entity end`;

/** Read-only by construction: this module has no write path to audit_events. */
function filtered(ctx: Ctx, f: AuditFilter) {
  let qb = ctx.db.selectFrom('audit_events').selectAll().select(READ_ENTITY.as('read_entity'));
  const b = instantBounds(f);
  if (b.from) qb = qb.where('at', '>=', b.from);
  if (b.toExclusive) qb = qb.where('at', '<', b.toExclusive);
  if (b.to) qb = qb.where('at', '<=', b.to);
  if (f.actor) qb = qb.where(containsCi('actor_name', f.actor));
  if (f.entity === 'site_visit') qb = qb.where((eb) => eb.or([eb('entity', '=', 'site_visit'), LEGACY_SITE_VISIT]));
  else if (f.entity === 'inspection')
    qb = qb.where('entity', '=', 'inspection').where(sql<boolean>`not ${LEGACY_SITE_VISIT}`);
  else if (f.entity) qb = qb.where('entity', '=', f.entity);
  if (f.entityId) qb = qb.where('entity_id', '=', f.entityId);
  if (f.action) qb = qb.where('action', '=', f.action);
  return qb;
}

export function listAuditEvents(
  ctx: Ctx,
  f: AuditFilter & { page: number; pageSize: number },
): Promise<Page<AuditEventDto>> {
  return paginate(filtered(ctx, f), {
    page: f.page,
    pageSize: f.pageSize,
    map: readerView(ctx),
    orderBy: (qb) => qb.orderBy('seq', 'desc'),
  });
}

export async function allAuditEvents(ctx: Ctx, f: AuditFilter, limit: number): Promise<AuditEventDto[]> {
  const rows = await filtered(ctx, f).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(readerView(ctx));
}
