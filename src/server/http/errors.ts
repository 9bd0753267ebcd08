import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { AppError, type ErrorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
};

export function errorResponse(c: Context, err: AppError): Response {
  const body: ErrorBody = {
    error: { code: err.code, message: err.userMessage, ...(err.issues.length ? { issues: err.issues } : {}) },
  };
  return c.json(body, STATUS[err.code]);
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '$', message: i.message }));
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
    log.error({ err }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员' } }, 500);
  };
}
