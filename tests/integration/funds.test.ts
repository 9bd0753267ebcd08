// A station's money, first part of issue #5: the budget by category comes from the agreement version in force; the
// Center records the advance payment of the fixed funding with its voucher (定额事前直接支付, 第十五条), never more
// than the funding, even with two entries at once (both engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { PNG } from './support/ledger-requests';
import { upload } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let center: string;
let host: string;
beforeAll(async () => {
  center = await t.login('center');
  host = await t.login('host');
});

const pay = (cookie: string, amountFen: number, paidOn = '2025-04-10') =>
  upload(
    t,
    cookie,
    `/api/v1/stations/${ids.stations.haidian}/payments?paidOn=${paidOn}&amountFen=${amountFen}&fileName=拨款凭证.png`,
    PNG,
  );

describe('station funds', () => {
  it('shows the budget of the agreement in force, the funding and nothing paid yet', async () => {
    const f = await t.call(host, 'GET', `/api/v1/stations/${ids.stations.haidian}/funds`);
    expect(f.status).toBe(200);
    expect(f.json).toMatchObject({ fundingFen: 15_000_000, paidFen: 0, payments: [], paymentArticle: '第十五条' });
    expect(f.json.budgetSource).toContain('第 1 版');
    const total = Object.values(f.json.budgetFen as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(15_000_000);
  });

  it('only the Center administrator records a payment; a host is refused', async () => {
    expect((await pay(host, 100)).status).toBe(403);
    expect((await pay(await t.login('staff'), 100)).status).toBe(403);
  });

  it('records payments up to the funding exactly; one fen more is refused citing 第十五条 and changes nothing', async () => {
    const first = await pay(center, 10_000_000);
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json.paidFen).toBe(10_000_000);
    const over = await pay(center, 5_000_001);
    expect(over.status).toBe(409);
    expect(over.json.error.message).toContain('第十五条');
    const exact = await pay(center, 5_000_000);
    expect(exact.status).toBe(201);
    expect(exact.json.paidFen).toBe(15_000_000);
    const voucher = await t.call(
      host,
      'GET',
      `/api/v1/stations/${ids.stations.haidian}/attachments/${exact.json.payments[1].voucherAttachmentId}`,
    );
    expect(voucher.status).toBe(200);
  });

  it('refuses a future date, a non-integer amount and a file that is not a voucher', async () => {
    expect((await pay(center, 100, '2099-01-01')).status).toBe(400);
    const frac = await upload(
      t,
      center,
      `/api/v1/stations/${ids.stations.haidian}/payments?paidOn=2025-04-10&amountFen=1.5&fileName=x.png`,
      PNG,
    );
    expect(frac.status).toBe(400);
    expect(frac.json.error.issues[0].path).toBe('amountFen');
  });

  it('two payments at once against the last of the funding: one wins', async () => {
    const list = (await t.call(center, 'GET', `/api/v1/stations/${ids.stations.haidian}/funds`)).json.payments;
    const last = list[list.length - 1];
    const del = await t.call(
      center,
      'DELETE',
      `/api/v1/stations/${ids.stations.haidian}/payments/${last.id}?version=${last.version}`,
    );
    expect(del.status).toBe(200);
    expect(del.json.paidFen).toBe(10_000_000);
    const center2 = await t.login('center');
    const [a, b] = await Promise.all([pay(center, 5_000_000), pay(center2, 5_000_000)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const f = await t.call(center, 'GET', `/api/v1/stations/${ids.stations.haidian}/funds`);
    expect(f.json.paidFen).toBe(15_000_000);
  });
});
