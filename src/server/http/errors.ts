import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { AppError, conflict, type ErrorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  unsupported_media_type: 415,
  payload_too_large: 413,
  insufficient_storage: 507,
  /** retryable: the client may send the same request again (Retry-After) */
  unavailable: 503,
};

export function errorResponse(c: Context, err: AppError): Response {
  const body: ErrorBody = {
    error: { code: err.code, message: err.userMessage, ...(err.issues.length ? { issues: err.issues } : {}) },
  };
  return c.json(body, STATUS[err.code]);
}

/** One entry per bad field (the first broken rule), so a form shows one message under each field. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const i of error.issues) {
    const path = i.path.map(String).join('.') || '$';
    if (!byPath.has(path)) byPath.set(path, { path, message: i.message });
  }
  return [...byPath.values()];
}

/** A unique index refused a row: two requests created the same record at once. A conflict, not a server fault. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function onError(log: { error(o: object, m: string): void }) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status;
      const message =
        status === 415 ? '请求格式不支持：请以 application/json 提交' : status === 413 ? '提交的内容过大' : '请求有误';
      return c.json({ error: { code: status === 401 ? 'unauthenticated' : 'validation', message } }, status);
    }
    if (isUniqueViolation(err)) return errorResponse(c, conflict('该记录已存在（可能刚被他人创建），请刷新后重试'));
    log.error({ err }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员' } }, 500);
  };
}
