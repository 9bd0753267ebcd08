import { useQuery } from '@tanstack/react-query';
import { districtsApi } from '../../../shared/api/districts';
import type { HomeOverviewDto } from '../../../shared/schemas/district';
import { call } from '../../lib/api';

export type Overview = HomeOverviewDto;
export type OverviewByType = HomeOverviewDto['byType'][number];

export function useOverview(year: number | undefined) {
  return useQuery({
    queryKey: ['home-overview', year],
    queryFn: () => call(districtsApi.homeOverview, { query: { year } }),
    enabled: year !== undefined,
  });
}
