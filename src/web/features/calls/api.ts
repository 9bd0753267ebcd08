import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callsApi } from '../../../shared/api/calls';
import type { CallInput } from '../../../shared/schemas/call';
import { call as callApi } from '../../lib/api';
import type { Call } from '../../lib/calls';

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
    mutationFn: (v: { id: string; version: number; call: CallInput } | { id?: undefined; call: CallInput }) =>
      v.id !== undefined
        ? callApi(
            callsApi.update,
            { params: { callId: v.id }, body: { version: v.version, call: v.call } },
            { quiet: true },
          )
        : callApi(callsApi.create, { body: v.call }, { quiet: true }),
    onSuccess: invalidate,
  });
}

export function useCallTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { call: Call; action: 'open' | 'close' }) =>
      callApi(v.action === 'open' ? callsApi.open : callsApi.close, {
        params: { callId: v.call.id },
        body: { version: v.call.version },
      }),
    onSuccess: invalidate,
  });
}
