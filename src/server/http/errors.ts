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
  // A 503 tells the client it may send the same request again; when is the header's job (unless a route set it).
  if (err.code === 'unavailable' && !c.res.headers.has('Retry-After')) c.header('Retry-After', '5');
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

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  // Checked on the error and its cause: a wrapper (a blob store, a driver) may carry the system error inside.
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/**
 * The database or the storage volume is full: SQLite's SQLITE_FULL (disk, or max_page_count), PostgreSQL's 53100
 * disk_full, ENOSPC or EDQUOT from a file write. The transaction was rolled back; the user must not retry blindly.
 */
export function isStorageFull(err: unknown): boolean {
  return codesOf(err).some((c) => c === 'SQLITE_FULL' || c === '53100' || c === 'ENOSPC' || c === 'EDQUOT');
}

// SQLSTATE class 57P (the server shut the connection: admin_shutdown, crash_shutdown, cannot_connect_now) and 08
// (connection_exception), and the socket errors under them; pg's own messages for a connection that ended.
const CONNECTION_LOST = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);
const CONNECTION_LOST_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i;

/** The request failed because its database connection broke (restart, fail-over, a terminated backend). */
export function isConnectionLost(err: unknown): boolean {
  if (codesOf(err).some((c) => CONNECTION_LOST.has(c))) return true;
  return err instanceof Error && CONNECTION_LOST_MESSAGE.test(err.message);
}

export const STORAGE_FULL_MESSAGE = '服务器存储空间不足，本次提交未保存，请联系管理员';
export const CONNECTION_LOST_USER_MESSAGE = '数据库连接暂时中断，本次请求未完成，请稍后重试';

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
    // Both are the operator's problem, not a bug: the real cause goes to the log, the user gets what to do.
    if (isStorageFull(err)) {
      log.error({ err }, 'storage full: database or file storage has no space left');
      return errorResponse(c, new AppError('insufficient_storage', { userMessage: STORAGE_FULL_MESSAGE }));
    }
    if (isConnectionLost(err)) {
      log.error({ err }, 'database connection lost during the request');
      return errorResponse(c, new AppError('unavailable', { userMessage: CONNECTION_LOST_USER_MESSAGE }));
    }
    log.error({ err }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员' } }, 500);
  };
}
