import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StationType } from '../../../domain/policy/types';
import type { StationExecutionDto, YearExecutionDto } from '../../../server/features/funds/execution.service';
import { api, qs } from '../../lib/api';

export type { StationExecutionDto, YearExecutionDto };
export type ExecutionTotals = YearExecutionDto['totals'];

export interface ExecutionFilters {
  year?: number;
  type?: StationType;
  districtCode?: string;
  q?: string;
}

const filterParams = (f: ExecutionFilters) => ({ year: f.year, type: f.type, districtCode: f.districtCode, q: f.q });

/** The Excel of every station of the filter (no paging), same permission and scope as the page. */
export function executionExportPath(f: ExecutionFilters): string {
  return `/api/v1/funds/execution.xlsx${qs(filterParams(f))}`;
}

export function useYearExecution(f: ExecutionFilters, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['funds', 'execution', f, paging],
    queryFn: () => api.get<YearExecutionDto>(`/api/v1/funds/execution${qs({ ...filterParams(f), ...paging })}`),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}
