// 变更记录 of a station, a project or an expense (issue 14). A page names the record with one of the sources below and
// hands it to <RecordHistory> (components/record-history.tsx), which pages through it. Each key starts with the key of
// the record's own queries, so the edit that invalidates the record refreshes its history as well.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { recordHistoryApi } from '../../shared/api/record-history';
import type { RecordHistoryPageDto } from '../../shared/schemas/record-history';
import { call } from './api';

export type RecordHistoryPage = RecordHistoryPageDto;
export type RecordHistoryEntry = RecordHistoryPageDto['items'][number];

// The history shows its own error where it stands (components/record-history.tsx), so no second, central message.
const QUIET = { quiet: true } as const;

export interface HistoryPaging {
  page: number;
  pageSize: number;
}

/** Which record's history: the query key of a page and how to fetch it. */
export interface HistorySource {
  key: readonly unknown[];
  fetch: (paging: HistoryPaging) => Promise<RecordHistoryPage>;
}

export function stationHistory(stationId: string): HistorySource {
  return {
    key: ['stations', 'history', stationId],
    fetch: (query) => call(recordHistoryApi.station, { params: { id: stationId }, query }, QUIET),
  };
}

export function projectHistory(projectId: string): HistorySource {
  return {
    key: ['projects', 'history', projectId],
    fetch: (query) => call(recordHistoryApi.project, { params: { projectId }, query }, QUIET),
  };
}

export function expenseHistory(stationId: string, expenseId: string): HistorySource {
  return {
    key: ['expenses', stationId, 'history', expenseId],
    fetch: (query) => call(recordHistoryApi.expense, { params: { id: stationId, expenseId }, query }, QUIET),
  };
}

export function useRecordHistory(source: HistorySource, paging: HistoryPaging) {
  return useQuery({
    queryKey: [...source.key, paging.page, paging.pageSize],
    queryFn: () => source.fetch(paging),
    // The page being left stays on screen until the next one arrives: the list does not jump.
    placeholderData: keepPreviousData,
  });
}
