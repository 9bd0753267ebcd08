import { z } from 'zod';
import { AuditChainVerificationDto, AuditEventDto, auditFilterQuery } from '../schemas/audit-events';
import { pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '操作日志';

export const auditEventsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/audit-events',
    tag,
    summary: '操作日志（审计管理员）',
    query: auditFilterQuery.extend(pageQuery),
    response: pageOf(AuditEventDto),
  }),
  export: endpoint({
    method: 'get',
    path: '/api/v1/audit-events/export',
    tag,
    summary: '导出操作日志（Excel）',
    query: auditFilterQuery,
    response: 'xlsx',
  }),
  verify: endpoint({
    method: 'get',
    path: '/api/v1/audit-events/verification',
    tag,
    summary: '校验操作日志哈希链（可附检查点，核对末尾未被截断）',
    // The checkpoint file's text travels in the query (a few hundred bytes), so checking one stays a read.
    query: z.object({ checkpoint: z.string().max(2000).optional() }),
    response: AuditChainVerificationDto,
  }),
  // A JSON file (application/json) saved as an attachment: a download, not an answer the web reads.
  checkpoint: endpoint({
    method: 'get',
    path: '/api/v1/audit-events/checkpoint',
    tag,
    summary: '下载操作日志检查点（签名的链尾，保存到系统之外）',
    response: 'json',
  }),
};
