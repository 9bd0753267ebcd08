import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxDto, NoticeDto } from '../../../server/features/inbox/inbox.service';
import type { Page } from '../../../server/http/paging';
import { api, qs } from '../../lib/api';

export type Notice = NoticeDto;
export type Inbox = InboxDto;
export type InboxTask = InboxDto['tasks'][number];
export type InboxReminder = InboxDto['reminders'][number];

export interface NoticeInput {
  kind: Notice['kind'];
  title: string;
  body: string;
  programYear: number | null;
}

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: ['inbox'],
    queryFn: () => api.get<Inbox>('/api/v1/inbox'),
    enabled,
    // Tasks follow other people's actions (a request decided, reports returned): look again now and then.
    refetchInterval: 5 * 60_000,
  });
}

export function useNotices(page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['notices', page],
    queryFn: () => api.get<Page<Notice>>(`/api/v1/notices${qs(page)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: NoticeInput) => api.post<Notice>('/api/v1/notices', n, { quiet: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export function useDeleteNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: Pick<Notice, 'id'>) => api.del<{ ok: true }>(`/api/v1/notices/${encodeURIComponent(n.id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export interface ReminderSetting {
  days: number;
  version: number | null;
}

export function useReminderSetting(enabled = true) {
  return useQuery({
    queryKey: ['reminder-settings'],
    queryFn: () => api.get<ReminderSetting>('/api/v1/reminder-settings'),
    enabled,
  });
}

export function useSaveReminderSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ReminderSetting) => api.put<ReminderSetting>('/api/v1/reminder-settings', s, { quiet: true }),
    onSuccess: (saved) => {
      qc.setQueryData(['reminder-settings'], saved);
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
