import { inboxApi } from '../../../shared/api/inbox';
import type { Router } from '../../http/router';
import { deleteNotice, getReminderSetting, inbox, listNotices, publishNotice, setReminderDays } from './inbox.service';

export function registerInboxRoutes(r: Router): void {
  r.route({
    ...inboxApi.inbox,
    access: 'authenticated',
    handler: async (_c, { ctx, json }) => json(await inbox(ctx)),
  });
  r.route({
    ...inboxApi.reminderSetting,
    access: { permission: 'write:notice' },
    handler: async (_c, { ctx, json }) => json(await getReminderSetting(ctx)),
  });
  r.route({
    ...inboxApi.saveReminderSetting,
    access: { permission: 'write:notice' },
    handler: async (_c, { body, ctx, json }) => json(await setReminderDays(ctx, body.days, body.version)),
  });
  r.route({
    ...inboxApi.notices,
    access: { permission: 'read:notice' },
    handler: async (_c, { query, ctx, json }) => json(await listNotices(ctx, query)),
  });
  r.route({
    ...inboxApi.publishNotice,
    access: { permission: 'write:notice' },
    handler: async (_c, { body, ctx, json }) => json(await publishNotice(ctx, body), 201),
  });
  r.route({
    ...inboxApi.deleteNotice,
    access: { permission: 'write:notice' },
    handler: async (_c, { params, ctx, json }) => {
      await deleteNotice(ctx, params.noticeId);
      return json({ ok: true });
    },
  });
}
