import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supervisionApi } from '../../../shared/api/supervision';
import type {
  FindingDto,
  FindingInput,
  FindingOverviewDto,
  InspectionDto,
  InspectionInput,
  InspectionSummaryDto,
  RecoveryInput,
  RecoveryOrderDto,
  StationSupervisionDto,
} from '../../../shared/schemas/supervision';
import { call, urlOf } from '../../lib/api';

// The Center's supervision (issue #5): inspections and their findings (第十九条), recovery of funds (第十八条), and
// what a station sees of them. Mutations are quiet: each modal shows the refusal (409 citing the article) itself.

export type InspectionSummary = InspectionSummaryDto;
export type Inspection = InspectionDto;
export type Finding = FindingDto;
export type RecoveryOrder = RecoveryOrderDto;
export type FindingOverview = FindingOverviewDto;
export type StationSupervision = StationSupervisionDto;
export type { FindingInput, InspectionInput };

export interface InspectionFilters {
  year?: number;
  status?: InspectionSummary['status'];
  q?: string;
  /** a key of INSPECTION_SORT_KEYS, `-key` descending */
  sort?: string;
}

/** 问题清单's filters as the address holds them (text); `overdue` is 'true' or absent. */
export interface FindingOverviewFilters {
  year?: number;
  status?: FindingOverview['status'];
  kind?: FindingOverview['kind'];
  overdue?: 'true';
  districtCode?: string;
  q?: string;
}

/** 追回经费's filters as the address holds them. */
export interface RecoveryFilters {
  year?: number;
  status?: RecoveryOrder['status'];
  overdue?: 'true';
  q?: string;
}

type Paging = { page: number; pageSize: number };

/** A filter value the address holds, if it is one the list knows (a pasted link may carry anything). */
export function oneOf<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return values.includes(v as T) ? (v as T) : undefined;
}

export function useFindingOverview(f: FindingOverviewFilters, page: Paging, enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'findings', f, page],
    queryFn: () => call(supervisionApi.listFindings, { query: { ...f, ...page } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const findingsExportPath = (f: FindingOverviewFilters) => urlOf(supervisionApi.exportFindings, { query: f });

export function useRecoveryOrders(f: RecoveryFilters, page: Paging, enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'recoveries', f, page],
    queryFn: () => call(supervisionApi.listRecoveries, { query: { ...f, ...page } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const inspectionReportPath = (id: string) =>
  urlOf(supervisionApi.inspectionReport, { params: { inspectionId: id } });

export function useInspections(f: InspectionFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['inspections', 'list', f, page],
    queryFn: () => call(supervisionApi.listInspections, { query: { ...f, ...page } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: ['inspections', 'one', id],
    queryFn: () => call(supervisionApi.getInspection, { params: { inspectionId: id } }, { quiet: true }),
  });
}

export function useStationSupervision(stationId: string) {
  return useQuery({
    queryKey: ['supervision', 'station', stationId],
    queryFn: () => call(supervisionApi.station, { params: { id: stationId } }, { quiet: true }),
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
    mutationFn: (v: InspectionInput) => call(supervisionApi.createInspection, { body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useAddFinding(inspectionId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: FindingInput) =>
      call(supervisionApi.addFinding, { params: { inspectionId }, body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useCompleteInspection(inspectionId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { version: number; summary: string }) =>
      call(supervisionApi.completeInspection, { params: { inspectionId }, body: v }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useDecideFinding() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { finding: Pick<Finding, 'id' | 'version'>; action: 'close' | 'reopen'; note: string }) =>
      call(
        v.action === 'close' ? supervisionApi.closeFinding : supervisionApi.reopenFinding,
        { params: { findingId: v.finding.id }, body: { version: v.finding.version, note: v.note } },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useRespondFinding(stationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { finding: Pick<Finding, 'id' | 'version'>; response: string }) =>
      call(
        supervisionApi.respondFinding,
        {
          params: { id: stationId, findingId: v.finding.id },
          body: { version: v.finding.version, response: v.response },
        },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useIssueRecovery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: RecoveryInput) => call(supervisionApi.issueRecovery, { body: v }, { quiet: true }),
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
      call(
        supervisionApi.recordRecoveryPayment,
        {
          params: { orderId: v.order.id },
          body: { version: v.order.version, paidOn: v.paidOn, amountFen: v.amountFen, note: v.note },
        },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}

export function useCloseRecovery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { order: Pick<RecoveryOrder, 'id' | 'version'>; note: string }) =>
      call(
        supervisionApi.closeRecovery,
        { params: { orderId: v.order.id }, body: { version: v.order.version, note: v.note } },
        { quiet: true },
      ),
    onSuccess: invalidate,
  });
}
