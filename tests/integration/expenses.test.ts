// The expense ledger (issue #5, 第十条, 第十四条–第十七条): a host books expenses with vouchers through the compliance
// engine; refusals cite the article and write nothing; edits keep their history; the budget holds even with two
// bookings at once (on the engine the test app runs: SQLite, or PostgreSQL when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromNet } from '../../src/domain/expenses/tax';
import { fenToYuan } from '../../src/domain/money';
import { policy2025 } from '../../src/domain/policy';
import { EXPENSE_CATEGORIES } from '../../src/domain/policy/types';
import { createTestApp, type TestApp } from '../setup/test-app';
import { freshVoucher, validExpenseBody } from './support/expenses';
import { auditRowsAfter, CHINESE, count, demoIds, lastAuditSeq } from './support/fixtures';
import { PNG } from './support/ledger-requests';
import { hostAccountFor, upload } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
const HAIDIAN = ids.stations.haidian;
afterAll(() => t.close());

let center: string;
let host: string;
let district: string;
beforeAll(async () => {
  center = await t.login('center');
  host = await t.login('host');
  district = await t.login('haidian');
});

const expensesPath = (stationId = HAIDIAN) => `/api/v1/stations/${stationId}/expenses`;

/** A grant expense of the 海淀 station, bookable unless a test changes it. */
async function body(over: Record<string, unknown> = {}) {
  return { ...validExpenseBody(await freshVoucher(t, HAIDIAN)), source: 'grant', ...over };
}

async function funds(cookie = host) {
  const f = await t.call(cookie, 'GET', `/api/v1/stations/${HAIDIAN}/funds`);
  expect(f.status).toBe(200);
  return f.json;
}

/** The execution row of a category on the station's funds page. */
async function executionRow(category: string): Promise<{ budgetFen: number; spentFen: number; balanceFen: number }> {
  const rows = (await funds()).execution.rows as Array<{
    category: string;
    budgetFen: number;
    spentFen: number;
    balanceFen: number;
  }>;
  const r = rows.find((x) => x.category === category);
  if (!r) throw new Error(`no execution row for ${category}`);
  return r;
}

async function auditOf(entityId: string) {
  return t.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity', '=', 'expense')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

/** What a refusal must leave untouched. */
async function written() {
  return {
    expenses: await count(t, 'expenses'),
    vouchers: await count(t, 'expense_vouchers'),
    audit: await lastAuditSeq(t),
  };
}

/** All expenses of the station through the API. */
async function allExpenses(cookie = host, stationId = HAIDIAN) {
  const r = await t.call(cookie, 'GET', `${expensesPath(stationId)}?pageSize=200`);
  expect(r.status).toBe(200);
  expect(r.json.total).toBeLessThanOrEqual(200);
  return r.json.items as Array<{
    id: string;
    source: string;
    category: string;
    amountFen: number;
    warnings: unknown[];
  }>;
}

describe('booking an expense', () => {
  it('the agreement budget of 海淀 is in force (the figures the budget tests rely on)', async () => {
    const f = await funds();
    expect(f.budgetFen).toEqual({
      consulting: 6_000_000,
      labour: 3_000_000,
      activity: 3_750_000,
      meeting: 1_500_000,
      other: 750_000,
    });
    expect(f.execution.grantedFen).toBe(15_000_000);
  });

  it('a host books a valid expense with an uploaded PNG voucher: 201, a ref, the voucher, the budget row and one audit row', async () => {
    const up = await upload(
      t,
      host,
      `/api/v1/stations/${HAIDIAN}/expense-vouchers?fileName=${encodeURIComponent('印刷发票.png')}`,
      PNG,
    );
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    expect(up.json).toMatchObject({ fileName: '印刷发票.png', mime: 'image/png', size: PNG.byteLength });
    const before = await executionRow('activity');
    const seq = await lastAuditSeq(t);
    const r = await t.call(host, 'POST', expensesPath(), {
      ...validExpenseBody(up.json.attachmentId),
      source: 'grant',
      amountFen: 123_456,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.ref).toMatch(/^X\d+$/);
    expect(r.json).toMatchObject({
      category: 'activity',
      item: 'printing',
      itemName: '资料印刷',
      amountFen: 123_456,
      source: 'grant',
      voucherCount: 1,
      warnings: [],
      version: 1,
    });
    expect(r.json.vouchers).toEqual([
      expect.objectContaining({ attachmentId: up.json.attachmentId, kind: 'invoice', fileName: '印刷发票.png' }),
    ]);
    const after = await executionRow('activity');
    expect(after.spentFen - before.spentFen).toBe(123_456);
    expect(after.balanceFen).toBe(before.balanceFen - 123_456);
    const rows = (await auditOf(r.json.id)).filter((a) => Number(a.seq) > seq);
    expect(rows.map((a) => a.action)).toEqual(['book']);
    expect(rows[0].summary).toContain(r.json.ref);
    const diff = JSON.parse(rows[0].diff_json);
    expect(diff.amount_fen.after).toBe(123_456);
    const got = await t.call(host, 'GET', `${expensesPath()}/${r.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json.ref).toBe(r.json.ref);
  });

  it('refs stay unique in the station', async () => {
    const refs = (await t.deps.db.selectFrom('expenses').select('ref').where('station_id', '=', HAIDIAN).execute()).map(
      (x) => x.ref,
    );
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe('refusals write nothing and cite the article', () => {
  it('meals are refused with 409 citing 第十七条', async () => {
    const b = await body({ category: 'other', item: 'meals', purpose: '对接会' });
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), b);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('第十七条');
    expect(r.json.error.message).toContain('用餐支出');
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'item' })]);
    expect(await written()).toEqual(before);
  });

  it('a consulting fee to a person flagged host staff is refused citing 第十六条', async () => {
    const b = await body({
      category: 'consulting',
      item: 'expert_consulting',
      amountFen: 100_000,
      payee: { kind: 'person', name: '李工', hostStaff: true },
      days: '1',
      purpose: '专家咨询',
    });
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), b);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('第十六条');
    expect(r.json.error.message).toContain('依托单位工作人员');
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'payee' })]);
    expect(await written()).toEqual(before);
  });

  it('a consulting fee to a registered expert who is host staff is refused, though the request does not say so', async () => {
    const used = (
      await t.deps.db
        .selectFrom('expenses')
        .select('payee_expert_id')
        .where('station_id', '=', HAIDIAN)
        .where('payee_expert_id', 'is not', null)
        .execute()
    ).map((x) => x.payee_expert_id as string);
    const experts = await t.deps.db
      .selectFrom('experts')
      .select(['id', 'name', 'host_staff'])
      .where('station_id', '=', HAIDIAN)
      .orderBy('ref')
      .execute();
    const x = experts.find((e) => !used.includes(e.id) && e.host_staff === 0);
    if (!x) throw new Error('demo data: no unused expert of 海淀 who is not host staff');
    const fee = async () =>
      body({
        category: 'consulting',
        item: 'expert_consulting',
        amountFen: 100_000,
        payee: { kind: 'expert', expertId: x.id, hostStaff: false },
        days: '1',
        purpose: '专家咨询',
      });
    await t.deps.db.updateTable('experts').set({ host_staff: 1 }).where('id', '=', x.id).execute();
    try {
      const before = await written();
      const r = await t.call(host, 'POST', expensesPath(), await fee());
      expect(r.status).toBe(409);
      expect(r.json.error.message).toContain('第十六条');
      expect(r.json.error.message).toContain(x.name);
      expect(await written()).toEqual(before);
    } finally {
      await t.deps.db.updateTable('experts').set({ host_staff: 0 }).where('id', '=', x.id).execute();
    }
    // The same fee to the same expert, no longer host staff, books: the refusal came from the registry.
    const ok = await t.call(host, 'POST', expensesPath(), await fee());
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.payee).toMatchObject({ kind: 'expert', expertId: x.id, name: x.name, hostStaff: false });
  });

  it('a booking without vouchers is 400 naming vouchers', async () => {
    const b = await body({ vouchers: [] });
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), b);
    expect(r.status).toBe(400);
    expect(r.json.error.issues.map((i: { path: string }) => i.path)).toContain('vouchers');
    expect(r.json.error.issues[0].message).toMatch(CHINESE);
    expect(await written()).toEqual(before);
  });

  it('a voucher of another station is refused', async () => {
    const other = await freshVoucher(t, ids.stations.chaoyang);
    const b = await body({ vouchers: [{ attachmentId: other, kind: 'invoice' }] });
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), b);
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'vouchers' })]);
    expect(await written()).toEqual(before);
  });

  it('a voucher already used by another expense is refused', async () => {
    const first = await body({ amountFen: 1_000 });
    const ok = await t.call(host, 'POST', expensesPath(), first);
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    const again = { ...(await body({ amountFen: 2_000 })), vouchers: first.vouchers };
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), again);
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'vouchers' })]);
    expect(r.json.error.issues[0].message).toContain('已用于另一笔支出');
    expect(await written()).toEqual(before);
  });

  it('a date after today (2025-06-15) is 400 naming date; today itself books', async () => {
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), await body({ date: '2025-06-16' }));
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'date' })]);
    expect(await written()).toEqual(before);
    const today = await t.call(host, 'POST', expensesPath(), await body({ date: '2025-06-15', amountFen: 500 }));
    expect(today.status, JSON.stringify(today.json)).toBe(201);
  });
});

describe('fees entered after tax (docs/fee-standards.md)', () => {
  it('a labour fee to a person entered as net keeps gross, withholding and net; the amount booked is the gross', async () => {
    const before = await executionRow('labour');
    const r = await t.call(
      host,
      'POST',
      expensesPath(),
      await body({
        category: 'labour',
        item: 'temp_staff_labour',
        amountFen: 300_000,
        amountIs: 'net',
        payee: { kind: 'person', name: '周临聘' },
        purpose: '对接会现场服务劳务',
      }),
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const w = fromNet(300_000, policy2025.feeStandards.labour.incomeTax);
    // 3000 net: gross G ≤ 4000 with tax (G − 800) × 20%, so 0.8G + 160 = 3000 → G = 3550, tax 550.
    expect(w).toEqual({ grossFen: 355_000, taxFen: 55_000, netFen: 300_000 });
    expect(r.json).toMatchObject({ amountFen: w.grossFen, taxFen: w.taxFen, netFen: w.netFen });
    expect(r.json.amountFen - r.json.taxFen).toBe(r.json.netFen);
    expect((await executionRow('labour')).spentFen - before.spentFen).toBe(355_000);
  });

  it('a fee to an individual entered as gross keeps its withholding too', async () => {
    const r = await t.call(
      host,
      'POST',
      expensesPath(),
      await body({
        category: 'labour',
        item: 'temp_staff_labour',
        amountFen: 500_000,
        payee: { kind: 'person', name: '吴临聘' },
        purpose: '活动现场服务劳务',
      }),
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    // 5000 gross: taxable 5000 × 80% = 4000, tax 20% = 800
    expect(r.json).toMatchObject({ amountFen: 500_000, taxFen: 80_000, netFen: 420_000 });
  });

  it('a consulting fee paid at the after-tax standard is not above it; one fen more is, and the station says so', async () => {
    const consult = async (amountFen: number, name: string) =>
      t.call(
        host,
        'POST',
        expensesPath(),
        await body({
          category: 'consulting',
          item: 'expert_consulting',
          amountFen,
          amountIs: 'net',
          days: '1',
          payee: { kind: 'person', name },
          purpose: '企业技术诊断咨询',
        }),
      );
    // 2,400 yuan a day after tax is the top of the senior range (docs/fee-standards.md: the standards are after tax).
    const at = await consult(240_000, '郑专家');
    expect(at.status, JSON.stringify(at.json)).toBe(201);
    expect(at.json.amountFen).toBeGreaterThan(240_000);
    expect(at.json.warnings).toEqual([]);
    const above = await consult(240_001, '冯专家');
    expect(above.status).toBe(201);
    expect(above.json.warnings).toEqual([expect.objectContaining({ id: 'rate_above_standard', article: '第十条' })]);
    expect(above.json.warnings[0].message).toContain('（税后）每人天约 2,400.01 元');
    // The KPI page's evaluation agrees: one rate finding, for the second only.
    const kpis = await t.call(host, 'GET', `/api/v1/stations/${HAIDIAN}/kpis`);
    const refs = kpis.json.findings
      .filter((f: { id: string }) => f.id === 'rate_above_standard')
      .map((f: { ref: string }) => f.ref);
    expect(refs).toContain(`expenses[${above.json.ref}]`);
    expect(refs).not.toContain(`expenses[${at.json.ref}]`);
  });

  it('net entry for an organisation is 400 naming amountIs', async () => {
    const before = await written();
    const r = await t.call(host, 'POST', expensesPath(), await body({ amountIs: 'net' }));
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'amountIs' })]);
    expect(await written()).toEqual(before);
  });
});

describe('the budget holds (第十条, 第十一条)', () => {
  const meeting = (amountFen: number) =>
    body({
      category: 'meeting',
      item: 'venue',
      amountFen,
      payee: { kind: 'organization', name: '北京某会议服务有限公司' },
      purpose: '需求对接会场地租赁',
    });

  it('booking exactly the rest of a category’s budget succeeds; one fen more is 409 citing 第十条', async () => {
    const row = await executionRow('meeting');
    expect(row.budgetFen).toBe(1_500_000);
    const rest = row.budgetFen - row.spentFen;
    expect(rest).toBeGreaterThan(0);
    const exact = await t.call(host, 'POST', expensesPath(), await meeting(rest));
    expect(exact.status, JSON.stringify(exact.json)).toBe(201);
    expect(await executionRow('meeting')).toMatchObject({ spentFen: 1_500_000, balanceFen: 0 });
    const before = await written();
    const over = await t.call(host, 'POST', expensesPath(), await meeting(1));
    expect(over.status).toBe(409);
    expect(over.json.error.message).toContain('第十条');
    expect(over.json.error.message).toContain('15,000.00');
    expect(over.json.error.issues).toEqual([expect.objectContaining({ path: 'amountFen' })]);
    expect(await written()).toEqual(before);
    expect((await executionRow('meeting')).spentFen).toBe(1_500_000);
  });

  it('matching funds are not held to the budget', async () => {
    const r = await t.call(host, 'POST', expensesPath(), { ...(await meeting(100_000)), source: 'matching' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect((await executionRow('meeting')).spentFen).toBe(1_500_000);
  });

  it(`two bookings at once against the rest of the 'other' budget: exactly one wins (${t.deps.engine})`, async () => {
    const row = await executionRow('other');
    expect(row.budgetFen).toBe(750_000);
    const rest = row.budgetFen - row.spentFen;
    expect(rest).toBeGreaterThan(0);
    const other = () =>
      body({
        category: 'other',
        item: 'local_transport',
        amountFen: rest,
        payee: { kind: 'organization', name: '北京某汽车租赁有限公司' },
        purpose: '走访企业市内交通',
      });
    const [a, b] = await Promise.all([other(), other()]);
    const host2 = await t.login('host');
    const rs = await Promise.all([t.call(host, 'POST', expensesPath(), a), t.call(host2, 'POST', expensesPath(), b)]);
    expect(rs.map((r) => r.status).sort(), JSON.stringify(rs.map((r) => r.json))).toEqual([201, 409]);
    const refused = rs.find((r) => r.status === 409)!;
    expect(refused.json.error.message).toContain('第十条');
    const after = await executionRow('other');
    expect(after.spentFen).toBe(750_000);
    expect(after.balanceFen).toBe(0);
    const inDb = await t.deps.db
      .selectFrom('expenses')
      .select(['amount_fen'])
      .where('station_id', '=', HAIDIAN)
      .where('source', '=', 'grant')
      .where('category', '=', 'other')
      .execute();
    expect(inDb.reduce((s, x) => s + Number(x.amount_fen), 0)).toBe(750_000);
  });
});

describe('edits and deletes keep the history', () => {
  it('an edit with its version is audited with the old and new amounts; a stale version is 409; a delete keeps the row before', async () => {
    const b = await body({ amountFen: 100_000 });
    const made = await t.call(host, 'POST', expensesPath(), b);
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const id = made.json.id as string;
    const before = await executionRow('activity');

    const edit = await t.call(host, 'PUT', `${expensesPath()}/${id}`, { ...b, amountFen: 120_000, version: 1 });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect(edit.json).toMatchObject({ amountFen: 120_000, version: 2, voucherCount: 1 });
    expect((await executionRow('activity')).spentFen - before.spentFen).toBe(20_000);
    const update = (await auditOf(id)).filter((a) => a.action === 'update');
    expect(update).toHaveLength(1);
    expect(JSON.parse(update[0].diff_json).amount_fen).toEqual({ before: 100_000, after: 120_000 });

    const writtenBefore = await written();
    const stale = await t.call(host, 'PUT', `${expensesPath()}/${id}`, { ...b, amountFen: 130_000, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(CHINESE);
    expect(await written()).toEqual(writtenBefore);
    expect((await t.call(host, 'GET', `${expensesPath()}/${id}`)).json.amountFen).toBe(120_000);

    const staleDelete = await t.call(host, 'DELETE', `${expensesPath()}/${id}?version=1`);
    expect(staleDelete.status).toBe(409);

    const del = await t.call(host, 'DELETE', `${expensesPath()}/${id}?version=2`);
    expect(del.status, JSON.stringify(del.json)).toBe(200);
    const gone = (await auditOf(id)).filter((a) => a.action === 'delete');
    expect(gone).toHaveLength(1);
    const diff = JSON.parse(gone[0].diff_json);
    expect(diff.amount_fen).toEqual({ before: 120_000 });
    expect(diff.ref).toEqual({ before: made.json.ref });
    expect((await t.call(host, 'GET', `${expensesPath()}/${id}`)).status).toBe(404);
    expect((await executionRow('activity')).spentFen).toBe(before.spentFen - 100_000);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['book', 'update', 'delete']);
  });

  it('an edit goes through the same checks: changing the item to meals is refused and changes nothing', async () => {
    const b = await body({ amountFen: 1_000 });
    const made = await t.call(host, 'POST', expensesPath(), b);
    expect(made.status).toBe(201);
    const before = await written();
    const r = await t.call(host, 'PUT', `${expensesPath()}/${made.json.id}`, {
      ...b,
      category: 'other',
      item: 'meals',
      version: 1,
    });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('第十七条');
    expect(await written()).toEqual(before);
  });
});

describe('scope', () => {
  it('the host of another station gets 404 on the 海淀 expenses, and reads its own', async () => {
    const other = await hostAccountFor(t, ids.orgs.chaoyangHost, 'host-chaoyang');
    expect((await t.call(other, 'GET', expensesPath(ids.stations.chaoyang))).status).toBe(200);
    expect((await t.call(other, 'GET', expensesPath())).status).toBe(404);
    const mine = (await allExpenses())[0];
    expect((await t.call(other, 'GET', `${expensesPath()}/${mine.id}`)).status).toBe(404);
    const before = await written();
    expect((await t.call(other, 'POST', expensesPath(), await body())).status).toBe(404);
    expect(await written()).toEqual(before);
  });

  it('the 海淀 district user reads (200) but cannot book (403); the Center reads', async () => {
    const d = await t.call(district, 'GET', expensesPath());
    expect(d.status).toBe(200);
    expect(d.json.total).toBeGreaterThan(0);
    const before = await written();
    expect((await t.call(district, 'POST', expensesPath(), await body())).status).toBe(403);
    const now = await written();
    expect({ expenses: now.expenses, vouchers: now.vouchers }).toEqual({
      expenses: before.expenses,
      vouchers: before.vouchers,
    });
    // the refusal itself is on the audit trail, nothing else
    expect((await auditRowsAfter(t, before.audit)).map((a) => a.action)).toEqual(['access_denied']);
    const c = await t.call(center, 'GET', expensesPath());
    expect(c.status).toBe(200);
    expect(c.json.total).toBe(d.json.total);
    expect((await t.call(center, 'POST', expensesPath(), await body())).status).toBe(403);
  });
});

describe('warnings are kept and listed', () => {
  it('a purpose with 餐 books with a purpose_word warning, is listed by withWarnings and counted on the funds page', async () => {
    const counted = (await funds()).expensesWithWarnings as number;
    const booked = await t.call(
      host,
      'POST',
      expensesPath(),
      await body({ amountFen: 800, purpose: '午餐会议程印制' }),
    );
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    expect(booked.json.warnings).toEqual([
      expect.objectContaining({ id: 'purpose_word', article: '第十七条', severity: 'warn' }),
    ]);
    expect(booked.json.warnings[0].message).toContain('餐');
    const listed = await t.call(host, 'GET', `${expensesPath()}?withWarnings=true&pageSize=200`);
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((x: { id: string }) => x.id)).toContain(booked.json.id);
    for (const x of listed.json.items) expect(x.warnings.length).toBeGreaterThan(0);
    const plain = await allExpenses();
    expect(listed.json.total).toBe(plain.filter((x) => x.warnings.length > 0).length);
    expect((await funds()).expensesWithWarnings).toBe(counted + 1);
  });
});

describe('evaluation and the year’s execution', () => {
  it('the KPI evaluation’s funds.spentGrant is the sum of the grant expenses, as a decimal string', async () => {
    const all = await allExpenses();
    const grant = all.filter((x) => x.source === 'grant');
    const sum = grant.reduce((s, x) => s + x.amountFen, 0);
    const k = await t.call(host, 'GET', `/api/v1/stations/${HAIDIAN}/kpis`);
    expect(k.status).toBe(200);
    expect(k.json.funds.spentGrant).toBe(fenToYuan(sum));
    expect(k.json.funds.spentGrant).toMatch(/^\d+\.\d{2}$/);
    expect(k.json.funds.granted).toBe('150000.00');
    const matching = all.filter((x) => x.source === 'matching').reduce((s, x) => s + x.amountFen, 0);
    expect(k.json.funds.spentMatching).toBe(fenToYuan(matching));
    for (const c of EXPENSE_CATEGORIES) {
      const inCat = grant.filter((x) => x.category === c).reduce((s, x) => s + x.amountFen, 0);
      expect(k.json.funds.byCategory[c]).toBe(fenToYuan(inCat));
    }
    // and the same on the funds page
    expect((await funds()).execution.spentGrantFen).toBe(sum);
  });

  it('the Center sees every 2025 station with totals; the 海淀 district user only 海淀', async () => {
    const stations = await t.deps.db
      .selectFrom('stations')
      .select(['id', 'type'])
      .where('program_year', '=', 2025)
      .execute();
    const c = await t.call(center, 'GET', '/api/v1/funds/execution?year=2025&pageSize=200');
    expect(c.status, JSON.stringify(c.json)).toBe(200);
    expect(c.json.total).toBe(stations.length);
    expect(c.json.totals.stations).toBe(stations.length);
    expect(new Set(c.json.items.map((s: { stationId: string }) => s.stationId))).toEqual(
      new Set(stations.map((s) => s.id)),
    );
    const granted = stations.reduce((s, x) => s + policy2025.stationTypes[x.type].fundingFen, 0);
    expect(c.json.totals.grantedFen).toBe(granted);
    const grantRows = await t.deps.db
      .selectFrom('expenses')
      .innerJoin('stations', 'stations.id', 'expenses.station_id')
      .select(['expenses.amount_fen', 'expenses.category'])
      .where('stations.program_year', '=', 2025)
      .where('expenses.source', '=', 'grant')
      .execute();
    const spent = grantRows.reduce((s, x) => s + Number(x.amount_fen), 0);
    expect(c.json.totals.spentGrantFen).toBe(spent);
    expect(c.json.totals.byCategory.reduce((s: number, x: { spentFen: number }) => s + x.spentFen, 0)).toBe(spent);
    const haidian = c.json.items.find((s: { stationId: string }) => s.stationId === HAIDIAN);
    const mine = (await funds()).execution;
    expect(haidian).toMatchObject({ spentGrantFen: mine.spentGrantFen, grantedFen: 15_000_000, hasBudget: true });

    const d = await t.call(district, 'GET', '/api/v1/funds/execution?year=2025&pageSize=200');
    expect(d.status).toBe(200);
    expect(d.json.total).toBe(1);
    expect(d.json.items.map((s: { stationId: string }) => s.stationId)).toEqual([HAIDIAN]);
    expect(d.json.totals).toMatchObject({ stations: 1, grantedFen: 15_000_000, spentGrantFen: mine.spentGrantFen });
  });
});
