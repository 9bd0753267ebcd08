// A station's ledger records as other pages read them (the expense form picks the station's experts); the ledger
// pages' own queries and changes stay in their feature. The keys start with ['ledger', stationId], so a change to a
// record refreshes these too.
import { useQuery } from '@tanstack/react-query';
import type { EvidenceKind, ReportKind } from '../../domain/ledger/codes';
import { recordsApi } from '../../shared/api/records';
import type { RecordKind, RecordListItem } from '../../shared/schemas/ledger-records';
import { call } from './api';

/** The filters behind the links of 待补事项 (src/domain/gaps); the list routes refuse one that does not fit the kind. */
export interface GapListFilters {
  missingEvidence?: EvidenceKind;
  outsidePeriod?: 'true';
  belowMinWords?: ReportKind | 'true';
}

export interface RecordFilters extends GapListFilters {
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
