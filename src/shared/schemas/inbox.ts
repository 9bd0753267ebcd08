import { z } from 'zod';

// 待办、提醒与通知公告 (issue #4): the inbox is computed from the lifecycle's rows; the notice board is the Center's.

export const NOTICE_KINDS = ['call', 'result', 'general'] as const;

export const noticeCreateSchema = z.object({
  kind: z.enum(NOTICE_KINDS, { error: '请选择公告类别' }),
  title: z.string({ error: '请填写标题' }).trim().min(4, '请填写标题（至少 4 个字）').max(100, '标题不能超过 100 字'),
  body: z.string({ error: '请填写正文' }).trim().min(5, '请填写正文（至少 5 个字）').max(20_000, '正文过长'),
  programYear: z.number().int().min(2000).max(2100).nullable().default(null),
});

export const reminderSettingSchema = z.object({
  days: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少提前 1 天').max(60, '最多提前 60 天'),
  version: z.number().int().min(1).nullable(),
});

/** A task waiting for the signed-in account, with its due date (if any) judged against today in Beijing. */
export const InboxTaskDto = z
  .strictObject({
    /** stable across runs: the reminder job keys its rows by it */
    key: z.string(),
    kind: z.string(),
    title: z.string(),
    dueOn: z.string().nullable(),
    /** the web page where the task is done */
    link: z.string(),
    article: z.string(),
    overdue: z.boolean(),
    dueSoon: z.boolean(),
  })
  .meta({ id: 'InboxTask' });
export type InboxTaskDto = z.infer<typeof InboxTaskDto>;

/** A reminder the job wrote a configured number of days before a task's due date. */
export const InboxReminderDto = z
  .strictObject({
    key: z.string(),
    title: z.string(),
    dueOn: z.string(),
    link: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'InboxReminder' });
export type InboxReminderDto = z.infer<typeof InboxReminderDto>;

export const InboxDto = z
  .strictObject({
    today: z.string(),
    reminderDays: z.number().int(),
    tasks: z.array(InboxTaskDto),
    reminders: z.array(InboxReminderDto),
  })
  .meta({ id: 'Inbox' });
export type InboxDto = z.infer<typeof InboxDto>;

/** How many days before a due date reminders are written; `version` null while the default holds. */
export const ReminderSettingDto = z
  .strictObject({ days: z.number().int(), version: z.number().int().nullable() })
  .meta({ id: 'ReminderSetting' });
export type ReminderSettingDto = z.infer<typeof ReminderSettingDto>;

export const NoticeDto = z
  .strictObject({
    id: z.string(),
    kind: z.enum(NOTICE_KINDS),
    title: z.string(),
    body: z.string(),
    programYear: z.number().int().nullable(),
    publishedAt: z.string(),
    /** the publisher's name; null for a notice the system published or whose publisher is gone */
    publishedBy: z.string().nullable(),
  })
  .meta({ id: 'Notice' });
export type NoticeDto = z.infer<typeof NoticeDto>;
