// The one way the web talks to the server. It stays free of antd so that the sign-in page (which imports it) does
// not pull the UI library: the authenticated shell plugs in how errors are shown and how to navigate.
import {
  type EndpointInput,
  type EndpointOutput,
  type EndpointShape,
  endpointUrl,
  type FileKind,
} from '../../shared/api/endpoint';
import type { ErrorCode, FieldIssue } from '../../shared/errors';

export interface ApiErrorInit {
  /** the HTTP status; 0 when the server could not be reached */
  status: number;
  code: ApiError['code'];
  message: string;
  issues?: FieldIssue[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'internal' | 'network';
  readonly issues: FieldIssue[];
  constructor({ status, code, message, issues = [] }: ApiErrorInit) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export interface ApiHooks {
  /** Client-side navigation (the router's navigate once the app is mounted). */
  navigate: (to: string) => void;
  /** Shows an error message centrally (antd message once the shell is mounted). */
  notify: (err: ApiError) => void;
}

export const apiHooks: ApiHooks = {
  navigate: (to) => window.location.assign(to),
  notify: () => {},
};

export interface RequestOptions {
  /** The caller shows the error itself (a form, a "not found" result): no central message. */
  quiet?: boolean;
  /** A 401 is an answer here (sign-in, the first /me), not a reason to go to the sign-in page. */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

/** Same-origin path to come back to after signing in; never an absolute or protocol-relative URL. */
export function safeReturnPath(p: string | null | undefined): string {
  if (!p?.startsWith('/') || p.startsWith('//') || p.includes('\\') || p.startsWith('/login')) return '/';
  return p;
}

export function loginPath(returnTo = window.location.pathname + window.location.search): string {
  const next = safeReturnPath(returnTo);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's HTML error page): fall through to a generic message
  }
  const e = (body as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | null)?.error;
  if (e?.message)
    return new ApiError({
      status: res.status,
      code: (e.code ?? 'internal') as ApiError['code'],
      message: e.message,
      issues: e.issues ?? [],
    });
  const fallback =
    res.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : `请求失败（${res.status}），请稍后重试或联系管理员`;
  return new ApiError({
    status: res.status,
    code: res.status === 401 ? 'unauthenticated' : 'internal',
    message: fallback,
  });
}

function handleError(err: ApiError, opts: RequestOptions): void {
  if (err.status === 401 && !opts.allowUnauthenticated) {
    apiHooks.navigate(loginPath());
    return;
  }
  if (err.code === 'password_change_required') {
    if (window.location.pathname !== '/change-password') apiHooks.navigate('/change-password');
    return;
  }
  if (!opts.quiet) apiHooks.notify(err);
}

interface SendOptions extends RequestOptions {
  method: string;
  path: string;
  body: unknown;
}

async function send({ method, path, body, ...opts }: SendOptions): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', signal: opts.signal, headers: { accept: '*/*' } };
  if (method !== 'GET') {
    // The server refuses a non-GET without a JSON content type (cross-site request defence), so always send one.
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const err = new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' });
    if (!opts.quiet) apiHooks.notify(err);
    throw err;
  }
  if (!res.ok) {
    const err = await toApiError(res);
    handleError(err, opts);
    throw err;
  }
  return res;
}

interface JsonRequest extends RequestOptions {
  method: string;
  path: string;
  body?: unknown;
}

async function request<T>({ method, path, body, ...opts }: JsonRequest): Promise<T> {
  const res = await send({ method, path, body, ...opts });
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** `attachment; filename*=UTF-8''%E7%BB%84%E7%BB%87.xlsx` → 组织.xlsx */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: try the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Downloads a file (an Excel export) with the session cookie and saves it under the server's file name. */
export async function download(path: string, fallbackName = '导出.xlsx'): Promise<string> {
  const res = await send({ method: 'GET', path, body: undefined });
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * Uploads one file's bytes (application/octet-stream) to an upload route; the server sniffs the type from the bytes.
 * XMLHttpRequest rather than fetch, for an upload progress indicator on large ledgers and photos.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  opts: RequestOptions & { onProgress?: (percent: number) => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => {
      const err = new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' });
      if (!opts.quiet) apiHooks.notify(err);
      reject(err);
    };
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (res.ok) {
        resolve((await res.json()) as T);
        return;
      }
      const err = await toApiError(res.clone());
      (err as ApiError & { body?: unknown }).body = await res.json().catch(() => null);
      handleError(err, opts);
      reject(err);
    };
    xhr.send(file);
  });
}

// ------------------------------------------------------------------------------------------------------------------
// The typed client (decision 020): every call names an endpoint of src/shared/api, so its path, parameters, body and
// answer are checked by the compiler against the definition the server registers.

/** Calls a JSON endpoint: `call(stationsApi.get, { params: { id } })` → the endpoint's DTO. */
export function call<E extends EndpointShape>(
  e: E,
  input: EndpointInput<E>,
  opts: RequestOptions = {},
): Promise<EndpointOutput<E>> {
  const i = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  return request<EndpointOutput<E>>({ method: e.method.toUpperCase(), path: endpointUrl(e, i), body: i.body, ...opts });
}

/** The address of a GET endpoint, for a link or an image (`<img src>`, `<a href>` of an evidence file). */
export function urlOf<E extends EndpointShape & { method: 'get' }>(e: E, input: EndpointInput<E>): string {
  return endpointUrl(e, input as { params?: Record<string, unknown>; query?: Record<string, unknown> });
}

/** Downloads a file endpoint (an Excel or Word export) and saves it under the server's file name. */
export function downloadFrom<E extends EndpointShape & { method: 'get'; response: FileKind }>(
  e: E,
  input: EndpointInput<E>,
  fallbackName?: string,
): Promise<string> {
  return download(urlOf(e, input), fallbackName);
}

export interface UploadToOptions<E extends EndpointShape & { upload: true }> extends RequestOptions {
  endpoint: E;
  input: EndpointInput<E>;
  file: Blob;
  onProgress?: (percent: number) => void;
}

/** Uploads one file to an upload endpoint (`upload: true`), with progress. */
export function uploadTo<E extends EndpointShape & { upload: true }>({
  endpoint: e,
  input,
  file,
  ...opts
}: UploadToOptions<E>): Promise<EndpointOutput<E>> {
  const i = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return uploadFile<EndpointOutput<E>>(endpointUrl(e, i), file, opts);
}
