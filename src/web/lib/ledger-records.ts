// A station's ledger records as other pages read them (the expense form picks the station's experts); the ledger
// pages' own queries and changes stay in their feature. The keys start with ['ledger', stationId], so a change to a
// record refreshes these too.
import { useQuery } from '@tanstack/react-query';
import { recordsApi } from '../../shared/api/records';
import type { RecordKind, RecordListItem } from '../../shared/schemas/ledger-records';
import { call } from './api';

export interface RecordFilters {
  q?: string;
  from?: string;
  to?: string;
}

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function listRecords<K extends RecordKind>(
  stationId: string,
  kind: K,
  query: RecordFilters & { page?: number; pageSize?: number },
): Promise<Page<RecordListItem<K>>> {
  return call(recordsApi[kind].list, { params: { id: stationId }, query });
}

/** Up to 200 records of a kind, for pickers (the station's experts at an event, its enterprises). */
export function useRecordOptions<K extends RecordKind>(stationId: string, kind: K, enabled = true) {
  return useQuery({
    queryKey: ['ledger', stationId, kind, 'options'],
    queryFn: () => listRecords(stationId, kind, { pageSize: 200 }).then((p) => p.items),
    enabled,
    staleTime: 30_000,
  });
}
