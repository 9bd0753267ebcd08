import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { districtsApi } from '../../shared/api/districts';
import { endpointUrl } from '../../shared/api/endpoint';
import { inboxApi } from '../../shared/api/inbox';
import { programYearsApi } from '../../shared/api/program-years';
import { recordsApi } from '../../shared/api/records';
import { stationsApi } from '../../shared/api/stations';
import { RECORD_KINDS, type RecordKind } from '../../shared/record-kinds';
import { PRELOADS_FILE, type RoutePreloads } from '../../shared/route-preloads';

/** The build's preload map, or null when the build wrote none (an older build; the page then works as before). */
export function readRoutePreloads(distDir: string): RoutePreloads | null {
  const file = join(distDir, PRELOADS_FILE);
  if (!existsSync(file)) return null;
  const map = JSON.parse(readFileSync(file, 'utf8')) as RoutePreloads;
  return Array.isArray(map.common) && Array.isArray(map.routes) ? map : null;
}

/** The files a route's page needs beyond index.js: the shell's and layout's, then the page's. */
export function preloadsOf(map: RoutePreloads, route: number): string[] {
  return [...map.common, ...(map.routes[route]?.files ?? [])];
}

const PARAM_VALUE = /^[\w-]{1,80}$/;

/** What the server knows of the visitor when it writes the page: the program year the page opens on, if known. */
export interface ReadContext {
  year?: number;
}

/**
 * The API reads a page makes first, for every role, by the route of the address: named in its HTML so that they travel
 * with its code rather than after it (issue 16, decision 027). Built from the endpoints of src/shared/api with the
 * query the page sends (same keys, same order: `endpointUrl` writes both), so they are the very URLs the page asks
 * for; a read the page asks differently (another page size, another year) is asked again, so a wrong entry costs a
 * request, never a wrong answer. The ledger page waits for its station, then its records; the home page for the
 * years, then the year's overview, stations and districts (decision 029: the server names the year the page will
 * choose, from the address or else the visitor's working year).
 */
const FIRST_READS: Record<string, (params: Record<string, string>, context: ReadContext) => string[]> = {
  '/': (_, { year }) => [
    endpointUrl(programYearsApi.list),
    endpointUrl(inboxApi.inbox),
    ...(year === undefined
      ? []
      : [
          endpointUrl(districtsApi.homeOverview, { query: { year } }),
          endpointUrl(stationsApi.list, { query: { year, page: 1, pageSize: 200 } }),
          endpointUrl(districtsApi.list, { query: { year } }),
        ]),
  ],
  '/stations/:id/ledger/:kind': ({ id, kind }) => [
    endpointUrl(stationsApi.get, { params: { id } }),
    ...(isRecordKind(kind)
      ? [endpointUrl(recordsApi[kind].list, { params: { id }, query: { page: 1, pageSize: 20 } })]
      : []),
  ],
};

/** The routes whose first reads name the program year: only for these does the server look the year up. */
export const YEAR_SCOPED_READS: ReadonlySet<string> = new Set(['/']);

const isRecordKind = (k: string | undefined): k is RecordKind => RECORD_KINDS.includes(k as RecordKind);

/** A route's first reads, for an address whose parameters are plain ids (letters, digits, `-`, `_`); else none. */
export function dataReadsOf(pattern: string, params: Record<string, string>, context: ReadContext = {}): string[] {
  const reads = FIRST_READS[pattern];
  if (!reads || Object.values(params).some((v) => !PARAM_VALUE.test(v))) return [];
  const year = context.year !== undefined && Number.isInteger(context.year) ? context.year : undefined;
  return reads(params, { year });
}

/**
 * The app's first question, whether the visitor is signed in (src/web/lib/session.ts), asked by the HTML: index.js
 * would ask it only once it has arrived and run, and over 4G its answer then queued behind the files preloaded here.
 * `crossorigin` (same-origin credentials) so that the app's own fetch of the same address takes this answer.
 */
export const SESSION_PROBE = '/api/v1/sessions/current';

const SAFE_URL = /^\/[\w./-]+$/;
/** an API read: a plain path under /api/, with an optional plain query */
const SAFE_READ = /^\/api\/[\w./-]+(\?[\w=&.-]*)?$/;

/**
 * index.html with a preload link per file, at the end of its head: after index.js, which the browser then asks for
 * first. Scripts as modulepreload (crossorigin, as Vite's own tags, so the preloaded copy is the one `import()`
 * uses), styles as preload. A name that is not a plain path is left out rather than written into the page.
 */
export function withPreloads(html: string, files: string[], reads: string[] = []): string {
  const fetches = [SESSION_PROBE, ...reads]
    .filter((f) => SAFE_READ.test(f))
    .map((f) => `<link rel="preload" as="fetch" crossorigin href="${f.replaceAll('&', '&amp;')}">`);
  const links = files
    .filter((f) => SAFE_URL.test(f))
    .map((f) =>
      f.endsWith('.css')
        ? `<link rel="preload" as="style" href="${f}">`
        : `<link rel="modulepreload" crossorigin href="${f}">`,
    );
  const all = [...fetches, ...links];
  if (!html.includes('</head>')) return html;
  return html.replace('</head>', `    ${all.join('\n    ')}\n  </head>`);
}
