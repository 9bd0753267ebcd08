import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

// Issue 16 (a phone over 4G): the web bundle and the big JSON lists are text that shrinks 3–5×. The built files are
// compressed once, at build time, as hard as Brotli goes; API answers are compressed per request, fast. Only
// node:zlib: no native module, no npm dependency. This module is imported by vite.config.ts as well, so it must not
// import server code (only types).

/** Below this a compressed copy saves less than a round of headers costs; nginx's gzip_min_length has the same idea. */
export const COMPRESS_MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** Where the build leaves the compressed copy of a file (`index-abc.js` → `index-abc.js.br`). */
export const ENCODING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The built files that are text; images and fonts (png, woff2) are compressed already. */
const PRECOMPRESSED_NAME = /\.(?:js|css|html|svg|json)$/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A .br or .gz copy is not a file of its own: never compressed again, never served under its own name. */
export function isPrecompressedCopy(name: string): boolean {
  return Object.values(ENCODING_SUFFIX).some((suffix) => name.endsWith(suffix));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Writes a Brotli (quality 11) and a gzip (level 9) copy beside every text file of the build above
 * COMPRESS_MIN_BYTES: time spent once at build saves it on every download. A copy that is not smaller is not
 * written (the server then sends the file as it is). Returns the files that got copies.
 */
export async function precompressDir({ dir }: { dir: string }): Promise<string[]> {
  const candidates = (await filesUnder(dir)).filter((f) => PRECOMPRESSED_NAME.test(f));
  const done = await Promise.all(
    candidates.map(async (file) => {
      const raw = await readFile(file);
      if (raw.byteLength <= COMPRESS_MIN_BYTES) return null;
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
          },
        }),
        gzipped(raw, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      const writes: Promise<void>[] = [];
      if (br.byteLength < raw.byteLength) writes.push(writeFile(file + ENCODING_SUFFIX.br, br));
      if (gz.byteLength < raw.byteLength) writes.push(writeFile(file + ENCODING_SUFFIX.gzip, gz));
      await Promise.all(writes);
      return writes.length ? file : null;
    }),
  );
  return done.filter((f): f is string => f !== null);
}

/**
 * The encoding to answer with, from a request's Accept-Encoding (RFC 9110 §12.5.3): the one with the higher q,
 * Brotli on a tie (it is the smaller); `q=0` refuses one; `*` stands for any not named. Null: the bytes as they are.
 */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weightOf = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  const br = weightOf('br');
  const gz = Math.max(weightOf('gzip'), q.get('x-gzip') ?? 0);
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : null;
}

/** Adds Accept-Encoding to a Vary value (none, or a list without it); `*` already covers it. */
export function varyOnEncoding(current: string | null): string {
  if (!current) return 'Accept-Encoding';
  if (current.trim() === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

const isJson = (type: string | null) => (type ?? '').split(';')[0].trim().toLowerCase() === 'application/json';

/**
 * Compresses an API answer whose body is JSON and at least `threshold` bytes, for a client that accepts br or gzip.
 * Hono's own compress() was not enough here: it only does gzip/deflate, and it decides on the size by Content-Length,
 * which c.json() does not set, so it would compress a 20-byte /api/health too. The answer is already a whole string
 * in memory (c.json), so measuring it costs nothing; the compressed bytes get their exact Content-Length.
 * Downloads (xlsx, docx, zip, pdf, images) are not JSON and pass through untouched, streaming or not.
 */
export function compressJson({ threshold = COMPRESS_MIN_BYTES }: { threshold?: number } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // HEAD, 204 and 304 have no body; 206 is a byte range of the identity representation.
    if (c.req.method === 'HEAD' || !res.body || res.status === 206 || res.headers.has('Content-Encoding')) return;
    if (!isJson(res.headers.get('Content-Type'))) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    // The same URL may be large next time: a cache must keep the representations apart whenever JSON is answered.
    c.header('Vary', varyOnEncoding(res.headers.get('Vary')));
    const encoding = acceptedEncoding(c.req.header('Accept-Encoding'));
    const declared = res.headers.get('Content-Length');
    if (!encoding || (declared !== null && Number(declared) < threshold)) return;
    const raw = new Uint8Array(await c.res.arrayBuffer());
    if (raw.byteLength < threshold) {
      c.res = new Response(raw, c.res);
      return;
    }
    // Per request, so speed over ratio: Brotli 5 is about as fast as gzip 6 and still a fifth smaller.
    const packed =
      encoding === 'br'
        ? await brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
            },
          })
        : await gzipped(raw);
    c.res = new Response(packed as Uint8Array<ArrayBuffer>, c.res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(packed.byteLength));
    // A strong validator names exact bytes, which these no longer are.
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
