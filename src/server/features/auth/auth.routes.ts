import { deleteCookie, setCookie } from 'hono/cookie';
import { authApi } from '../../../shared/api/auth';
import { AppError } from '../../../shared/errors';
import { writeTx } from '../../audit/audit';
import { hitRateLimit } from '../../auth/rate-limit';
import { SESSION_COOKIE } from '../../auth/sessions';
import type { Router } from '../../http/router';
import { changeOwnPassword, getMe, loginPolicy, maskUnknown, signIn, signOut } from './auth.service';

export function registerAuthRoutes(r: Router): void {
  const cookieBase = {
    httpOnly: true,
    sameSite: 'Strict' as const,
    path: '/',
    secure: r.deps.env.COOKIE_SECURE === '1',
  };

  r.route({
    ...authApi.signIn,
    access: 'public',
    handler: async (c, { body, ctx, json }) => {
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
      return json({ me }, 201);
    },
  });

  r.route({
    ...authApi.signOut,
    access: 'authenticated',
    handler: async (c, { ctx, json }) => {
      await signOut(ctx, ctx.actor!, false);
      deleteCookie(c, SESSION_COOKIE, cookieBase);
      return json({ ok: true });
    },
  });

  r.route({
    ...authApi.signOutEverywhere,
    access: 'authenticated',
    handler: async (c, { ctx, json }) => {
      const ended = await signOut(ctx, ctx.actor!, true);
      deleteCookie(c, SESSION_COOKIE, cookieBase);
      return json({ ok: true, ended });
    },
  });

  // The web's session probe: signed out is an answer (200, `me: null`), not an error, so a first visit logs no
  // failed request in the browser. `/api/v1/me` keeps its 401 for other clients.
  r.route({
    ...authApi.currentSession,
    access: 'public',
    handler: async (_c, { ctx, json }) => json({ me: ctx.actor ? await getMe(ctx, ctx.actor.userId) : null }),
  });

  r.route({
    ...authApi.me,
    access: 'authenticated',
    handler: async (_c, { ctx, json }) => json({ me: await getMe(ctx, ctx.actor!.userId) }),
  });

  r.route({
    ...authApi.changePassword,
    access: 'authenticated',
    handler: async (_c, { body, ctx, json }) => {
      await changeOwnPassword(ctx, ctx.actor!, body);
      return json({ ok: true });
    },
  });
}
