import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StationDto } from '../../../server/features/stations/stations.service';
import type { Page } from '../../../server/http/paging';
import type { StationInput } from '../../../shared/schemas/station';
import { api, qs } from '../../lib/api';

export type Station = StationDto;

export interface StationFilters {
  year?: number;
  type?: string;
  districtCode?: string;
  q?: string;
}

export function stationQueryString(f: StationFilters, page?: { page: number; pageSize: number }) {
  return qs({ year: f.year, type: f.type, districtCode: f.districtCode, q: f.q, ...page });
}

export function useStations(f: StationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['stations', f, page],
    queryFn: () => api.get<Page<Station>>(`/api/v1/stations${stationQueryString(f, page)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStation(id: string) {
  return useQuery({
    queryKey: ['stations', 'one', id],
    queryFn: () => api.get<Station>(`/api/v1/stations/${encodeURIComponent(id)}`, { quiet: true }),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['stations'] });
    qc.invalidateQueries({ queryKey: ['home-overview'] });
    qc.invalidateQueries({ queryKey: ['program-years'] });
  };
}

export function useSaveStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; station: StationInput }) =>
      v.id
        ? api.put<Station>(`/api/v1/stations/${encodeURIComponent(v.id)}`, { version: v.version, station: v.station })
        : api.post<Station>('/api/v1/stations', v.station),
    onSuccess: invalidate,
  });
}

export function useDeleteStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (s: Pick<Station, 'id' | 'version'>) =>
      api.del<{ ok: true }>(`/api/v1/stations/${encodeURIComponent(s.id)}?version=${s.version}`),
    onSuccess: invalidate,
  });
}
