import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fractionAtLeast } from '../kpi/compute';
import { emptyCounts } from '../kpi/from-ledger';
import type { KpiCounts } from '../kpi/types';
import { policy2025 } from '../policy/index';
import {
  enterprisesNeededForShare,
  expectedByNow,
  type GapFacts,
  noGapFacts,
  periodElapsed,
  reportMinimums,
  type StationForGaps,
  stationGaps,
} from './gaps';

const period = { start: '2025-04-01', end: '2025-12-31' }; // 275 days
const haidian: StationForGaps = { id: 'S1', type: 'district_a', periodStart: period.start, periodEnd: period.end };
const iur: StationForGaps = { ...haidian, id: 'S2', type: 'iur' };

/** Counts that meet every KPI of an A station (第七条), so a test changes only what it is about. */
function allMet(): KpiCounts {
  const c = emptyCounts();
  Object.assign(c, {
    events: 4,
    pressReleases: 4,
    pressReleasesWebsite: 2,
    cooperations: 2,
    enterprisesContacted: 50,
    enterprisesWithAssociation: 20,
    keyEnterprises: 30,
    keyEnterprisesSrdi: 10,
    landedOutcomes: 5,
    demands: 20,
    expertPersonTimes: 30,
    achievements: 30,
  });
  c.reportWords = {
    summary: 10,
    final_accounts: 10,
    demand_analysis: 2000,
    expert_service_mode: 3000,
    regional_development: 2000,
    iur_mode: 2000,
  };
  return c;
}

const gaps = (o: {
  counts?: Partial<KpiCounts>;
  facts?: Partial<GapFacts>;
  today?: string;
  station?: StationForGaps;
}) =>
  stationGaps({
    policy: policy2025,
    station: o.station ?? haidian,
    counts: { ...allMet(), ...o.counts },
    facts: { ...noGapFacts(), ...o.facts },
    today: o.today ?? '2025-08-15',
  });

describe('the pace of a count KPI (target × elapsed share, rounded up)', () => {
  it.each([
    // today, days elapsed, expected of a target of 4 and of 50
    ['2025-03-31', 0, 0, 0],
    ['2025-04-01', 1, 1, 1],
    ['2025-06-15', 76, 2, 14],
    ['2025-08-15', 137, 2, 25],
    ['2025-12-31', 275, 4, 50],
    ['2026-02-01', 275, 4, 50],
  ])('on %s: %i of 275 days, 4 → %i, 50 → %i', (today, days, four, fifty) => {
    const e = periodElapsed(period, today);
    expect(e).toEqual({ days, of: 275 });
    expect(expectedByNow(4, e)).toBe(four);
    expect(expectedByNow(50, e)).toBe(fifty);
  });

  it('is exactly the ceiling of target × days / period days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 400 }), (target, of) => {
        for (const days of [0, 1, Math.floor(of / 2), of]) {
          const x = expectedByNow(target, { days, of });
          expect(x * of).toBeGreaterThanOrEqual(target * days);
          expect((x - 1) * of).toBeLessThan(target * days);
        }
      }),
    );
  });
});

describe('unmet KPIs (第七条、第八条、第十二条)', () => {
  it('a met station has no KPI gap', () => {
    expect(gaps({})).toEqual([]);
  });

  it('says how many are missing against the target and against the pace, behind it', () => {
    const [g] = gaps({ counts: { events: 1 } });
    expect(g).toMatchObject({
      key: 'kpi:events',
      kind: 'kpi',
      count: 3,
      unit: '场',
      article: '第七条',
      link: '/stations/S1/ledger/events',
      pace: { expected: 2, behind: true },
    });
    expect(g.sentence).toBe(
      '举办需求征集会、需求对接会等活动还差 3 场（已完成 1 场，目标 4 场）；项目期已过 49.8%，按进度此时应完成 2 场，落后 1 场。',
    );
  });

  it('is not behind when the count keeps the pace', () => {
    const [g] = gaps({ counts: { demands: 10 } });
    expect(g.pace).toEqual({ expected: 10, behind: false });
    expect(g.sentence).toBe(
      '调研收集服务企业需求还差 10 项（已完成 10 项，目标 20 项）；项目期已过 49.8%，按进度此时应完成 10 项，进度未落后。',
    );
  });

  it('before the period nothing is expected yet; after it an unmet KPI is not met', () => {
    expect(gaps({ counts: { events: 0 }, today: '2025-03-01' })[0].sentence).toMatch(/；项目期尚未开始。$/);
    const after = gaps({ counts: { events: 3 }, today: '2026-01-05' })[0];
    expect(after.pace).toEqual({ expected: 4, behind: true });
    expect(after.sentence).toMatch(/还差 1 场.*；项目期已结束，本项未达标。$/);
  });

  it('a share names how many enterprises with a 科协 are still to be contacted', () => {
    const [g] = gaps({ counts: { enterprisesContacted: 50, enterprisesWithAssociation: 15 } });
    // (15 + x) / (50 + x) ≥ 0.4 first holds at x = 9: 24 / 59 = 0.4068.
    expect(g).toMatchObject({ key: 'kpi:association_share', count: 9, unit: '家', pace: null, article: '第七条' });
    expect(g.sentence).toBe(
      '联系企业中有企业科协的比例为 30%，目标 40%：还需联系 9 家建有企业科协的企业（已联系 50 家，其中 15 家建有企业科协）。',
    );
  });

  it('the share count is the least that reaches the target, by the KPI engine’s exact test', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        const n = Math.min(a, b);
        const d = Math.max(a, b);
        const x = enterprisesNeededForShare(n, d, 0.4);
        expect(fractionAtLeast(n + x, d + x, 0.4) && d + x > 0).toBe(true);
        if (x > 0) expect(fractionAtLeast(n + x - 1, d + x - 1, 0.4) && d + x - 1 > 0).toBe(false);
      }),
    );
  });

  it('a report KPI says how many 字 are missing or that the report is not there; due at the end', () => {
    const items = gaps({
      counts: { reportWords: { ...allMet().reportWords, demand_analysis: 1500, summary: 0 } },
    });
    expect(items.map((i) => [i.key, i.count, i.unit, i.article, i.link])).toEqual([
      ['kpi:report_summary', 1, '份', '第七条', '/stations/S1/ledger/reports'],
      ['kpi:report_demand_analysis', 500, '字', '第七条', '/stations/S1/ledger/reports'],
    ]);
    expect(items[0].sentence).toBe('尚未提交有正文的总结报告；报告在项目期结束时提交。');
    expect(items[1].sentence).toBe(
      '需求分析报告还差 500 字（最长一份 1500 字，要求不少于 2000 字）；报告在项目期结束时提交。',
    );
  });

  it('the final accounts are fixed on the funds page, where they are generated (第十二条)', () => {
    const [g] = gaps({ counts: { reportWords: { ...allMet().reportWords, final_accounts: 0 } } });
    expect(g).toMatchObject({ key: 'kpi:report_final_accounts', article: '第十二条', link: '/stations/S1/funds' });
  });

  it('an IUR station is judged on its own KPIs and articles (第八条)', () => {
    const items = gaps({ station: iur, counts: { enterprisesContacted: 4, events: 0, demands: 0 } });
    expect(items.map((i) => [i.key, i.count, i.article])).toEqual([['kpi:enterprises_contacted', 6, '第八条']]);
    expect(items[0].sentence).toMatch(/^联系企业还差 6 家（已完成 4 家，目标 10 家）；/);
  });
});

describe('records to complete', () => {
  it('counts events per missing kind of evidence (第十三条), linking to the filtered events', () => {
    const items = gaps({ facts: { eventsMissingEvidence: { photo: 3, press: 5 } } });
    expect(items.map((i) => [i.key, i.count, i.article, i.link, i.sentence])).toEqual([
      [
        'evidence:photo',
        3,
        '第十三条',
        '/stations/S1/ledger/events?missingEvidence=photo',
        '3 场活动缺少活动照片（只登记了类型、未上传文件的也算缺少）。',
      ],
      [
        'evidence:press',
        5,
        '第十三条',
        '/stations/S1/ledger/events?missingEvidence=press',
        '5 场活动缺少新闻报道（只登记了类型、未上传文件的也算缺少）。',
      ],
    ]);
  });

  it('names expenses without vouchers, imported ones included', () => {
    const [g] = gaps({ facts: { expensesWithoutVoucher: 2 } });
    expect(g).toMatchObject({
      key: 'vouchers',
      count: 2,
      unit: '笔',
      article: '第十二条',
      link: '/stations/S1/funds?withoutVoucher=true',
      sentence: '2 笔支出没有上传凭证（发票、收据或转账记录），从台账导入的支出也须补传。',
    });
  });

  it('names short reports with the minimum of their kind and its article', () => {
    const items = gaps({ facts: { shortReports: { expert_service_mode: 2, summary: 1, iur_mode: 4 } } });
    // iur_mode is not an A station's report: it has no minimum there.
    expect(items.map((i) => [i.key, i.count, i.article, i.link, i.sentence])).toEqual([
      [
        'report-words:summary',
        1,
        '第七条',
        '/stations/S1/ledger/reports?belowMinWords=summary',
        '1 份总结报告没有正文（字数为 0）。',
      ],
      [
        'report-words:expert_service_mode',
        2,
        '第七条',
        '/stations/S1/ledger/reports?belowMinWords=expert_service_mode',
        '2 份专家服务模式报告不足 3000 字，同类报告中还没有一份达到要求。',
      ],
    ]);
  });

  it('counts records outside the period per kind, only for kinds that feed the station type’s KPIs', () => {
    const facts = { outsidePeriod: { contacts: 12, achievements: 2, demands: 1 } };
    expect(gaps({ facts }).map((i) => [i.key, i.count, i.article, i.link])).toEqual([
      ['outside:contacts', 12, '第七条', '/stations/S1/ledger/contacts?outsidePeriod=true'],
      ['outside:demands', 1, '第七条', '/stations/S1/ledger/demands?outsidePeriod=true'],
    ]);
    expect(gaps({ facts })[0].sentence).toBe(
      '12 条联系走访记录的日期不在项目期（2025-04-01 至 2025-12-31）内，不计入考核指标。',
    );
    const iurItems = gaps({ station: iur, facts, counts: {} });
    expect(iurItems.map((i) => [i.key, i.article])).toEqual([
      ['outside:contacts', '第八条'],
      ['outside:achievements', '第八条'],
    ]);
  });
});

describe('report minimums of a program year', () => {
  it('are the words targets, or one 字 for a report that must exist', () => {
    expect(reportMinimums(policy2025, 'district_a')).toEqual([
      { kind: 'summary', minWords: 1, article: '第七条' },
      { kind: 'final_accounts', minWords: 1, article: '第十二条' },
      { kind: 'demand_analysis', minWords: 2000, article: '第七条' },
      { kind: 'expert_service_mode', minWords: 3000, article: '第七条' },
    ]);
    expect(reportMinimums(policy2025, 'iur').map((m) => [m.kind, m.minWords, m.article])).toEqual([
      ['summary', 1, '第十二条'],
      ['final_accounts', 1, '第十二条'],
      ['iur_mode', 2000, '第八条'],
    ]);
  });
});
