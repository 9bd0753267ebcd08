import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CheckpointVerifyResult } from '../../../server/audit/checkpoint';
import type { AuditEventDto } from '../../../server/features/audit-events/audit-events.service';
import type { Page } from '../../../server/http/paging';
import { api, download, qs } from '../../lib/api';

export type AuditEvent = AuditEventDto;

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  entity?: string;
  action?: string;
}

export type ChainVerification = CheckpointVerifyResult;

export const auditQueryString = (f: AuditFilters, page?: { page: number; pageSize: number }) =>
  qs({ from: f.from, to: f.to, actor: f.actor, entity: f.entity, action: f.action, ...page });

export function useAuditEvents(f: AuditFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit-events', f, page],
    queryFn: () => api.get<Page<AuditEvent>>(`/api/v1/audit-events${auditQueryString(f, page)}`),
    placeholderData: keepPreviousData,
  });
}

export const verifyChain = (checkpoint?: string) =>
  api.get<ChainVerification>(`/api/v1/audit-events/verification${qs({ checkpoint })}`);

/** 检查点: the signed head, to be kept outside the system (the download is itself recorded in the log). */
export const downloadCheckpoint = () => download('/api/v1/audit-events/checkpoint', '操作日志检查点.json');
