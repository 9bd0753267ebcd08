import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { z } from 'zod';
import { systemApi } from '../shared/api/system';
import { AppError } from '../shared/errors';
import { resolveSession, SESSION_COOKIE } from './auth/sessions';
import type { AppDeps, Ctx } from './context';
import { registerFeatureRoutes } from './features/index';
import { expectedOrigin, isJsonContentType, securityHeaders } from './http/browser-security';
import { compressJson } from './http/compression';
import { errorResponse, onError, zodIssues } from './http/errors';
import { requestIp } from './http/request-ip';
import { createRouter, type Env, type RouteMeta } from './http/router';
import { logger } from './logger';

z.config(z.locales.zhCN());

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request's context: who its session cookie names (null without one, or once it has ended) and where it comes from.
 * The API's requests have it from the middleware below; the page's HTML asks for it too (create-server.ts).
 */
export async function requestContext(deps: AppDeps, c: Context): Promise<Ctx> {
  const token = getCookie(c, SESSION_COOKIE);
  const actor = token ? await resolveSession(deps, token) : null;
  return { ...deps, actor, ip: requestIp(c, deps.env.TRUST_PROXY === '1') };
}

export interface CreatedApp {
  app: OpenAPIHono<Env>;
  routes: readonly RouteMeta[];
}

export function createApp(deps: AppDeps): CreatedApp {
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return errorResponse(
          c,
          new AppError('validation', {
            userMessage: '提交的数据有误，请检查标出的字段',
            issues: zodIssues(result.error),
          }),
        );
      }
    },
  });
  const extraOrigins = deps.env.ALLOWED_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

  app.use('*', securityHeaders(deps.env));
  // Issue 16: a list of stations or a ledger is tens of kB of JSON, a fifth of that compressed — seconds on a phone
  // over 4G. Outermost of the /api middleware: error answers are compressed like any other, and the response
  // validation (inside the route) still reads plain JSON; downloads are not JSON and pass through (compression.ts).
  app.use('/api/*', compressJson());

  // Upload routes take application/octet-stream; the router checks that after the access guard.
  let uploads: Array<{ method: string; re: RegExp }> | null = null;
  const isUploadPath = (method: string, path: string): boolean => {
    uploads ??= router.routes
      .filter((r) => r.upload)
      .map((r) => ({
        method: r.method.toUpperCase(),
        re: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
      }));
    return uploads.some((u) => u.method === method && u.re.test(path));
  };

  app.use('/api/*', async (c, next) => {
    // Cross-site request refusal: a browser always sends Origin on a non-GET; it must be our own origin.
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin) {
        const allowed = origin === expectedOrigin(c, deps.env) || extraOrigins.includes(origin);
        if (!allowed) throw new AppError('forbidden', { userMessage: '拒绝跨站请求' });
      }
      const fetchSite = c.req.header('sec-fetch-site');
      const allowlisted = !!origin && extraOrigins.includes(origin);
      if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none' && !allowlisted) {
        throw new AppError('forbidden', { userMessage: '拒绝跨站请求' });
      }
      const hasBody = c.req.method !== 'DELETE' || (c.req.header('content-length') ?? '0') !== '0';
      if (hasBody && !isJsonContentType(c.req.header('content-type')) && !isUploadPath(c.req.method, c.req.path)) {
        throw new AppError('unsupported_media_type', { userMessage: '请求格式不支持：请以 application/json 提交' });
      }
    }
    const ctx = await requestContext(deps, c);
    c.set('actor', ctx.actor);
    c.set('ctx', ctx);
    await next();
  });

  const router = createRouter(app, deps);

  router.route({
    ...systemApi.health,
    access: 'public',
    handler: async (_c, { json }) => {
      const database = await sql`select 1`.execute(deps.db).then(
        () => true,
        () => false,
      );
      // Without its files the system answers lists but fails every download and upload: not healthy either.
      const storage = await deps.blobs.healthy();
      const status = database && storage ? 'ok' : 'error';
      // 503 is a success of the check, not an error answer: the body says what is down (load balancers read it).
      const res = json({ status, database: deps.engine, databaseOk: database, storage: storage ? 'ok' : 'error' });
      return status === 'ok' ? res : new Response(res.body, { status: 503, headers: res.headers });
    },
  });

  registerFeatureRoutes(router);

  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: '千企 Qianqi API', version: '1', description: '“千人进千企”科创公共服务工作站点管理平台' },
  });
  // The OpenAPI document is public and declared here so the route table stays complete.
  (router.routes as RouteMeta[]).push({
    method: 'get',
    path: '/api/v1/openapi.json',
    access: 'public',
    summary: 'OpenAPI 文档',
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: '接口不存在' } }, 404);
    return c.text('Not Found', 404);
  });
  app.onError(onError(logger));
  return { app, routes: router.routes };
}
