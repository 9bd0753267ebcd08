// Stations as the pages around them read them: a station's own pages (KPIs, ledger, funds, supervision), the home page
// and the pickers. Changing a station stays with its feature.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StationType } from '../../domain/policy/types';
import { stationsApi } from '../../shared/api/stations';
import type { StationDto } from '../../shared/schemas/station';
import { call } from './api';

export type Station = StationDto;

export interface StationFilters {
  year?: number;
  type?: StationType;
  districtCode?: string;
  q?: string;
  /** a key of STATION_SORT_KEYS, `-key` descending */
  sort?: string;
}

/** The tag colour of a station type, the same on every page that names one. */
export const typeColor: Record<string, string> = { district_a: 'blue', district_b: 'green', iur: 'purple' };

export function useStations(f: StationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['stations', f, page],
    queryFn: () =>
      call(stationsApi.list, {
        query: { year: f.year, type: f.type, districtCode: f.districtCode, q: f.q, sort: f.sort, ...page },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStation(id: string) {
  return useQuery({
    queryKey: ['stations', 'one', id],
    queryFn: () => call(stationsApi.get, { params: { id } }, { quiet: true }),
  });
}
