// What goes on the wire to a phone over 4G (issue 16): the built files go out Brotli- or gzip-compressed as the
// browser asks, from copies made at build time; big JSON answers are compressed per request; downloads that are
// compressed already (xlsx) are left alone.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/create-server';
import { acceptedEncoding, precompressDir } from '../../src/server/http/compression';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Text that compresses like a bundle does: repetitive, well above 1 kB. */
const bundleText = (label: string, lines = 200) =>
  Array.from({ length: lines }, (_, i) => `export const ${label}${i} = () => "第${i}个站点的绩效指标";`).join('\n');

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('precompressDir (the build step)', () => {
  it('writes a .br and a .gz beside each js, css, html, svg and json file over 1 kB, and nothing else', async () => {
    const dir = tempDir('qianqi-precompress-');
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
    const big = {
      'assets/index-abc.js': bundleText('a'),
      'assets/index-abc.css': Array.from({ length: 100 }, (_, i) => `.c${i}{color:#1677ff;margin:${i}px}`).join('\n'),
      'index.html': `<!doctype html><html><body>${'<div class="x">千企</div>'.repeat(80)}</body></html>`,
      'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(60)}</svg>`,
      '.vite/manifest.json': JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ file: `assets/x-${i}.js` }))),
    };
    const left = {
      'assets/small-abc.js': 'export const x = 1;',
      // exactly 1 kB is not "over" it
      'assets/edge-abc.js': 'x'.repeat(1024),
      // images and fonts are compressed already
      'assets/logo-abc.png': 'p'.repeat(5000),
      'assets/font-abc.woff2': 'f'.repeat(5000),
    };
    for (const [name, text] of Object.entries({ ...big, ...left })) writeFileSync(join(dir, name), text);

    const done = await precompressDir({ dir });

    expect(done.map((f) => f.slice(dir.length + 1)).sort()).toEqual(Object.keys(big).sort());
    for (const [name, text] of Object.entries(big)) {
      const file = join(dir, name);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString('utf8'), name).toBe(text);
      expect(gunzipSync(readFileSync(`${file}.gz`)).toString('utf8'), name).toBe(text);
      expect(readFileSync(`${file}.br`).byteLength, name).toBeLessThan(Buffer.byteLength(text));
    }
    for (const name of Object.keys(left)) {
      expect(existsSync(join(dir, `${name}.br`)), name).toBe(false);
      expect(existsSync(join(dir, `${name}.gz`)), name).toBe(false);
    }
    // Run again (a rebuild into the same folder): the copies are not compressed once more.
    await precompressDir({ dir });
    expect(existsSync(join(dir, 'assets/index-abc.js.br.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets/index-abc.js.gz.br'))).toBe(false);
  });
});

describe('Accept-Encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['br;q=1, gzip;q=1', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', null],
  ])('%j → %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});

describe('the server', () => {
  let t: TestApp;
  let web: TestApp['app'];
  let dist: string;
  const js = bundleText('s', 400);
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body>${'<!-- 千企 -->'.repeat(120)}<div id="root"></div></body></html>`;

  beforeAll(async () => {
    t = await createTestApp();
    const root = tempDir('qianqi-served-');
    dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), html);
    writeFileSync(join(dist, 'assets', 'index-abc.js'), js);
    writeFileSync(join(dist, 'assets', 'tiny-abc.js'), 'export {};');
    // Beside dist/, where no request may reach.
    writeFileSync(join(root, 'secret.txt'), 'DATABASE_URL=postgres://secret');
    await precompressDir({ dir: dist });
    web = createServerApp(t.deps, dist).app;
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    web.request(path, { method, headers });

  it('serves index-*.js as Brotli when the browser accepts br, with the immutable cache header', async () => {
    const res = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(js) / 3);
    expect(brotliDecompressSync(bytes).toString('utf8')).toBe(js);
  });

  it('serves it gzip-compressed to a client that accepts only gzip', async () => {
    const res = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(gunzipSync(bytes).toString('utf8')).toBe(js);
  });

  it('serves the file as it is when no encoding is accepted, or both are refused with q=0', async () => {
    const refusals: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
      { 'accept-encoding': 'identity' },
    ];
    for (const headers of refusals) {
      const res = await get('/assets/index-abc.js', headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding'), JSON.stringify(headers)).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(js)));
      expect(await res.text()).toBe(js);
    }
  });

  it('sends a file too small to have copies as it is, and answers HEAD with the length and no body', async () => {
    const tiny = await get('/assets/tiny-abc.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {};');
    const head = await get('/assets/index-abc.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(Number(head.headers.get('content-length'))).toBe(readFileSync(join(dist, 'assets/index-abc.js.br')).length);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for a missing asset, a compressed copy asked by name, and any path leaving dist/assets', async () => {
    for (const path of [
      '/assets/missing-abc.js',
      '/assets/index-abc.js.br',
      '/assets/index-abc.js.gz',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt',
      '/assets/..\\..\\secret.txt',
      '/assets/',
    ]) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' });
      const body = await res.text();
      expect(body, path).not.toContain('DATABASE_URL');
      // `%2e%2e` and `\` are dots and slashes to the URL parser: those never reach /assets/ at all.
      if (new URL(path, 'http://localhost').pathname.startsWith('/assets/')) {
        expect(res.status, path).toBe(404);
        expect(body, path).not.toContain('<!doctype html>');
      }
    }
  });

  it('sends index.html compressed when asked, never cached without asking (no-cache), revalidated by ETag', async () => {
    const br = await get('/stations/some-id', { 'accept-encoding': 'br, gzip' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-type')).toMatch(/^text\/html/);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('no-cache');
    expect(br.headers.get('vary')).toBe('Accept-Encoding, Cookie');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(html);

    const plain = await get('/');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(await plain.text()).toBe(html);
    // Each representation has its own validator.
    expect(plain.headers.get('etag')).not.toBe(br.headers.get('etag'));

    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('/', { 'if-none-match': br.headers.get('etag')! });
    expect(other.status).toBe(200);
  });

  it('compresses a large JSON answer for a client that accepts gzip or br', async () => {
    const gz = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toMatch(/^application\/json/);
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/);
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(gz.headers.get('content-length')).toBe(String(gzBytes.byteLength));
    expect(JSON.parse(gunzipSync(gzBytes).toString('utf8')).openapi).toBe('3.1.0');

    const br = await get('/api/v1/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).openapi).toBe(
      '3.1.0',
    );

    const plain = await get('/api/v1/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).openapi).toBe('3.1.0');

    const head = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers.get('content-encoding')).toBeNull();
    expect(await head.text()).toBe('');
  });

  it('compresses a signed-in list checked against its schema (VALIDATE_RESPONSES); a sign-in keeps its cookie', async () => {
    const cookie = await t.login('center');
    const res = await get('/api/v1/stations?pageSize=100', { cookie, 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(page.items.length).toBeGreaterThan(10);

    const login = await web.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ username: 'center', password: PASSWORD }),
    });
    expect(login.status).toBe(201);
    expect(login.headers.getSetCookie()).toHaveLength(1);
  });

  it('leaves a small JSON answer, an error and an xlsx download uncompressed', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.headers.get('content-encoding')).toBeNull();
    expect((await health.json()).status).toBe('ok');

    const missing = await get('/api/v1/no-such-thing', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect((await missing.json()).error.code).toBe('not_found');

    const cookie = await t.login('center');
    const xlsx = await get('/api/v1/stations/export', { cookie, 'accept-encoding': 'br, gzip' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(xlsx.headers.get('content-encoding')).toBeNull();
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
