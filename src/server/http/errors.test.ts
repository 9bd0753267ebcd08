// What a database or storage failure answers (issue #11, decision 016): a full disk is 507 and a broken database
// connection a retryable 503 — whichever engine or file system raised it — and the log keeps the real error.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from './errors';

function answer(err: unknown) {
  const logged: object[] = [];
  const app = new Hono();
  app.get('/x', () => {
    throw err;
  });
  app.onError(onError({ error: (o) => logged.push(o) }));
  return { res: app.request('/x'), logged };
}

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('onError for storage and connection failures', () => {
  it.each([
    ['SQLite database full', coded('SQLITE_FULL', 'database or disk is full')],
    ['PostgreSQL disk_full', coded('53100', 'could not extend file: No space left on device')],
    ['a blob write on a full volume', coded('ENOSPC', 'ENOSPC: no space left on device, write')],
    ['a blob write over quota', coded('EDQUOT', 'EDQUOT: disk quota exceeded')],
    ['a wrapped ENOSPC', new Error('store failed', { cause: coded('ENOSPC') })],
  ])('%s → 507 insufficient_storage, the error logged', async (_what, err) => {
    const { res, logged } = answer(err);
    const r = await res;
    expect(r.status).toBe(507);
    expect(await r.json()).toEqual({
      error: { code: 'insufficient_storage', message: '服务器存储空间不足，本次提交未保存，请联系管理员' },
    });
    expect(logged).toEqual([expect.objectContaining({ err })]);
  });

  it.each([
    [
      '57P01 admin_shutdown (pg_terminate_backend)',
      coded('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P02 crash_shutdown', coded('57P02')],
    ['57P03 cannot_connect_now', coded('57P03', 'the database system is starting up')],
    ['08000 connection_exception', coded('08000')],
    ['08003 connection_does_not_exist', coded('08003')],
    ['08006 connection_failure', coded('08006')],
    ['ECONNRESET', coded('ECONNRESET', 'read ECONNRESET')],
    ['EPIPE', coded('EPIPE', 'write EPIPE')],
    ['pg: the connection ended', new Error('Connection terminated unexpectedly')],
    ['pg: a client that broke earlier', new Error('Client has encountered a connection error and is not queryable')],
  ])('%s → 503 unavailable with Retry-After', async (_what, err) => {
    const { res, logged } = answer(err);
    const r = await res;
    expect(r.status).toBe(503);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await r.json()).toEqual({
      error: { code: 'unavailable', message: '数据库连接暂时中断，本次请求未完成，请稍后重试' },
    });
    expect(logged).toHaveLength(1);
  });

  it('any other error stays a 500', async () => {
    const r = await answer(new TypeError('x is undefined')).res;
    expect(r.status).toBe(500);
    expect(r.headers.get('retry-after')).toBeNull();
  });
});
