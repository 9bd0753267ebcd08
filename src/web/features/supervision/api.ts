import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FindingDto,
  InspectionDto,
  InspectionInput,
  InspectionSummaryDto,
  RecoveryOrderDto,
} from '../../../server/features/supervision/supervision.service';
import type { Page } from '../../../server/http/paging';
import { api, qs } from '../../lib/api';

// The Center's supervision (issue #5): inspections and their findings (第十九条), recovery of funds (第十八条), and
// what a station sees of them. Mutations are quiet: each modal shows the refusal (409 citing the article) itself.

export type InspectionSummary = InspectionSummaryDto;
export type Inspection = InspectionDto;
export type Finding = FindingDto;
export type RecoveryOrder = RecoveryOrderDto;
export type { InspectionInput };
export interface StationSupervision {
  findings: Finding[];
  orders: RecoveryOrder[];
  article: string;
}

export interface InspectionFilters {
  year?: number;
  status?: string;
  q?: string;
}

export interface FindingInput {
  stationId: string;
  kind: 'rectification' | 'violation';
  ground?: string | null;
  description: string;
  dueOn?: string | null;
  expenseId?: string | null;
}

const iid = (id: string) => `/api/v1/inspections/${encodeURIComponent(id)}`;
const fid = (id: string) => `/api/v1/inspection-findings/${encodeURIComponent(id)}`;
const oid = (id: string) => `/api/v1/recoveries/${encodeURIComponent(id)}`;
const sid = (id: string) => `/api/v1/stations/${encodeURIComponent(id)}`;

export const inspectionReportPath = (id: string) => `${iid(id)}/report.docx`;

export function useInspections(f: InspectionFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'list', f, page],
    queryFn: () => api.get<Page<InspectionSummary>>(`/api/v1/inspections${qs({ ...f, ...page })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: ['inspections', 'one', id],
    queryFn: () => api.get<Inspection>(iid(id), { quiet: true }),
  });
}

export function useStationSupervision(stationId: string) {
  return useQuery({
    queryKey: ['supervision', 'station', stationId],
    queryFn: () => api.get<StationSupervision>(`${sid(stationId)}/supervision`, { quiet: true }),
  });
}

/** After any change: the inspection pages and the stations' supervision pages. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['inspections'] });
    qc.invalidateQueries({ queryKey: ['supervision'] });
  };
}

export function useCreateInspection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: InspectionInput) => api.post<Inspection>('/api/v1/inspections', v, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useAddFinding(inspectionId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: FindingInput) => api.post<Inspection>(`${iid(inspectionId)}/findings`, v, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useCompleteInspection(inspectionId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { version: number; summary: string }) =>
      api.post<Inspection>(`${iid(inspectionId)}/complete`, v, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useDecideFinding() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { finding: Pick<Finding, 'id' | 'version'>; action: 'close' | 'reopen'; note: string }) =>
      api.post<Inspection>(
        `${fid(v.finding.id)}/${v.action}`,
        { version: v.finding.version, note: v.note },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useRespondFinding(stationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { finding: Pick<Finding, 'id' | 'version'>; response: string }) =>
      api.post<StationSupervision>(
        `${sid(stationId)}/findings/${encodeURIComponent(v.finding.id)}/response`,
        { version: v.finding.version, response: v.response },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useIssueRecovery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { findingId: string; amountFen: number; dueOn: string; responsiblePerson: string }) =>
      api.post<RecoveryOrder>('/api/v1/recoveries', v, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useRecordRecoveryPayment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: {
      order: Pick<RecoveryOrder, 'id' | 'version'>;
      paidOn: string;
      amountFen: number;
      note: string;
    }) =>
      api.post<RecoveryOrder>(
        `${oid(v.order.id)}/payments`,
        { version: v.order.version, paidOn: v.paidOn, amountFen: v.amountFen, note: v.note },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useCloseRecovery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { order: Pick<RecoveryOrder, 'id' | 'version'>; note: string }) =>
      api.post<RecoveryOrder>(`${oid(v.order.id)}/close`, { version: v.order.version, note: v.note }, { quiet: true }),
    onSuccess: invalidate,
  });
}
