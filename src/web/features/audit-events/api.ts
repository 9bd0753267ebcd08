import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditEventsApi } from '../../../shared/api/audit-events';
import type { AuditChainVerificationDto, AuditEventDto } from '../../../shared/schemas/audit-events';
import { call, downloadFrom, urlOf } from '../../lib/api';

export type AuditEvent = AuditEventDto;

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  entity?: string;
  action?: string;
}

export type ChainVerification = AuditChainVerificationDto;

const filterQuery = (f: AuditFilters) => ({
  from: f.from,
  to: f.to,
  actor: f.actor,
  entity: f.entity,
  action: f.action,
});

export function useAuditEvents(f: AuditFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit-events', f, page],
    queryFn: () => call(auditEventsApi.list, { query: { ...filterQuery(f), ...page } }),
    placeholderData: keepPreviousData,
  });
}

/** The Excel export of the filtered log (for the export button). */
export const auditExportUrl = (f: AuditFilters) => urlOf(auditEventsApi.export, { query: filterQuery(f) });

export const verifyChain = (checkpoint?: string) => call(auditEventsApi.verify, { query: { checkpoint } });

/** 检查点: the signed head, to be kept outside the system (the download is itself recorded in the log). */
export const downloadCheckpoint = () => downloadFrom(auditEventsApi.checkpoint, {}, '操作日志检查点.json');
