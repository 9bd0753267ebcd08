// 项目决算报告 (issue #5, 第十二条): generated from the expense ledger as Excel and Word — budget against actual by
// category, every expense, the matching funds apart, the balance — and submitted by the host as the station's
// final-accounts report, which the acceptance sheet then finds.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/domain/money';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, rawRequest } from './support/fixtures';
import { PNG } from './support/ledger-requests';
import { upload } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
const ids = await demoIds(t);
afterAll(() => t.close());

let host: string;
let center: string;
beforeAll(async () => {
  host = await t.login('host');
  center = await t.login('center');
});
const HD = () => `/api/v1/stations/${ids.stations.haidian}`;

async function book(body: Record<string, unknown>) {
  const v = await upload(t, host, `${HD()}/expense-vouchers?fileName=${encodeURIComponent('发票.png')}`, PNG);
  expect(v.status).toBe(201);
  const r = await t.call(host, 'POST', `${HD()}/expenses`, {
    date: '2025-06-10',
    amountIs: 'gross',
    purpose: '决算测试支出',
    vouchers: [{ attachmentId: v.json.attachmentId, kind: 'invoice' }],
    ...body,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}

describe('final accounts', () => {
  let spent: Array<{ category: string; budgetFen: number; spentFen: number; balanceFen: number }> = [];

  beforeAll(async () => {
    await book({
      category: 'meeting',
      item: 'venue',
      amountFen: 123_456,
      source: 'grant',
      payee: { kind: 'organization', name: '北京某会议中心' },
    });
    await book({
      category: 'activity',
      item: 'printing',
      amountFen: 50_001,
      source: 'matching',
      payee: { kind: 'organization', name: '北京某印务有限公司' },
    });
    const f = await t.call(host, 'GET', `${HD()}/funds`);
    spent = f.json.execution.rows;
  });

  it('exports Excel whose summary equals the execution by category, and lists every expense by source', async () => {
    const r = await rawRequest(t, 'GET', `${HD()}/final-accounts.xlsx`, { cookie: center });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-disposition')).toContain(encodeURIComponent('决算报告.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['决算汇总', '支出明细（资助经费）', '配套经费支出']);
    const sum = wb.getWorksheet('决算汇总')!;
    const meeting = spent.find((x) => x.category === 'meeting')!;
    const row = sum.getRow(5); // header, consulting, labour, activity, meeting
    expect(row.getCell(1).value).toBe('会议费');
    expect(Math.round(Number(row.getCell(2).value) * 100)).toBe(meeting.budgetFen);
    expect(Math.round(Number(row.getCell(3).value) * 100)).toBe(meeting.spentFen);
    expect(Math.round(Number(row.getCell(4).value) * 100)).toBe(meeting.balanceFen);
    const grant = wb.getWorksheet('支出明细（资助经费）')!;
    const matching = wb.getWorksheet('配套经费支出')!;
    const count = await t.deps.db
      .selectFrom('expenses')
      .select(['source'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('station_id', '=', ids.stations.haidian)
      .groupBy('source')
      .execute();
    const n = (s: string) => Number(count.find((c) => c.source === s)?.n ?? 0);
    expect(grant.rowCount - 1).toBe(n('grant'));
    expect(matching.rowCount - 1).toBe(n('matching'));
    const printed = matching
      .getColumn(5)
      .values.map(Number)
      .filter((v) => !Number.isNaN(v));
    expect(printed.some((v) => Math.round(v * 100) === 50_001)).toBe(true);
  });

  it('exports Word with the budget table, the matching funds apart and the expenses', async () => {
    const r = await rawRequest(t, 'GET', `${HD()}/final-accounts.docx`, { cookie: host });
    expect(r.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await r.res.arrayBuffer()) })).value;
    expect(text).toContain('项目决算报告');
    expect(text).toContain('第十二条');
    expect(text).toContain('配套经费（第十四条）');
    expect(text).toContain(formatYuan(1_234_56, { symbol: false }));
    expect(text).toContain('北京某会议中心');
  });

  it('the host submits it as the final-accounts report; a district user may not', async () => {
    const district = await t.login('haidian');
    const refused = await t.call(district, 'POST', `${HD()}/final-accounts`);
    expect(refused.status).toBe(403);
    const r = await t.call(host, 'POST', `${HD()}/final-accounts`);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const report = await t.deps.db
      .selectFrom('reports')
      .selectAll()
      .where('station_id', '=', ids.stations.haidian)
      .where('kind', '=', 'final_accounts')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(report.title).toBe('2025年度项目决算报告');
    expect(report.word_count).toBeGreaterThan(100);
    expect(report.attachment_id).not.toBeNull();
    expect(report.text).toContain('北京某会议中心');
  });

  it('an auditor assigned to another station cannot export it (404)', async () => {
    const auditor = await t.login('auditor');
    const r = await rawRequest(t, 'GET', `${HD()}/final-accounts.xlsx`, { cookie: auditor });
    expect(r.status).toBe(404);
  });
});

describe('an Excel ledger with a refused expense', () => {
  it('is refused whole, the expense located by sheet, row and article; nothing is written', async () => {
    const exported = await rawRequest(t, 'GET', `${HD()}/ledger/xlsx`, { cookie: host });
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exported.res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('经费支出')!;
    const row = ws.rowCount + 1;
    // A meal, booked as a host's office would type it into the sheet (Chinese labels from the drop-downs).
    ws.getRow(row).values = [
      'X99',
      '2025-06-05',
      '其他费用',
      '用餐支出',
      '860.00',
      '资助经费',
      '北京某餐厅',
      '',
      '否',
      '否',
      '工作餐',
    ];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await t.deps.db.selectFrom('audit_events').select('seq').execute();
    const r = await rawRequest(t, 'POST', `${HD()}/ledger/xlsx?replace=1`, {
      cookie: host,
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(r.status).toBe(400);
    const errors = r.json.report.errors as Array<{ sheet: string; row: number; message: string }>;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: '经费支出', row });
    expect(errors[0].message).toContain('第十七条');
    expect(await t.deps.db.selectFrom('audit_events').select('seq').execute()).toHaveLength(before.length);
  });
});
