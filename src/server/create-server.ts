import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { createStreamBody } from '@hono/node-server/utils/stream';
import type { Context, Handler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getMimeType } from 'hono/utils/mime';
import { matchRoute, type RoutePreloads } from '../shared/route-preloads';
import { workingYearOf } from '../shared/working-year';
import { type CreatedApp, createApp, requestContext } from './app';
import { SESSION_COOKIE } from './auth/sessions';
import type { AppDeps } from './context';
import { listProgramYears } from './features/program-years/program-years.service';
import { acceptedEncoding, ENCODING_SUFFIX, type Encoding, isPrecompressedCopy } from './http/compression';
import { dataReadsOf, preloadsOf, readRoutePreloads, withPreloads, YEAR_SCOPED_READS } from './http/route-preloads';

/** Asset names carry their content hash: a changed file is a new URL, so a copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The file under `/assets/` a request names, or null: nothing outside dist/assets, no `..`, no sibling copies. */
function assetFile(assetsDir: string, path: string): string | null {
  // Hono has decoded the path once already; decoding again would let `%252e%252e` become `..`.
  const name = path.slice('/assets/'.length);
  const segments = name.split('/');
  if (!name || /[\\\0]/.test(name) || segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  if (isPrecompressedCopy(name)) return null;
  const file = resolve(assetsDir, name);
  return file.startsWith(assetsDir + sep) ? file : null;
}

async function fileSize(path: string): Promise<number | null> {
  const st = await stat(path).catch(() => null);
  return st?.isFile() ? st.size : null;
}

/**
 * dist/assets/*, each in the smallest encoding the client accepts: the .br or .gz copy the build wrote beside it
 * (vite.config.ts runs precompressDir after every build), else the file itself. @hono/node-server's
 * serveStatic({ precompressed }) comes close but matches Accept-Encoding tokens literally (`br;q=1` is not br,
 * `gzip;q=0.5` not gzip, no `*`) and sends Vary only on a compressed answer, so a shared cache that stored an
 * uncompressed one would give it to every client.
 */
function serveAssets(distDir: string): Handler {
  const assetsDir = resolve(distDir, 'assets');
  return async (c) => {
    const file = assetFile(assetsDir, c.req.path);
    const rawSize = file ? await fileSize(file) : null;
    // A missing chunk is a 404, not the SPA's index.html: a script tag must not receive a page.
    if (file === null || rawSize === null) return c.text('Not Found', 404);
    let path = file;
    let size = rawSize;
    const encoding = acceptedEncoding(c.req.header('Accept-Encoding'));
    if (encoding) {
      const copySize = await fileSize(file + ENCODING_SUFFIX[encoding]);
      if (copySize !== null) {
        path = file + ENCODING_SUFFIX[encoding];
        size = copySize;
        c.header('Content-Encoding', encoding);
      }
    }
    c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream');
    c.header('Content-Length', String(size));
    c.header('Cache-Control', IMMUTABLE);
    c.header('Vary', 'Accept-Encoding');
    // No file is opened for HEAD: nobody would read it.
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(createStreamBody(createReadStream(path)), 200);
  };
}

interface PageVariant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

type Variants = Map<Encoding | 'identity', PageVariant>;

function variantsOf(raw: Uint8Array, copies: (encoding: Encoding) => Uint8Array | null): Variants {
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 22);
  const variants: Variants = new Map([['identity', { body: new Uint8Array(raw), etag: `"${hash}"` }]]);
  for (const encoding of ['br', 'gzip'] as const) {
    const copy = copies(encoding);
    if (copy) variants.set(encoding, { body: new Uint8Array(copy), etag: `"${hash}-${encoding}"` });
  }
  return variants;
}

/** How many pages with preload links are kept built; one per route, more for a station's pages. */
const PAGES_KEPT = 500;

const compressHtml = (html: Uint8Array, encoding: Encoding) =>
  encoding === 'br'
    ? brotliCompressSync(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(html, { level: 9 });

/**
 * The SPA's index.html in each encoding the build wrote, read once. `no-cache` with an ETag: the browser asks every
 * time (so a new release is seen at once) and mostly hears 304, a few hundred bytes over 4G.
 *
 * A signed-in user's page (the session cookie is there) also names, as modulepreload links, every file the route of
 * the address needs beyond index.js (src/shared/route-preloads.ts): the browser fetches them side by side from the
 * start rather than in four steps, one round trip each over 4G (issue 16); and the API reads the page makes first.
 * Built once per route (and station, and year: the home page's reads name the year it opens on) and encoding.
 */
function indexPage(distDir: string, yearOf: YearOf): (c: Context) => Promise<Response> {
  const file = join(distDir, 'index.html');
  const raw = readFileSync(file);
  const plain = variantsOf(raw, (encoding) => {
    const copy = file + ENCODING_SUFFIX[encoding];
    return existsSync(copy) ? readFileSync(copy) : null;
  });
  const preloads = readRoutePreloads(distDir);
  const html = raw.toString('utf8');
  // Per route and, where the page's first reads name a parameter, per value (a station): the most recent ones.
  const pages = new Map<string, Variants>();
  const variantsFor = async (
    map: RoutePreloads,
    match: { index: number; params: Record<string, string> },
    c: Context,
  ): Promise<Variants> => {
    const pattern = map.routes[match.index].path;
    const year = YEAR_SCOPED_READS.has(pattern) ? await yearOf(c) : undefined;
    const reads = dataReadsOf(pattern, match.params, { year });
    const key = [match.index, ...reads].join(' ');
    let v = pages.get(key);
    if (!v) {
      const page = new TextEncoder().encode(withPreloads(html, preloadsOf(map, match.index), reads));
      v = variantsOf(page, (encoding) => compressHtml(page, encoding));
      if (pages.size >= PAGES_KEPT) pages.delete(pages.keys().next().value as string);
      pages.set(key, v);
    }
    return v;
  };
  return async (c) => {
    const route = preloads && getCookie(c, SESSION_COOKIE) ? matchRoute(preloads.routes, c.req.path) : null;
    const variants = preloads && route && route.index >= 0 ? await variantsFor(preloads, route, c) : plain;
    const encoding = acceptedEncoding(c.req.header('Accept-Encoding'));
    const compressed = encoding ? variants.get(encoding) : undefined;
    const chosen = compressed ?? variants.get('identity')!;
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding, Cookie');
    c.header('ETag', chosen.etag);
    const match = c.req.header('If-None-Match');
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === chosen.etag || tag.trim() === '*')) {
      return c.body(null, 304);
    }
    if (compressed && encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Content-Length', String(chosen.body.byteLength));
    return c.body(chosen.body, 200);
  };
}

/** The program year a year-scoped page will open on, for naming its first reads; undefined when unknown. */
type YearOf = (c: Context) => Promise<number | undefined>;

/**
 * As the web app chooses it (src/web/lib/working-year.ts): the address's `?year=`, else the visitor's working year,
 * which depends on the stations in its scope. The year a user last chose is kept in the browser, not known here: the
 * reads named for another year are then a request wasted, never a wrong answer. A failure names no year.
 */
function workingYearFor(deps: AppDeps): YearOf {
  return async (c) => {
    const asked = c.req.query('year');
    if (asked !== undefined) return /^\d{4}$/.test(asked) ? Number(asked) : undefined;
    try {
      const ctx = await requestContext(deps, c);
      if (!ctx.actor || ctx.actor.mustChangePassword) return undefined;
      return workingYearOf(await listProgramYears(ctx));
    } catch {
      return undefined;
    }
  };
}

/** The API plus the built web app (dist/), with the SPA's index.html for client-side routes. */
export function createServerApp(deps: AppDeps, distDir = resolve('dist')): CreatedApp {
  const created = createApp(deps);
  const { app } = created;
  if (existsSync(join(distDir, 'index.html'))) {
    app.get('/assets/*', serveAssets(distDir));
    app.use('/favicon.svg', serveStatic({ root: distDir }));
    const page = indexPage(distDir, workingYearFor(deps));
    app.get('*', async (c) => {
      if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: '接口不存在' } }, 404);
      return page(c);
    });
  }
  return created;
}
