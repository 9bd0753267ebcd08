import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../../shared/errors';
import { changePasswordSchema, currentSessionSchema, loginSchema } from '../../../shared/schemas/auth';
import { writeTx } from '../../audit/audit';
import { hitRateLimit } from '../../auth/rate-limit';
import { SESSION_COOKIE } from '../../auth/sessions';
import type { Router } from '../../http/router';
import { changeOwnPassword, getMe, loginPolicy, type MeDto, maskUnknown, signIn, signOut } from './auth.service';

export function registerAuthRoutes(r: Router): void {
  const cookieBase = {
    httpOnly: true,
    sameSite: 'Strict' as const,
    path: '/',
    secure: r.deps.env.COOKIE_SECURE === '1',
  };

  r.route({
    method: 'post',
    path: '/api/v1/sessions',
    tag: '登录',
    summary: '登录（创建会话）',
    access: 'public',
    body: loginSchema,
    handler: async (c, { body, ctx }) => {
      // Counted in the database, so that every instance behind a load balancer shares the address's window.
      const { ratePerMinute } = await loginPolicy(ctx);
      const rate = await hitRateLimit(ctx, `login:${ctx.ip ?? 'unknown'}`, { limit: ratePerMinute, windowMs: 60_000 });
      if (!rate.allowed) {
        if (rate.first) {
          // Once per window and address: a brute-force attempt shows in the audit log without flooding it.
          await writeTx(ctx, (_tx, audit) =>
            audit.record({
              entity: 'session',
              action: 'login_rate_limited',
              summary: `来自 ${ctx.ip ?? '未知地址'} 的登录尝试超过每分钟 ${ratePerMinute} 次，已限速`,
              actorOverride: { id: null, name: maskUnknown(body.username), role: null },
            }),
          );
        }
        c.header('Retry-After', String(rate.retryAfterS));
        throw new AppError('rate_limited', { userMessage: `登录尝试过于频繁，请 ${rate.retryAfterS} 秒后再试` });
      }
      const { token, me } = await signIn(ctx, { ...body, userAgent: c.req.header('user-agent') ?? null });
      setCookie(c, SESSION_COOKIE, token, { ...cookieBase, maxAge: ctx.env.SESSION_ABSOLUTE_HOURS * 3600 });
      return c.json({ me }, 201);
    },
  });

  r.route({
    method: 'delete',
    path: '/api/v1/sessions/current',
    tag: '登录',
    summary: '退出登录',
    access: 'authenticated',
    handler: async (c, { ctx }) => {
      await signOut(ctx, ctx.actor!, false);
      deleteCookie(c, SESSION_COOKIE, cookieBase);
      return c.json({ ok: true });
    },
  });

  r.route({
    method: 'delete',
    path: '/api/v1/sessions',
    tag: '登录',
    summary: '退出所有设备的登录',
    access: 'authenticated',
    handler: async (c, { ctx }) => {
      const ended = await signOut(ctx, ctx.actor!, true);
      deleteCookie(c, SESSION_COOKIE, cookieBase);
      return c.json({ ok: true, ended });
    },
  });

  // The web's session probe: signed out is an answer (200, `me: null`), not an error, so a first visit logs no
  // failed request in the browser. `/api/v1/me` keeps its 401 for other clients.
  r.route({
    method: 'get',
    path: '/api/v1/sessions/current',
    tag: '登录',
    summary: '当前会话（未登录时 me 为 null）',
    access: 'public',
    response: currentSessionSchema,
    handler: async (c, { ctx }) => {
      const me: MeDto | null = ctx.actor ? await getMe(ctx, ctx.actor.userId) : null;
      return c.json({ me });
    },
  });

  r.route({
    method: 'get',
    path: '/api/v1/me',
    tag: '登录',
    summary: '当前账户',
    access: 'authenticated',
    handler: async (c, { ctx }) => c.json({ me: await getMe(ctx, ctx.actor!.userId) }),
  });

  r.route({
    method: 'put',
    path: '/api/v1/me/password',
    tag: '登录',
    summary: '修改自己的密码',
    access: 'authenticated',
    body: changePasswordSchema,
    handler: async (c, { body, ctx }) => {
      await changeOwnPassword(ctx, ctx.actor!, body);
      return c.json({ ok: true });
    },
  });
}
