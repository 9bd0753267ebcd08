// A signed-in user's first page names every file it needs in its HTML (issue 16): the browser fetches the shell, the
// layout and the page side by side instead of in four steps, one 4G round trip each.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/sessions';
import { createServerApp } from '../../src/server/create-server';
import { precompressDir } from '../../src/server/http/compression';
import { SESSION_PROBE } from '../../src/server/http/route-preloads';
import { matchRoute, PRELOADS_FILE, type RoutePreloads } from '../../src/shared/route-preloads';
import { type ChunkInfo, preloadMap, routePagesOf } from '../../src/web/build/route-preloads';
import { ROUTES } from '../../src/web/routes';
import { createTestApp, type TestApp } from '../setup/test-app';

const ROUTES_FILE = resolve('src/web/routes.tsx');

describe('the route table, as the build reads it', () => {
  it('finds every route of src/web/routes.tsx with the module its page imports, in order', () => {
    const found = routePagesOf(readFileSync(ROUTES_FILE, 'utf8'), ROUTES_FILE);
    expect(found.map((r) => r.path)).toEqual(ROUTES.map((r) => r.path));
    expect(found.find((r) => r.path === '/stations/:id/ledger/:kind')?.module).toBe('./features/ledger/ledger-page');
    expect(found.find((r) => r.path === '/')?.module).toBe('./app/home');
  });

  it('matches an address to its route as the router does: literal segments before parameters', () => {
    const at = (path: string) => ROUTES[matchRoute(ROUTES, path).index]?.path ?? null;
    expect(at('/')).toBe('/');
    expect(at('/stations/01a2/ledger/events')).toBe('/stations/:id/ledger/:kind');
    expect(at('/stations/01a2/ledger/events/')).toBe('/stations/:id/ledger/:kind');
    expect(at('/stations/01a2')).toBe('/stations/:id');
    expect(at('/stations/01a2/kpis')).toBe('/stations/:id/kpis');
    expect(at('/organizations/import')).toBe('/organizations/import');
    expect(at('/login')).toBeNull();
    expect(at('/stations/01a2/nothing/here/at-all')).toBeNull();
  });
});

describe('preloadMap', () => {
  const chunk = (fileName: string, imports: string[], facadeModuleId: string | null, extra: Partial<ChunkInfo> = {}) =>
    ({ fileName, imports, facadeModuleId, isEntry: false, ...extra }) satisfies ChunkInfo;
  const chunks: ChunkInfo[] = [
    chunk('assets/index-1.js', ['assets/runtime-1.js'], '/app/index.html', { isEntry: true }),
    chunk('assets/runtime-1.js', [], null),
    chunk('assets/antd-1.js', ['assets/runtime-1.js'], null),
    chunk('assets/shell-1.js', ['assets/antd-1.js', 'assets/runtime-1.js'], '/app/src/web/app/shell.tsx', {
      css: ['assets/shell-1.css'],
    }),
    chunk('assets/routes-1.js', ['assets/antd-1.js'], null),
    chunk('assets/layout-1.js', ['assets/routes-1.js', 'assets/antd-1.js'], '/app/src/web/app/layout.tsx'),
    chunk('assets/select-1.js', ['assets/antd-1.js'], null),
    chunk('assets/home-1.js', ['assets/select-1.js', 'assets/routes-1.js'], '/app/src/web/app/home.tsx'),
    chunk('assets/ledger-1.js', ['assets/select-1.js'], '/app/src/web/features/ledger/ledger-page.tsx'),
  ];
  const map = preloadMap({
    chunks,
    commonModules: ['/app/src/web/app/shell.tsx', '/app/src/web/app/layout.tsx'],
    routes: [
      { path: '/', module: '/app/src/web/app/home.tsx' },
      { path: '/stations/:id/ledger/:kind', module: '/app/src/web/features/ledger/ledger-page.tsx' },
    ],
  });

  it('names what the shell and the layout need once, dependencies first, and nothing the entry loads already', () => {
    expect(map.common).toEqual([
      '/assets/antd-1.js',
      '/assets/shell-1.js',
      '/assets/shell-1.css',
      '/assets/routes-1.js',
      '/assets/layout-1.js',
    ]);
  });

  it('gives each route only the files its page adds', () => {
    expect(map.routes).toEqual([
      { path: '/', files: ['/assets/select-1.js', '/assets/home-1.js'] },
      { path: '/stations/:id/ledger/:kind', files: ['/assets/select-1.js', '/assets/ledger-1.js'] },
    ]);
  });

  it('refuses to build a map when a page has no chunk of its own (a route the build did not split)', () => {
    expect(() =>
      preloadMap({ chunks, commonModules: [], routes: [{ path: '/x', module: '/app/src/web/missing.tsx' }] }),
    ).toThrow(/\/x/);
  });
});

describe('the server', () => {
  let t: TestApp;
  let web: TestApp['app'];
  const dirs: string[] = [];
  const html = `<!doctype html><html><head><script type="module" crossorigin src="/assets/index-1.js"></script></head><body>${'<!-- 千企 -->'.repeat(120)}<div id="root"></div></body></html>`;
  const map: RoutePreloads = {
    common: ['/assets/antd-1.js', '/assets/shell-1.css', '/assets/layout-1.js'],
    routes: [
      { path: '/', files: ['/assets/home-1.js'] },
      { path: '/stations/:id/ledger/:kind', files: ['/assets/select-1.js', '/assets/ledger-1.js'] },
      { path: '/stations/:id', files: ['/assets/station-1.js', '/assets/x"><script>alert(1)</script>.js'] },
    ],
  };

  beforeAll(async () => {
    t = await createTestApp();
    const dist = mkdtempSync(join(tmpdir(), 'qianqi-preloads-'));
    dirs.push(dist);
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, 'index.html'), html);
    writeFileSync(join(dist, PRELOADS_FILE), JSON.stringify(map));
    await precompressDir({ dir: dist });
    web = createServerApp(t.deps, dist).app;
  });
  afterAll(async () => {
    await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const signedIn = { cookie: `${SESSION_COOKIE}=some-session` };
  const links = (page: string) => [...page.matchAll(/<link rel="(\w+)"(?: as="(\w+)")?[^>]* href="([^"]+)">/g)];

  it('names, in a signed-in page of the ledger, the session probe, its first reads, the shell and the page', async () => {
    const res = await web.request('/stations/01a2/ledger/events', { headers: signedIn });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Cookie');
    const page = await res.text();
    expect(links(page).map((m) => [m[1], m[2] ?? null, m[3]])).toEqual([
      ['preload', 'fetch', SESSION_PROBE],
      ['preload', 'fetch', '/api/v1/stations/01a2'],
      ['preload', 'fetch', '/api/v1/stations/01a2/events?page=1&amp;pageSize=20'],
      ['modulepreload', null, '/assets/antd-1.js'],
      ['preload', 'style', '/assets/shell-1.css'],
      ['modulepreload', null, '/assets/layout-1.js'],
      ['modulepreload', null, '/assets/select-1.js'],
      ['modulepreload', null, '/assets/ledger-1.js'],
    ]);
    // After index.js, so that the browser asks for it first.
    expect(page.indexOf('index-1.js')).toBeLessThan(page.indexOf('antd-1.js'));
    expect(page.indexOf('</head>')).toBeGreaterThan(page.indexOf('ledger-1.js'));
  });

  it('sends the same page Brotli-compressed, with its own validator, and answers 304 to it', async () => {
    const plain = await (await web.request('/', { headers: signedIn })).text();
    const res = await web.request('/', { headers: { ...signedIn, 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
    expect(plain).toContain('href="/assets/home-1.js"');
    const again = await web.request('/', {
      headers: { ...signedIn, 'accept-encoding': 'br', 'if-none-match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    const signedOut = await web.request('/', { headers: { 'accept-encoding': 'br' } });
    expect(signedOut.headers.get('etag')).not.toBe(res.headers.get('etag'));
  });

  it('names nothing for a visitor without a session, on the sign-in page, or at an address of no route', async () => {
    expect(await (await web.request('/stations/01a2/ledger/events')).text()).toBe(html);
    expect(await (await web.request('/login', { headers: signedIn })).text()).toBe(html);
    expect(await (await web.request('/no/such/page/here', { headers: signedIn })).text()).toBe(html);
  });

  it('never writes a file name that is not a plain path into the page', async () => {
    const page = await (await web.request('/stations/01a2', { headers: signedIn })).text();
    expect(page).toContain('href="/assets/station-1.js"');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('fills a read only with a plain id from the address; another station gets its own reads', async () => {
    const odd = await (await web.request('/stations/a%22b/ledger/events', { headers: signedIn })).text();
    expect(odd).toContain('href="/assets/ledger-1.js"');
    expect(odd).not.toContain('/api/v1/stations/a');
    const other = await (await web.request('/stations/01b7/ledger/contacts', { headers: signedIn })).text();
    expect(other).toContain('href="/api/v1/stations/01b7/contacts?page=1&amp;pageSize=20"');
    expect(other).not.toContain('01a2');
    // Not a kind of record: the station only.
    const bogus = await (await web.request('/stations/01b7/ledger/nothing', { headers: signedIn })).text();
    expect(bogus).toContain('href="/api/v1/stations/01b7"');
    expect(bogus).not.toContain('/api/v1/stations/01b7/nothing');
  });

  it('names the years and the inbox on the home page of a session it does not know', async () => {
    const home = await (await web.request('/', { headers: signedIn })).text();
    expect(
      links(home)
        .filter((m) => m[2] === 'fetch')
        .map((m) => m[3]),
    ).toEqual([SESSION_PROBE, '/api/v1/program-years', '/api/v1/inbox']);
  });

  it('names, on a signed-in home page, the year’s overview, stations and districts: the working year, or the address’s', async () => {
    const cookie = await t.login('host');
    const years = (await t.call(cookie, 'GET', '/api/v1/program-years')).json.items as Array<{
      year: number;
      working: boolean;
    }>;
    const working = years.find((y) => y.working)?.year;
    expect(working).toBeDefined();
    const reads = async (path: string) =>
      links(await (await web.request(path, { headers: { cookie } })).text())
        .filter((m) => m[2] === 'fetch')
        .map((m) => m[3].replaceAll('&amp;', '&'));
    const forYear = (y: number) => [
      `/api/v1/home/overview?year=${y}`,
      `/api/v1/stations?year=${y}&page=1&pageSize=200`,
      `/api/v1/districts?year=${y}`,
    ];
    const always = [SESSION_PROBE, '/api/v1/program-years', '/api/v1/inbox'];
    expect(await reads('/')).toEqual([...always, ...forYear(working!)]);
    expect(await reads('/?year=2019')).toEqual([...always, ...forYear(2019)]);
    // Not a year: the page falls back to its working year, which the server does not guess at.
    expect(await reads('/?year=all')).toEqual(always);
    // A session that has ended names no year.
    await t.call(cookie, 'DELETE', '/api/v1/sessions/current');
    expect(await reads('/')).toEqual(always);
  });
});
