import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StationType } from '../../../domain/policy/types';
import type { DrillRow } from '../../../server/features/kpis/kpis.drilldown';
import type { KpiRowDto, MatrixDto, StationKpisDto } from '../../../server/features/kpis/kpis.service';
import type { Page } from '../../../server/http/paging';
import { api, qs } from '../../lib/api';

export type { DrillRow, KpiRowDto, MatrixDto, StationKpisDto };
export type MatrixRow = MatrixDto['rows'][number];
export type MatrixColumn = MatrixDto['columns'][number];
export interface ActivityMonth {
  month: string;
  events: number;
  contacts: number;
  demands: number;
}

export interface MatrixFilters {
  year?: number;
  type?: StationType;
  districtCode?: string;
}

const station = (id: string) => `/api/v1/stations/${encodeURIComponent(id)}`;

export function useStationKpis(id: string, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'station', id],
    // quiet: the page shows a 404 (not found or out of scope) itself
    queryFn: () => api.get<StationKpisDto>(`${station(id)}/kpis`, { quiet: true }),
    enabled: enabled && Boolean(id),
  });
}

export function useKpiRecords(stationId: string, kpiId: string | null, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['kpis', 'records', stationId, kpiId, page],
    queryFn: () =>
      api.get<Page<DrillRow>>(`${station(stationId)}/kpis/${encodeURIComponent(kpiId ?? '')}/records${qs(page)}`),
    enabled: Boolean(kpiId),
    placeholderData: keepPreviousData,
  });
}

export function matrixQueryString(f: MatrixFilters): string {
  return qs({ year: f.year, type: f.type, districtCode: f.districtCode });
}

export function useKpiMatrix(f: MatrixFilters) {
  return useQuery({
    queryKey: ['kpis', 'matrix', f],
    queryFn: () => api.get<MatrixDto>(`/api/v1/kpi-matrix${matrixQueryString(f)}`),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useKpiActivity(f: MatrixFilters) {
  return useQuery({
    queryKey: ['kpis', 'activity', f],
    queryFn: () => api.get<ActivityMonth[]>(`/api/v1/kpi-matrix/activity${matrixQueryString(f)}`),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}
