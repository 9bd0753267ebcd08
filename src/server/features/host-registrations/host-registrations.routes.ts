import { hostRegistrationsApi } from '../../../shared/api/host-registrations';
import { AppError } from '../../../shared/errors';
import { writeTx } from '../../audit/audit';
import { hitRateLimit } from '../../auth/rate-limit';
import type { Router } from '../../http/router';
import { decideRegistration, listRegistrations, register, registrationWindow } from './host-registrations.service';

// The only public write besides sign-in: limited per address like sign-in, and every refused burst is audited once.
const REGISTRATIONS_PER_HOUR = 10;

export function registerHostRegistrationRoutes(r: Router): void {
  r.route({
    ...hostRegistrationsApi.window,
    access: 'public',
    handler: async (_c, { ctx, json }) => json(await registrationWindow(ctx)),
  });
  r.route({
    ...hostRegistrationsApi.register,
    access: 'public',
    handler: async (c, { body, ctx, json }) => {
      const rate = await hitRateLimit(ctx, `register:${ctx.ip ?? 'unknown'}`, {
        limit: REGISTRATIONS_PER_HOUR,
        windowMs: 3_600_000,
      });
      if (!rate.allowed) {
        if (rate.first) {
          await writeTx(ctx, (_tx, audit) =>
            audit.record({
              entity: 'organization',
              action: 'register_rate_limited',
              summary: `来自 ${ctx.ip ?? '未知地址'} 的注册申请超过每小时 ${REGISTRATIONS_PER_HOUR} 次，已限速`,
              actorOverride: { id: null, name: null, role: null },
            }),
          );
        }
        c.header('Retry-After', String(rate.retryAfterS));
        throw new AppError('rate_limited', {
          userMessage: `注册过于频繁，请 ${Math.ceil(rate.retryAfterS / 60)} 分钟后再试`,
        });
      }
      return json(await register(ctx, body), 201);
    },
  });
  r.route({
    ...hostRegistrationsApi.list,
    access: { permission: 'write:organization' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listRegistrations(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...hostRegistrationsApi.decide,
    access: { permission: 'write:organization' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await decideRegistration(ctx, params.registrationId, body)),
  });
}
