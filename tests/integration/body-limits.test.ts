// Request bodies are bounded before they are read (issue #11, 等保 2.0 资源控制; decision 015): each route has a class
// derived from the registry (public → 16 KB, JSON → 1 MB, the ledger's JSON import → 20 MB, uploads → UPLOAD_MAX_MB),
// a declared Content-Length over it is refused at once and a chunked body is cut off while it streams — 413 with a
// Chinese message, nothing read beyond the limit, nothing written.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerInput } from '../../src/domain/ledger/schema';
import { createApp } from '../../src/server/app';
import { loadEnv } from '../../src/server/env';
import { BODY_LIMITS, bodyClassOf } from '../../src/server/http/body-limit';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { CHINESE, count, demoIds, rawRequest, snapshot } from './support/fixtures';
import { DOCX, freshUscc, ledgerFor } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
beforeAll(async () => {
  host = await t.login('host');
});
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A body of `total` bytes that starts with `prefix` and is never announced by a Content-Length: the stream counts
 * how much the server pulled from it, which shows where reading stopped.
 */
function countedStream(prefix: string, total: number) {
  const head = new TextEncoder().encode(prefix);
  const pad = new Uint8Array(CHUNK).fill(0x78); // 'x'
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const chunk = state.pulled === 0 ? head : pad.subarray(0, Math.min(CHUNK, total - state.pulled));
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

async function streamed(
  app: TestApp['app'],
  path: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
) {
  const res = await app.request(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: res.status, json: (await res.json()) as { error: { code: string; message: string } } };
}

describe('a route’s body class comes from the registry', () => {
  it('every public route is small, uploads follow UPLOAD_MAX_MB, the ledger’s JSON import is the only larger JSON', () => {
    const classes = t.routes.filter((r) => r.method !== 'get').map((r) => [`${r.method} ${r.path}`, bodyClassOf(r)]);
    for (const r of t.routes) {
      if (r.access === 'public') expect(bodyClassOf(r), r.path).toBe('small');
      if (r.upload) expect(bodyClassOf(r), r.path).toBe('upload');
    }
    expect(classes.filter(([, c]) => c === 'ledger')).toEqual([['post /api/v1/stations/{id}/ledger', 'ledger']]);
  });
});

describe('sign-in and other public routes take 16 KB', () => {
  it('an oversized JSON body to sign-in is refused with 413 in Chinese, and nothing is written', async () => {
    const before = await snapshot(t, ['sessions', 'audit_events', 'audit_head', 'users']);
    const body = JSON.stringify({ username: 'center', password: PASSWORD, pad: 'x'.repeat(BODY_LIMITS.small) });
    const r = await rawRequest(t, 'POST', '/api/v1/sessions', {
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('payload_too_large');
    expect(r.json.error.message).toMatch(CHINESE);
    expect(r.json.error.message).toContain('16 KB');
    expect(await snapshot(t, ['sessions', 'audit_events', 'audit_head', 'users'])).toEqual(before);
  });

  it('a body without Content-Length is cut off while it streams (413), not read to its end', async () => {
    const sessions = await count(t, 'sessions');
    const { stream, state } = countedStream(`{"username":"center","password":"${PASSWORD}","pad":"`, 8 * MB);
    const r = await streamed(t.app, '/api/v1/sessions', stream, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('payload_too_large');
    expect(r.json.error.message).toMatch(CHINESE);
    // the limit, plus what the stream had queued ahead
    expect(state.pulled).toBeLessThan(BODY_LIMITS.small + 3 * CHUNK);
    expect(await count(t, 'sessions')).toBe(sessions);
  });

  it('a declared Content-Length over the limit is refused before a byte is read', async () => {
    const { stream, state } = countedStream('{"username":"', 1 * MB);
    const r = await streamed(t.app, '/api/v1/sessions', stream, {
      'content-type': 'application/json',
      'content-length': String(1 * MB),
    });
    expect(r.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK); // a stream may pull its first chunk as it is made
  });

  it('a sign-in within the limit still works', async () => {
    expect((await t.login('center')).length).toBeGreaterThan(10);
  });
});

describe('JSON routes take 1 MB; the ledger’s JSON import 20 MB', () => {
  /** The 海淀 ledger with `n` more contacts, each with a long note: a heavy but valid year. */
  async function heavyLedger(n: number): Promise<LedgerInput> {
    const ledger = (await ledgerFor(t, ids.stations.haidian)) as unknown as LedgerInput;
    const note = '电话回访企业，了解技术需求的进展并记录后续服务安排。'.repeat(4);
    const uscc = freshUscc();
    const contacts = Array.from({ length: n }, (_, i) => ({
      uscc,
      date: `2025-0${5 + (i % 4)}-1${i % 10}`,
      mode: 'phone' as const,
      note,
    }));
    return { ...ledger, contacts: [...(ledger.contacts ?? []), ...contacts] };
  }

  it('an ordinary JSON route refuses 2 MB (413) without writing', async () => {
    const before = await count(t, 'contacts');
    const r = await rawRequest(t, 'POST', `${HD()}/contacts`, {
      cookie: host,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uscc: freshUscc(), date: '2025-06-01', mode: 'visit', note: 'x'.repeat(2 * MB) }),
    });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toMatch(CHINESE);
    expect(r.json.error.message).toContain('1 MB');
    expect(await count(t, 'contacts')).toBe(before);
  });

  it('a large ledger (over the 1 MB of other routes) is still imported', async () => {
    const ledger = await heavyLedger(8000);
    const body = JSON.stringify({ ledger, replace: true, dryRun: true });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * MB);
    const r = await rawRequest(t, 'POST', `${HD()}/ledger`, {
      cookie: host,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(r.status, JSON.stringify(r.json).slice(0, 500)).toBe(200);
    expect(r.json.ok).toBe(true);
  });

  it('a ledger over 20 MB is refused (413) as it streams', async () => {
    const before = await count(t, 'contacts');
    const { stream, state } = countedStream('{"replace":true,"ledger":{"pad":"', 24 * MB);
    const r = await streamed(t.app, `${HD()}/ledger`, stream, { 'content-type': 'application/json', cookie: host });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toContain('台账数据过大');
    expect(state.pulled).toBeLessThan(BODY_LIMITS.ledger + 3 * CHUNK);
    expect(await count(t, 'contacts')).toBe(before);
  });

  it('without a session nothing is read: 401 comes first', async () => {
    const { stream, state } = countedStream('{"ledger":"', 4 * MB);
    const r = await streamed(t.app, `${HD()}/ledger`, stream, { 'content-type': 'application/json' });
    expect(r.status).toBe(401);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
  });
});

describe('uploads take UPLOAD_MAX_MB and are cut off while streaming', () => {
  // The same database, an app whose upload limit is 1 MB.
  const small = () => createApp({ ...t.deps, env: loadEnv({ NODE_ENV: 'test', UPLOAD_MAX_MB: '1' }) }).app;
  const path = () =>
    `${HD()}/reports/docx?kind=summary&title=${encodeURIComponent('年度总结')}&fileName=${encodeURIComponent('总结.docx')}`;

  it('an upload over UPLOAD_MAX_MB without Content-Length → 413 in Chinese, after reading about 1 MB', async () => {
    const reports = await count(t, 'reports');
    const { stream, state } = countedStream('PK', 3 * MB);
    const r = await streamed(small(), path(), stream, {
      'content-type': 'application/octet-stream',
      cookie: host,
    });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('payload_too_large');
    expect(r.json.error.message).toBe('文件过大：最大 1 MB');
    expect(state.pulled).toBeLessThan(1 * MB + 3 * CHUNK);
    expect(await count(t, 'reports')).toBe(reports);
  });

  it('an upload within the limit still works', async () => {
    const r = await rawRequest(t, 'POST', path(), {
      cookie: host,
      headers: { 'content-type': 'application/octet-stream' },
      body: DOCX,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  });
});

describe('over a real socket', () => {
  it('50 MB sent chunked to sign-in: 413, and the server’s memory does not grow with the body', async () => {
    const server = createAdaptorServer({ fetch: t.app.fetch }) as http.Server;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const total = 50 * MB;
    const chunk = Buffer.alloc(CHUNK, 0x78);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/sessions',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
          answered = true;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', (e) => (answered ? undefined : reject(e)));
      });
      req.write(`{"username":"center","password":"${PASSWORD}","pad":"`);
      let sent = 0;
      while (sent < total && !answered && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) await Promise.race([once(req, 'drain'), response.catch(() => {})]);
      }
      if (!answered) req.end('"}');
      const r = await response;
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error.message).toMatch(CHINESE);
      // The server stopped at 16 KB; the client stopped when the answer came. Neither holds the body.
      expect(peak - baseline).toBeLessThan(15 * MB);
      req.destroy();
    } finally {
      clearInterval(sampler);
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r(null)));
    }
  });
});
