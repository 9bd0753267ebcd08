import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../shared/labels';
import type { Ctx } from '../../context';
import type { AuditEventTable } from '../../db/schema';
import { containsCi, type Page, paginate } from '../../http/paging';

export interface AuditEventDto {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  entity: string;
  entityLabel: string;
  entityId: string | null;
  action: string;
  actionLabel: string;
  summary: string;
  diff: Record<string, { before?: unknown; after?: unknown }>;
  hash: string;
}

export function toAuditEventDto(r: AuditEventTable): AuditEventDto {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    ip: r.ip,
    entity: r.entity,
    entityLabel: AUDIT_ENTITY_LABELS[r.entity] ?? r.entity,
    entityId: r.entity_id,
    action: r.action,
    actionLabel: AUDIT_ACTION_LABELS[r.action] ?? r.action,
    summary: r.summary,
    diff: JSON.parse(r.diff_json),
    hash: r.hash,
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

/** Read-only by construction: this module has no write path to audit_events. */
function filtered(ctx: Ctx, f: AuditFilter) {
  let qb = ctx.db.selectFrom('audit_events').selectAll();
  if (f.from) qb = qb.where('at', '>=', f.from);
  if (f.to) qb = qb.where('at', '<=', f.to);
  if (f.actor) qb = qb.where(containsCi('actor_name', f.actor));
  if (f.entity) qb = qb.where('entity', '=', f.entity);
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
    map: toAuditEventDto,
    orderBy: (qb) => qb.orderBy('seq', 'desc'),
  });
}

export async function allAuditEvents(ctx: Ctx, f: AuditFilter, limit: number): Promise<AuditEventDto[]> {
  const rows = await filtered(ctx, f).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toAuditEventDto);
}
