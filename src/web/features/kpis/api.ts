import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { KpiId, StationType } from '../../../domain/policy/types';
import { kpisApi } from '../../../shared/api/kpis';
import type {
  KpiActivityMonthDto,
  KpiDrillReasonDto,
  KpiDrillRowDto,
  KpiMatrixDto,
  KpiRowDto,
  StationKpisDto,
} from '../../../shared/schemas/kpis';
import { call, urlOf } from '../../lib/api';

export type { KpiRowDto, StationKpisDto };
export type DrillRow = KpiDrillRowDto;
export type DrillReason = KpiDrillReasonDto;
export type MatrixDto = KpiMatrixDto;
export type MatrixRow = MatrixDto['rows'][number];
export type MatrixColumn = MatrixDto['columns'][number];
export type ActivityMonth = KpiActivityMonthDto;

export interface MatrixFilters {
  year?: number;
  type?: StationType;
  districtCode?: string;
}

export function useStationKpis(id: string, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'station', id],
    // quiet: the page shows a 404 (not found or out of scope) itself
    queryFn: () => call(kpisApi.station, { params: { id } }, { quiet: true }),
    enabled: enabled && Boolean(id),
  });
}

export interface KpiRecordsQuery {
  stationId: string;
  kpiId: KpiId | null;
  page: number;
  pageSize: number;
  /** true: the records that count; false: those that do not; undefined: all */
  counted?: boolean;
}

export function useKpiRecords({ stationId, kpiId, page, pageSize, counted }: KpiRecordsQuery) {
  return useQuery({
    queryKey: ['kpis', 'records', stationId, kpiId, { page, pageSize, counted }],
    queryFn: kpiId
      ? () => call(kpisApi.records, { params: { id: stationId, kpiId }, query: { page, pageSize, counted } })
      : skipToken,
    placeholderData: keepPreviousData,
  });
}

const matrixQuery = (f: MatrixFilters) => ({ year: f.year, type: f.type, districtCode: f.districtCode });

/** The Excel export of the matrix under the same filters. */
export const matrixExportUrl = (f: MatrixFilters) => urlOf(kpisApi.matrixExport, { query: matrixQuery(f) });

export function useKpiMatrix(f: MatrixFilters) {
  return useQuery({
    queryKey: ['kpis', 'matrix', f],
    queryFn: () => call(kpisApi.matrix, { query: matrixQuery(f) }),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useKpiActivity(f: MatrixFilters) {
  return useQuery({
    queryKey: ['kpis', 'activity', f],
    queryFn: () => call(kpisApi.activity, { query: matrixQuery(f) }),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}
