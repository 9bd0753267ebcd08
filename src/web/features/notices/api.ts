import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inboxApi } from '../../../shared/api/inbox';
import type {
  InboxDto,
  InboxReminderDto,
  InboxTaskDto,
  NoticeDto,
  ReminderSettingDto,
} from '../../../shared/schemas/inbox';
import { call } from '../../lib/api';

export type Notice = NoticeDto;
export type Inbox = InboxDto;
export type InboxTask = InboxTaskDto;
export type InboxReminder = InboxReminderDto;

export interface NoticeInput {
  kind: Notice['kind'];
  title: string;
  body: string;
  programYear: number | null;
}

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: ['inbox'],
    queryFn: () => call(inboxApi.inbox, {}),
    enabled,
    // Tasks follow other people's actions (a request decided, reports returned): look again now and then.
    refetchInterval: 5 * 60_000,
  });
}

export function useNotices(page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['notices', page],
    queryFn: () => call(inboxApi.notices, { query: page }),
    placeholderData: keepPreviousData,
  });
}

export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: NoticeInput) => call(inboxApi.publishNotice, { body: n }, { quiet: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export function useDeleteNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: Pick<Notice, 'id'>) => call(inboxApi.deleteNotice, { params: { noticeId: n.id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export type ReminderSetting = ReminderSettingDto;

export function useReminderSetting(enabled = true) {
  return useQuery({
    queryKey: ['reminder-settings'],
    queryFn: () => call(inboxApi.reminderSetting, {}),
    enabled,
  });
}

export function useSaveReminderSetting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ReminderSetting) => call(inboxApi.saveReminderSetting, { body: s }, { quiet: true }),
    onSuccess: (saved) => {
      qc.setQueryData(['reminder-settings'], saved);
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
