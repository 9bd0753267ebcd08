// Dates at entry (src/domain/ledger/record-dates.ts): a ledger records what has happened, so a date after today (the
// server's clock, Beijing) is refused with the field's name and nothing is written; a date outside the project period
// is kept — it only does not count towards 第七条/第八条. And a record that others refer to cannot be deleted: the
// list says why beside 删除, and the server refuses with the same sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { freshVoucher, validExpenseBody } from './support/expenses';
import { CHINESE, count, demoIds, lastAuditSeq } from './support/fixtures';
import { freshUscc } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
const HAIDIAN = ids.stations.haidian;
const HD = `/api/v1/stations/${HAIDIAN}`;
afterAll(() => t.close());

let host: string;
let period: { start: string; end: string };
beforeAll(async () => {
  // 2025-06-15 10:00 in Beijing: “today” is 2025-06-15, tomorrow 2025-06-16.
  t.clock.set('2025-06-15T02:00:00.000Z');
  host = await t.login('host');
  const s = await t.deps.db
    .selectFrom('stations')
    .select(['period_start', 'period_end'])
    .where('id', '=', HAIDIAN)
    .executeTakeFirstOrThrow();
  period = { start: s.period_start, end: s.period_end };
});

/** Sends `body`, expects the refusal of a future date on `field` named `label`, and that nothing was written. */
async function expectFutureRefused(opts: {
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
  table: 'contacts' | 'events' | 'expenses' | 'demands';
  field: string;
  label: string;
}) {
  const rows = await count(t, opts.table);
  const seq = await lastAuditSeq(t);
  const r = await t.call(host, opts.method, opts.path, opts.body);
  expect(r.status, JSON.stringify(r.json)).toBe(400);
  expect(r.json.error.message).toMatch(CHINESE);
  expect(r.json.error.message).toContain(`${opts.label}不能晚于今天（2025-06-15）`);
  expect(r.json.error.issues).toContainEqual({
    path: opts.field,
    message: `${opts.label}不能晚于今天（2025-06-15）：记录的是已经发生的事`,
  });
  expect(await count(t, opts.table)).toBe(rows);
  expect(await lastAuditSeq(t)).toBe(seq);
}

describe('a record of something that happened cannot be dated in the future', () => {
  it('a contact dated tomorrow is refused, naming 联系日期; today is accepted', async () => {
    const body = { uscc: freshUscc(), date: '2025-06-16', mode: 'visit' };
    await expectFutureRefused({
      method: 'POST',
      path: `${HD}/contacts`,
      body,
      table: 'contacts',
      field: 'date',
      label: '联系日期',
    });
    const ok = await t.call(host, 'POST', `${HD}/contacts`, { ...body, date: '2025-06-15' });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.date).toBe('2025-06-15');
  });

  it('the server’s clock decides: the same date is accepted once that day has come', async () => {
    const body = { uscc: freshUscc(), date: '2025-06-20', mode: 'phone' };
    expect((await t.call(host, 'POST', `${HD}/contacts`, body)).status).toBe(400);
    // Five days on, the session has long expired: sign in again at each end of the jump.
    t.clock.set('2025-06-20T01:00:00.000Z');
    try {
      const later = await t.login('host');
      expect((await t.call(later, 'POST', `${HD}/contacts`, body)).status).toBe(201);
    } finally {
      t.clock.set('2025-06-15T02:00:00.000Z');
      host = await t.login('host');
    }
  });

  it('moving a stored contact into the future is refused and the record keeps its date', async () => {
    const made = await t.call(host, 'POST', `${HD}/contacts`, { uscc: freshUscc(), date: '2025-06-01', mode: 'visit' });
    expect(made.status).toBe(201);
    await expectFutureRefused({
      method: 'PUT',
      path: `${HD}/contacts/${made.json.id}`,
      body: { version: made.json.version, record: { uscc: made.json.uscc, date: '2025-07-01', mode: 'visit' } },
      table: 'contacts',
      field: 'date',
      label: '联系日期',
    });
    const again = await t.call(host, 'GET', `${HD}/contacts/${made.json.id}`);
    expect(again.json.date).toBe('2025-06-01');
    expect(again.json.version).toBe(made.json.version);
  });

  it('an event dated next month is refused, naming 活动日期', async () => {
    await expectFutureRefused({
      method: 'POST',
      path: `${HD}/events`,
      body: { kind: 'training', title: '下月的培训', date: '2025-07-10', expertIds: [], enterpriseUsccs: [] },
      table: 'events',
      field: 'date',
      label: '活动日期',
    });
  });

  it('a demand resolved “tomorrow” is refused on its 解决日期', async () => {
    await expectFutureRefused({
      method: 'POST',
      path: `${HD}/demands`,
      body: {
        uscc: freshUscc(),
        title: '检测设备共享需求',
        collectedOn: '2025-06-01',
        status: 'resolved',
        matchedKind: 'expert',
        matchedTo: '王教授',
        matchedOn: '2025-06-05',
        dockedOn: '2025-06-10',
        resolvedOn: '2025-06-16',
      },
      table: 'demands',
      field: 'resolvedOn',
      label: '解决日期',
    });
  });

  it('an expense dated tomorrow is refused, naming 支出日期, and its voucher stays unused', async () => {
    const voucher = await freshVoucher(t, HAIDIAN);
    await expectFutureRefused({
      method: 'POST',
      path: `${HD}/expenses`,
      body: { ...validExpenseBody(voucher), date: '2025-06-16' },
      table: 'expenses',
      field: 'date',
      label: '支出日期',
    });
    const linked = await t.deps.db
      .selectFrom('expense_vouchers')
      .select('id')
      .where('attachment_id', '=', voucher)
      .executeTakeFirst();
    expect(linked).toBeUndefined();
    const ok = await t.call(host, 'POST', `${HD}/expenses`, { ...validExpenseBody(voucher), date: '2025-06-15' });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
  });
});

describe('a record outside the project period is kept (it only does not count, 第七条、第八条)', () => {
  it('a contact dated before the period starts is accepted and listed', async () => {
    const before = '2024-12-20';
    expect(before < period.start).toBe(true);
    const r = await t.call(host, 'POST', `${HD}/contacts`, { uscc: freshUscc(), date: before, mode: 'visit' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const list = await t.call(host, 'GET', `${HD}/contacts?q=${r.json.uscc}`);
    expect(list.json.items.map((c: { id: string; date: string }) => [c.id, c.date])).toEqual([[r.json.id, before]]);
  });

  it('an event of last year is accepted', async () => {
    const r = await t.call(host, 'POST', `${HD}/events`, {
      kind: 'matchmaking',
      title: '补录：去年的对接会',
      date: '2024-11-05',
      expertIds: [],
      enterpriseUsccs: [],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.date).toBe('2024-11-05');
  });
});

describe('a record others refer to cannot be deleted, and the list says why', () => {
  it('an expert present at an event: the list names the event, the delete is refused with the same reason', async () => {
    const x = await t.call(host, 'POST', `${HD}/experts`, {
      name: '赵引用',
      kind: 'expert',
      hostStaff: false,
      fiscallySupported: false,
    });
    expect(x.status).toBe(201);
    expect(x.json.deleteBlockedBy).toBeNull();
    const ev = await t.call(host, 'POST', `${HD}/events`, {
      kind: 'training',
      title: '专家讲座',
      date: '2025-06-10',
      expertIds: [x.json.id],
      enterpriseUsccs: [],
    });
    expect(ev.status).toBe(201);
    const shown = (await t.call(host, 'GET', `${HD}/experts/${x.json.id}`)).json;
    expect(shown.deleteBlockedBy).toBe('该专家已登记为 1 场活动的到场专家，不能删除：请先从这些活动、支出中移除');
    const del = await t.call(host, 'DELETE', `${HD}/experts/${x.json.id}?version=${shown.version}`);
    expect(del.status).toBe(400);
    expect(del.json.error.message).toBe(shown.deleteBlockedBy);
    expect((await t.call(host, 'GET', `${HD}/experts/${x.json.id}`)).status).toBe(200);
  });

  it('an expert paid by an expense cannot be deleted (the expense keeps its payee)', async () => {
    const x = await t.call(host, 'POST', `${HD}/experts`, {
      name: '钱收款',
      kind: 'expert',
      hostStaff: false,
      fiscallySupported: false,
    });
    const paid = await t.call(host, 'POST', `${HD}/expenses`, {
      ...validExpenseBody(await freshVoucher(t, HAIDIAN)),
      category: 'consulting',
      item: 'expert_consulting',
      amountFen: 50_000,
      payee: { kind: 'expert', expertId: x.json.id },
      days: '1',
    });
    expect(paid.status, JSON.stringify(paid.json)).toBe(201);
    const shown = (await t.call(host, 'GET', `${HD}/experts/${x.json.id}`)).json;
    expect(shown.deleteBlockedBy).toContain('1 笔支出的收款人');
    const del = await t.call(host, 'DELETE', `${HD}/experts/${x.json.id}?version=${shown.version}`);
    expect(del.status).toBe(400);
    expect(del.json.error.message).toContain('不能删除');
  });

  it('an enterprise with contacts at the station stays in its 名录; one without records can leave it', async () => {
    const used = freshUscc();
    const free = freshUscc();
    const add = (uscc: string) =>
      t.call(host, 'POST', `${HD}/enterprises`, {
        uscc,
        name: `北京引用测试科技有限公司${uscc.slice(-4)}`,
        districtCode: '110108',
        hasAssociation: false,
        srdi: 'none',
        keyServed: false,
      });
    const a = await add(used);
    const b = await add(free);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(
      (await t.call(host, 'POST', `${HD}/contacts`, { uscc: used, date: '2025-06-02', mode: 'visit' })).status,
    ).toBe(201);
    const usedNow = (await t.call(host, 'GET', `${HD}/enterprises/${a.json.id}`)).json;
    expect(usedNow.deleteBlockedBy).toBe(
      '本站点已有该企业的 1 条联系走访记录，不能从服务企业名录中删除：请先删除或修改这些记录',
    );
    const refused = await t.call(host, 'DELETE', `${HD}/enterprises/${a.json.id}?version=${usedNow.version}`);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toBe(usedNow.deleteBlockedBy);
    expect(b.json.deleteBlockedBy).toBeNull();
    const gone = await t.call(host, 'DELETE', `${HD}/enterprises/${b.json.id}?version=${b.json.version}`);
    expect(gone.status).toBe(200);
  });
});
