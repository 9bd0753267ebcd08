import type { AgreementTerms } from '../../../domain/lifecycle/agreement';
import { formatFen } from '../../../domain/lifecycle/application-rules';
import { EXPENSE_CATEGORIES, type Policy } from '../../../domain/policy/types';
import { heading, p, pack, table } from '../../docs/word';

// Word documents of the lifecycle: the 项目合作协议 (第十条) of a version and the 验收表 (第十三条).

export interface AgreementDocInput {
  terms: AgreementTerms;
  versionNo: number;
  effectiveOn: string;
  programYear: number;
  hostName: string;
  policy: Policy;
  districtName: string | null;
}

export function targetText(policy: Policy, terms: AgreementTerms, id: string): string {
  const k = (policy.kpis[terms.stationType] ?? []).find((x) => x.id === id);
  const v = terms.targets[id];
  if (v === undefined) return '—';
  return k?.measure === 'share' ? `${Math.round(v * 1000) / 10}%` : `${v}${k?.unit ? ` ${k.unit}` : ''}`;
}

export async function agreementDocx(a: AgreementDocInput): Promise<Buffer> {
  const { terms, policy } = a;
  const typeName = policy.stationTypes[terms.stationType].name;
  const kpis = policy.kpis[terms.stationType] ?? [];
  const budgetRows = EXPENSE_CATEGORIES.map((c) => {
    const cat = policy.expenseCategories.find((x) => x.code === c);
    return [cat?.name ?? c, formatFen(terms.budgetFen[c]), cat ? `${cat.article}${cat.clause}` : ''];
  });
  const total = EXPENSE_CATEGORIES.reduce((s, c) => s + terms.budgetFen[c], 0);
  return pack([
    p(`${a.programYear}年度“千人进千企”科创工作站点`, { bold: true, size: 32, align: 'center' }),
    p('项目合作协议', { bold: true, size: 36, align: 'center' }),
    p(`（第 ${a.versionNo} 版，自 ${a.effectiveOn} 起执行）`, { align: 'center' }),
    p('甲方：北京市科学技术协会创新服务中心'),
    p(`乙方：${a.hostName}`),
    p(
      '根据《“千人进千企”科创工作站点管理办法》第十条，甲乙双方就乙方承担工作站点项目达成如下协议。本协议的任何调整须依第十一条提交书面说明，经甲方同意后形成新版本。',
    ),
    heading('一、站点基本情况'),
    table(
      ['项目', '内容'],
      [
        ['站点名称', terms.stationName],
        ['站点类型', typeName],
        ['所在区', a.districtName ?? '（产学研合作站点不按区设立）'],
        ['执行期', `${terms.periodStart} 至 ${terms.periodEnd}`],
        ['负责人', `${terms.leaderName}（${terms.leaderPhone}）`],
        ['联系人', `${terms.contactName}（${terms.contactPhone}）`],
      ],
    ),
    heading('二、工作目标'),
    table(
      ['指标', '目标', '依据'],
      kpis.map((k) => [k.name, targetText(policy, terms, k.id), k.article]),
    ),
    heading('三、经费预算'),
    p(
      `资助额度 ${formatFen(policy.stationTypes[terms.stationType].fundingFen)}，定额事前直接支付（第十五条），专款专用（第十四条）。`,
    ),
    table(['预算类别', '金额', '依据'], [...budgetRows, ['合计', formatFen(total), '第十五条']]),
    p(`配套经费：${formatFen(terms.matchingFundsFen)}（单独核算，第十四条）`),
    heading('四、活动计划'),
    ...terms.activityPlan.split(/\n+/).map((line) => p(line)),
    heading('五、双方责任'),
    p(
      '乙方按协议开展工作，如实记录工作台账，年度结束时提交总结报告和项目决算报告（第十二条），接受甲方的检查和验收（第十三条）。',
    ),
    p('甲方按规定拨付经费，组织检查和验收，对违规使用经费的依第十八条、第十九条处理。'),
    p(''),
    p('甲方（盖章）：                                  乙方（盖章）：'),
    p('签订日期：                                      签订日期：'),
  ]);
}

export interface AcceptanceDocInput {
  stationName: string;
  hostName: string;
  programYear: number;
  typeName: string;
  kpis: Array<{ name: string; article: string; target: string; actual: string; met: boolean }>;
  reports: Array<{ label: string; present: boolean; wordCount: number }>;
  findings: Array<{ label: string; article: string | null; ref: string; severity: string }>;
  fundsNote: string;
  decision: string | null;
  comment: string | null;
  decidedAt: string | null;
  generatedAt: string;
}

export async function acceptanceDocx(a: AcceptanceDocInput): Promise<Buffer> {
  const met = a.kpis.filter((k) => k.met).length;
  return pack([
    p(`${a.programYear}年度“千人进千企”科创工作站点验收表`, { bold: true, size: 32, align: 'center' }),
    table(
      ['项目', '内容'],
      [
        ['站点名称', a.stationName],
        ['依托单位', a.hostName],
        ['站点类型', a.typeName],
        ['生成时间', a.generatedAt],
      ],
    ),
    heading(`一、考核指标（达标 ${met} / ${a.kpis.length}，第十三条）`),
    table(
      ['指标', '目标', '完成', '是否达标', '依据'],
      a.kpis.map((k) => [k.name, k.target, k.actual, k.met ? '达标' : '未达标', k.article]),
    ),
    heading('二、报告（第十二条）'),
    table(
      ['报告', '是否提交', '字数'],
      a.reports.map((r) => [r.label, r.present ? '已提交' : '未提交', r.present ? String(r.wordCount) : '—']),
    ),
    heading('三、经费'),
    p(a.fundsNote),
    heading('四、未整改问题'),
    a.findings.length
      ? table(
          ['问题', '依据', '涉及记录', '级别'],
          a.findings.map((f) => [f.label, f.article ?? '', f.ref, f.severity === 'block' ? '阻断' : '提示']),
        )
      : p('无'),
    heading('五、验收结论（第十三条）'),
    p(a.decision ? `${a.decision}（${a.decidedAt ?? ''}）` : '尚未作出验收结论'),
    p(a.comment ? `意见：${a.comment}` : ''),
    p(''),
    p('验收组长（签字）：                    北京市科学技术协会创新服务中心（盖章）'),
  ]);
}
