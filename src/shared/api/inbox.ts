import { z } from 'zod';
import { InboxDto, NoticeDto, noticeCreateSchema, ReminderSettingDto, reminderSettingSchema } from '../schemas/inbox';
import { OkDto, pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '待办与通知';

export const inboxApi = {
  inbox: endpoint({
    method: 'get',
    path: '/api/v1/inbox',
    tag,
    summary: '我的待办（按角色和数据范围计算，含截止日期）和截止前提醒',
    response: InboxDto,
  }),
  reminderSetting: endpoint({
    method: 'get',
    path: '/api/v1/reminder-settings',
    tag,
    summary: '截止前提醒天数',
    response: ReminderSettingDto,
  }),
  saveReminderSetting: endpoint({
    method: 'put',
    path: '/api/v1/reminder-settings',
    tag,
    summary: '设置截止前提醒天数（1–60 天）',
    body: reminderSettingSchema,
    response: ReminderSettingDto,
  }),
  notices: endpoint({
    method: 'get',
    path: '/api/v1/notices',
    tag,
    summary: '通知公告（申报通知、立项结果等）',
    query: z.object(pageQuery),
    response: pageOf(NoticeDto),
  }),
  publishNotice: endpoint({
    method: 'post',
    path: '/api/v1/notices',
    tag,
    summary: '发布通知公告',
    body: noticeCreateSchema,
    response: NoticeDto,
    status: 201,
  }),
  deleteNotice: endpoint({
    method: 'delete',
    path: '/api/v1/notices/{noticeId}',
    tag,
    summary: '撤下通知公告',
    params: z.object({ noticeId: z.string().min(1).max(64) }),
    response: OkDto,
  }),
};
