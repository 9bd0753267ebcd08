import { useQuery } from '@tanstack/react-query';
import { districtsApi } from '../../shared/api/districts';
import type { DistrictDto } from '../../shared/schemas/district';
import { call } from './api';

export type DistrictItem = DistrictDto;

/** The built-in program year: district codes and names are the same in every year, only their class changes. */
export const BASE_YEAR = 2025;

/** The year's districts with their class (第三条). Needs read:district. */
export function useDistricts(year: number = BASE_YEAR, enabled = true) {
  return useQuery({
    queryKey: ['districts', year],
    queryFn: () => call(districtsApi.list, { query: { year } }).then((r) => r.items),
    enabled: enabled && Number.isInteger(year),
    staleTime: 5 * 60_000,
  });
}

export function districtOptions(items: DistrictItem[] | undefined) {
  return (items ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
}

/**
 * A district's name for a table cell: blank while the names are loading (a bare code such as `etown` must not flash
 * up), the code only for one the year does not list, '—' for a record without a district (an IUR station).
 */
export function districtNameOf(names: ReadonlyMap<string, string>, code: string | null): string {
  if (!code) return '—';
  return names.get(code) ?? (names.size ? code : '');
}
