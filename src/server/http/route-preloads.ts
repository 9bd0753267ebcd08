import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * The app's first question, whether the visitor is signed in (src/web/lib/session.ts), asked by the HTML: index.js
 * would ask it only once it has arrived and run, and over 4G its answer then queued behind the files preloaded here.
 * `crossorigin` (same-origin credentials) so that the app's own fetch of the same address takes this answer.
 */
export const SESSION_PROBE = '/api/v1/sessions/current';

const SAFE_URL = /^\/[\w./-]+$/;

/**
 * index.html with a preload link per file, at the end of its head: after index.js, which the browser then asks for
 * first. Scripts as modulepreload (crossorigin, as Vite's own tags, so the preloaded copy is the one `import()`
 * uses), styles as preload. A name that is not a plain path is left out rather than written into the page.
 */
export function withPreloads(html: string, files: string[]): string {
  const links = [SESSION_PROBE, ...files]
    .filter((f) => SAFE_URL.test(f))
    .map((f) =>
      f === SESSION_PROBE
        ? `<link rel="preload" as="fetch" crossorigin href="${f}">`
        : f.endsWith('.css')
          ? `<link rel="preload" as="style" href="${f}">`
          : `<link rel="modulepreload" crossorigin href="${f}">`,
    );
  if (!links.length || !html.includes('</head>')) return html;
  return html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
}
