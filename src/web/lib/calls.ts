// The calls for applications (申报通知) as the pages that pick one read them; publishing a call stays with its feature.
import { useQuery } from '@tanstack/react-query';
import { callsApi } from '../../shared/api/calls';
import type { CallDto } from '../../shared/schemas/call';
import { call as callApi } from './api';

export type Call = CallDto;

export function useCalls() {
  return useQuery({
    queryKey: ['calls'],
    queryFn: () => callApi(callsApi.list, {}).then((r) => r.items),
  });
}
