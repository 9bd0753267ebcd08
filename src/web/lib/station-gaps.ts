// 待补事项 of a station, read by the host's home page and by the year-end submission (projects). The key starts with
// ['kpis'], which every ledger and expense change invalidates, so the list follows the records it counts.
import { useQuery } from '@tanstack/react-query';
import { gapsApi } from '../../shared/api/gaps';
import type { GapItemDto, StationGapsDto } from '../../shared/schemas/gaps';
import { call } from './api';

export type StationGaps = StationGapsDto;
export type GapItem = GapItemDto;

export function useStationGaps(stationId: string | undefined) {
  return useQuery({
    queryKey: ['kpis', 'gaps', stationId],
    queryFn: () => call(gapsApi.station, { params: { id: stationId ?? '' } }),
    enabled: Boolean(stationId),
  });
}
