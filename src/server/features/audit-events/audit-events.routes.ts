import { z } from 'zod';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import { issueCheckpoint, verifyAuditTrail } from '../../audit/checkpoint';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { type AuditEventDto, allAuditEvents, listAuditEvents } from './audit-events.service';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '时间格式应为 YYYY-MM-DD 或 ISO-8601');
const filterQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().trim().max(64).optional(),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
});

export function registerAuditEventRoutes(r: Router): void {
  const tag = '操作日志';
  r.route({
    method: 'get',
    path: '/api/v1/audit-events',
    tag,
    summary: '操作日志（审计管理员）',
    access: { permission: 'read:audit-event' },
    query: filterQuery.extend(pageQuery),
    handler: async (c, { query, ctx }) => c.json(await listAuditEvents(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/audit-events/export',
    tag,
    summary: '导出操作日志（Excel）',
    access: { permission: 'read:audit-event' },
    query: filterQuery,
    produces: 'xlsx',
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
      return fileResponse(c, buf, '操作日志.xlsx', XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/audit-events/verification',
    tag,
    summary: '校验操作日志哈希链（可附检查点，核对末尾未被截断）',
    access: { permission: 'read:audit-event' },
    // The checkpoint file's text travels in the query (a few hundred bytes), so checking one stays a read.
    query: z.object({ checkpoint: z.string().max(2000).optional() }),
    handler: async (c, { query, ctx }) => c.json(await verifyAuditTrail(ctx, query.checkpoint)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/audit-events/checkpoint',
    tag,
    summary: '下载操作日志检查点（签名的链尾，保存到系统之外）',
    access: { permission: 'read:audit-event' },
    handler: async (c, { ctx }) => {
      const cp = await issueCheckpoint(ctx);
      const name = `操作日志检查点-第${cp.seq}条-${cp.at.slice(0, 10)}.json`;
      return fileResponse(c, Buffer.from(`${JSON.stringify(cp, null, 2)}\n`), name, 'application/json');
    },
  });
}
