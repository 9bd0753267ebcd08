import { useQuery } from '@tanstack/react-query';
import type { StationType } from '../../domain/policy/types';
import { api } from './api';

export interface DistrictItem {
  code: string;
  name: string;
  fullName: string;
  stationType: Exclude<StationType, 'iur'>;
  stationTypeLabel: string;
  article: string;
  associationId: string | null;
  associationName: string | null;
}

/** The built-in program year: district codes and names are the same in every year, only their class changes. */
export const BASE_YEAR = 2025;

/** The year's districts with their class (第三条). Needs read:district. */
export function useDistricts(year: number = BASE_YEAR, enabled = true) {
  return useQuery({
    queryKey: ['districts', year],
    queryFn: () => api.get<{ items: DistrictItem[] }>(`/api/v1/districts?year=${year}`).then((r) => r.items),
    enabled: enabled && Number.isInteger(year),
    staleTime: 5 * 60_000,
  });
}

export function districtOptions(items: DistrictItem[] | undefined) {
  return (items ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
}
