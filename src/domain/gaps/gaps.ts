import { EVIDENCE_KIND_LABELS, REPORT_KIND_LABELS } from '../../shared/labels';
import { RECORD_KIND_LABELS, type RecordKind } from '../../shared/record-kinds';
import { computeKpi, fractionAtLeast } from '../kpi/compute';
import type { KpiCounts, KpiResult } from '../kpi/types';
import { EVIDENCE_KINDS, type EvidenceKind, type ReportKind } from '../ledger/codes';
import type { Article, KpiId, KpiPolicy, Policy, StationType } from '../policy/types';

// 待补事项: what a station still lacks for its targets, from recorded facts only (counted in SQL by the server). Each
// item carries its count, the sentence a host reads, the article it rests on and the filtered list where it is fixed.

export const GAP_KINDS = ['kpi', 'evidence', 'report_words', 'voucher', 'outside_period'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/**
 * The dated record kinds that feed KPIs, and which KPIs each feeds (第七条、第八条 count only records dated inside the
 * project period). A kind is checked for a station only when one of its KPIs is the station type's.
 */
export const PERIOD_RECORD_KPIS = {
  contacts: ['enterprises_contacted', 'association_share', 'key_enterprises', 'key_enterprises_srdi'],
  demands: ['demands'],
  events: ['events', 'expert_person_times'],
  'press-releases': ['press_releases', 'press_releases_website'],
  cooperations: ['cooperations'],
  outcomes: ['landed_outcomes'],
  achievements: ['achievements'],
} as const satisfies Partial<Record<RecordKind, readonly KpiId[]>>;
export type PeriodRecordKind = keyof typeof PERIOD_RECORD_KPIS;
export const PERIOD_RECORD_KINDS = Object.keys(PERIOD_RECORD_KPIS) as PeriodRecordKind[];

export function isPeriodRecordKind(kind: string): kind is PeriodRecordKind {
  return kind in PERIOD_RECORD_KPIS;
}

/** Evidence of an event (第十三条): 活动方案、活动照片、会议纪要 and the press coverage, each checked on its own. */
export const GAP_EVIDENCE_KINDS: readonly EvidenceKind[] = EVIDENCE_KINDS;

/** What the server counted for one station (SQL aggregates); a kind left out counts 0. */
export interface GapFacts {
  /** events with no uploaded file of the kind (evidence registered without a file does not count as uploaded) */
  eventsMissingEvidence: Partial<Record<EvidenceKind, number>>;
  /** expenses with no voucher, booked or imported */
  expensesWithoutVoucher: number;
  /** reports under their kind's minimum 字数, of kinds where no report reaches it (see `reportMinimums`) */
  shortReports: Partial<Record<ReportKind, number>>;
  /** records dated outside the project period */
  outsidePeriod: Partial<Record<PeriodRecordKind, number>>;
}

export const noGapFacts = (): GapFacts => ({
  eventsMissingEvidence: {},
  expensesWithoutVoucher: 0,
  shortReports: {},
  outsidePeriod: {},
});

export interface ReportMinimum {
  kind: ReportKind;
  /** 字数 the kind must reach: the words KPI's target, or 1 (a body) for a report that only has to exist */
  minWords: number;
  article: Article;
}

const reportKindOf = (id: KpiId): ReportKind | null =>
  id.startsWith('report_') ? (id.slice('report_'.length) as ReportKind) : null;

/** The 字数 each report kind of the station's type must reach, read from the program year's KPIs (第七条、第八条、第十二条). */
export function reportMinimums(policy: Policy, type: StationType): ReportMinimum[] {
  return policy.kpis[type].flatMap((k) => {
    const kind = reportKindOf(k.id);
    if (!kind) return [];
    return [{ kind, minWords: k.measure === 'words' ? k.target : 1, article: k.article }];
  });
}

/** Days of the period elapsed on `today` (inclusive), of all its days; as `elapsedShare` of the KPI forecast. */
export interface Elapsed {
  days: number;
  of: number;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function periodElapsed(period: { start: string; end: string }, today: string): Elapsed {
  const of = daysBetween(period.start, period.end) + 1;
  if (today < period.start) return { days: 0, of };
  if (today >= period.end) return { days: of, of };
  return { days: daysBetween(period.start, today) + 1, of };
}

/** Expected by now: the target times the share of the period elapsed, rounded up (integers, no float drift). */
export function expectedByNow(target: number, e: Elapsed): number {
  return Math.floor((target * e.days + e.of - 1) / e.of);
}

/** Elapsed share as a percentage with one decimal, for the sentence. */
export const elapsedPercent = (e: Elapsed): number => Math.round((e.days * 1000) / e.of) / 10;

export interface GapPace {
  expected: number;
  behind: boolean;
}

export interface GapItem {
  /** stable within a station: `kpi:events`, `evidence:photo`, `outside:contacts` … */
  key: string;
  kind: GapKind;
  /** how many are missing: records to add or fix, 字 to write, enterprises to contact */
  count: number;
  unit: string;
  sentence: string;
  article: Article;
  /** the web page (a filtered list) where it is fixed */
  link: string;
  /** a count KPI during its period: expected by now and whether the station is behind that pace */
  pace: GapPace | null;
}

/** Where each KPI's records are entered: a ledger list, or the funds page for the final accounts it generates. */
const KPI_LIST: Record<KpiId, RecordKind | 'funds'> = {
  events: 'events',
  press_releases: 'press-releases',
  press_releases_website: 'press-releases',
  cooperations: 'cooperations',
  enterprises_contacted: 'contacts',
  association_share: 'contacts',
  key_enterprises: 'enterprises',
  key_enterprises_srdi: 'enterprises',
  landed_outcomes: 'outcomes',
  demands: 'demands',
  expert_person_times: 'events',
  achievements: 'achievements',
  report_summary: 'reports',
  report_final_accounts: 'funds',
  report_demand_analysis: 'reports',
  report_expert_service_mode: 'reports',
  report_regional_development: 'reports',
  report_iur_mode: 'reports',
};

export interface StationForGaps {
  id: string;
  type: StationType;
  periodStart: string;
  periodEnd: string;
}

function listLink(stationId: string, list: RecordKind | 'funds', query?: Record<string, string>): string {
  const base = list === 'funds' ? `/stations/${stationId}/funds` : `/stations/${stationId}/ledger/${list}`;
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? `${base}?${q}` : base;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * How many enterprises with an enterprise 科协 must still be contacted for the share to reach the target: each adds
 * to both sides of n/d. The exact-fraction test of the KPI engine decides, so the answer agrees with `met`.
 */
export function enterprisesNeededForShare(n: number, d: number, target: number): number {
  // A share of 100% is not reached by adding enterprises while one without a 科协 is counted: name those instead.
  if (target >= 1) return Math.max(d - n, d === 0 ? 1 : 0);
  // Start just below the closed form (t·d − n) / (1 − t) and let the exact test find the least x.
  let x = Math.max(0, Math.floor((target * d - n) / (1 - target)) - 1);
  while (d + x === 0 || !fractionAtLeast(n + x, d + x, target)) x += 1;
  return x;
}

interface KpiGapOptions {
  def: KpiPolicy;
  result: KpiResult;
  counts: KpiCounts;
  station: StationForGaps;
  elapsed: Elapsed;
}

function kpiGap({ def, result, counts, station, elapsed }: KpiGapOptions): GapItem {
  const base = {
    key: `kpi:${def.id}`,
    kind: 'kpi' as const,
    article: def.article,
    link: listLink(station.id, KPI_LIST[def.id]),
  };
  const u = def.unit;
  switch (def.measure) {
    case 'share': {
      const n = counts.enterprisesWithAssociation;
      const d = counts.enterprisesContacted;
      const x = enterprisesNeededForShare(n, d, def.target);
      return {
        ...base,
        count: x,
        unit: '家',
        sentence: `${def.name}为 ${pct(result.actual)}，目标 ${pct(def.target)}：还需联系 ${x} 家建有企业科协的企业（已联系 ${d} 家，其中 ${n} 家建有企业科协）。`,
        pace: null,
      };
    }
    case 'words': {
      const missing = def.target - result.actual;
      const has = result.actual > 0 ? `最长一份 ${result.actual} 字` : '尚无字数达标的报告';
      return {
        ...base,
        count: missing,
        unit: '字',
        sentence: `${def.name}还差 ${missing} 字（${has}，要求不少于 ${def.target} 字）；报告在项目期结束时提交。`,
        pace: null,
      };
    }
    case 'presence':
      return {
        ...base,
        count: 1,
        unit: '份',
        sentence: `尚未提交有正文的${def.name}；报告在项目期结束时提交。`,
        pace: null,
      };
    case 'count': {
      const missing = def.target - result.actual;
      const expected = expectedByNow(def.target, elapsed);
      const behind = result.actual < expected;
      const head = `${def.name}还差 ${missing} ${u}（已完成 ${result.actual} ${u}，目标 ${def.target} ${u}）`;
      let tail: string;
      if (elapsed.days === 0) tail = '项目期尚未开始';
      else if (elapsed.days >= elapsed.of) tail = '项目期已结束，本项未达标';
      else
        tail = `项目期已过 ${elapsedPercent(elapsed)}%，按进度此时应完成 ${expected} ${u}，${behind ? `落后 ${expected - result.actual} ${u}` : '进度未落后'}`;
      return { ...base, count: missing, unit: u, sentence: `${head}；${tail}。`, pace: { expected, behind } };
    }
  }
}

export interface StationGapsInput {
  policy: Policy;
  station: StationForGaps;
  /** the station's KPI counts, as the KPI engine counts them */
  counts: KpiCounts;
  facts: GapFacts;
  /** YYYY-MM-DD, Asia/Shanghai */
  today: string;
}

/** The station's open gaps, KPIs first (in the policy's order), then evidence, reports, vouchers and dates. */
export function stationGaps({ policy, station, counts, facts, today }: StationGapsInput): GapItem[] {
  const elapsed = periodElapsed({ start: station.periodStart, end: station.periodEnd }, today);
  const defs = policy.kpis[station.type];
  const items: GapItem[] = [];
  for (const def of defs) {
    const result = computeKpi(def, counts);
    if (!result.met) items.push(kpiGap({ def, result, counts, station, elapsed }));
  }
  for (const kind of GAP_EVIDENCE_KINDS) {
    const n = facts.eventsMissingEvidence[kind] ?? 0;
    if (!n) continue;
    const label = EVIDENCE_KIND_LABELS[kind];
    items.push({
      key: `evidence:${kind}`,
      kind: 'evidence',
      count: n,
      unit: '场',
      sentence: `${n} 场活动缺少${label}（只登记了类型、未上传文件的也算缺少）。`,
      article: '第十三条',
      link: listLink(station.id, 'events', { missingEvidence: kind }),
      pace: null,
    });
  }
  for (const m of reportMinimums(policy, station.type)) {
    const n = facts.shortReports[m.kind] ?? 0;
    if (!n) continue;
    const label = REPORT_KIND_LABELS[m.kind];
    items.push({
      key: `report-words:${m.kind}`,
      kind: 'report_words',
      count: n,
      unit: '份',
      sentence:
        m.minWords > 1
          ? `${n} 份${label}不足 ${m.minWords} 字，同类报告中还没有一份达到要求。`
          : `${n} 份${label}没有正文（字数为 0）。`,
      article: m.article,
      link: listLink(station.id, 'reports', { belowMinWords: m.kind }),
      pace: null,
    });
  }
  if (facts.expensesWithoutVoucher) {
    const n = facts.expensesWithoutVoucher;
    items.push({
      key: 'vouchers',
      kind: 'voucher',
      count: n,
      unit: '笔',
      sentence: `${n} 笔支出没有上传凭证（发票、收据或转账记录），从台账导入的支出也须补传。`,
      // Vouchers back the 项目决算报告 the host submits at year end (第十二条); the audit package files them with it.
      article: '第十二条',
      link: listLink(station.id, 'funds', { withoutVoucher: 'true' }),
      pace: null,
    });
  }
  const assessed = new Set(defs.map((d) => d.id));
  const targetsArticle = policy.stationTypes[station.type].targetsArticle;
  for (const kind of PERIOD_RECORD_KINDS) {
    const n = facts.outsidePeriod[kind] ?? 0;
    if (!n || !PERIOD_RECORD_KPIS[kind].some((id) => assessed.has(id))) continue;
    items.push({
      key: `outside:${kind}`,
      kind: 'outside_period',
      count: n,
      unit: '条',
      sentence: `${n} 条${RECORD_KIND_LABELS[kind]}记录的日期不在项目期（${station.periodStart} 至 ${station.periodEnd}）内，不计入考核指标。`,
      article: targetsArticle,
      link: listLink(station.id, kind, { outsidePeriod: 'true' }),
      pace: null,
    });
  }
  return items;
}
