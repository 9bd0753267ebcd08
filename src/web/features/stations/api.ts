import { useMutation, useQueryClient } from '@tanstack/react-query';
import { stationsApi } from '../../../shared/api/stations';
import type { StationInput } from '../../../shared/schemas/station';
import { call, urlOf } from '../../lib/api';
import type { Station, StationFilters } from '../../lib/stations';

/** The Excel export of the list as filtered (no paging: the whole list, up to the export limit). */
export function stationsExportUrl(f: StationFilters): string {
  return urlOf(stationsApi.export, {
    query: { year: f.year, type: f.type, districtCode: f.districtCode, q: f.q, sort: f.sort },
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
    mutationFn: (
      v: { id: string; version: number; station: StationInput } | { id?: undefined; station: StationInput },
    ) =>
      v.id !== undefined
        ? call(stationsApi.update, { params: { id: v.id }, body: { version: v.version, station: v.station } })
        : call(stationsApi.create, { body: v.station }),
    onSuccess: invalidate,
  });
}

export function useDeleteStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (s: Pick<Station, 'id' | 'version'>) =>
      call(stationsApi.remove, { params: { id: s.id }, query: { version: s.version } }),
    onSuccess: invalidate,
  });
}
