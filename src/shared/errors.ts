/** Domain error codes. Services throw AppError; the server maps codes to HTTP status once (see server/http/errors.ts). */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'password_change_required'
  | 'payload_too_large'
  | 'insufficient_storage'
  | 'unavailable';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, opts: { userMessage: string; issues?: FieldIssue[] }) {
    super(opts.userMessage);
    this.code = code;
    this.userMessage = opts.userMessage;
    this.issues = opts.issues ?? [];
  }
}

export const notFound = (what = '记录') => new AppError('not_found', { userMessage: `${what}不存在或您无权查看` });
export const forbidden = (why = '您没有执行此操作的权限') => new AppError('forbidden', { userMessage: why });
export const conflict = (why: string) => new AppError('conflict', { userMessage: why });
export const invalid = (issues: FieldIssue[], userMessage = '提交的数据有误，请检查标出的字段') =>
  new AppError('validation', { userMessage, issues });

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[] };
}
