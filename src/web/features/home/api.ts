import { useQuery } from '@tanstack/react-query';
import { districtsApi } from '../../../shared/api/districts';
import { oversightApi } from '../../../shared/api/oversight';
import type { HomeOverviewDto } from '../../../shared/schemas/district';
import type { OversightDto } from '../../../shared/schemas/oversight';
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

export type Oversight = OversightDto;

/** 工作概览 (issue 14) of one program year, in the account's data scope. */
export function useOversight(year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['oversight', year],
    queryFn: () => call(oversightApi.year, { query: { year: year! } }),
    enabled: enabled && year !== undefined,
  });
}
