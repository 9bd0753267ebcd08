// 变更记录 (issue 14): a station's, a project's and an expense's own history, read from the audit trail by those who may
// read the record, with its data scope (out of scope is 404 as for the record), personal data masked at any depth, no
// hash chain or address, and paged in SQL (on the engine the test app runs: SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { freshExpense, freshVoucher, validExpenseBody } from './support/expenses';
import { demoIds, HAIDIAN, stationBody } from './support/fixtures';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

const HD = ids.stations.haidian;
const CY = ids.stations.chaoyang;
const ENTRY_KEYS = ['action', 'actionLabel', 'actorName', 'actorRoleLabel', 'at', 'changes', 'id', 'summary'];

let center: string;
let host: string;
let haidian: string;
let auditor: string;
let reviewer: string;
let auditAdmin: string;

interface Change {
  field: string;
  fieldLabel: string;
  before?: string | null;
  after?: string | null;
}
interface Entry {
  id: string;
  at: string;
  actorName: string;
  actorRoleLabel: string | null;
  action: string;
  actionLabel: string;
  summary: string;
  changes: Change[];
}

const stationHistory = (cookie: string, id = HD, q = '') => t.call(cookie, 'GET', `/api/v1/stations/${id}/history${q}`);

/** Edits the 海淀 station as the Center: the leader and the leader's telephone. */
async function editStation(leaderName: string, leaderPhone: string) {
  const s = (await t.call(center, 'GET', `/api/v1/stations/${HD}`)).json;
  const r = await t.call(center, 'PUT', `/api/v1/stations/${HD}`, {
    version: s.version,
    station: stationBody({
      programYear: s.programYear,
      type: s.type,
      districtCode: HAIDIAN,
      hostOrgId: s.hostOrgId,
      name: s.name,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      leaderName,
      leaderPhone,
      contactName: s.contactName,
      contactPhone: s.contactPhone,
    }),
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}

beforeAll(async () => {
  center = await t.login('center');
  host = await t.login('host');
  haidian = await t.login('haidian');
  reviewer = await t.login('reviewer');
  auditAdmin = await t.login('auditadmin');
  auditor = await t.login('auditor');
});

describe('a station’s history', () => {
  it('shows the Center who changed the leader, when, and the telephone masked', async () => {
    const before = (await t.call(center, 'GET', `/api/v1/stations/${HD}`)).json;
    await editStation('王建国', '13912345678');
    const r = await stationHistory(center);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const [latest] = r.json.items as Entry[];
    expect(Object.keys(latest).sort()).toEqual(ENTRY_KEYS);
    const me = await t.deps.db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'center')
      .executeTakeFirstOrThrow();
    expect(latest).toMatchObject({
      action: 'update',
      actionLabel: '修改',
      actorName: me.display_name,
      actorRoleLabel: '中心管理员',
      at: t.clock.now().toISOString(),
    });
    expect(latest.changes).toContainEqual({
      field: 'leader_name',
      fieldLabel: '项目负责人',
      before: before.leaderName,
      after: '王建国',
    });
    const phone = latest.changes.find((c) => c.field === 'leader_phone');
    expect(phone).toMatchObject({ fieldLabel: '负责人电话', after: '139****5678' });
    expect(phone?.before).toMatch(/^\S{3}\*+\S{4}$/);
    // The number is nowhere in the answer, nor the chain or the address the change came from.
    const text = JSON.stringify(r.json);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain(before.leaderPhone);
    expect(text).not.toMatch(/"(hash|prevHash|ip|diff)"/);
    // Bookkeeping every write bumps is not a change a reader needs to see.
    expect(latest.changes.map((c) => c.field)).not.toContain('ledger_version');
  });

  it('is read with the station’s own scope: its district and host see it, another district’s gets 404', async () => {
    expect((await stationHistory(haidian)).status).toBe(200);
    expect((await stationHistory(host)).status).toBe(200);
    const other = await stationHistory(haidian, CY);
    expect(other.status).toBe(404);
    expect(other.json.error.message).toBe('工作站点不存在或您无权查看');
    expect((await stationHistory(host, CY)).status).toBe(404);
    // The demo auditor is assigned the 朝阳 station only.
    expect((await stationHistory(auditor, CY)).status).toBe(200);
    expect((await stationHistory(auditor)).status).toBe(404);
    expect((await stationHistory(center, '01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('is refused to a reviewer and to the audit administrator (no read:station)', async () => {
    expect((await stationHistory(reviewer)).status).toBe(403);
    expect((await stationHistory(auditAdmin)).status).toBe(403);
  });

  it('is paged in SQL, newest first, with the right total', async () => {
    await editStation('李四', '13900002222');
    await editStation('王五', '13900003333');
    const rows = await t.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity', '=', 'station')
      .where('entity_id', '=', HD)
      .orderBy('seq', 'desc')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const p1 = await stationHistory(center, HD, '?page=1&pageSize=2');
    const p2 = await stationHistory(center, HD, '?page=2&pageSize=2');
    expect(p1.json).toMatchObject({ total: rows.length, page: 1, pageSize: 2 });
    expect(p2.json).toMatchObject({ total: rows.length, page: 2, pageSize: 2 });
    const seen = [...p1.json.items, ...p2.json.items].map((e: Entry) => e.id);
    expect(seen).toEqual(rows.slice(0, 4).map((x) => x.id));
    expect(p1.json.items[0].changes).toContainEqual(expect.objectContaining({ field: 'leader_name', after: '王五' }));
    const beyond = await stationHistory(center, HD, `?page=${rows.length + 1}&pageSize=2`);
    expect(beyond.json).toMatchObject({ items: [], total: rows.length });
    expect((await stationHistory(center, HD, '?pageSize=500')).status).toBe(400);
  });
});

describe('a project’s history', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = (
      await t.deps.db.selectFrom('projects').select('id').where('station_id', '=', HD).executeTakeFirstOrThrow()
    ).id;
  });

  it('holds the project’s agreement and its change requests, the proposal’s telephone masked', async () => {
    const terms = (await t.call(host, 'GET', `/api/v1/projects/${projectId}`)).json.terms;
    const made = await t.call(host, 'POST', `/api/v1/projects/${projectId}/change-requests`, {
      title: '更换联系人',
      reason: '原联系人调岗，更换联系人',
      effectiveOn: '2025-08-01',
      terms: { ...terms, contactName: '新联系人', contactPhone: '13800001234' },
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);

    const r = await t.call(center, 'GET', `/api/v1/projects/${projectId}/history?pageSize=50`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const items = r.json.items as Entry[];
    const [latest] = items;
    expect(latest).toMatchObject({ action: 'create', actorRoleLabel: '依托单位' });
    expect(latest.summary).toContain('更换联系人');
    expect(latest.changes).toContainEqual({
      field: 'proposed.contactPhone',
      fieldLabel: '调整后的协议条款：联系人电话',
      after: '138****1234',
    });
    expect(latest.changes).toContainEqual(
      expect.objectContaining({ field: 'proposed.contactName', after: '新联系人' }),
    );
    // The project's own creation with agreement version 1 (the demo seed) is there too, oldest last.
    const created = items[items.length - 1];
    expect(created).toMatchObject({ action: 'create', actorName: '系统', actorRoleLabel: null });
    const leaderPhone = created.changes.find((c) => c.field === 'agreement.leaderPhone');
    expect(leaderPhone?.after).toMatch(/^\S{3}\*+\S{4}$/);
    expect(JSON.stringify(r.json)).not.toContain('13800001234');
    expect(JSON.stringify(r.json)).not.toContain(terms.leaderPhone);
    expect(r.json.total).toBe(items.length);
  });

  it('is read with the project’s scope', async () => {
    expect((await t.call(haidian, 'GET', `/api/v1/projects/${projectId}/history`)).status).toBe(200);
    expect((await t.call(auditor, 'GET', `/api/v1/projects/${projectId}/history`)).status).toBe(404);
    expect((await t.call(reviewer, 'GET', `/api/v1/projects/${projectId}/history`)).status).toBe(403);
  });
});

describe('an expense’s history', () => {
  const path = (stationId: string, expenseId: string) => `/api/v1/stations/${stationId}/expenses/${expenseId}`;

  it('shows its booking and its edit, money in 元, newest first', async () => {
    const body = validExpenseBody(await freshVoucher(t, HD));
    const made = await t.call(host, 'POST', `/api/v1/stations/${HD}/expenses`, body);
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const id = made.json.id as string;
    const edit = await t.call(host, 'PUT', path(HD, id), {
      ...body,
      amountFen: 20_000,
      purpose: '宣传册加印',
      version: 1,
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);

    const r = await t.call(center, 'GET', `${path(HD, id)}/history`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.total).toBe(2);
    const [update, book] = r.json.items as Entry[];
    expect(update).toMatchObject({ action: 'update', actionLabel: '修改', actorRoleLabel: '依托单位' });
    expect(update.changes).toContainEqual({
      field: 'amount_fen',
      fieldLabel: '金额',
      before: '123.45 元',
      after: '200.00 元',
    });
    expect(update.changes).toContainEqual({
      field: 'purpose',
      fieldLabel: '用途',
      before: '宣传册印制',
      after: '宣传册加印',
    });
    expect(book).toMatchObject({ action: 'book', actionLabel: '记账' });
    expect(book.changes).toContainEqual(expect.objectContaining({ field: 'payee_name', after: '北京某印务有限公司' }));
    expect(book.changes.every((c) => !('before' in c))).toBe(true);
  });

  it('is 404 for an expense of another station and out of scope, 403 without read:ledger', async () => {
    const other = await freshExpense(t, CY);
    expect((await t.call(center, 'GET', `${path(HD, other)}/history`)).status).toBe(404);
    expect((await t.call(center, 'GET', `${path(CY, other)}/history`)).status).toBe(200);
    expect((await t.call(haidian, 'GET', `${path(CY, other)}/history`)).status).toBe(404);
    expect((await t.call(reviewer, 'GET', `${path(CY, other)}/history`)).status).toBe(403);
  });
});
