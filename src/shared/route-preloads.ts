/**
 * The files a signed-in user's first page needs (issue 16): written by the web build (src/web/build/route-preloads.ts)
 * into dist/.vite/route-preloads.json, read by the server, which names them in that page's HTML.
 */
export interface RoutePreloads {
  /** the shell's, the layout's and the route table's files, in the order they are needed */
  common: string[];
  /** per route, in the order of the route table: its pattern and the files its page adds to `common` */
  routes: Array<{ path: string; files: string[] }>;
}

export const PRELOADS_FILE = '.vite/route-preloads.json';

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

/**
 * The route an address opens, as the router ranks them: every segment matches (`:name` matches any one segment) and,
 * of several, the one with the most literal segments (`/stations/new` before `/stations/:id`); with the values of its
 * parameters. Index -1 (and no parameters) for none.
 */
export function matchRoute(
  routes: ReadonlyArray<{ path: string }>,
  pathname: string,
): { index: number; params: Record<string, string> } {
  const want = segmentsOf(pathname);
  let best = -1;
  let bestLiterals = -1;
  routes.forEach((r, i) => {
    const pattern = segmentsOf(r.path);
    if (pattern.length !== want.length) return;
    let literals = 0;
    for (let k = 0; k < pattern.length; k++) {
      if (pattern[k].startsWith(':')) continue;
      if (pattern[k] !== want[k]) return;
      literals++;
    }
    if (literals > bestLiterals) {
      best = i;
      bestLiterals = literals;
    }
  });
  const params: Record<string, string> = {};
  if (best >= 0) {
    segmentsOf(routes[best].path).forEach((seg, k) => {
      if (seg.startsWith(':')) params[seg.slice(1)] = want[k];
    });
  }
  return { index: best, params };
}
