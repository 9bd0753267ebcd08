import { useQuery } from '@tanstack/react-query';
import type { StationType } from '../../../domain/policy/types';
import { api } from '../../lib/api';

export interface OverviewByType {
  type: StationType;
  label: string;
  quota: number;
  quotaArticle: string;
  fundingFen: number;
  stations: number;
}

export interface Overview {
  year: number;
  title: string;
  byType: OverviewByType[];
}

export function useOverview(year: number | undefined) {
  return useQuery({
    queryKey: ['home-overview', year],
    queryFn: () => api.get<Overview>(`/api/v1/home/overview?year=${year}`),
    enabled: year !== undefined,
  });
}
