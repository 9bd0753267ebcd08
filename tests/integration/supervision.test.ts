// Supervision (issue #5): the Center inspects the stations at any time (第十九条) — chosen or randomly sampled stations
// and expenses —, records findings (a rectification with its due date, or a violation on a ground of 第十八条), the
// host answers, the Center closes; for a violation it recovers the funds (第十八条) payment by payment. Everything is
// audited, version-checked and reported in Word. Same tests on SQLite and PostgreSQL.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/domain/money';
import { createTestApp, type TestApp } from '../setup/test-app';
import { auditRowsAfter, CHINESE, demoIds, lastAuditSeq, rawRequest, stationBody } from './support/fixtures';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let center: string;
let staff: string;
let host: string;
let haidian: string;
let auditor: string;
beforeAll(async () => {
  center = await t.login('center');
  staff = await t.login('staff');
  host = await t.login('host');
  haidian = await t.login('haidian');
  auditor = await t.login('auditor');
});

const HD = () => ids.stations.haidian;
const CY = () => ids.stations.chaoyang;

async function stationName(id: string): Promise<string> {
  const s = await t.deps.db.selectFrom('stations').select('name').where('id', '=', id).executeTakeFirstOrThrow();
  return s.name;
}

async function expensesOf(stationId: string): Promise<Array<{ id: string; ref: string }>> {
  return t.deps.db.selectFrom('expenses').select(['id', 'ref']).where('station_id', '=', stationId).execute();
}

async function auditOf(entity: string, entityId: string) {
  return t.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

const inspectionBody = (over: Record<string, unknown> = {}) => ({
  programYear: 2025,
  title: '2025年度经费使用不定期抽查',
  kind: 'unannounced',
  plannedOn: '2025-06-20',
  stationIds: [HD(), CY()],
  sampleExpenses: 2,
  ...over,
});

const issuePaths = (r: { json: { error?: { issues?: Array<{ path: string }> } } }) =>
  (r.json.error?.issues ?? []).map((i) => i.path);

// The inspection the flow below works on, and its findings.
let inspectionId = '';
let inspectionVersion = 0;
let rectificationId = '';
let violationId = '';
let chaoyangFindingId = '';
let sampledHaidian: string[] = [];

describe('inspections (第十九条)', () => {
  it('the Center creates an unannounced inspection of chosen stations with 2 sampled expenses each, audited once', async () => {
    const seq = await lastAuditSeq(t);
    const r = await t.call(center, 'POST', '/api/v1/inspections', inspectionBody());
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({
      programYear: 2025,
      kind: 'unannounced',
      kindLabel: '不定期抽查',
      status: 'planned',
      statusLabel: '检查中',
      stationCount: 2,
      findingCount: 0,
      version: 1,
    });
    expect(r.json.sampleNote).toContain('每个站点随机抽取至多 2 笔支出');
    inspectionId = r.json.id;
    inspectionVersion = r.json.version;

    const targets = r.json.targets as Array<{
      stationId: string;
      stationName: string;
      expenses: Array<{ id: string }>;
    }>;
    expect(targets.map((x) => x.stationId).sort()).toEqual([HD(), CY()].sort());
    for (const target of targets) {
      expect(target.stationName).toBe(await stationName(target.stationId));
      const own = (await expensesOf(target.stationId)).map((x) => x.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(target.expenses).toHaveLength(2);
      expect(new Set(target.expenses.map((x) => x.id)).size).toBe(2);
      for (const x of target.expenses) expect(own).toContain(x.id);
    }
    sampledHaidian = targets.find((x) => x.stationId === HD())!.expenses.map((x) => x.id);

    const rows = await auditRowsAfter(t, seq);
    expect(rows.map((a) => [a.entity, a.action, a.entity_id])).toEqual([['inspection', 'create', inspectionId]]);
    expect(rows[0].summary).toContain('第十九条');

    const again = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(again.status).toBe(200);
    expect(again.json.targets).toEqual(r.json.targets);
  });

  it('center_staff may create one too: a random sample of 3 distinct 2025 stations, said so in its note', async () => {
    const r = await t.call(
      staff,
      'POST',
      '/api/v1/inspections',
      inspectionBody({
        title: '随机抽查三个站点',
        kind: 'scheduled',
        stationIds: [],
        sampleStations: 3,
        sampleExpenses: 0,
      }),
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const stationIds = (r.json.targets as Array<{ stationId: string; expenses: unknown[] }>).map((x) => x.stationId);
    expect(stationIds).toHaveLength(3);
    expect(new Set(stationIds).size).toBe(3);
    const years = await t.deps.db.selectFrom('stations').select('program_year').where('id', 'in', stationIds).execute();
    expect(years.map((y) => y.program_year)).toEqual([2025, 2025, 2025]);
    for (const target of r.json.targets) expect(target.expenses).toEqual([]);
    expect(r.json.stationCount).toBe(3);
    expect(r.json.sampleNote).toBe('从 23 个站点中随机抽取 3 个');
    expect(r.json.kindLabel).toBe('计划检查');
  });

  it('refuses stations of another year (400 on stationIds) and an inspection of no station at all', async () => {
    const year = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
    expect(year.status, JSON.stringify(year.json)).toBe(201);
    const s2026 = await t.call(center, 'POST', '/api/v1/stations', stationBody({ hostOrgId: ids.orgs.haidianHost }));
    expect(s2026.status, JSON.stringify(s2026.json)).toBe(201);

    const before = await t.call(center, 'GET', '/api/v1/inspections?pageSize=100');
    const mixed = await t.call(
      center,
      'POST',
      '/api/v1/inspections',
      inspectionBody({ stationIds: [HD(), s2026.json.id] }),
    );
    expect(mixed.status).toBe(400);
    expect(issuePaths(mixed)).toEqual(['stationIds']);
    expect(mixed.json.error.issues[0].message).toContain('2025');
    const other = await t.call(
      center,
      'POST',
      '/api/v1/inspections',
      inspectionBody({ programYear: 2026, stationIds: [HD()], sampleExpenses: 0 }),
    );
    expect(other.status).toBe(400);
    expect(issuePaths(other)).toEqual(['stationIds']);

    const none = await t.call(center, 'POST', '/api/v1/inspections', inspectionBody({ stationIds: [] }));
    expect(none.status).toBe(400);
    expect(issuePaths(none)).toEqual(['stationIds']);
    expect(none.json.error.issues[0].message).toMatch(CHINESE);
    const zero = await t.call(
      center,
      'POST',
      '/api/v1/inspections',
      inspectionBody({ stationIds: [], sampleStations: 0 }),
    );
    expect(zero.status).toBe(400);

    const after = await t.call(center, 'GET', '/api/v1/inspections?pageSize=100');
    expect(after.json.total).toBe(before.json.total);
  });

  it('lists the inspections of the year for the Center; a host, district user or auditor may not see the list', async () => {
    const r = await t.call(center, 'GET', '/api/v1/inspections?year=2025&status=planned');
    expect(r.status).toBe(200);
    const mine = r.json.items.find((i: { id: string }) => i.id === inspectionId);
    expect(mine).toMatchObject({ stationCount: 2, findingCount: 0, title: '2025年度经费使用不定期抽查' });
    expect(r.json.total).toBe(2);
    for (const cookie of [host, haidian, auditor]) {
      expect((await t.call(cookie, 'GET', '/api/v1/inspections')).status).toBe(403);
      expect((await t.call(cookie, 'GET', `/api/v1/inspections/${inspectionId}`)).status).toBe(403);
    }
  });
});

describe('findings', () => {
  const add = (body: Record<string, unknown>, cookie = center) =>
    t.call(cookie, 'POST', `/api/v1/inspections/${inspectionId}/findings`, {
      stationId: HD(),
      kind: 'rectification',
      description: '部分支出凭证未附会议签到表',
      dueOn: '2025-07-15',
      ...body,
    });

  it('a rectification needs a due date that is not past; a violation needs its ground of 第十八条', async () => {
    const noDue = await add({ dueOn: undefined });
    expect(noDue.status).toBe(400);
    expect(issuePaths(noDue)).toEqual(['dueOn']);
    const pastDue = await add({ dueOn: '2025-06-14' });
    expect(pastDue.status).toBe(400);
    expect(issuePaths(pastDue)).toEqual(['dueOn']);
    const noGround = await add({ kind: 'violation', dueOn: null });
    expect(noGround.status).toBe(400);
    expect(issuePaths(noGround)).toEqual(['ground']);
    expect(noGround.json.error.issues[0].message).toContain('第十八条');
    const badGround = await add({ kind: 'violation', ground: 'bribery' });
    expect(badGround.status).toBe(400);
    expect(issuePaths(badGround)).toEqual(['ground']);
  });

  it('refuses a station outside the inspection and an expense of another station', async () => {
    const outside = await add({ stationId: ids.stations.iurBit });
    expect(outside.status).toBe(400);
    expect(issuePaths(outside)).toEqual(['stationId']);
    const chaoyangExpense = (await expensesOf(CY()))[0].id;
    const foreign = await add({ expenseId: chaoyangExpense });
    expect(foreign.status).toBe(400);
    expect(issuePaths(foreign)).toEqual(['expenseId']);
    const i = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(i.json.findings).toEqual([]);
  });

  it('records valid findings, listed with their labels, the ground of 第十八条 and the expense', async () => {
    const expense = (await expensesOf(HD())).find((x) => x.id === sampledHaidian[0])!;
    const r1 = await add({ expenseId: expense.id });
    expect(r1.status, JSON.stringify(r1.json)).toBe(201);
    const r2 = await add({
      kind: 'violation',
      ground: 'misappropriation',
      dueOn: null,
      description: '将项目经费用于本单位日常办公支出',
    });
    expect(r2.status, JSON.stringify(r2.json)).toBe(201);
    const r3 = await add({ stationId: CY(), description: '新闻稿未在科协网站发布', dueOn: '2025-08-01' }, staff);
    expect(r3.status, JSON.stringify(r3.json)).toBe(201);

    const i = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(i.json.findingCount).toBe(3);
    const [rect, viol, cy] = i.json.findings;
    expect(rect).toMatchObject({
      stationId: HD(),
      stationName: await stationName(HD()),
      kind: 'rectification',
      kindLabel: '整改要求',
      ground: null,
      groundLabel: '',
      dueOn: '2025-07-15',
      overdue: false,
      expenseId: expense.id,
      expenseRef: expense.ref,
      status: 'open',
      statusLabel: '待整改',
      version: 1,
    });
    expect(viol).toMatchObject({
      kind: 'violation',
      kindLabel: '违规问题',
      ground: 'misappropriation',
      status: 'open',
      description: '将项目经费用于本单位日常办公支出',
    });
    expect(viol.groundLabel).toContain('第十八条（二）');
    expect(viol.groundLabel).toContain('截留、挤占、挪用');
    expect(cy).toMatchObject({ stationId: CY(), status: 'open' });
    rectificationId = rect.id;
    violationId = viol.id;
    chaoyangFindingId = cy.id;

    const audited = await auditOf('inspection', inspectionId);
    expect(audited.map((a) => a.action)).toEqual(['create', 'add_finding', 'add_finding', 'add_finding']);
    expect(audited[2].summary).toContain('第十八条（二）');
  });

  it('a host may not record a finding', async () => {
    const r = await add({}, host);
    expect(r.status).toBe(403);
  });
});

describe('the host answers (第十九条)', () => {
  const supervision = (cookie: string, stationId: string) =>
    t.call(cookie, 'GET', `/api/v1/stations/${stationId}/supervision`);
  const respond = (cookie: string, findingId: string, version: number, response = '已补齐会议签到表并归档') =>
    t.call(cookie, 'POST', `/api/v1/stations/${HD()}/findings/${findingId}/response`, { version, response });

  it('the 海淀 host sees its station’s findings, not 朝阳’s', async () => {
    const r = await supervision(host, HD());
    expect(r.status).toBe(200);
    expect(r.json.article).toContain('第十九条');
    expect(r.json.findings.map((f: { id: string }) => f.id)).toEqual([rectificationId, violationId]);
    expect(r.json.findings[0].inspectionTitle).toBe('2025年度经费使用不定期抽查');
    expect((await supervision(host, CY())).status).toBe(404);
  });

  it('the open rectification waits in the host’s 我的待办 with its due date, and in nobody else’s', async () => {
    const inbox = await t.call(host, 'GET', '/api/v1/inbox');
    expect(inbox.status).toBe(200);
    const task = inbox.json.tasks.find((x: { key: string }) => x.key === `finding-respond:${rectificationId}`);
    expect(task).toMatchObject({ article: '第十九条', link: `/stations/${HD()}/supervision` });
    expect(task.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const other = await t.call(haidian, 'GET', '/api/v1/inbox');
    expect(other.json.tasks.some((x: { key: string }) => x.key.startsWith('finding-respond:'))).toBe(false);
  });

  it('responds with the version; the finding is then “responded”, and a stale version is 409', async () => {
    const empty = await respond(host, rectificationId, 1, ' ');
    expect(empty.status).toBe(409);
    expect(empty.json.error.message).toContain('请填写整改情况');
    const r = await respond(host, rectificationId, 1);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const f = r.json.findings.find((x: { id: string }) => x.id === rectificationId);
    expect(f).toMatchObject({
      status: 'responded',
      statusLabel: '已反馈整改',
      response: '已补齐会议签到表并归档',
      version: 2,
    });
    expect(f.respondedAt).toBeTruthy();
    const stale = await respond(host, rectificationId, 1);
    expect(stale.status).toBe(409);
    const twice = await respond(host, rectificationId, 2);
    expect(twice.status).toBe(409);
  });

  it('the host cannot answer a finding of 朝阳 through its own station', async () => {
    const r = await respond(host, chaoyangFindingId, 1);
    expect(r.status).toBe(404);
    const cy = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(cy.json.findings.find((f: { id: string }) => f.id === chaoyangFindingId).status).toBe('open');
  });

  it('the 朝阳 auditor reads 朝阳’s supervision but gets 404 on 海淀’s', async () => {
    expect((await supervision(auditor, HD())).status).toBe(404);
    const r = await supervision(auditor, CY());
    expect(r.status).toBe(200);
    expect(r.json.findings.map((f: { id: string }) => f.id)).toEqual([chaoyangFindingId]);
  });

  it('the 海淀 district user reads its station’s supervision but may not respond', async () => {
    const r = await supervision(haidian, HD());
    expect(r.status).toBe(200);
    expect(r.json.findings).toHaveLength(2);
    const refused = await respond(haidian, violationId, 1);
    expect(refused.status).toBe(403);
    expect((await supervision(host, HD())).json.findings[1].status).toBe('open');
  });
});

describe('the Center decides on a finding', () => {
  it('reopens a responded finding only with a note (409 without), then closes it', async () => {
    const noNote = await t.call(center, 'POST', `/api/v1/inspection-findings/${rectificationId}/reopen`, {
      version: 2,
      note: '',
    });
    expect(noNote.status).toBe(409);
    expect(noNote.json.error.message).toContain('请填写退回理由');
    const reopened = await t.call(center, 'POST', `/api/v1/inspection-findings/${rectificationId}/reopen`, {
      version: 2,
      note: '签到表缺少专家签字，请补充',
    });
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200);
    expect(reopened.json.findings.find((f: { id: string }) => f.id === rectificationId)).toMatchObject({
      status: 'open',
      version: 3,
    });

    const hostAgain = await t.call(host, 'POST', `/api/v1/stations/${HD()}/findings/${rectificationId}/response`, {
      version: 3,
      response: '已补充专家签字的会议签到表',
    });
    expect(hostAgain.status).toBe(200);

    const stale = await t.call(staff, 'POST', `/api/v1/inspection-findings/${rectificationId}/close`, {
      version: 3,
      note: '整改到位，予以办结',
    });
    expect(stale.status).toBe(409);
    const closed = await t.call(staff, 'POST', `/api/v1/inspection-findings/${rectificationId}/close`, {
      version: 4,
      note: '整改到位，予以办结',
    });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json.findings.find((f: { id: string }) => f.id === rectificationId)).toMatchObject({
      status: 'closed',
      statusLabel: '已办结',
      closingNote: '整改到位，予以办结',
    });
    const again = await t.call(center, 'POST', `/api/v1/inspection-findings/${rectificationId}/reopen`, {
      version: 5,
      note: '再次退回',
    });
    expect(again.status).toBe(409);
    expect((await auditOf('inspection_finding', rectificationId)).map((a) => a.action)).toEqual([
      'respond',
      'reopen',
      'respond',
      'close',
    ]);
  });

  it('a host may not close a finding', async () => {
    const r = await t.call(host, 'POST', `/api/v1/inspection-findings/${violationId}/close`, {
      version: 1,
      note: '已整改',
    });
    expect(r.status).toBe(403);
  });
});

describe('recovery of funds (第十八条)', () => {
  let orderId = '';
  const issue = (body: Record<string, unknown>, cookie = center) =>
    t.call(cookie, 'POST', '/api/v1/recoveries', {
      findingId: violationId,
      amountFen: 1_000_000,
      dueOn: '2025-07-31',
      responsiblePerson: '张伟',
      ...body,
    });
  const pay = (amountFen: number, version: number, cookie = center) =>
    t.call(cookie, 'POST', `/api/v1/recoveries/${orderId}/payments`, {
      version,
      paidOn: '2025-06-15',
      amountFen,
      note: '退回至市科协账户',
    });

  it('is only for a violation: a rectification finding is 409, and center_staff may not issue', async () => {
    const rect = await issue({ findingId: rectificationId });
    expect(rect.status).toBe(409);
    expect(rect.json.error.message).toContain('第十八条');
    expect((await issue({}, staff)).status).toBe(403);
    expect((await issue({}, host)).status).toBe(403);
    const list = await t.call(center, 'GET', '/api/v1/recoveries');
    expect(list.json.total).toBe(0);
  });

  it('issues an order for the violation: 201 “issued”, owing the whole amount', async () => {
    const r = await issue({});
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({
      stationId: HD(),
      findingId: violationId,
      ground: 'misappropriation',
      amountFen: 1_000_000,
      paidFen: 0,
      owedFen: 1_000_000,
      status: 'issued',
      statusLabel: '已下达',
      responsiblePerson: '张伟',
      dueOn: '2025-07-31',
      payments: [],
      version: 1,
    });
    expect(r.json.groundLabel).toContain('第十八条（二）');
    orderId = r.json.id;
    const s = await t.call(host, 'GET', `/api/v1/stations/${HD()}/supervision`);
    expect(s.json.orders.map((o: { id: string }) => o.id)).toEqual([orderId]);
  });

  it('refuses a due date in the past and a total above the station’s funding (15 万元 for 海淀, A 类)', async () => {
    const past = await issue({ dueOn: '2025-06-14' });
    expect(past.status).toBe(400);
    expect(issuePaths(past)).toEqual(['dueOn']);
    const over = await issue({ amountFen: 14_000_001 });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toContain('资助额度');
    expect(over.json.error.message).toContain(formatYuan(15_000_000, { symbol: false }));
    const list = await t.call(center, 'GET', '/api/v1/recoveries');
    expect(list.json.total).toBe(1);
  });

  it('refuses a payment of 0 or above the balance (400 on amountFen), and by center_staff (403)', async () => {
    const zero = await pay(0, 1);
    expect(zero.status).toBe(400);
    expect(issuePaths(zero)).toEqual(['amountFen']);
    const over = await pay(1_000_001, 1);
    expect(over.status).toBe(400);
    expect(issuePaths(over)).toEqual(['amountFen']);
    expect((await pay(100, 1, staff)).status).toBe(403);
    const future = await t.call(center, 'POST', `/api/v1/recoveries/${orderId}/payments`, {
      version: 1,
      paidOn: '2025-06-16',
      amountFen: 100,
    });
    expect(future.status).toBe(400);
    expect(issuePaths(future)).toEqual(['paidOn']);
  });

  it('a partial payment makes it “partly_paid”; the rest makes it “paid”; a further payment is refused', async () => {
    const part = await pay(400_000, 1);
    expect(part.status, JSON.stringify(part.json)).toBe(200);
    expect(part.json).toMatchObject({
      status: 'partly_paid',
      statusLabel: '部分退回',
      paidFen: 400_000,
      owedFen: 600_000,
      version: 2,
    });
    expect(part.json.payments).toMatchObject([{ paidOn: '2025-06-15', amountFen: 400_000, note: '退回至市科协账户' }]);

    const stale = await pay(600_000, 1);
    expect(stale.status).toBe(409);

    const rest = await pay(600_000, 2);
    expect(rest.status, JSON.stringify(rest.json)).toBe(200);
    expect(rest.json).toMatchObject({ status: 'paid', statusLabel: '已全部退回', paidFen: 1_000_000, owedFen: 0 });
    expect(rest.json.payments).toHaveLength(2);

    const more = await pay(1, 3);
    expect([400, 409]).toContain(more.status);
    const o = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(o.json.orders[0]).toMatchObject({ paidFen: 1_000_000, status: 'paid' });
  });

  it('closes only with a note; a stale version is 409; a closed order takes nothing more', async () => {
    const noNote = await t.call(center, 'POST', `/api/v1/recoveries/${orderId}/close`, { version: 3, note: ' ' });
    expect(noNote.status).toBe(409);
    expect(noNote.json.error.message).toContain('请填写结案意见');
    const stale = await t.call(center, 'POST', `/api/v1/recoveries/${orderId}/close`, {
      version: 2,
      note: '经费已全部退回，予以结案',
    });
    expect(stale.status).toBe(409);
    expect(
      (await t.call(staff, 'POST', `/api/v1/recoveries/${orderId}/close`, { version: 3, note: '予以结案' })).status,
    ).toBe(403);
    const closed = await t.call(center, 'POST', `/api/v1/recoveries/${orderId}/close`, {
      version: 3,
      note: '经费已全部退回，予以结案',
    });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json).toMatchObject({
      status: 'closed',
      statusLabel: '已结案',
      closingNote: '经费已全部退回，予以结案',
    });
    const again = await t.call(center, 'POST', `/api/v1/recoveries/${orderId}/close`, {
      version: 4,
      note: '再次结案',
    });
    expect(again.status).toBe(409);
  });

  it('the audit trail has the issue, two payments and the close, each citing 第十八条', async () => {
    const rows = await auditOf('recovery_order', orderId);
    expect(rows.map((a) => a.action)).toEqual(['issue', 'record_payment', 'record_payment', 'close']);
    expect(rows.every((a) => a.summary.includes('第十八条'))).toBe(true);
    expect(rows[1].summary).toContain(formatYuan(400_000, { symbol: false }));
  });

  it('lists the closed order with ?status=closed, paginated', async () => {
    const r = await t.call(center, 'GET', '/api/v1/recoveries?status=closed');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 1, page: 1 });
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0]).toMatchObject({ id: orderId, status: 'closed', paidFen: 1_000_000 });
    expect(r.json.items[0].payments).toHaveLength(2);
    const issued = await t.call(center, 'GET', '/api/v1/recoveries?status=issued');
    expect(issued.json).toMatchObject({ total: 0, items: [] });
    // A host reads the orders of its own stations only (整改与追回); issuing and settling stay the Center's.
    const mine = await t.call(host, 'GET', '/api/v1/recoveries');
    expect(mine.status).toBe(200);
    const own = await t.call(host, 'GET', '/api/v1/stations?pageSize=100');
    const ownIds = new Set(own.json.items.map((st: { id: string }) => st.id));
    const every = await t.call(center, 'GET', '/api/v1/recoveries?pageSize=100');
    const expected = (every.json.items as { id: string; stationId: string }[]).filter((o) => ownIds.has(o.stationId));
    expect(expected.length).toBeGreaterThan(0);
    expect((mine.json.items as { id: string }[]).map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
  });
});

describe('completing the inspection and its report', () => {
  it('needs a conclusion (409 without), then is “completed” and takes no more findings', async () => {
    const none = await t.call(center, 'POST', `/api/v1/inspections/${inspectionId}/complete`, {
      version: inspectionVersion,
      summary: '',
    });
    expect(none.status).toBe(409);
    expect(none.json.error.message).toContain('第十九条');
    const done = await t.call(center, 'POST', `/api/v1/inspections/${inspectionId}/complete`, {
      version: inspectionVersion,
      summary: '海淀站点存在挪用经费问题，已追回；其余问题限期整改。',
    });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(done.json).toMatchObject({
      status: 'completed',
      statusLabel: '已完成',
      completedOn: '2025-06-15',
      version: inspectionVersion + 1,
    });
    const late = await t.call(center, 'POST', `/api/v1/inspections/${inspectionId}/findings`, {
      stationId: HD(),
      kind: 'rectification',
      description: '检查完成后补登的问题',
      dueOn: '2025-07-15',
    });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('第十九条');
    const i = await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`);
    expect(i.json.findingCount).toBe(3);
  });

  it('the Word report carries the title, 第十九条, the stations, findings, ground, recovery and conclusion', async () => {
    const r = await rawRequest(t, 'GET', `/api/v1/inspections/${inspectionId}/report.docx`, { cookie: center });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await r.res.arrayBuffer()) })).value;
    expect(text).toContain('2025年度“千人进千企”工作站点监督检查报告');
    expect(text).toContain('2025年度经费使用不定期抽查');
    expect(text).toContain('第十九条');
    expect(text).toContain('第十八条');
    expect(text).toContain(await stationName(HD()));
    expect(text).toContain(await stationName(CY()));
    expect(text).toContain('部分支出凭证未附会议签到表');
    expect(text).toContain('将项目经费用于本单位日常办公支出');
    expect(text).toContain('新闻稿未在科协网站发布');
    const f = (await t.call(center, 'GET', `/api/v1/inspections/${inspectionId}`)).json.findings[1];
    expect(text).toContain(f.groundLabel);
    expect(text).toContain(formatYuan(1_000_000, { symbol: false }));
    expect(text).toContain('张伟');
    expect(text).toContain('海淀站点存在挪用经费问题，已追回；其余问题限期整改。');
    for (const id of sampledHaidian) {
      const ref = (await expensesOf(HD())).find((x) => x.id === id)!.ref;
      expect(text).toContain(ref);
    }
  });

  it('the report is the Center’s: a host gets 403', async () => {
    const r = await rawRequest(t, 'GET', `/api/v1/inspections/${inspectionId}/report.docx`, { cookie: host });
    expect(r.status).toBe(403);
  });
});

describe('two users at once (the rules hold on both engines)', () => {
  let cyInspection = '';
  let cyViolation = '';
  const statuses = (rs: Array<{ status: number }>) => rs.map((r) => r.status).sort();

  beforeAll(async () => {
    const i = await t.call(
      center,
      'POST',
      '/api/v1/inspections',
      inspectionBody({ title: '朝阳站点专项检查', stationIds: [CY()], sampleExpenses: 0 }),
    );
    expect(i.status).toBe(201);
    cyInspection = i.json.id;
    const f = await t.call(center, 'POST', `/api/v1/inspections/${cyInspection}/findings`, {
      stationId: CY(),
      kind: 'violation',
      ground: 'false_materials',
      description: '活动照片与签到表系伪造',
    });
    expect(f.status).toBe(201);
    cyViolation = f.json.findings[0].id;
  });

  it('five recovery orders at once, each above half the funding: one is issued, the others 409', async () => {
    const cookies = [center, ...(await Promise.all([1, 2, 3, 4].map(() => t.login('center'))))];
    const issue = (cookie: string) =>
      t.call(cookie, 'POST', '/api/v1/recoveries', {
        findingId: cyViolation,
        amountFen: 10_000_000,
        dueOn: '2025-07-31',
        responsiblePerson: '李娜',
      });
    const rs = await Promise.all(cookies.map(issue));
    expect(statuses(rs)).toEqual([201, 409, 409, 409, 409]);
    const total = await t.deps.db
      .selectFrom('recovery_orders')
      .select('amount_fen')
      .where('station_id', '=', CY())
      .execute();
    expect(total.reduce((a, o) => a + Number(o.amount_fen), 0)).toBeLessThanOrEqual(15_000_000);
  });

  it('two Center users closing the same version of a finding: one wins, the other 409, one audit row', async () => {
    const rs = await Promise.all([
      t.call(center, 'POST', `/api/v1/inspection-findings/${cyViolation}/close`, { version: 1, note: '办结意见甲' }),
      t.call(staff, 'POST', `/api/v1/inspection-findings/${cyViolation}/close`, { version: 1, note: '办结意见乙' }),
    ]);
    expect(statuses(rs)).toEqual([200, 409]);
    expect((await auditOf('inspection_finding', cyViolation)).map((a) => a.action)).toEqual(['close']);
  });

  it('two Center users completing the same version of an inspection: one wins, the other 409', async () => {
    const rs = await Promise.all([
      t.call(center, 'POST', `/api/v1/inspections/${cyInspection}/complete`, { version: 1, summary: '结论甲' }),
      t.call(staff, 'POST', `/api/v1/inspections/${cyInspection}/complete`, { version: 1, summary: '结论乙' }),
    ]);
    expect(statuses(rs)).toEqual([200, 409]);
    const completes = (await auditOf('inspection', cyInspection)).filter((a) => a.action === 'complete');
    expect(completes).toHaveLength(1);
  });
});
