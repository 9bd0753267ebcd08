import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerSchema } from '../../../domain/ledger/schema';
import { policy2025 } from '../../../domain/policy';
import { ledgerWorkbook, locateLedgerPath, readLedgerWorkbook } from './ledger-excel';
import { INSTRUCTIONS_SHEET_NAME, STATION_SHEET_NAME, TABLE_SHEETS } from './ledger-excel.layout';

const example: unknown = JSON.parse(
  readFileSync(new URL('../../../../docs/examples/ledger-district-a.json', import.meta.url), 'utf8'),
);

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Validations as exceljs reads them back (ranges expanded to cells). */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations
    .model;

describe('ledger workbook', () => {
  it('round-trips the example ledger through Excel bytes', async () => {
    const parsed = ledgerSchema.parse(example);
    const buf = await ledgerWorkbook(parsed, policy2025);
    const { value, problems } = await readLedgerWorkbook(buf);
    expect(problems).toEqual([]);
    expect(ledgerSchema.parse(value)).toEqual(parsed);

    // codes are written as their Chinese labels, dates and money as text cells
    const wb = await load(buf);
    const contacts = wb.getWorksheet('联系走访')!;
    expect(contacts.getCell('C2').value).toBe('上门走访');
    const expenses = wb.getWorksheet('经费支出')!;
    expect(expenses.getCell('B2').value).toBe('2025-05-20');
    expect(expenses.getCell('B2').numFmt).toBe('@');
    expect(expenses.getCell('C2').value).toBe('咨询费');
    expect(expenses.getCell('D2').value).toBe('专家咨询费');
    expect(expenses.getCell('E2').value).toBe('2400.00');
    expect(expenses.getCell('E2').numFmt).toBe('@');
    const events = wb.getWorksheet('活动')!;
    expect(events.getCell('E2').value).toBe('E1、E2');
    expect(events.getCell('G2').value).toBe('活动方案、活动照片、会议纪要');
    const station = wb.getWorksheet(STATION_SHEET_NAME)!;
    expect(station.getCell('B5').value).toBe('区工作站点（A类）');
    expect(station.getCell('B6').value).toBe('海淀区');
  });

  it('round-trips an IUR station without district, funds or payees', async () => {
    const base = ledgerSchema.parse(example);
    const iur = ledgerSchema.parse({
      ...base,
      station: { ...base.station, type: 'iur', district: null },
      funds: undefined,
      experts: [{ ...base.experts[0], grade: 'academician' }],
      achievements: [{ title: '新型电池材料', university: '北京某大学', collectedOn: '2025-05-01', promoted: true }],
      expenses: [{ ...base.expenses[0], payee: undefined, days: 0.5, purpose: undefined }],
      reports: [{ kind: 'summary', title: '总结', text: '\u3000\u3000第一段。\n第二段 AI 项目。' }],
    });
    const { value, problems } = await readLedgerWorkbook(await ledgerWorkbook(iur, policy2025));
    expect(problems).toEqual([]);
    expect(value).not.toHaveProperty('funds');
    expect((value as { expenses: object[] }).expenses[0]).not.toHaveProperty('payee');
    expect(ledgerSchema.parse(value)).toEqual(iur);
  });

  it('the template has every sheet, its headers and drop-downs on code columns', async () => {
    const wb = await load(await ledgerWorkbook(null, policy2025));
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual([STATION_SHEET_NAME, ...TABLE_SHEETS.map((s) => s.name), INSTRUCTIONS_SHEET_NAME]);
    for (const spec of TABLE_SHEETS) {
      const ws = wb.getWorksheet(spec.name)!;
      const headers = spec.columns.map((_, i) => ws.getRow(1).getCell(i + 1).value);
      expect(headers).toEqual(spec.columns.map((c) => c.header));
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount).toBe(1);
    }
    const contacts = wb.getWorksheet('联系走访')!;
    const mode = validations(contacts).C2;
    expect(mode?.type).toBe('list');
    expect(validations(contacts).C5000).toEqual(mode);
    // the list lives on 填写说明 and holds the Chinese labels
    const ref = /^'(.+)'!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(String(mode?.formulae[0]));
    expect(ref?.[1]).toBe(INSTRUCTIONS_SHEET_NAME);
    const help = wb.getWorksheet(INSTRUCTIONS_SHEET_NAME)!;
    const values = Array.from({ length: Number(ref![3]) - 1 }, (_, i) => help.getCell(`${ref![2]}${i + 2}`).value);
    expect(values).toEqual(['上门走访', '会议交流', '电话联系', '线上联系']);
    expect(help.getCell('B2').value).toMatch(/qianqi-ledger\/1/);
    // booleans get 是/否; dates are text columns
    const flag = validations(wb.getWorksheet('企业名录')!).D2;
    expect(flag?.type).toBe('list');
    expect(contacts.getColumn(2).numFmt).toBe('@');
    const station = wb.getWorksheet(STATION_SHEET_NAME)!;
    expect(station.getCell('A2').value).toBe('数据格式');
    expect(station.getCell('B2').value).toBe('qianqi-ledger/1');
    expect(station.getCell('B3').value).toBe(2025);
    expect(validations(station).B5?.type).toBe('list');
  });

  it('reads real Excel dates and numeric amounts typed by a user', async () => {
    const wb = await load(await ledgerWorkbook(null, policy2025));
    const ws = wb.getWorksheet('经费支出')!;
    ws.getRow(2).values = ['X1', new Date(Date.UTC(2025, 5, 1)), '咨询费', 'expert_consulting', 2400, '财政资金'];
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    ws.getCell('E2').numFmt = '#,##0.00';
    ws.getRow(3).values = ['X2', '2025/6/2', 'labour', '专家劳务费', 0.1 + 0.2, '配套经费', '张伟', 'E1', '否', '是'];
    ws.getRow(5).values = ['X3', '2025-06-03', '会议费', '会议场地费', 100.123, '财政资金'];
    ws.getCell('L5').value = 1.5;
    ws.getCell('F3').value = { richText: [{ text: '配套' }, { text: '经费' }] };
    const { value, problems } = await readLedgerWorkbook(await save(wb));
    const expenses = (value as { expenses: Array<Record<string, unknown>> }).expenses;
    expect(expenses[0]).toEqual({
      id: 'X1',
      date: '2025-06-01',
      category: 'consulting',
      item: 'expert_consulting',
      amount: '2400.00',
      source: 'grant',
    });
    expect(expenses[1]).toMatchObject({ date: '2025-06-02', amount: '0.30', source: 'matching' });
    expect(expenses[1].payee).toEqual({ name: '张伟', expertId: 'E1', hostStaff: false, fiscallySupported: true });
    expect(expenses[2]).toMatchObject({ id: 'X3', days: 1.5 });
    expect(expenses).toHaveLength(3); // the blank row 4 is skipped
    expect(problems).toEqual([
      { sheet: '经费支出', row: 5, column: '金额（元）', message: expect.stringContaining('精确到分') },
    ]);
    // the skipped row does not shift locations: expenses[2] is Excel row 5
    expect(locateLedgerPath('expenses[2].amount', value)).toEqual({ sheet: '经费支出', row: 5, column: '金额（元）' });
  });

  it('reports an unknown label on its sheet, row and column', async () => {
    const wb = await load(await ledgerWorkbook(null, policy2025));
    const ws = wb.getWorksheet('联系走访')!;
    ws.getRow(2).values = ['9111010800000701Q5', '2025-05-06', 'visit', '走访'];
    ws.getRow(3).values = ['9111010800000702Q6', '2025-05-07', '登门拜访'];
    wb.getWorksheet('活动')!.getRow(2).values = ['A1', '路演', '路演', '2025-06-01', 'E1,E2', '', '活动照片、录音'];
    const { value, problems } = await readLedgerWorkbook(await save(wb));
    expect(problems).toEqual([
      { sheet: '联系走访', row: 3, column: '联系方式', message: expect.stringContaining('登门拜访') },
      { sheet: '活动', row: 2, column: '佐证材料', message: expect.stringContaining('录音') },
    ]);
    const v = value as { contacts: Array<Record<string, unknown>>; events: Array<Record<string, unknown>> };
    expect(v.contacts[0].mode).toBe('visit');
    expect(v.events[0]).toMatchObject({ kind: 'roadshow', experts: ['E1', 'E2'], evidence: ['photo', '录音'] });
  });

  it('locates schema paths in the workbook', () => {
    expect(locateLedgerPath('contacts[3].date', {})).toEqual({ sheet: '联系走访', row: 5, column: '联系日期' });
    expect(locateLedgerPath('station.period.end', {})).toEqual({
      sheet: STATION_SHEET_NAME,
      row: 10,
      column: '项目期结束日期',
    });
    expect(locateLedgerPath('funds.budget.meeting', {})).toEqual({
      sheet: STATION_SHEET_NAME,
      row: 15,
      column: '会议费预算（元）',
    });
    expect(locateLedgerPath('expenses[0].payee.name', {})).toEqual({ sheet: '经费支出', row: 2, column: '收款人' });
    expect(locateLedgerPath('expenses[0].payee', {})).toEqual({ sheet: '经费支出', row: 2, column: '收款人' });
    expect(locateLedgerPath('events[1].experts[0]', {})).toEqual({ sheet: '活动', row: 3, column: '到场专家编号' });
    expect(locateLedgerPath('experts[2]', {})).toEqual({ sheet: '专家', row: 4, column: null });
    expect(locateLedgerPath('demands', {})).toEqual({ sheet: '企业需求', row: null, column: null });
    expect(locateLedgerPath('programYear', {})).toEqual({ sheet: STATION_SHEET_NAME, row: 3, column: '项目年度' });
    expect(locateLedgerPath('station', {})).toEqual({ sheet: STATION_SHEET_NAME, row: null, column: null });
    expect(locateLedgerPath('$', {})).toEqual({ sheet: '', row: null, column: null });
  });

  it('locates station rows where the user moved them', async () => {
    const wb = await load(await ledgerWorkbook(null, policy2025));
    const ws = wb.getWorksheet(STATION_SHEET_NAME)!;
    ws.spliceRows(2, 0, ['（空行）']);
    ws.getCell('B11').value = '2025-12-31';
    const { value } = await readLedgerWorkbook(await save(wb));
    expect(value).toMatchObject({
      format: 'qianqi-ledger/1',
      programYear: 2025,
      station: { period: { end: '2025-12-31' } },
    });
    expect(locateLedgerPath('station.period.end', value)).toMatchObject({ row: 11 });
  });

  it('reports a file that is not a workbook', async () => {
    const { problems } = await readLedgerWorkbook(Buffer.from('this is not an xlsx file'));
    expect(problems).toEqual([{ sheet: '', row: null, column: null, message: '无法读取 Excel 文件' }]);
    const empty = await readLedgerWorkbook(new Uint8Array());
    expect(empty.problems).toHaveLength(1);

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '别的表格';
    const unrelated = await readLedgerWorkbook(await save(other));
    expect(unrelated.problems).toEqual([
      { sheet: '', row: null, column: null, message: expect.stringContaining('没有台账工作表') },
    ]);
    expect(unrelated.value).toMatchObject({ contacts: [], expenses: [] });
  });
});
