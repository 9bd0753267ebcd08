// The program years as every page reads them (year pickers, a year's policy); changing a year stays with its feature.
import { useQuery } from '@tanstack/react-query';
import { programYearsApi } from '../../shared/api/program-years';
import type { ProgramYearDto, ProgramYearSummaryDto } from '../../shared/schemas/program-year';
import { call } from './api';

export type ProgramYearSummary = ProgramYearSummaryDto;
export type ProgramYear = ProgramYearDto;

export function useProgramYears(enabled = true) {
  return useQuery({
    queryKey: ['program-years'],
    queryFn: () => call(programYearsApi.list, {}).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useProgramYear(year: number) {
  return useQuery({
    queryKey: ['program-years', year],
    queryFn: () => call(programYearsApi.get, { params: { year } }, { quiet: true }),
    enabled: Number.isInteger(year),
  });
}
