import ExcelJS from 'exceljs';
import { type Execution, execution } from '../../../domain/expenses/execution';
import { isFeeToIndividual } from '../../../domain/expenses/tax';
import { formatYuan } from '../../../domain/money';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import { heading, p, pack, table } from '../../docs/word';
import { EXPORT_LIMIT, PRINT_READY } from '../../http/excel';
import { shanghaiDate } from '../../scope';
import { createReportFromDocx } from '../ledger/attachments.service';
import { budgetInForce } from './budget';
import { spendingOf } from './expenses.service';

// 项目决算报告 (第十二条): generated from the ledger, never typed — budget against actual by category, every expense,
// the matching funds apart (第十四条) and the balance. Excel for the finance office, Word to submit with the summary
// report; submitting stores the Word as the station's final-accounts report, which the acceptance sheet then finds.

export interface FinalAccounts {
  stationName: string;
  hostName: string;
  programYear: number;
  typeLabel: string;
  periodStart: string;
  periodEnd: string;
  budgetSource: string;
  paidFen: number;
  execution: Execution;
  categoryNames: Record<string, string>;
  expenses: Array<{
    ref: string;
    date: string;
    category: string;
    itemName: string;
    amountFen: number;
    netFen: number | null;
    taxFen: number | null;
    source: string;
    payee: string;
    purpose: string;
    vouchers: number;
  }>;
  generatedOn: string;
}

const y = (fen: number) => formatYuan(fen, { symbol: false });
const pct = (r: number) => `${(r * 100).toFixed(2)}%`;

export async function finalAccountsData(ctx: Ctx, stationId: string): Promise<FinalAccounts> {
  const station = await requireStation(ctx, stationId);
  const policy = await loadPolicy(ctx.db, station.program_year);
  const host = await ctx.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', station.host_org_id)
    .executeTakeFirstOrThrow();
  const budget = await budgetInForce(ctx.db, station, policy);
  const spent = (await spendingOf(ctx.db, [stationId])).get(stationId) ?? { grantByCategory: {}, matchingFen: 0 };
  const paid = await ctx.db
    .selectFrom('fund_payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('expenses as x')
    .selectAll('x')
    .select((eb) =>
      eb
        .selectFrom('expense_vouchers as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.expense_id', '=', 'x.id')
        .as('vouchers'),
    )
    .where('x.station_id', '=', stationId)
    .orderBy('x.date')
    .orderBy('x.id')
    .limit(EXPORT_LIMIT)
    .execute();
  const categoryNames = Object.fromEntries(policy.expenseCategories.map((c) => [c.code, c.name]));
  const itemNames = new Map<string, string>([
    ...policy.expenseCategories.flatMap((c) => c.items.map((i) => [i.code, i.name] as [string, string])),
    ...policy.forbiddenItems.map((i) => [i.code, i.name] as [string, string]),
  ]);
  const today = shanghaiDate(ctx.clock.now());
  return {
    stationName: station.name,
    hostName: host.name,
    programYear: station.program_year,
    typeLabel: STATION_TYPE_LABELS[station.type],
    periodStart: station.period_start,
    periodEnd: station.period_end,
    budgetSource: budget?.source ?? '尚无项目合作协议',
    paidFen: Number(paid.n),
    execution: execution({
      grantedFen: budget?.grantedFen ?? policy.stationTypes[station.type].fundingFen,
      budgetFen: budget?.budgetFen ?? null,
      grantSpentByCategoryFen: spent.grantByCategory,
      matchingSpentFen: spent.matchingFen,
      matchingPlannedFen: budget?.matchingFundsPlannedFen ?? 0,
      periodStart: station.period_start,
      periodEnd: station.period_end,
      today,
      categoryNames,
    }),
    categoryNames,
    expenses: rows.map((r) => ({
      ref: r.ref,
      date: r.date,
      category: r.category,
      itemName: itemNames.get(r.item) ?? r.item,
      amountFen: Number(r.amount_fen),
      netFen: isFeeToIndividual(r.category, r.payee_kind) && r.net_fen !== null ? Number(r.net_fen) : null,
      taxFen: isFeeToIndividual(r.category, r.payee_kind) && r.tax_fen !== null ? Number(r.tax_fen) : null,
      source: r.source,
      payee: r.payee_name,
      purpose: r.purpose ?? '',
      vouchers: Number(r.vouchers ?? 0),
    })),
    generatedOn: today,
  };
}

const SOURCE = (s: string) => (s === 'grant' ? '资助经费' : '配套经费');

/** Cells hold yuan as numbers (fen / 100, formatted to 2 decimals) so that the finance office can sum them in Excel;
 * every figure was computed in integer fen before. */
export async function finalAccountsXlsx(d: FinalAccounts): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '千企 Qianqi';
  const sum = wb.addWorksheet('决算汇总', PRINT_READY);
  sum.columns = [
    { header: '科目', width: 18 },
    { header: '预算（元）', width: 16 },
    { header: '实际支出（元）', width: 16 },
    { header: '结余（元）', width: 16 },
    { header: '执行率', width: 10 },
  ];
  for (const r of d.execution.rows) {
    sum.addRow([
      d.categoryNames[r.category] ?? r.category,
      r.budgetFen / 100,
      r.spentFen / 100,
      r.balanceFen / 100,
      r.rate,
    ]);
  }
  sum.addRow([
    '合计（资助经费）',
    d.execution.grantedFen / 100,
    d.execution.spentGrantFen / 100,
    d.execution.balanceFen / 100,
    d.execution.executionRate,
  ]);
  sum.addRow([]);
  sum.addRow(['已拨付（定额事前直接支付，第十五条）', d.paidFen / 100]);
  sum.addRow(['配套经费计划（第十四条）', d.execution.matchingPlannedFen / 100]);
  sum.addRow(['配套经费实际支出', d.execution.matchingSpentFen / 100]);
  sum.addRow(['预算依据', d.budgetSource]);
  sum.addRow(['生成日期', d.generatedOn]);
  sum.getRow(1).font = { bold: true };
  for (const col of [2, 3, 4]) sum.getColumn(col).numFmt = '#,##0.00';
  sum.getColumn(5).numFmt = '0.00%';
  sum.views = [{ state: 'frozen', ySplit: 1 }];

  const detail = (name: string, rows: FinalAccounts['expenses']) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], ...PRINT_READY });
    ws.columns = [
      { header: '编号', width: 8 },
      { header: '日期', width: 12 },
      { header: '科目', width: 12 },
      { header: '事项', width: 18 },
      { header: '金额（元，税前）', width: 16 },
      { header: '代扣个税（元）', width: 14 },
      { header: '实发（元）', width: 14 },
      { header: '经费来源', width: 10 },
      { header: '收款人', width: 22 },
      { header: '用途', width: 30 },
      { header: '凭证数', width: 8 },
    ];
    for (const x of rows) {
      ws.addRow([
        x.ref,
        x.date,
        d.categoryNames[x.category] ?? x.category,
        x.itemName,
        x.amountFen / 100,
        x.taxFen === null ? null : x.taxFen / 100,
        x.netFen === null ? null : x.netFen / 100,
        SOURCE(x.source),
        x.payee,
        x.purpose,
        x.vouchers,
      ]);
    }
    ws.getRow(1).font = { bold: true };
    for (const col of [5, 6, 7]) ws.getColumn(col).numFmt = '#,##0.00';
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
  };
  detail(
    '支出明细（资助经费）',
    d.expenses.filter((x) => x.source === 'grant'),
  );
  detail(
    '配套经费支出',
    d.expenses.filter((x) => x.source !== 'grant'),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function finalAccountsDocx(d: FinalAccounts): Promise<Buffer> {
  const ex = d.execution;
  return pack([
    p(`${d.programYear}年度“千人进千企”工作站点项目决算报告`, { bold: true, size: 32, align: 'center' }),
    p(`站点：${d.stationName}（${d.typeLabel}）`),
    p(`依托单位：${d.hostName}`),
    p(`项目期：${d.periodStart} 至 ${d.periodEnd}；预算依据：${d.budgetSource}`),
    heading('一、资助经费预算执行情况（第十二条、第十五条）'),
    table(
      ['科目', '预算（元）', '实际支出（元）', '结余（元）', '执行率'],
      [
        ...ex.rows.map((r) => [
          d.categoryNames[r.category] ?? r.category,
          y(r.budgetFen),
          y(r.spentFen),
          y(r.balanceFen),
          pct(r.rate),
        ]),
        ['合计', y(ex.grantedFen), y(ex.spentGrantFen), y(ex.balanceFen), pct(ex.executionRate)],
      ],
    ),
    p(
      `资助经费 ${y(ex.grantedFen)} 元，已拨付 ${y(d.paidFen)} 元（定额事前直接支付，第十五条），实际支出 ${y(ex.spentGrantFen)} 元，结余 ${y(ex.balanceFen)} 元，执行率 ${pct(ex.executionRate)}。`,
    ),
    heading('二、配套经费（第十四条）'),
    p(`配套经费计划 ${y(ex.matchingPlannedFen)} 元，实际支出 ${y(ex.matchingSpentFen)} 元，与资助经费分别核算。`),
    heading('三、支出明细'),
    d.expenses.length
      ? table(
          ['编号', '日期', '科目', '事项', '金额（元）', '来源', '收款人', '凭证'],
          d.expenses.map((x) => [
            x.ref,
            x.date,
            d.categoryNames[x.category] ?? x.category,
            x.itemName,
            y(x.amountFen),
            SOURCE(x.source),
            x.payee,
            String(x.vouchers),
          ]),
        )
      : p('本年度无支出记录。'),
    ...(ex.warnings.length ? [heading('四、提示'), ...ex.warnings.map((w) => p(w.message))] : []),
    p(`本报告由千企平台根据经费台账于 ${d.generatedOn} 生成。`, { size: 20 }),
  ]);
}

/** The host submits the generated Word as the station's final-accounts report (第十二条). */
export async function submitFinalAccounts(ctx: Ctx, stationId: string) {
  const d = await finalAccountsData(ctx, stationId);
  const bytes = await finalAccountsDocx(d);
  return createReportFromDocx(ctx, {
    stationId,
    input: {
      kind: 'final_accounts',
      title: `${d.programYear}年度项目决算报告`,
      submittedOn: d.generatedOn,
      fileName: `${d.stationName}-决算报告.docx`,
    },
    bytes: new Uint8Array(bytes),
  });
}
