import type { Paragraph, Table } from 'docx';
import { DEMAND_STATUSES } from '../../../domain/ledger/codes';
import type { DraftKind, DraftKindOption } from '../../../shared/api/report-drafts';
import {
  DEMAND_STATUS_LABELS,
  EVENT_KIND_LABELS,
  EXPERT_KIND_LABELS,
  INDUSTRY_LABELS,
  MATCH_KIND_LABELS,
  SRDI_LABELS,
} from '../../../shared/labels';
import { heading, image, keyedTable, p, pack, placeholder, table } from '../../docs/word';
import { barChartPng, chartColor } from './bar-chart';

// The Word draft of a required report (issue #15 §3; 第七条、第八条、第十二条) as a pure function of the gathered
// figures: the KPIs with target and actual, the ledger's tables and a chart or two, and yellow 【请填写】 places for
// the narrative only the host can write. The host finishes it in Word and uploads it as the report, whose 字数 is
// then counted as for any uploaded report.

type Block = Paragraph | Table;

export interface KpiLine {
  name: string;
  article: string;
  unit: string;
  measure: 'count' | 'share' | 'words' | 'presence';
  target: number;
  actual: number;
  met: boolean;
}
export interface Count<K = string> {
  key: K;
  n: number;
}
export interface Listed<T> {
  /** how many there are; `rows` may hold fewer (the first `rows.length`) */
  total: number;
  rows: T[];
}
export interface DemandRow {
  ref: string;
  title: string;
  enterprise: string;
  industry: string | null;
  collectedOn: string;
  status: string;
}
export interface DockingRow {
  ref: string;
  title: string;
  enterprise: string;
  status: string;
  matchedKind: string | null;
  matchedTo: string | null;
  matchedOn: string | null;
  dockedOn: string | null;
  resolvedOn: string | null;
}
export interface EnterpriseRow {
  name: string;
  uscc: string;
  industry: string | null;
  keyServed: boolean;
  srdi: string;
  hasAssociation: boolean;
  contacts: number;
  demands: number;
}
export interface ContactedRow {
  name: string | null;
  uscc: string;
  contacts: number;
  lastOn: string;
}
export interface EventRow {
  date: string;
  title: string;
  kind: string;
  place: string | null;
  experts: string[];
  enterprises: number;
}
export interface ExpertRow {
  name: string;
  kind: string;
  employer: string | null;
  title: string | null;
  expertise: string | null;
  industry: string | null;
  events: number;
}
export interface OutcomeRow {
  date: string;
  title: string;
  enterprise: string | null;
  goldenBridge: boolean;
}
export interface AchievementRow {
  title: string;
  university: string;
  industry: string | null;
  collectedOn: string;
  promoted: boolean;
}
export interface CooperationRow {
  date: string;
  title: string;
  parties: string[];
}

export interface DraftData {
  report: DraftKindOption;
  /** the day the figures were taken, YYYY-MM-DD (Asia/Shanghai) */
  asOf: string;
  station: {
    name: string;
    typeLabel: string;
    isIur: boolean;
    hostName: string;
    districtName: string | null;
    periodStart: string;
    periodEnd: string;
    programYear: number;
  };
  kpis: KpiLine[];
  demands: Listed<DemandRow> & {
    byStatus: Count[];
    byIndustryStatus: Array<Count<{ industry: string | null; status: string }>>;
  };
  dockings: Listed<DockingRow>;
  enterprises: Listed<EnterpriseRow> & {
    keyServed: number;
    srdi: number;
    withAssociation: number;
    byIndustry: Array<Count<string | null>>;
  };
  contacted: Listed<ContactedRow> & { contacts: number };
  events: Listed<EventRow> & { personTimes: number; byMonth: Count[] };
  experts: Listed<ExpertRow>;
  outcomes: Listed<OutcomeRow>;
  achievements: Listed<AchievementRow> & { promoted: number; byIndustry: Array<Count<string | null>> };
  cooperations: Listed<CooperationRow>;
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const industryName = (c: string | null) => (c ? (INDUSTRY_LABELS[c] ?? c) : '未填写行业');
const yes = (b: boolean) => (b ? '是' : '否');
const STATUS_ORDER: readonly string[] = DEMAND_STATUSES;
const statusOrder = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function formatKpi(k: Pick<KpiLine, 'measure' | 'unit'>, v: number): string {
  switch (k.measure) {
    case 'share':
      return pct(v);
    case 'presence':
      return v >= 1 ? '已提交' : '未提交';
    default:
      return `${v.toLocaleString('zh-CN')}${k.unit ? ` ${k.unit}` : ''}`;
  }
}

/** “（共 N 项，表中列出前 M 项）” when a list was cut, so a reader knows the table is not everything. */
function cut<T>(l: Listed<T>, unit: string): Block[] {
  return l.rows.length < l.total
    ? [
        p(`（共 ${l.total} ${unit}，表中列出前 ${l.rows.length} ${unit}；完整清单可在台账中导出 Excel。）`, {
          size: 20,
        }),
      ]
    : [];
}

/** A chart of counts and its key: the bars are numbered and coloured, the key names them. */
function chart(title: string, counts: Array<{ label: string; n: number }>, unit: string): Block[] {
  const shown = counts.filter((c) => c.n > 0);
  if (shown.length === 0) return [p(`${title}：暂无数据。`)];
  const png = barChartPng({ values: shown.map((c) => c.n) });
  return [
    p(title, { bold: true, align: 'center' }),
    image({
      png,
      width: 576,
      height: 240,
      description: `${title}：${shown.map((c) => `${c.label} ${c.n}`).join('，')}`,
    }),
    keyedTable(
      ['序号', '类别', `数量（${unit}）`],
      shown.map((c, i) => ({ color: chartColor(i), cells: [String(i + 1), c.label, String(c.n)] })),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Sections: each a heading's content, drawn from the data; the plan of each kind picks and words them.

function kpiBlocks(d: DraftData): Block[] {
  const met = d.kpis.filter((k) => k.met).length;
  return [
    table(
      ['序号', '考核指标', '依据', '目标值', '完成值', '是否达标'],
      d.kpis.map((k, i) => [
        String(i + 1),
        k.name,
        k.article,
        k.measure === 'presence' ? '须提交' : formatKpi(k, k.target),
        formatKpi(k, k.actual),
        k.met ? '已达标' : '未达标',
      ]),
    ),
    p(
      `截至 ${d.asOf}，本站点 ${d.kpis.length} 项考核指标中已达标 ${met} 项。报告类指标按已提交报告的字数计，定稿上传后更新。`,
    ),
    // The tables below list every record; a KPI counts by its rule (inside the period, the station's own district),
    // so a reader comparing the two would otherwise take the difference for an error.
    p('以下各表列出台账中的全部记录；考核指标按各自的计数口径统计（如项目执行期内、本区企业），两者可能不同。', {
      size: 20,
    }),
  ];
}

const demandsByStatusChart = (d: DraftData) =>
  chart(
    '图：需求按状态分布',
    [...d.demands.byStatus]
      .sort((a, b) => statusOrder(a.key) - statusOrder(b.key))
      .map((c) => ({ label: DEMAND_STATUS_LABELS[c.key] ?? c.key, n: c.n })),
    '项',
  );

function demandIndustryTable(d: DraftData): Block[] {
  const statuses = [...new Set(d.demands.byIndustryStatus.map((c) => c.key.status))].sort(
    (a, b) => statusOrder(a) - statusOrder(b),
  );
  const industries = [...new Set(d.demands.byIndustryStatus.map((c) => c.key.industry))];
  if (industries.length === 0) return [p('台账中尚无需求记录。')];
  const n = (industry: string | null, status: string) =>
    d.demands.byIndustryStatus.find((c) => c.key.industry === industry && c.key.status === status)?.n ?? 0;
  const rows = industries
    .map((ind) => ({ ind, counts: statuses.map((s) => n(ind, s)) }))
    .map((r) => ({ ...r, total: r.counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total);
  return [
    p('表：需求按行业与状态分布（项）', { bold: true, align: 'center' }),
    table(
      ['行业', ...statuses.map((s) => DEMAND_STATUS_LABELS[s] ?? s), '合计'],
      [
        ...rows.map((r) => [industryName(r.ind), ...r.counts.map(String), String(r.total)]),
        ['合计', ...statuses.map((s) => String(rows.reduce((a, r) => a + n(r.ind, s), 0))), String(d.demands.total)],
      ],
    ),
  ];
}

function demandsByIndustryChart(d: DraftData): Block[] {
  const by = new Map<string | null, number>();
  for (const c of d.demands.byIndustryStatus) by.set(c.key.industry, (by.get(c.key.industry) ?? 0) + c.n);
  return chart(
    '图：需求按行业分布',
    [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ label: industryName(k), n })),
    '项',
  );
}

function demandSummary(d: DraftData): Block[] {
  const of = (s: string) => d.demands.byStatus.find((c) => c.key === s)?.n ?? 0;
  const docked = of('matched') + of('docked') + of('resolved');
  return [
    p(
      `本站点台账共登记企业需求 ${d.demands.total} 项，其中已匹配 ${of('matched')} 项、已对接 ${of('docked')} 项、已解决 ${of('resolved')} 项、已关闭 ${of('closed')} 项，尚待匹配 ${of('collected')} 项；进入对接环节的需求共 ${docked} 项。`,
    ),
  ];
}

function demandList(d: DraftData): Block[] {
  if (d.demands.total === 0) return [p('台账中尚无需求记录。')];
  return [
    table(
      ['编号', '需求', '企业', '行业', '征集日期', '状态'],
      d.demands.rows.map((r) => [
        r.ref,
        r.title,
        r.enterprise,
        industryName(r.industry),
        r.collectedOn,
        DEMAND_STATUS_LABELS[r.status] ?? r.status,
      ]),
    ),
    ...cut(d.demands, '项'),
  ];
}

function dockingList(d: DraftData): Block[] {
  if (d.dockings.total === 0) return [p('台账中尚无已匹配、已对接或已解决的需求。')];
  return [
    p(`已匹配、已对接或已解决的需求共 ${d.dockings.total} 项：`),
    table(
      ['编号', '需求', '企业', '对接对象', '匹配日期', '对接日期', '解决日期', '状态'],
      d.dockings.rows.map((r) => [
        r.ref,
        r.title,
        r.enterprise,
        [r.matchedKind ? (MATCH_KIND_LABELS[r.matchedKind] ?? r.matchedKind) : '', r.matchedTo ?? '']
          .filter(Boolean)
          .join('：'),
        r.matchedOn ?? '',
        r.dockedOn ?? '',
        r.resolvedOn ?? '',
        DEMAND_STATUS_LABELS[r.status] ?? r.status,
      ]),
    ),
    ...cut(d.dockings, '项'),
  ];
}

function enterpriseList(d: DraftData): Block[] {
  const e = d.enterprises;
  if (e.total === 0) return [p('本站点尚未登记服务企业。')];
  return [
    p(
      `本站点登记服务企业 ${e.total} 家，其中重点服务企业 ${e.keyServed} 家、专精特新企业 ${e.srdi} 家、建有企业科协的 ${e.withAssociation} 家。`,
    ),
    table(
      ['企业', '统一社会信用代码', '行业', '重点服务', '专精特新', '企业科协', '联系次数', '需求数'],
      e.rows.map((r) => [
        r.name,
        r.uscc,
        industryName(r.industry),
        yes(r.keyServed),
        SRDI_LABELS[r.srdi] ?? r.srdi,
        yes(r.hasAssociation),
        String(r.contacts),
        String(r.demands),
      ]),
    ),
    ...cut(e, '家'),
  ];
}

const enterprisesByIndustryChart = (d: DraftData) =>
  chart(
    '图：服务企业按行业分布',
    [...d.enterprises.byIndustry].sort((a, b) => b.n - a.n).map((c) => ({ label: industryName(c.key), n: c.n })),
    '家',
  );

function contactedList(d: DraftData): Block[] {
  const c = d.contacted;
  if (c.total === 0) return [p('台账中尚无联系企业记录。')];
  return [
    p(`本站点共联系企业 ${c.total} 家、${c.contacts} 次。`),
    table(
      ['企业', '统一社会信用代码', '联系次数', '最近联系日期'],
      c.rows.map((r) => [r.name ?? '（未在企业名录中登记）', r.uscc, String(r.contacts), r.lastOn]),
    ),
    ...cut(c, '家'),
  ];
}

const eventsByMonthChart = (d: DraftData) =>
  chart(
    '图：活动按月份分布',
    d.events.byMonth.map((c) => ({ label: `${c.key.slice(0, 4)}年${Number(c.key.slice(5, 7))}月`, n: c.n })),
    '场',
  );

function eventList(d: DraftData): Block[] {
  const e = d.events;
  if (e.total === 0) return [p('台账中尚无活动记录。')];
  return [
    p(`本站点共组织活动 ${e.total} 场，到场专家共 ${e.personTimes} 人次。`),
    table(
      ['日期', '活动', '类型', '地点', '到场专家', '参与企业'],
      e.rows.map((r) => [
        r.date,
        r.title,
        EVENT_KIND_LABELS[r.kind] ?? r.kind,
        r.place ?? '',
        r.experts.join('、'),
        `${r.enterprises} 家`,
      ]),
    ),
    ...cut(e, '场'),
  ];
}

function expertList(d: DraftData): Block[] {
  if (d.experts.total === 0) return [p('台账中尚无专家记录。')];
  return [
    p(`本站点登记产业特派员及专家 ${d.experts.total} 人。`),
    table(
      ['姓名', '类别', '工作单位', '职称', '专长领域', '行业', '参加活动'],
      d.experts.rows.map((r) => [
        r.name,
        EXPERT_KIND_LABELS[r.kind] ?? r.kind,
        r.employer ?? '',
        r.title ?? '',
        r.expertise ?? '',
        r.industry ? industryName(r.industry) : '',
        `${r.events} 场`,
      ]),
    ),
    ...cut(d.experts, '人'),
  ];
}

function outcomeList(d: DraftData): Block[] {
  if (d.outcomes.total === 0) return [p('台账中尚无落地成果记录。')];
  return [
    p(`落地成果共 ${d.outcomes.total} 项：`),
    table(
      ['日期', '成果', '企业', '金桥工程'],
      d.outcomes.rows.map((r) => [r.date, r.title, r.enterprise ?? '', yes(r.goldenBridge)]),
    ),
    ...cut(d.outcomes, '项'),
  ];
}

function achievementList(d: DraftData): Block[] {
  const a = d.achievements;
  if (a.total === 0) return [p('台账中尚无高校创新成果记录。')];
  return [
    p(`本站点征集高校创新成果 ${a.total} 项，其中已推介 ${a.promoted} 项。`),
    table(
      ['成果', '高校', '行业', '征集日期', '已推介'],
      a.rows.map((r) => [r.title, r.university, industryName(r.industry), r.collectedOn, yes(r.promoted)]),
    ),
    ...cut(a, '项'),
  ];
}

const achievementsByIndustryChart = (d: DraftData) =>
  chart(
    '图：高校创新成果按行业分布',
    [...d.achievements.byIndustry].sort((a, b) => b.n - a.n).map((c) => ({ label: industryName(c.key), n: c.n })),
    '项',
  );

function cooperationList(d: DraftData): Block[] {
  if (d.cooperations.total === 0) return [p('台账中尚无合作记录。')];
  return [
    table(
      ['日期', '合作事项', '合作方'],
      d.cooperations.rows.map((r) => [r.date, r.title, r.parties.join('、')]),
    ),
    ...cut(d.cooperations, '项'),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The plan of each report: its sections in order, each with the figures it shows and what the host is asked to write.

interface Section {
  title: string;
  body?: (d: DraftData) => Block[];
  asks?: string[];
}

const joined =
  (...parts: Array<(d: DraftData) => Block[]>) =>
  (d: DraftData) =>
    parts.flatMap((f) => f(d));

function plan(kind: DraftKind, isIur: boolean): Section[] {
  switch (kind) {
    case 'demand_analysis':
      return [
        {
          title: '需求征集概况',
          body: joined(demandSummary, demandsByStatusChart),
          asks: ['本站点需求征集的主要做法与经验（征集渠道、走访方式、需求梳理与核实流程）……'],
        },
        {
          title: '需求的行业与状态分布',
          body: joined(demandIndustryTable, demandsByIndustryChart),
          asks: ['企业需求的行业分布特点、共性需求与突出问题分析……'],
        },
        { title: '需求明细', body: demandList },
        {
          title: '需求对接与解决情况',
          body: dockingList,
          asks: ['典型需求对接案例（需求内容、对接对象、对接过程与解决成效）……'],
        },
        {
          title: '问题与建议',
          asks: ['需求征集与对接中存在的问题、原因分析及改进建议……', '下一步需求服务工作计划……'],
        },
      ];
    case 'expert_service_mode':
      return [
        {
          title: '专家队伍概况',
          body: expertList,
          asks: ['产业特派员和专家队伍的组建方式、专业结构与管理机制……'],
        },
        {
          title: '专家服务活动',
          body: joined(eventList, eventsByMonthChart),
          asks: ['专家参与活动的组织方式与服务内容……'],
        },
        { title: '服务企业情况', body: enterpriseList },
        {
          title: '需求对接与落地成果',
          body: joined(dockingList, outcomeList),
          asks: ['专家服务企业的典型案例（服务对象、服务过程、取得的成效）……'],
        },
        {
          title: '专家服务企业典型模式',
          asks: [
            '专家服务企业典型模式的提炼（模式名称、运行机制、各方分工、适用条件）……',
            '可复制推广的经验与下一步工作计划……',
          ],
        },
      ];
    case 'regional_development':
      return [
        {
          title: '区域服务企业概况',
          body: joined(enterpriseList, enterprisesByIndustryChart),
          asks: ['本区产业结构、重点企业与专精特新企业的发展现状……'],
        },
        {
          title: '企业需求分析',
          body: joined(demandSummary, demandIndustryTable, demandsByStatusChart),
          asks: ['区域企业发展面临的共性需求与瓶颈……'],
        },
        { title: '服务活动开展情况', body: eventList },
        {
          title: '对接与发展成效',
          body: joined(dockingList, outcomeList, cooperationList),
          asks: ['站点服务对区域企业发展的成效与典型案例……'],
        },
        { title: '区域企业发展对策建议', asks: ['促进区域企业发展的对策建议……'] },
      ];
    case 'iur_mode':
      return [
        {
          title: '高校创新成果征集与推介',
          body: joined(achievementList, achievementsByIndustryChart),
          asks: ['成果征集渠道、筛选标准与推介方式……'],
        },
        { title: '联系企业情况', body: contactedList, asks: ['联系企业、了解企业技术需求的做法……'] },
        { title: '专家参与活动情况', body: joined(eventList, eventsByMonthChart) },
        {
          title: '产学研合作与对接',
          body: joined(cooperationList, dockingList),
          asks: ['产学研合作典型案例（合作各方、合作内容、取得的成效）……'],
        },
        {
          title: '产学研工作模式总结',
          asks: ['本站点产学研协同的工作机制与模式……', '存在的问题与下一步工作计划……'],
        },
      ];
    case 'summary':
      return [
        {
          title: '工作概述',
          asks: ['年度工作总体情况（组织机构、工作机制、主要举措）……'],
        },
        { title: '活动开展情况', body: joined(eventList, eventsByMonthChart) },
        ...(isIur
          ? [
              { title: '高校创新成果征集与推介', body: joined(achievementList, achievementsByIndustryChart) },
              { title: '联系企业情况', body: contactedList },
              { title: '产学研合作与对接', body: joined(cooperationList, dockingList) },
            ]
          : [
              { title: '服务企业情况', body: enterpriseList },
              { title: '企业需求与对接', body: joined(demandSummary, demandsByStatusChart, dockingList) },
              { title: '落地成果与合作', body: joined(outcomeList, cooperationList) },
            ]),
        {
          title: '工作成效与经验',
          asks: ['年度工作取得的主要成效、特色做法与典型经验……'],
        },
        {
          title: '存在问题与下一年度工作计划',
          asks: ['工作中存在的问题及原因……', '下一年度工作思路与计划……'],
        },
      ];
  }
}

/** The Word draft of `d.report`, from the figures in `d`. */
export async function reportDraftDocx(d: DraftData): Promise<Buffer> {
  const s = d.station;
  const r = d.report;
  const words = r.minWords ? `，正文不少于 ${r.minWords.toLocaleString('zh-CN')} 字` : '';
  const sections: Section[] = [
    { title: '考核指标完成情况', body: kpiBlocks, asks: ['对未达标指标的原因分析与后续安排……'] },
    ...plan(r.kind, s.isIur),
  ];
  return pack([
    p(`${s.programYear}年度${s.name}${r.name}`, { bold: true, size: 32, align: 'center' }),
    p('（草稿）', { align: 'center' }),
    p(`数据截至 ${d.asOf}（北京时间）`, { bold: true, align: 'center' }),
    p(
      `站点：${s.name}；类型：${s.typeLabel}；依托单位：${s.hostName}${s.districtName ? `；所在区：${s.districtName}` : ''}；项目执行期：${s.periodStart} 至 ${s.periodEnd}。`,
    ),
    p(`依据：《管理办法》${r.article}，本站点须提交${r.name}${words}。`),
    p(
      `说明：本草稿由千企平台根据本站点台账于 ${d.asOf} 生成，数字与表格取自台账；黄色底纹的【请填写：……】处为需由依托单位撰写的叙述。请在 Word 中填写并删去提示文字后，以“上传 Word 报告”方式提交定稿（字数按现行规则统计）。`,
      { size: 20 },
    ),
    ...sections.flatMap((sec, i) => [
      heading(`${NUMERALS[i] ?? String(i + 1)}、${sec.title}`),
      ...(sec.body?.(d) ?? []),
      ...(sec.asks ?? []).map(placeholder),
    ]),
  ]);
}
