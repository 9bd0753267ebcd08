import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors';
import type { Access } from './router';

/**
 * How many bytes a route reads (等保 2.0 资源控制; decision 015). Every route has a class, derived from what the
 * registry already knows about it, so a new route is bounded without anyone remembering to bound it:
 * - `small`: public routes (sign-in, registration) — anyone on the network can send them;
 * - `json`: every other JSON route — a form, a record, a report of 200,000 characters;
 * - `ledger`: a whole ledger as JSON (declared by the route: `bodyLimit: 'ledger'`);
 * - `upload`: the bytes of one file, UPLOAD_MAX_MB.
 */
export type BodyClass = 'small' | 'json' | 'ledger' | 'upload';

const KB = 1024;
const MB = 1024 * KB;

/**
 * Bytes per class (uploads: UPLOAD_MAX_MB). A year of a station's ledger weighs 60–120 kB as JSON and the heaviest
 * imaginable one (12,700 contacts, 2,000 listed enterprises, long reports) about 2 MB: 20 MB leaves room without
 * letting one request hold much of the server's memory.
 */
export const BODY_LIMITS = { small: 16 * KB, json: 1 * MB, ledger: 20 * MB } as const;

export function bodyClassOf(route: { access: Access; upload?: boolean; bodyLimit?: BodyClass }): BodyClass {
  if (route.bodyLimit) return route.bodyLimit;
  if (route.upload) return 'upload';
  return route.access === 'public' ? 'small' : 'json';
}

export function bodyLimitBytes(cls: BodyClass, uploadMaxMb: number): number {
  return cls === 'upload' ? uploadMaxMb * MB : BODY_LIMITS[cls];
}

function formatBytes(n: number): string {
  return n >= MB ? `${Number((n / MB).toFixed(1))} MB` : `${Number((n / KB).toFixed(1))} KB`;
}

function tooLarge(cls: BodyClass, max: number): AppError {
  if (cls === 'upload') {
    // Same words as the size check of the upload gate (accept.ts), so the user reads one message for one rule.
    const message = `文件过大：最大 ${formatBytes(max)}`;
    return new AppError('payload_too_large', { userMessage: message, issues: [{ path: 'file', message }] });
  }
  const what = cls === 'ledger' ? '台账数据' : '提交的内容';
  return new AppError('payload_too_large', { userMessage: `${what}过大：此接口最多接受 ${formatBytes(max)}` });
}

/**
 * Reads the body of a request up to `max` bytes and hands it to the route through Hono's body cache, so the JSON
 * validator and the upload reader take it from there; beyond `max` the request is answered 413 at once. A declared
 * Content-Length over the limit is refused before a byte is read; a chunked body (no Content-Length) is counted
 * while it streams, so no more than `max` bytes (plus one chunk) are ever held. The rest of a refused body is left
 * unread: the HTTP server discards it (or closes the connection) after sending the answer.
 */
export function limitBody(cls: BodyClass, uploadMaxMb: number): MiddlewareHandler {
  const max = bodyLimitBytes(cls, uploadMaxMb);
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > max) throw tooLarge(cls, max);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        // Not cancelled: cancelling the stream of a Node request destroys its socket before the 413 is written.
        reader.releaseLock();
        throw tooLarge(cls, max);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    // Hono keeps each read of the body as a promise in this cache (its type says the value), and json()/text() are
    // derived from a cached arrayBuffer: the route reads these bytes without a copy of the request.
    (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(bytes.buffer);
    return next();
  };
}
