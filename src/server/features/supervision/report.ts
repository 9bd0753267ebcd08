import { formatYuan } from '../../../domain/money';
import { INSPECTION_ARTICLE, VIOLATION_ARTICLE } from '../../../domain/supervision/supervision';
import type { InspectionDto } from '../../../shared/schemas/supervision';
import { heading, p, pack, table } from '../../docs/word';

// 监督检查报告 (第十九条) as Word, from the recorded inspection: scope, sampled expenses, findings by station and the
// recovery orders of 第十八条 with what has been paid back.

const y = (fen: number) => formatYuan(fen, { symbol: false });

export async function inspectionReportDocx(i: InspectionDto, generatedOn: string): Promise<Buffer> {
  const sampled = i.targets.flatMap((t) => t.expenses.map((x) => ({ ...x, stationName: t.stationName })));
  return pack([
    p(`${i.programYear}年度“千人进千企”工作站点监督检查报告`, { bold: true, size: 32, align: 'center' }),
    p(`检查名称：${i.title}`),
    p(`检查方式：${i.kindLabel}（${INSPECTION_ARTICLE}）；检查日期：${i.plannedOn}；状态：${i.statusLabel}`),
    ...(i.sampleNote ? [p(`抽样：${i.sampleNote}`)] : []),
    heading('一、检查范围'),
    table(
      ['序号', '站点', '抽查支出笔数'],
      i.targets.map((t, n) => [String(n + 1), t.stationName, String(t.expenses.length)]),
    ),
    ...(sampled.length
      ? [
          heading('二、抽查的支出'),
          table(
            ['站点', '编号', '日期', '金额（元）', '收款人', '用途'],
            sampled.map((x) => [x.stationName, x.ref, x.date, y(x.amountFen), x.payee, x.purpose ?? '']),
          ),
        ]
      : []),
    heading(`${sampled.length ? '三' : '二'}、检查发现`),
    i.findings.length
      ? table(
          ['站点', '类型', '问题', '依据/期限', '状态', '整改反馈'],
          i.findings.map((f) => [
            f.stationName,
            f.kindLabel,
            `${f.description}${f.expenseRef ? `（支出 ${f.expenseRef}）` : ''}`,
            f.kind === 'violation' ? f.groundLabel : `整改期限 ${f.dueOn ?? ''}`,
            f.statusLabel,
            f.response ?? '',
          ]),
        )
      : p('本次检查未发现问题。'),
    heading(`${sampled.length ? '四' : '三'}、追回经费（${VIOLATION_ARTICLE}）`),
    i.orders.length
      ? table(
          ['站点', '情形', '追回金额（元）', '已退回（元）', '期限', '责任人', '状态'],
          i.orders.map((o) => [
            o.stationName,
            o.groundLabel,
            y(o.amountFen),
            y(o.paidFen),
            o.dueOn,
            o.responsiblePerson,
            o.statusLabel,
          ]),
        )
      : p('无。'),
    heading('检查结论'),
    p(i.summary ?? '检查尚未完成。'),
    p(`本报告由千企平台根据检查记录于 ${generatedOn} 生成。`, { size: 20 }),
  ]);
}
