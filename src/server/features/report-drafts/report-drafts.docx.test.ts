import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type DraftKindOption, draftKindsOf } from '../../../shared/api/report-drafts';
import { type DraftData, formatKpi, reportDraftDocx } from './report-drafts.docx';

// What a host sees on opening the draft in Word: the title and the date of the figures, every KPI with its article,
// target and actual, the ledger's tables and charts, and the yellow places to write in.

const DEMAND_ANALYSIS: DraftKindOption = {
  kind: 'demand_analysis',
  name: '需求分析报告',
  article: '第七条',
  minWords: 2000,
};

function sample(over: Partial<DraftData> = {}): DraftData {
  return {
    report: DEMAND_ANALYSIS,
    asOf: '2025-06-15',
    station: {
      name: '海淀区科创服务站',
      typeLabel: '区工作站点（A类）',
      isIur: false,
      hostName: '中关村智能制造创新学会',
      districtName: '海淀区',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      programYear: 2025,
    },
    kpis: [
      {
        name: '调研收集服务企业需求',
        article: '第七条',
        unit: '项',
        measure: 'count',
        target: 20,
        actual: 3,
        met: false,
      },
      {
        name: '联系企业中建有企业科协的比例',
        article: '第七条',
        unit: '',
        measure: 'share',
        target: 0.4,
        actual: 0.5,
        met: true,
      },
      { name: '需求分析报告', article: '第七条', unit: '字', measure: 'words', target: 2000, actual: 0, met: false },
      { name: '总结报告', article: '第七条', unit: '份', measure: 'presence', target: 1, actual: 0, met: false },
    ],
    demands: {
      total: 3,
      // as SQL groups them: in no particular order
      byStatus: [
        { key: 'docked', n: 2 },
        { key: 'collected', n: 1 },
      ],
      byIndustryStatus: [
        { key: { industry: 'smart_manufacturing', status: 'docked' }, n: 2 },
        { key: { industry: null, status: 'collected' }, n: 1 },
      ],
      rows: [
        {
          ref: 'D1',
          title: '数控机床故障预测',
          enterprise: '北京精工机床有限公司',
          industry: 'smart_manufacturing',
          collectedOn: '2025-03-02',
          status: 'docked',
        },
        {
          ref: 'D2',
          title: '产线视觉检测升级',
          enterprise: '北京精工机床有限公司',
          industry: 'smart_manufacturing',
          collectedOn: '2025-03-09',
          status: 'docked',
        },
      ],
    },
    dockings: {
      total: 2,
      rows: [
        {
          ref: 'D1',
          title: '数控机床故障预测',
          enterprise: '北京精工机床有限公司',
          status: 'docked',
          matchedKind: 'expert',
          matchedTo: '王建国',
          matchedOn: '2025-03-20',
          dockedOn: '2025-04-01',
          resolvedOn: null,
        },
      ],
    },
    enterprises: { total: 0, keyServed: 0, srdi: 0, withAssociation: 0, byIndustry: [], rows: [] },
    contacted: { total: 0, contacts: 0, rows: [] },
    events: { total: 0, personTimes: 0, byMonth: [], rows: [] },
    experts: { total: 0, rows: [] },
    outcomes: { total: 0, rows: [] },
    achievements: { total: 0, promoted: 0, byIndustry: [], rows: [] },
    cooperations: { total: 0, rows: [] },
    ...over,
  };
}

interface Opened {
  files: string[];
  xml: string;
  paragraphs: string[];
  rows: string[][];
}

async function open(d: DraftData): Promise<Opened> {
  const zip = unzipSync(new Uint8Array(await reportDraftDocx(d)));
  const xml = strFromU8(zip['word/document.xml']);
  const texts = (s: string) => [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return {
    files: Object.keys(zip),
    xml,
    paragraphs: [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => texts(m[0])).filter(Boolean),
    rows: [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => texts(tc[0])),
    ),
  };
}

describe('reportDraftDocx', () => {
  it('titles the draft, states the date of its figures and the article requiring it', async () => {
    const doc = await open(sample());
    expect(doc.paragraphs[0]).toBe('2025年度海淀区科创服务站需求分析报告');
    expect(doc.paragraphs).toContain('（草稿）');
    expect(doc.paragraphs).toContain('数据截至 2025-06-15（北京时间）');
    expect(doc.paragraphs.some((t) => t.includes('第七条') && t.includes('不少于 2,000 字'))).toBe(true);
  });

  it('lists every KPI with its article, target and actual, and counts those met', async () => {
    const doc = await open(sample());
    expect(doc.rows).toContainEqual(['1', '调研收集服务企业需求', '第七条', '20 项', '3 项', '未达标']);
    expect(doc.rows).toContainEqual(['2', '联系企业中建有企业科协的比例', '第七条', '40.0%', '50.0%', '已达标']);
    expect(doc.rows).toContainEqual(['3', '需求分析报告', '第七条', '2,000 字', '0 字', '未达标']);
    expect(doc.rows).toContainEqual(['4', '总结报告', '第七条', '须提交', '未提交', '未达标']);
    expect(doc.paragraphs.some((t) => t.includes('4 项考核指标中已达标 1 项'))).toBe(true);
  });

  it('gives the sections of a 需求分析报告 in order, each narrative place highlighted', async () => {
    const doc = await open(sample());
    const headings = doc.paragraphs.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    expect(headings).toEqual([
      '一、考核指标完成情况',
      '二、需求征集概况',
      '三、需求的行业与状态分布',
      '四、需求明细',
      '五、需求对接与解决情况',
      '六、问题与建议',
    ]);
    const asks = doc.paragraphs.filter((t) => t.startsWith('【请填写：'));
    expect(asks.length).toBeGreaterThanOrEqual(5);
    expect(asks.some((t) => t.includes('需求征集的主要做法与经验'))).toBe(true);
    expect(asks.some((t) => t.includes('典型需求对接案例'))).toBe(true);
    // Each place is one highlighted run: the run's properties carry the yellow highlight.
    const runs = [...doc.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]);
    for (const r of runs.filter((x) => x.includes('>【请填写：'))) expect(r).toContain('<w:highlight w:val="yellow"/>');
    expect(runs.filter((x) => x.includes('<w:highlight')).length).toBe(asks.length);
  });

  it('tabulates the demands by industry and status, the demands and the dockings with their figures', async () => {
    const doc = await open(sample());
    expect(doc.rows).toContainEqual(['行业', '已征集', '已对接', '合计']);
    expect(doc.rows).toContainEqual(['智能制造与装备', '0', '2', '2']);
    expect(doc.rows).toContainEqual(['未填写行业', '1', '0', '1']);
    expect(doc.rows).toContainEqual(['合计', '1', '2', '3']);
    expect(doc.rows).toContainEqual([
      'D1',
      '数控机床故障预测',
      '北京精工机床有限公司',
      '智能制造与装备',
      '2025-03-02',
      '已对接',
    ]);
    expect(doc.rows).toContainEqual([
      'D1',
      '数控机床故障预测',
      '北京精工机床有限公司',
      '专家：王建国',
      '2025-03-20',
      '2025-04-01',
      '',
      '已对接',
    ]);
    expect(doc.paragraphs.some((t) => t.includes('共登记企业需求 3 项') && t.includes('已对接 2 项'))).toBe(true);
  });

  it('says when a table lists only part of the records', async () => {
    const doc = await open(sample());
    // 3 demands, 2 listed
    expect(doc.paragraphs.some((t) => t.includes('共 3 项，表中列出前 2 项'))).toBe(true);
  });

  it('embeds the charts as PNG pictures with a key naming each numbered bar', async () => {
    const doc = await open(sample());
    const media = doc.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2); // by status, by industry
    expect(doc.xml.match(/<w:drawing>/g)).toHaveLength(2);
    expect(doc.paragraphs).toContain('图：需求按状态分布');
    // bars in the order of the statuses (已征集 → 已关闭), the key numbering them alike
    expect(doc.rows).toContainEqual(['', '1', '已征集', '1']);
    expect(doc.rows).toContainEqual(['', '2', '已对接', '2']);
    expect(doc.rows).toContainEqual(['', '1', '智能制造与装备', '2']);
  });

  it('writes “暂无数据” instead of an empty chart', async () => {
    const doc = await open(
      sample({
        demands: { total: 0, byStatus: [], byIndustryStatus: [], rows: [] },
        dockings: { total: 0, rows: [] },
      }),
    );
    expect(doc.files.filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(doc.paragraphs).toContain('图：需求按状态分布：暂无数据。');
  });

  it('drafts an 产学研工作模式报告 from achievements, contacts, events and cooperations', async () => {
    const doc = await open(
      sample({
        report: { kind: 'iur_mode', name: '产学研工作模式报告', article: '第八条', minWords: 2000 },
        station: { ...sample().station, isIur: true, typeLabel: '产学研合作站点', districtName: null },
        achievements: {
          total: 1,
          promoted: 1,
          byIndustry: [{ key: 'new_materials', n: 1 }],
          rows: [
            {
              title: '石墨烯散热膜',
              university: '北京理工大学',
              industry: 'new_materials',
              collectedOn: '2025-04-01',
              promoted: true,
            },
          ],
        },
        events: {
          total: 1,
          personTimes: 2,
          byMonth: [{ key: '2025-05', n: 1 }],
          rows: [
            {
              date: '2025-05-10',
              title: '新材料成果路演',
              kind: 'roadshow',
              place: '良乡校区',
              experts: ['李明', '张华'],
              enterprises: 3,
            },
          ],
        },
        cooperations: {
          total: 1,
          rows: [{ date: '2025-06-01', title: '联合实验室', parties: ['北京理工大学', '北京某新材料公司'] }],
        },
      }),
    );
    expect(doc.paragraphs[0]).toBe('2025年度海淀区科创服务站产学研工作模式报告');
    expect(doc.paragraphs.some((t) => t.includes('第八条'))).toBe(true);
    expect(doc.paragraphs).toContain('二、高校创新成果征集与推介');
    expect(doc.paragraphs).not.toContain('二、需求征集概况');
    expect(doc.rows).toContainEqual(['石墨烯散热膜', '北京理工大学', '新材料', '2025-04-01', '是']);
    expect(doc.rows).toContainEqual(['2025-05-10', '新材料成果路演', '路演', '良乡校区', '李明、张华', '3 家']);
    expect(doc.rows).toContainEqual(['2025-06-01', '联合实验室', '北京理工大学、北京某新材料公司']);
    expect(doc.rows).toContainEqual(['', '1', '2025年5月', '1']);
    expect(doc.paragraphs.some((t) => t.includes('到场专家共 2 人次'))).toBe(true);
  });
});

describe('formatKpi', () => {
  it('shows a share as a percentage, words as 字, a report’s presence in words', () => {
    expect(formatKpi({ measure: 'share', unit: '' }, 0.425)).toBe('42.5%');
    expect(formatKpi({ measure: 'words', unit: '字' }, 3000)).toBe('3,000 字');
    expect(formatKpi({ measure: 'presence', unit: '份' }, 1)).toBe('已提交');
    expect(formatKpi({ measure: 'presence', unit: '份' }, 0)).toBe('未提交');
  });
});

describe('draftKindsOf', () => {
  it('offers the reports the type’s KPIs ask for, citing their articles, 第十二条 for the 总结报告', () => {
    const kpi = (id: string, article: string, name: string, measure = 'words', target = 2000) => ({
      id,
      article,
      name,
      measure,
      target,
    });
    const districtA = [
      kpi('events', '第七条', '组织活动', 'count', 4),
      kpi('report_summary', '第七条', '总结报告', 'presence', 1),
      kpi('report_final_accounts', '第十二条', '项目决算报告', 'presence', 1),
      kpi('report_demand_analysis', '第七条', '需求分析报告'),
      kpi('report_expert_service_mode', '第七条', '专家服务企业典型模式报告', 'words', 3000),
    ];
    expect(draftKindsOf(districtA)).toEqual([
      { kind: 'summary', name: '总结报告', article: '第七条、第十二条', minWords: null },
      { kind: 'demand_analysis', name: '需求分析报告', article: '第七条', minWords: 2000 },
      { kind: 'expert_service_mode', name: '专家服务企业典型模式报告', article: '第七条', minWords: 3000 },
    ]);
    const iur = [
      kpi('report_summary', '第十二条', '总结报告', 'presence', 1),
      kpi('report_iur_mode', '第八条', '产学研工作模式报告'),
    ];
    expect(draftKindsOf(iur).map((o) => `${o.name}（${o.article}）`)).toEqual([
      '总结报告（第十二条）',
      '产学研工作模式报告（第八条）',
    ]);
  });
});
