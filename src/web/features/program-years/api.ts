import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProgramYearDto,
  ProgramYearSummaryDto,
} from '../../../server/features/program-years/program-years.service';
import type { UpdatePolicyInput } from '../../../shared/schemas/program-year';
import { api } from '../../lib/api';

export type ProgramYearSummary = ProgramYearSummaryDto;
export type ProgramYear = ProgramYearDto;

export function useProgramYears(enabled = true) {
  return useQuery({
    queryKey: ['program-years'],
    queryFn: () => api.get<{ items: ProgramYearSummary[] }>('/api/v1/program-years').then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useProgramYear(year: number) {
  return useQuery({
    queryKey: ['program-years', year],
    queryFn: () => api.get<ProgramYear>(`/api/v1/program-years/${year}`, { quiet: true }),
    enabled: Number.isInteger(year),
  });
}

function useInvalidateYears() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['program-years'] });
}

export function useCopyYear() {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (input: { fromYear: number; year: number }) => api.post<ProgramYear>('/api/v1/program-years', input),
    onSuccess: invalidate,
  });
}

export function useUpdateYear(year: number) {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (input: UpdatePolicyInput) => api.put<ProgramYear>(`/api/v1/program-years/${year}`, input),
    onSuccess: invalidate,
  });
}

export function useLockYear(year: number) {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (version: number) => api.post<ProgramYear>(`/api/v1/program-years/${year}/lock`, { version }),
    onSuccess: invalidate,
  });
}
