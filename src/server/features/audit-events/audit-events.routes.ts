import { auditEventsApi } from '../../../shared/api/audit-events';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import type { AuditEventDto } from '../../../shared/schemas/audit-events';
import { issueCheckpoint, verifyAuditTrail } from '../../audit/checkpoint';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { allAuditEvents, listAuditEvents } from './audit-events.service';

export function registerAuditEventRoutes(r: Router): void {
  r.route({
    ...auditEventsApi.list,
    access: { permission: 'read:audit-event' },
    handler: async (_c, { query, ctx, json }) => json(await listAuditEvents(ctx, query)),
  });
  r.route({
    ...auditEventsApi.export,
    access: { permission: 'read:audit-event' },
    handler: async (c, { query, ctx }) => {
      const rows = await allAuditEvents(ctx, query, EXPORT_LIMIT);
      const buf = await xlsxBuffer<AuditEventDto>(
        '操作日志',
        [
          { header: '序号', width: 8, value: (e) => e.seq },
          { header: '时间（UTC）', width: 24, value: (e) => e.at },
          { header: '操作人', value: (e) => e.actorName },
          { header: '角色', value: (e) => (e.actorRole ? (ROLE_LABELS[e.actorRole as Role] ?? e.actorRole) : '') },
          { header: 'IP', value: (e) => e.ip },
          { header: '对象', value: (e) => e.entityLabel },
          { header: '对象ID', width: 38, value: (e) => e.entityId },
          { header: '操作', value: (e) => e.actionLabel },
          { header: '说明', width: 40, value: (e) => e.summary },
          { header: '变更内容', width: 60, value: (e) => JSON.stringify(e.diff) },
          { header: '哈希', width: 66, value: (e) => e.hash },
        ],
        rows,
      );
      return fileResponse(c, { buf, filename: '操作日志.xlsx', mediaType: XLSX_TYPE });
    },
  });
  r.route({
    ...auditEventsApi.verify,
    access: { permission: 'read:audit-event' },
    handler: async (_c, { query, ctx, json }) => json(await verifyAuditTrail(ctx, query.checkpoint)),
  });
  r.route({
    ...auditEventsApi.checkpoint,
    access: { permission: 'read:audit-event' },
    handler: async (c, { ctx }) => {
      const cp = await issueCheckpoint(ctx);
      const name = `操作日志检查点-第${cp.seq}条-${cp.at.slice(0, 10)}.json`;
      return fileResponse(c, {
        buf: Buffer.from(`${JSON.stringify(cp, null, 2)}\n`),
        filename: name,
        mediaType: 'application/json',
      });
    },
  });
}
