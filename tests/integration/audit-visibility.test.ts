// What the audit log shows, and to whom (decision 018). The audit administrator sees who did what, when, to which
// record and which fields, and the values of security events; not business values (amounts, payees, names, numbers).
// Telephone numbers are personal information: masked in the stored log for every reader, and in the experts' Excel
// export like ID numbers; the ledger exchange file keeps them whole so that a round trip loses nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { freshVoucher, validExpenseBody } from './support/expenses';
import { type DemoIds, demoIds } from './support/fixtures';
import { ID_CARD } from './support/ledger-requests';

const PHONE = '13912345678';
const MASKED = '139****5678';
const NAME = '钱学明';

let t: TestApp;
let ids: DemoIds;
let expertId = '';
let expenseId = '';
const station = () => `/api/v1/stations/${ids.stations.haidian}`;

type Diff = Record<string, { before?: unknown; after?: unknown }>;
interface Row {
  entity: string;
  entityId: string;
  action: string;
  actorName: string;
  diff: Diff;
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
  ids = await demoIds(t);
  const host = await t.login('host');
  const made = await t.call(host, 'POST', `${station()}/experts`, {
    name: NAME,
    kind: 'expert',
    employer: '北京工业大学',
    phone: PHONE,
    hostStaff: false,
    fiscallySupported: false,
    idCard: ID_CARD,
  });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  expertId = made.json.id;
  const changed = await t.call(host, 'PUT', `${station()}/experts/${expertId}`, {
    version: made.json.version,
    record: {
      name: NAME,
      kind: 'expert',
      employer: '北京工业大学',
      phone: '13800001111',
      hostStaff: false,
      fiscallySupported: false,
    },
  });
  expect(changed.status, JSON.stringify(changed.json)).toBe(200);
  const expense = await t.call(
    host,
    'POST',
    `${station()}/expenses`,
    validExpenseBody(await freshVoucher(t, ids.stations.haidian)),
  );
  expect(expense.status, JSON.stringify(expense.json)).toBe(201);
  expenseId = expense.json.id;
  // A security event: the security administrator gives the reviewer another role.
  const sec = await t.login('secadmin');
  const role = await t.call(sec, 'PUT', `/api/v1/users/${ids.users.reviewer.id}/role`, {
    version: ids.users.reviewer.version,
    role: 'center_staff',
  });
  expect(role.status, JSON.stringify(role.json)).toBe(200);
});
afterAll(() => t.close());

async function asAuditAdmin(query: string): Promise<Row[]> {
  const r = await t.call(await t.login('auditadmin'), 'GET', `/api/v1/audit-events?pageSize=200&${query}`);
  expect(r.status).toBe(200);
  return r.json.items;
}

describe('the audit administrator', () => {
  it('sees which fields of an expert changed, and who and when, but not the values', async () => {
    const rows = await asAuditAdmin(`entityId=${expertId}`);
    const create = rows.find((r) => r.action === 'create')!;
    const update = rows.find((r) => r.action === 'update')!;
    expect(create.actorName).toBe('host');
    // The fields are named…
    expect(Object.keys(create.diff)).toEqual(expect.arrayContaining(['name', 'phone', 'employer', 'id_card_masked']));
    // …their values are not, but for what identifies the record.
    for (const field of ['name', 'phone', 'employer', 'id_card_masked', 'kind']) {
      expect(create.diff[field], field).toEqual({ after: '***' });
    }
    expect(create.diff.station_id).toEqual({ after: ids.stations.haidian });
    expect(create.diff.id).toEqual({ after: expertId });
    expect(update.diff.phone).toEqual({ before: '***', after: '***' });
    expect(Object.keys(update.diff)).not.toContain('name');
    const text = JSON.stringify(rows.map((r) => r.diff));
    for (const value of [NAME, PHONE, MASKED, '13800001111', '北京工业大学']) expect(text).not.toContain(value);
  });

  it('sees that an expense was booked, not its amount or payee', async () => {
    const rows = await asAuditAdmin('entity=expense');
    const booked = rows.find((r) => r.entityId === expenseId && r.action === 'book')!;
    expect(booked).toBeDefined();
    expect(booked.diff.amount_fen).toEqual({ after: '***' });
    expect(booked.diff.payee_name).toEqual({ after: '***' });
    expect(booked.diff.purpose).toEqual({ after: '***' });
    expect(JSON.stringify(booked.diff)).not.toMatch(/12345|北京某印务有限公司|宣传册印制/);
  });

  it('sees the values of security events: roles, sign-ins (secrets still masked)', async () => {
    const rows = await asAuditAdmin(`entity=user&entityId=${ids.users.reviewer.id}`);
    const assigned = rows.find((r) => r.action === 'assign_role')!;
    expect(assigned.actorName).toBe('secadmin');
    expect(assigned.diff.role).toEqual({ before: 'reviewer', after: 'center_staff' });
    const created = rows.find((r) => r.action === 'create')!;
    expect(created.diff.password_hash).toEqual({ after: '***' });
    expect(created.diff.username).toEqual({ after: 'reviewer' });
  });

  it('exports the same view to Excel', async () => {
    const r = await t.call(await t.login('auditadmin'), 'GET', `/api/v1/audit-events/export?entityId=${expertId}`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('变更内容');
    expect(col).toBeGreaterThan(0);
    const diffs: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) diffs.push(String(row.getCell(col).value));
    });
    expect(diffs).toHaveLength(2);
    for (const d of diffs) {
      expect(d).toContain('"phone"');
      expect(d).not.toContain(NAME);
      expect(d).not.toContain(MASKED);
    }
  });
});

describe('telephone numbers', () => {
  it('are masked in the stored audit log, for every reader', async () => {
    const rows = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'diff_json'])
      .where('entity_id', '=', expertId)
      .orderBy('seq')
      .execute();
    const [create, update] = rows.map((r) => JSON.parse(r.diff_json) as Diff);
    expect(create.phone).toEqual({ after: MASKED });
    expect(update.phone).toEqual({ before: MASKED, after: '138****1111' });
    expect(JSON.stringify(rows)).not.toContain(PHONE);
    // The business reader of the record still sees its own value in the page.
    const page = await t.call(await t.login('host'), 'GET', `${station()}/experts/${expertId}`);
    expect(page.json.phone).toBe('13800001111');
  });

  it('are masked in the experts’ Excel export, like ID numbers; the ledger exchange file keeps them whole', async () => {
    const center = await t.login('center');
    const r = await t.call(center, 'GET', `${station()}/experts/export`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const phoneCol = header.indexOf('电话（脱敏）');
    const nameCol = header.indexOf('姓名');
    expect(phoneCol).toBeGreaterThan(0);
    const phones: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const phone = String(row.getCell(phoneCol).value ?? '');
      phones.push(phone);
      if (row.getCell(nameCol).value === NAME) expect(phone).toBe('138****1111');
    });
    expect(phones).toContain('138****1111');
    // No whole number of 11 digits anywhere in the column.
    expect(phones.filter((p) => /\d{7,}/.test(p))).toEqual([]);
    const ledger = await t.call(center, 'GET', `${station()}/ledger`);
    const mine = ledger.json.experts.find((x: { name: string }) => x.name === NAME);
    expect(mine.phone).toBe('13800001111');
  });
});
