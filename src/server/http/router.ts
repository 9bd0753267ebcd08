import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/common';
import { FILE_MEDIA_TYPES, type FileKind } from '../../shared/api/endpoint';
import { AppError } from '../../shared/errors';
import { can, type Permission } from '../../shared/permissions';
import { writeTx } from '../audit/audit';
import type { Actor, AppDeps, Ctx } from '../context';
import { type BodyClass, bodyClassOf, limitBody } from './body-limit';

/**
 * Who may call a route. Every route declares one; the authorization-matrix test fails on a route without it.
 * `public` — anyone; `authenticated` — any signed-in account (its own data only); otherwise a permission.
 */
export type Access = 'public' | 'authenticated' | { permission: Permission };

/** Which path parameter names a record whose data scope the service checks (out of scope → 404). */
export interface ScopedParam {
  param: string;
  entity:
    | 'station'
    | 'organization'
    | 'user'
    | 'program-year'
    | 'application'
    | 'review'
    | 'project'
    | 'change-request';
}

export interface RouteMeta {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
  scoped?: ScopedParam;
  summary: string;
  /** takes the raw bytes of one file (application/octet-stream) instead of JSON */
  upload?: boolean;
  /**
   * how much of a body the route reads (body-limit.ts): declared only when not the class its access and `upload`
   * imply; in `Router.routes`, the class in force
   */
  bodyLimit?: BodyClass;
}

export type Env = { Variables: { ctx: Ctx; actor: Actor | null } };

type AnyZodObject = z.ZodObject<z.ZodRawShape>;

type Answer<R> = R extends z.ZodType ? z.input<R> : never;

export interface RouteDef<
  P extends AnyZodObject,
  Q extends AnyZodObject,
  B extends z.ZodType,
  R extends z.ZodType | FileKind = z.ZodType | FileKind,
> extends RouteMeta {
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The JSON answer's zod schema, or the kind of file a download answers with (decision 020). Shown in the OpenAPI
   * document; with VALIDATE_RESPONSES=1 (the tests) every JSON answer is checked against it and a drift is a 500.
   */
  response: R;
  status?: 200 | 201;
  handler: (
    c: Context<Env>,
    input: {
      params: z.infer<P>;
      query: z.infer<Q>;
      body: z.infer<B>;
      ctx: Ctx;
      /** answers JSON typed by the declared response schema (prefer it to `c.json`, which checks nothing) */
      json: (data: Answer<R>, status?: 200 | 201) => Response;
    },
  ) => Promise<Response>;
}

export interface Router {
  route<P extends AnyZodObject, Q extends AnyZodObject, B extends z.ZodType, R extends z.ZodType | FileKind>(
    def: RouteDef<P, Q, B, R>,
  ): void;
  readonly routes: readonly RouteMeta[];
  readonly deps: AppDeps;
}

function accessGuard(access: Access): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (access === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated', { userMessage: '请先登录' });
    if (
      actor.mustChangePassword &&
      // Only the account's own routes and signing out; a prefix match would also free /api/v1/meetings.
      !/^\/api\/v1\/(me|sessions)(\/|$)/.test(c.req.path)
    ) {
      throw new AppError('password_change_required', { userMessage: '首次登录请先修改密码' });
    }
    if (access !== 'authenticated' && !can(actor.role, access.permission)) {
      // 等保 2.0 安全审计: a refused attempt is a security event, recorded in its own transaction.
      await writeTx(c.get('ctx'), (_tx, audit) =>
        audit.record({
          entity: 'access',
          entityId: null,
          action: 'access_denied',
          summary: `拒绝访问：${c.req.method} ${c.req.path}（缺少权限 ${access.permission}）`,
        }),
      );
      throw new AppError('forbidden', { userMessage: '您没有执行此操作的权限' });
    }
    return next();
  };
}

/**
 * Checks a JSON answer against the route's declared schema (tests only, VALIDATE_RESPONSES=1): the schema is the
 * contract the web is typed by, so an answer that drifts from it fails the test that made the request.
 */
async function checkResponse(def: { method: string; path: string; response: z.ZodType | FileKind }, res: Response) {
  if (!res.ok || res.status === 204 || typeof def.response !== 'object') return;
  if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new Error(
      `${def.method.toUpperCase()} ${def.path}: 声明为 JSON，实际返回 ${res.headers.get('content-type')}`,
    );
  }
  const parsed = def.response.safeParse(await res.clone().json());
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`);
    throw new Error(`${def.method.toUpperCase()} ${def.path} 的响应与声明的 schema 不符：\n${issues.join('\n')}`);
  }
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

/**
 * The bytes of an upload route: only application/octet-stream (checked after the access guard, so a refused caller
 * learns nothing). The body-limit middleware has already cut it off at UPLOAD_MAX_MB. The type is sniffed from the
 * bytes by the service, never trusted.
 */
async function readUpload(c: Context<Env>): Promise<Uint8Array> {
  // The media type exactly (parameters allowed), as for JSON: 'application/octet-streamx' is not it.
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    throw new AppError('unsupported_media_type', { userMessage: '请以 application/octet-stream 上传文件内容' });
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

export function createRouter(app: OpenAPIHono<Env>, deps: AppDeps): Router {
  const routes: RouteMeta[] = [];
  return {
    routes,
    deps,
    route(def) {
      routes.push({
        method: def.method,
        path: def.path,
        access: def.access,
        scoped: def.scoped,
        summary: def.summary,
        upload: def.upload,
        bodyLimit: bodyClassOf(def),
      });
      const response: z.ZodType | FileKind = def.response;
      const okContent =
        typeof response === 'string'
          ? { [FILE_MEDIA_TYPES[response]]: { schema: z.string().meta({ format: 'binary' }) } }
          : { 'application/json': { schema: response } };
      const validate = (deps.env.VALIDATE_RESPONSES ?? (deps.env.NODE_ENV === 'test' ? '1' : '0')) === '1';
      const config = createRoute({
        method: def.method,
        path: def.path,
        tags: [def.tag],
        summary: def.summary,
        description:
          def.access === 'public'
            ? '公开'
            : def.access === 'authenticated'
              ? '需登录'
              : `需权限 ${def.access.permission}${def.scoped ? `，数据范围按${def.scoped.entity}检查` : ''}`,
        // The body is read only after the access guard (nothing of it for a refused caller), and never past its class.
        middleware: [accessGuard(def.access), limitBody(bodyClassOf(def), deps.env.UPLOAD_MAX_MB)] as const,
        request: {
          ...(def.params ? { params: def.params } : {}),
          ...(def.query ? { query: def.query } : {}),
          ...(def.body ? { body: { content: { 'application/json': { schema: def.body } }, required: true } } : {}),
          ...(def.upload
            ? { body: { content: { 'application/octet-stream': { schema: z.any() } }, required: true } }
            : {}),
        },
        responses: {
          [String(def.status ?? 200)]: { description: def.status === 201 ? '已创建' : '成功', content: okContent },
          400: errorResponse('输入有误：每个字段一条 { path, message }'),
          401: errorResponse('未登录'),
          403: errorResponse('无权限'),
          404: errorResponse('不存在或不在数据范围内'),
          409: errorResponse('冲突（并发修改、违反规则）'),
          413: errorResponse('提交的内容或文件过大'),
        },
      });
      // biome-ignore lint/suspicious/noExplicitAny: the typed OpenAPI handler is erased here on purpose
      (app as any).openapi(config, async (c: Context<Env>) => {
        const req = c.req as unknown as { valid(k: string): unknown };
        const res = await def.handler(c, {
          params: (def.params ? req.valid('param') : {}) as z.infer<typeof def.params & AnyZodObject>,
          query: (def.query ? req.valid('query') : {}) as never,
          body: (def.upload ? await readUpload(c) : def.body ? req.valid('json') : undefined) as never,
          ctx: c.get('ctx'),
          json: (data, status) => c.json(data as object, status ?? def.status ?? 200),
        });
        if (validate) await checkResponse({ method: def.method, path: def.path, response }, res);
        return res;
      });
    },
  };
}
