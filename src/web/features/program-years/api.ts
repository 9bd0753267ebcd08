import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programYearsApi } from '../../../shared/api/program-years';
import type { UpdatePolicyInput } from '../../../shared/schemas/program-year';
import { call } from '../../lib/api';

function useInvalidateYears() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['program-years'] });
}

export function useCopyYear() {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (input: { fromYear: number; year: number }) => call(programYearsApi.copy, { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateYear(year: number) {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (input: UpdatePolicyInput) => call(programYearsApi.update, { params: { year }, body: input }),
    onSuccess: invalidate,
  });
}

export function useLockYear(year: number) {
  const invalidate = useInvalidateYears();
  return useMutation({
    mutationFn: (version: number) => call(programYearsApi.lock, { params: { year }, body: { version } }),
    onSuccess: invalidate,
  });
}
