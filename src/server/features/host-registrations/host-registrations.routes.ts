import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { hostRegistrationSchema } from '../../../shared/schemas/host-registration';
import { writeTx } from '../../audit/audit';
import { hitRateLimit } from '../../auth/rate-limit';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { decideRegistration, listRegistrations, register, registrationWindow } from './host-registrations.service';

// The only public write besides sign-in: limited per address like sign-in, and every refused burst is audited once.
const REGISTRATIONS_PER_HOUR = 10;

export function registerHostRegistrationRoutes(r: Router): void {
  const tag = '依托单位注册';
  r.route({
    method: 'get',
    path: '/api/v1/host-registrations/window',
    tag,
    summary: '是否在申报期内（注册页面据此开放表单）',
    access: 'public',
    handler: async (c, { ctx }) => c.json(await registrationWindow(ctx)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/host-registrations',
    tag,
    summary: '新依托单位注册（申报期内；统一社会信用代码校验；中心审核后启用）',
    access: 'public',
    body: hostRegistrationSchema,
    handler: async (c, { body, ctx }) => {
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
      return c.json(await register(ctx, body), 201);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/host-registrations',
    tag,
    summary: '依托单位注册申请（待审核、已通过、未通过）',
    access: { permission: 'write:organization' },
    query: z.object({ ...pageQuery, status: z.enum(['pending', 'approved', 'rejected']).optional() }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listRegistrations(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/host-registrations/{registrationId}/decision',
    tag,
    summary: '审核依托单位注册：通过即启用单位和账户，不通过须说明理由',
    access: { permission: 'write:organization' },
    params: z.object({ registrationId: z.string().min(1).max(64) }),
    body: z.object({
      version: z.number({ error: '缺少版本号' }).int().min(1),
      approve: z.boolean({ error: '请选择审核结论' }),
      reason: z.string().trim().max(1000, '理由不能超过 1000 字').default(''),
    }),
    handler: async (c, { params, body, ctx }) => c.json(await decideRegistration(ctx, params.registrationId, body)),
  });
}
