import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallDto } from '../../../server/features/calls/calls.service';
import type { CallInput } from '../../../shared/schemas/call';
import { api } from '../../lib/api';

export type Call = CallDto;

export function useCalls() {
  return useQuery({
    queryKey: ['calls'],
    queryFn: () => api.get<{ items: Call[] }>('/api/v1/calls').then((r) => r.items),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['calls'] });
    qc.invalidateQueries({ queryKey: ['program-years'] });
  };
}

export function useSaveCall() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; call: CallInput }) =>
      v.id
        ? api.put<Call>(
            `/api/v1/calls/${encodeURIComponent(v.id)}`,
            { version: v.version, call: v.call },
            { quiet: true },
          )
        : api.post<Call>('/api/v1/calls', v.call, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useCallTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { call: Call; action: 'open' | 'close' }) =>
      api.post<Call>(`/api/v1/calls/${encodeURIComponent(v.call.id)}/${v.action}`, { version: v.call.version }),
    onSuccess: invalidate,
  });
}
