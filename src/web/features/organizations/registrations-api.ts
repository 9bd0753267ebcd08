import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** How many host registrations wait for the Center (the badge on 注册审核). */
export function usePendingRegistrations(enabled: boolean) {
  return useQuery({
    queryKey: ['host-registrations', 'pending-count'],
    enabled,
    queryFn: () =>
      api.get<{ total: number }>('/api/v1/host-registrations?status=pending&pageSize=1').then((r) => r.total),
  });
}
