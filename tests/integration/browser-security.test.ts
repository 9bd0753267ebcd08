// What the browser is told (CSP, Permissions-Policy, HSTS) and which write requests the API takes from it: only from
// the configured public address and only as JSON (issue #11 §浏览器与会话, decision 019).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/create-server';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { rawRequest } from './support/fixtures';

let t: TestApp | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function fresh(env: Record<string, string> = {}): Promise<TestApp> {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000', ...env } });
  return t;
}

/** The app as `npm start` serves it, over a dist/ holding the given index.html. */
function served(app: TestApp, indexHtml = '<!doctype html><html><body><div id="root"></div></body></html>') {
  const dist = mkdtempSync(join(tmpdir(), 'qianqi-dist-'));
  dirs.push(dist);
  writeFileSync(join(dist, 'index.html'), indexHtml);
  return createServerApp(app.deps, dist).app;
}

const signIn = (app: TestApp, headers: Record<string, string>, url = '/api/v1/sessions') =>
  rawRequest(app, 'POST', url, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'center', password: PASSWORD }),
  });

describe('headers of the web app', () => {
  it('sends a Content-Security-Policy without inline script on every page of the web app', async () => {
    const app = await fresh();
    const web = served(app);
    for (const path of ['/', '/login', '/stations/some-id']) {
      const res = await web.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives, path).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'connect-src': "'self'",
        'frame-ancestors': "'none'",
        'base-uri': "'none'",
        'form-action': "'self'",
        'object-src': "'none'",
      });
      // antd writes <style> elements at run time; nothing may run a script that is not one of our files.
      expect(directives['style-src']).toBe("'self' 'unsafe-inline'");
      expect(directives['script-src']).not.toContain('unsafe');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    // API answers are data or downloads: nothing in them may load or run.
    const api = await web.request('/api/v1/no-such-thing');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('a script file carries nosniff but not the document-only policies a phone would download fifty times over', async () => {
    const app = await fresh();
    const dist = mkdtempSync(join(tmpdir(), 'qianqi-dist-'));
    dirs.push(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><body></body></html>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'page-AbCd1234.js'), 'export const x = 1;');
    const res = await createServerApp(app.deps, dist).app.request('/assets/page-AbCd1234.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    for (const h of ['permissions-policy', 'x-frame-options', 'referrer-policy'])
      expect(res.headers.get(h), h).toBeNull();
  });

  it('the page the server sends has no inline script, so script-src self loses nothing', () => {
    // The source page; Vite adds only <script src> and <link> to it (checked on the build by the e2e specs).
    const html = readFileSync('index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('turns device features off, and sends HSTS only behind HTTPS (COOKIE_SECURE=1)', async () => {
    const plain = await fresh();
    const res = await served(plain).request('/');
    const policy = res.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(policy, feature).toContain(`${feature}=()`);
    }
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect((await plain.call(null, 'GET', '/api/health')).res.headers.get('strict-transport-security')).toBeNull();
    await plain.close();
    t = null;

    const secure = await fresh({ COOKIE_SECURE: '1' });
    const page = await served(secure).request('/');
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const health = await secure.call(null, 'GET', '/api/health');
    expect(health.res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('cross-site write requests', () => {
  it('with PUBLIC_URL compares Origin with it, not with the Host header the request carries', async () => {
    const app = await fresh({ PUBLIC_URL: 'https://qianqi.example.gov.cn' });
    // Before: a request naming evil.example as both its Host and its Origin passed as "same origin".
    const forged = await signIn(
      app,
      { host: 'evil.example', origin: 'http://evil.example' },
      'http://evil.example/api/v1/sessions',
    );
    expect(forged.status).toBe(403);
    expect(forged.json.error).toEqual({ code: 'forbidden', message: '拒绝跨站请求' });
    expect(forged.res.headers.get('set-cookie')).toBeNull();
    // The app's own address, as the browser sees it behind the proxy, whatever Host reaches the app.
    const own = await signIn(app, { host: '10.0.0.5:3000', origin: 'https://qianqi.example.gov.cn' });
    expect(own.status, JSON.stringify(own.json)).toBe(201);
    // The scheme counts: the http:// form of the address is another origin.
    expect((await signIn(app, { origin: 'http://qianqi.example.gov.cn' })).status).toBe(403);
    expect(await app.deps.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
  });

  it('still accepts the origins listed in ALLOWED_ORIGINS, with or without PUBLIC_URL', async () => {
    const withPublic = await fresh({
      PUBLIC_URL: 'https://qianqi.example.gov.cn',
      ALLOWED_ORIGINS: 'https://portal.example.gov.cn, https://other.example.gov.cn',
    });
    for (const origin of ['https://portal.example.gov.cn', 'https://other.example.gov.cn']) {
      const r = await signIn(withPublic, { origin, 'sec-fetch-site': 'same-site' });
      expect(r.status, origin).toBe(201);
    }
    expect((await signIn(withPublic, { origin: 'https://evil.example' })).status).toBe(403);
    await withPublic.close();
    t = null;

    const without = await fresh({ ALLOWED_ORIGINS: 'https://portal.example.gov.cn' });
    expect((await signIn(without, { origin: 'https://portal.example.gov.cn' })).status).toBe(201);
  });

  it('without PUBLIC_URL (development) takes the request’s own address, as before', async () => {
    const app = await fresh();
    const own = await signIn(
      app,
      { host: 'localhost:3000', origin: 'http://localhost:3000' },
      'http://localhost:3000/api/v1/sessions',
    );
    expect(own.status, JSON.stringify(own.json)).toBe(201);
    expect((await signIn(app, { host: 'localhost:3000', origin: 'http://evil.example' })).status).toBe(403);
  });

  it('takes application/json exactly, with or without parameters, and nothing that merely starts like it', async () => {
    const app = await fresh();
    const c = await app.login('center');
    // Signing out takes no declared body, so only the API's own check stands between it and any body type.
    for (const type of ['application/jsonx', 'application/json-seq', 'application/json2; charset=utf-8']) {
      const r = await rawRequest(app, 'DELETE', '/api/v1/sessions/current', {
        cookie: c,
        headers: { 'content-type': type },
        body: '{}',
      });
      expect(r.status, type).toBe(415);
      expect(r.json.error).toEqual({
        code: 'unsupported_media_type',
        message: '请求格式不支持：请以 application/json 提交',
      });
    }
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(200);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      const r = await rawRequest(app, 'POST', '/api/v1/sessions', {
        headers: { 'content-type': type },
        body: JSON.stringify({ username: 'center', password: PASSWORD }),
      });
      expect(r.status, type).toBe(201);
    }
    const out = await rawRequest(app, 'DELETE', '/api/v1/sessions/current', {
      cookie: c,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    // Uploads take application/octet-stream just as exactly.
    const host = await app.login('host');
    const stations = await app.call(host, 'GET', '/api/v1/stations');
    const upload = `/api/v1/stations/${stations.json.items[0].id}/ledger/xlsx?dryRun=1`;
    for (const type of ['application/octet-streamx', 'application/octet-stream-x; a=b']) {
      const r = await rawRequest(app, 'POST', upload, { cookie: host, headers: { 'content-type': type }, body: 'x' });
      expect(r.status, type).toBe(415);
      expect(r.json.error.message).toBe('请以 application/octet-stream 上传文件内容');
    }
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(401);
  });
});
