import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StationType } from '../../../domain/policy/types';
import { expensesApi } from '../../../shared/api/expenses';
import type { StationExecutionDto, YearExecutionDto } from '../../../shared/schemas/funds';
import { call, urlOf } from '../../lib/api';

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
  return urlOf(expensesApi.executionXlsx, { query: filterParams(f) });
}

export function useYearExecution(f: ExecutionFilters, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['funds', 'execution', f, paging],
    queryFn: () => call(expensesApi.execution, { query: { ...filterParams(f), ...paging } }),
    enabled: f.year !== undefined,
    placeholderData: keepPreviousData,
  });
}
