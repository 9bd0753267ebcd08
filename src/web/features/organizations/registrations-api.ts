import { useQuery } from '@tanstack/react-query';
import { hostRegistrationsApi } from '../../../shared/api/host-registrations';
import { call } from '../../lib/api';

/** How many host registrations wait for the Center (the badge on 注册审核). */
export function usePendingRegistrations(enabled: boolean) {
  return useQuery({
    queryKey: ['host-registrations', 'pending-count'],
    enabled,
    queryFn: () => call(hostRegistrationsApi.list, { query: { status: 'pending', pageSize: 1 } }).then((r) => r.total),
  });
}
