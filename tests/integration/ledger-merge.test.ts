// Import that merges (issue #13): a station imports its own export again and again while its files stay attached.
// Records match by their natural keys; the preview says per sheet what is added, updated, unchanged (and in replace
// mode deleted, with the files and vouchers that go with it); nothing is written before the user confirms.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerInput } from '../../src/domain/ledger/schema';
import { createTestApp, type TestApp } from '../setup/test-app';
import { freshVoucher, validExpenseBody } from './support/expenses';
import { badCheckUscc, demoIds, rawRequest } from './support/fixtures';
import { PNG } from './support/ledger-requests';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
beforeAll(async () => {
  host = await t.login('host');
});

const HD = () => `/api/v1/stations/${ids.stations.haidian}`;
type Plan = { key: string; label: string; added: number; updated: number; unchanged: number; deleted: number };
const sheet = (plan: Plan[], key: string) => plan.find((p) => p.key === key)!;
const changes = (plan: Plan[]) => plan.reduce((n, p) => n + p.added + p.updated + p.deleted, 0);

/** What a user would fear losing: the files on the station's events and the vouchers on its expenses. */
async function attached() {
  const sid = ids.stations.haidian;
  const db = t.deps.db;
  const files = await db
    .selectFrom('event_evidence as v')
    .innerJoin('events as e', 'e.id', 'v.event_id')
    .select(['v.id', 'v.event_id', 'v.attachment_id'])
    .where('e.station_id', '=', sid)
    .where('v.attachment_id', 'is not', null)
    .orderBy('v.id')
    .execute();
  const vouchers = await db
    .selectFrom('expense_vouchers as v')
    .innerJoin('expenses as x', 'x.id', 'v.expense_id')
    .select(['v.id', 'v.attachment_id'])
    .where('x.station_id', '=', sid)
    .orderBy('v.id')
    .execute();
  const records = await db
    .selectFrom('events')
    .select(['id', 'ref', 'title', 'version'])
    .where('station_id', '=', sid)
    .orderBy('id')
    .execute();
  return { files, vouchers, records };
}

async function exportJson(): Promise<LedgerInput> {
  const r = await t.call(host, 'GET', `${HD()}/ledger`);
  expect(r.status).toBe(200);
  return r.json as LedgerInput;
}

async function exportXlsx(): Promise<Uint8Array> {
  const r = await rawRequest(t, 'GET', `${HD()}/ledger/xlsx`, { cookie: host });
  expect(r.status).toBe(200);
  return new Uint8Array(await r.res.arrayBuffer());
}

const postXlsx = (bytes: Uint8Array, query: string) =>
  rawRequest(t, 'POST', `${HD()}/ledger/xlsx?${query}`, {
    cookie: host,
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });

describe('merge import of the station’s own export', () => {
  it('the station has files on its events and a voucher on an expense, as a host uploads them', async () => {
    const events = await t.deps.db
      .selectFrom('events')
      .select('id')
      .where('station_id', '=', ids.stations.haidian)
      .orderBy('id')
      .limit(3)
      .execute();
    for (const [i, ev] of events.entries()) {
      const up = await rawRequest(t, 'POST', `${HD()}/events/${ev.id}/evidence?kind=photo&fileName=photo${i}.png`, {
        cookie: host,
        headers: { 'content-type': 'application/octet-stream' },
        body: PNG,
      });
      expect(up.status, JSON.stringify(up.json)).toBe(201);
    }
    const booked = await t.call(
      host,
      'POST',
      `${HD()}/expenses`,
      validExpenseBody(await freshVoucher(t, ids.stations.haidian)),
    );
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    const a = await attached();
    expect(a.files.length).toBeGreaterThanOrEqual(3);
    expect(a.vouchers.length).toBeGreaterThan(0);
  });

  it('re-importing the unchanged Excel export previews 0 changes and changes nothing, files and vouchers stay', async () => {
    const before = await attached();
    const bytes = await exportXlsx();
    const preview = await postXlsx(bytes, 'dryRun=1');
    expect(preview.status, JSON.stringify(preview.json?.report ?? preview.json)).toBe(200);
    expect(preview.json.mode).toBe('merge');
    expect(changes(preview.json.plan)).toBe(0);
    expect(sheet(preview.json.plan, 'events').unchanged).toBe(before.records.length);
    const done = await postXlsx(bytes, `expectedVersion=${preview.json.ledgerVersion}`);
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(changes(done.json.plan)).toBe(0);
    expect(await attached()).toEqual(before);
  });

  it('re-importing the unchanged JSON export changes nothing either', async () => {
    const before = await attached();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger: await exportJson() });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(changes(r.json.plan)).toBe(0);
    expect(await attached()).toEqual(before);
  });

  it('a changed title is an update in place (audited before/after), a new contact is added, a missing record is kept', async () => {
    const before = await attached();
    const ledger = await exportJson();
    const events = ledger.events ?? [];
    // An event that carries a file: its title changes, its file must stay.
    const withFile = before.records.find((r) => r.id === before.files[0].event_id)!;
    const target = events.find((e) => e.id === withFile.ref)!;
    target.title = `${target.title}（已更正）`;
    const firstUscc = ledger.enterprises?.[0].uscc as string;
    const contactDate = ledger.station.period.start;
    ledger.contacts = [...(ledger.contacts ?? []), { uscc: firstUscc, date: contactDate, mode: 'phone', note: '补录' }];
    const droppedExpense = ledger.expenses?.pop();
    const preview = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, dryRun: true });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(sheet(preview.json.plan, 'events')).toMatchObject({ added: 0, updated: 1, deleted: 0 });
    expect(sheet(preview.json.plan, 'contacts')).toMatchObject({ added: 1, updated: 0, deleted: 0 });
    expect(sheet(preview.json.plan, 'expenses')).toMatchObject({ added: 0, updated: 0, deleted: 0 });
    // The preview wrote nothing.
    expect(await attached()).toEqual(before);

    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, expectedVersion: preview.json.ledgerVersion });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const after = await attached();
    const row = after.records.find((x) => x.ref === target.id)!;
    expect(row.title).toBe(target.title);
    expect(after.records.map((x) => x.id)).toEqual(before.records.map((x) => x.id));
    expect(after.files).toEqual(before.files);
    expect(after.vouchers).toEqual(before.vouchers);
    const kept = await t.deps.db
      .selectFrom('expenses')
      .select('ref')
      .where('station_id', '=', ids.stations.haidian)
      .where('ref', '=', droppedExpense!.id)
      .execute();
    expect(kept).toHaveLength(1);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'event')
      .where('entity_id', '=', row.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.diff_json).title).toEqual({ before: withFile.title, after: target.title });
  });

  it('a preview that went stale is refused (409) and nothing is written', async () => {
    const ledger = await exportJson();
    const preview = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, dryRun: true });
    const again = await t.call(host, 'POST', `${HD()}/ledger`, { ledger }); // someone else imports in between
    expect(again.status).toBe(200);
    (ledger.events ?? [])[0].title = '不应写入的标题';
    const before = await attached();
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, expectedVersion: preview.json.ledgerVersion });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain('重新校验');
    expect(await attached()).toEqual(before);
  });
});

describe('replace import', () => {
  it('previews exactly what it deletes, files and vouchers included, and keeps matched records’ files', async () => {
    const before = await attached();
    const ledger = await exportJson();
    const events = ledger.events ?? [];
    // Drop every event that carries files but one.
    const filedIds = new Set(before.files.map((f) => f.event_id));
    const filed = new Set(before.records.filter((r) => filedIds.has(r.id)).map((r) => r.ref));
    expect(filed.size).toBeGreaterThan(0);
    const dropped = events.filter((e) => filed.has(e.id)).slice(1);
    ledger.events = events.filter((e) => !dropped.includes(e));
    const preview = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, replace: true, dryRun: true });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.mode).toBe('replace');
    expect(sheet(preview.json.plan, 'events').deleted).toBe(dropped.length);
    const names = (preview.json.losses.items as Array<{ name: string; files: number }>).map((i) => i.name);
    for (const e of dropped) expect(names).toContain(`${e.id} ${e.title}`);
    expect(preview.json.losses.files).toBeGreaterThan(0);
    expect(await attached()).toEqual(before);

    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger, replace: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const after = await attached();
    expect(after.records).toHaveLength(before.records.length - dropped.length);
    // The files of every event that stayed are still attached, under the same rows.
    expect(after.files).toHaveLength(before.files.length - preview.json.losses.files);
  });
});

describe('one pass of checks', () => {
  it('lists schema, USCC check digit and period problems at once, with the future-date and reference warnings', async () => {
    const ledger = await exportJson();
    const contacts = ledger.contacts ?? [];
    contacts[0].date = '2025-02-30'; // not a date (schema)
    contacts[1].uscc = badCheckUscc(7); // check digit (GB 32100-2015)
    contacts[2].date = '2099-01-01'; // in the future
    (ledger.events ?? [])[0].experts = ['E999']; // not registered: a warning
    ledger.station.period = { start: '2025-01-01', end: '2025-01-31' }; // not the agreement's
    const r = await t.call(host, 'POST', `${HD()}/ledger`, { ledger });
    expect(r.status).toBe(400);
    const paths = (r.json.report.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['contacts[0].date', 'contacts[1].uscc', 'station.period']));
    const warnings = r.json.report.warnings as Array<{ path: string; message: string }>;
    expect(warnings.map((w) => w.path)).toContain('events[0].experts[0]');
    // A future date is flagged for checking (the record forms refuse it; a ledger file may plan ahead).
    const future = warnings.find((w) => w.path === 'contacts[2].date');
    expect(future?.message).toContain('不能晚于今天');
  });

  it('an Excel sheet with the wrong headers is one problem naming the missing and unknown columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx()) as never);
    const ws = wb.getWorksheet('联系走访')!;
    const header = ws.getRow(1);
    header.eachCell((cell) => {
      if (cell.value === '联系日期') cell.value = '走访时间';
    });
    header.commit();
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await postXlsx(bytes, 'dryRun=1');
    expect(r.status).toBe(400);
    const errors = r.json.report.errors as Array<{ sheet: string; row: number; message: string }>;
    const onSheet = errors.filter((e) => e.sheet === '联系走访');
    expect(onSheet).toHaveLength(1);
    expect(onSheet[0].row).toBe(1);
    expect(onSheet[0].message).toContain('列标题不正确');
    expect(onSheet[0].message).toContain('缺少“联系日期”列');
    expect(onSheet[0].message).toContain('无法识别“走访时间”列');
  });
});
