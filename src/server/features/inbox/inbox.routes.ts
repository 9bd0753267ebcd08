import { z } from 'zod';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { deleteNotice, getReminderSetting, inbox, listNotices, publishNotice, setReminderDays } from './inbox.service';

const noticeSchema = z.object({
  kind: z.enum(['call', 'result', 'general'], { error: '请选择公告类别' }),
  title: z.string({ error: '请填写标题' }).trim().min(4, '请填写标题（至少 4 个字）').max(100, '标题不能超过 100 字'),
  body: z.string({ error: '请填写正文' }).trim().min(5, '请填写正文（至少 5 个字）').max(20_000, '正文过长'),
  programYear: z.number().int().min(2000).max(2100).nullable().default(null),
});

export function registerInboxRoutes(r: Router): void {
  const tag = '待办与通知';
  r.route({
    method: 'get',
    path: '/api/v1/inbox',
    tag,
    summary: '我的待办（按角色和数据范围计算，含截止日期）和截止前提醒',
    access: 'authenticated',
    handler: async (c, { ctx }) => c.json(await inbox(ctx)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/reminder-settings',
    tag,
    summary: '截止前提醒天数',
    access: { permission: 'write:notice' },
    handler: async (c, { ctx }) => c.json(await getReminderSetting(ctx)),
  });
  r.route({
    method: 'put',
    path: '/api/v1/reminder-settings',
    tag,
    summary: '设置截止前提醒天数（1–60 天）',
    access: { permission: 'write:notice' },
    body: z.object({
      days: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '至少提前 1 天').max(60, '最多提前 60 天'),
      version: z.number().int().min(1).nullable(),
    }),
    handler: async (c, { body, ctx }) => c.json(await setReminderDays(ctx, body.days, body.version)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/notices',
    tag,
    summary: '通知公告（申报通知、立项结果等）',
    access: { permission: 'read:notice' },
    query: z.object(pageQuery),
    handler: async (c, { query, ctx }) => c.json(await listNotices(ctx, query)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/notices',
    tag,
    summary: '发布通知公告',
    access: { permission: 'write:notice' },
    body: noticeSchema,
    handler: async (c, { body, ctx }) => c.json(await publishNotice(ctx, body), 201),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/notices/{noticeId}',
    tag,
    summary: '撤下通知公告',
    access: { permission: 'write:notice' },
    params: z.object({ noticeId: z.string().min(1).max(64) }),
    handler: async (c, { params, ctx }) => {
      await deleteNotice(ctx, params.noticeId);
      return c.json({ ok: true });
    },
  });
}
