import type { LedgerInput } from '../../domain/ledger/schema';
import type { StationType } from '../../domain/policy/types';
import { usccCheckChar } from '../../domain/uscc';
import { withMatchingTexts } from './matching-texts';

// Realistic station ledgers for the demo year and the benchmark (issue #3): Chinese names, valid USCCs registered in
// the station's district, work spread over the period, and attainment that differs from station to station.
// Deterministic: the same seed gives the same ledger, so a demo and a benchmark can be repeated.

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITY = [
  '京',
  '华',
  '中',
  '新',
  '智',
  '博',
  '远',
  '通',
  '精',
  '恒',
  '睿',
  '宏',
  '泰',
  '源',
  '科',
  '创',
  '联',
  '航',
];
const WORD = [
  '芯',
  '云',
  '图',
  '康',
  '能',
  '测',
  '工',
  '绿',
  '天',
  '数',
  '光',
  '磁',
  '医',
  '材',
  '链',
  '算',
  '视',
  '安',
];
const TRADE = [
  '微电子科技',
  '数据技术',
  '生物医药',
  '新能源科技',
  '检测技术',
  '机器人',
  '环保科技',
  '航空科技',
  '信息技术',
  '智能装备',
  '新材料',
  '医疗器械',
  '软件',
  '精密仪器',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
];
const EMPLOYERS = ['北京理工大学', '清华大学', '北京航空航天大学', '中国科学院', '北京工业大学', '北京邮电大学'];
const DEMANDS = [
  '工业视觉检测算法',
  '生产线数字化改造',
  '新材料性能测试',
  '知识产权布局',
  '高端人才引进',
  '产品认证咨询',
];
const EVENT_TITLES = ['企业需求征集会', '专家对接会', '科技成果发布会', '项目路演', '企业科协工作培训', '产业沙龙'];
const EVENT_KINDS = ['demand_collection', 'matchmaking', 'release', 'roadshow', 'training', 'other'] as const;
const PARAGRAPH =
  '站点围绕区域重点产业，组织专家深入企业开展调研，梳理企业在技术研发、成果转化和人才培养方面的需求，形成需求清单并逐项对接。';

export function usccFor(district: string, n: number): string {
  const region = /^\d{6}$/.test(district) ? district : '110400';
  const first17 = `91${region}${String(n % 1_000_000_000).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

export interface GenerateOptions {
  seed: number;
  programYear: number;
  station: { name: string; type: StationType; district: string | null; hostName: string; start: string; end: string };
  /** 0–1: how much of its targets the station achieves (about) */
  diligence: number;
  /** numbering offset so that enterprises of different stations differ */
  enterpriseBase: number;
  /** how many enterprises the station lists (about 80 at 1×) */
  enterprises?: number;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function generateLedger(o: GenerateOptions): LedgerInput {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const span =
    Math.round((Date.parse(`${o.station.end}T00:00:00Z`) - Date.parse(`${o.station.start}T00:00:00Z`)) / 86_400_000) +
    1;
  const someDay = () => addDays(o.station.start, Math.floor(r() * span));
  const scaled = (target: number) => Math.max(0, Math.round(target * o.diligence * (0.85 + r() * 0.4)));
  const district = o.station.district ?? '110108';
  const isIur = o.station.type === 'iur';

  const enterpriseCount = o.enterprises ?? (isIur ? 20 : 80);
  const enterprises = Array.from({ length: enterpriseCount }, (_, i) => {
    // A few enterprises of a neighbouring district: listed, contacted, never counted (docs/ledger-format.md).
    const own = r() > 0.06;
    const d = own ? district : '110105' === district ? '110108' : '110105';
    return {
      uscc: usccFor(d, o.enterpriseBase + i),
      name: `北京${pick(CITY)}${pick(WORD)}${pick(TRADE)}有限公司`,
      district: d,
      hasAssociation: r() < 0.45,
      srdi: (r() < 0.2 ? 'municipal' : r() < 0.06 ? 'national' : 'none') as 'none' | 'municipal' | 'national',
      keyServed: r() < 0.45,
    };
  });
  const contactTarget = isIur ? 10 : o.station.type === 'district_a' ? 50 : 40;
  const contacted = enterprises.slice(0, Math.min(enterprises.length, scaled(contactTarget * 1.15)));
  const contacts = contacted.flatMap((e) =>
    Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
      uscc: e.uscc,
      date: someDay(),
      mode: pick(['visit', 'visit', 'meeting', 'phone', 'online'] as const),
      note: '了解企业技术需求',
    })),
  );
  const experts = Array.from({ length: isIur ? 14 : 10 }, (_, i) => ({
    id: `E${i + 1}`,
    name: `${pick(SURNAMES)}${pick(GIVEN)}${r() < 0.5 ? pick(GIVEN) : ''}`,
    kind: (i % 3 === 0 ? 'commissioner' : 'expert') as 'commissioner' | 'expert',
    employer: pick(EMPLOYERS),
    hostStaff: r() < 0.1,
    fiscallySupported: r() < 0.2,
    grade: pick(['senior', 'senior', 'academician', 'other'] as const),
  }));
  const eventCount = Math.max(1, scaled(isIur ? 8 : 5));
  const events = Array.from({ length: eventCount }, (_, i) => ({
    id: `A${i + 1}`,
    kind: pick(EVENT_KINDS),
    title: `${o.station.name.replace(/“千人进千企”工作站点$/, '')}${pick(EVENT_TITLES)}（第${i + 1}场）`,
    date: someDay(),
    experts: experts.filter(() => r() < (isIur ? 0.35 : 0.45)).map((x) => x.id),
    enterprises: contacted.filter(() => r() < 0.1).map((e) => e.uscc),
    evidence: (r() < 0.85 ? ['plan', 'photo', 'minutes'] : ['press']) as Array<'plan' | 'photo' | 'minutes' | 'press'>,
    place: pick(['站点会议室', '企业现场', '区科协报告厅', '线上会议']),
  }));
  // Every station keeps some record of each kind, scored for its type or not (an IUR station also publicises its
  // work; a district station also collects university achievements).
  const some = (scoredTarget: number, unscored = 2) => (isIur ? unscored : Math.max(1, scaled(scoredTarget)));
  const demands = Array.from({ length: some(o.station.type === 'district_a' ? 20 : 30) }, (_, i) => {
    // Each step of the lifecycle a few days after the one before (第七条: collected → matched → docked → resolved).
    const status = pick(['collected', 'matched', 'docked', 'resolved'] as const);
    const collectedOn = someDay();
    const gaps = [0, 3 + Math.floor(r() * 10), 3 + Math.floor(r() * 10), 3 + Math.floor(r() * 10)];
    const step = (n: number) =>
      addDays(
        collectedOn,
        gaps.slice(0, n + 1).reduce((a, b) => a + b, 0),
      );
    const reached = ['collected', 'matched', 'docked', 'resolved'].indexOf(status);
    return {
      id: `D${i + 1}`,
      uscc: pick(contacted.length ? contacted : enterprises).uscc,
      title: `${pick(DEMANDS)}需求`,
      collectedOn,
      status,
      ...(reached >= 1 ? { matchedKind: 'expert' as const, matchedTo: pick(experts).name, matchedOn: step(1) } : {}),
      ...(reached >= 2 ? { dockedOn: step(2) } : {}),
      ...(reached >= 3 ? { resolvedOn: step(3) } : {}),
    };
  });
  const pressReleases = Array.from({ length: some(5) }, (_, i) => ({
    title: `工作站点动态（${i + 1}）`,
    date: someDay(),
    channel: (r() < 0.6 ? 'association_website' : 'other') as 'association_website' | 'other',
    url: `https://kx.example.cn/news/${o.seed}-${i}`,
  }));
  const cooperations = Array.from({ length: some(2.5, 1) }, (_, i) => ({
    title: `校企合作项目${i + 1}`,
    date: someDay(),
    parties: [pick(EMPLOYERS), pick(enterprises).name],
    content: r() < 0.9 ? '共建联合实验室，开展关键技术攻关' : '',
  }));
  const outcomes = Array.from({ length: some(o.station.type === 'district_a' ? 5 : 3, 1) }, (_, i) => ({
    title: `技术成果落地项目${i + 1}`,
    date: someDay(),
    uscc: pick(enterprises).uscc,
    goldenBridge: r() < 0.3,
  }));
  const achievements = Array.from({ length: isIur ? scaled(32) : 2 }, (_, i) => ({
    title: `高校创新成果${i + 1}`,
    university: pick(EMPLOYERS),
    collectedOn: someDay(),
    promoted: r() < 0.85,
  }));
  const words = (target: number) => PARAGRAPH.repeat(Math.max(1, Math.round((target * o.diligence * 1.05) / 60)));
  const reports = [
    ...(r() < o.diligence
      ? [{ kind: 'summary' as const, title: '年度工作总结', submittedOn: o.station.end, text: PARAGRAPH.repeat(30) }]
      : []),
    ...(o.station.type === 'district_a'
      ? [
          { kind: 'demand_analysis' as const, title: '企业需求分析报告', text: words(2000) },
          { kind: 'expert_service_mode' as const, title: '专家服务模式报告', text: words(3000) },
        ]
      : o.station.type === 'district_b'
        ? [{ kind: 'regional_development' as const, title: '区域发展报告', text: words(2000) }]
        : [{ kind: 'iur_mode' as const, title: '产学研合作模式报告', text: words(2000) }]),
  ];
  // A few bookable expenses early in the period (generated last, so that the records above stay as they were): fees to
  // registered experts who are neither host staff (第十六条, consulting) nor fiscally supported (labour), services
  // from organisations, and one paid from matching funds (第十四条). Well within every category's budget.
  const early = () => addDays(o.station.start, Math.floor(r() * 70));
  const consultable = experts.filter((x) => !x.hostStaff);
  const labourable = experts.filter((x) => !x.fiscallySupported);
  const org = (name: string) => ({ name, hostStaff: false, fiscallySupported: false });
  const fee = (x: (typeof experts)[number]) => ({
    name: x.name,
    expertId: x.id,
    hostStaff: false,
    fiscallySupported: false,
  });
  const expenses: Array<Omit<NonNullable<LedgerInput['expenses']>[number], 'id'>> = [
    ...consultable.slice(0, 2).map((x) => ({
      date: early(),
      category: 'consulting' as const,
      item: 'expert_consulting' as const,
      amount: '1500.00',
      source: 'grant' as const,
      payee: fee(x),
      purpose: '企业技术需求诊断专家咨询',
      days: 1,
    })),
    ...labourable.slice(0, 1).map((x) => ({
      date: early(),
      category: 'labour' as const,
      item: x.kind === 'commissioner' ? ('commissioner_labour' as const) : ('expert_labour' as const),
      amount: '800.00',
      source: 'grant' as const,
      payee: fee(x),
      purpose: '对接会现场服务劳务',
    })),
    {
      date: early(),
      category: 'meeting',
      item: 'venue',
      amount: `${2000 + Math.floor(r() * 10) * 100}.00`,
      source: 'grant',
      payee: org('北京某会议服务有限公司'),
      purpose: '需求对接会场地租赁',
    },
    {
      date: early(),
      category: 'activity',
      item: 'printing',
      amount: '1860.50',
      source: 'grant',
      payee: org('北京某印务有限公司'),
      purpose: '工作站点宣传册印制',
    },
    {
      date: early(),
      category: 'other',
      item: 'local_transport',
      amount: '326.00',
      source: 'grant',
      payee: org('北京某汽车租赁有限公司'),
      purpose: '走访企业市内交通',
    },
    {
      date: early(),
      category: 'activity',
      item: 'photo_video',
      amount: '1500.00',
      source: 'matching',
      payee: org('北京某影像工作室'),
      purpose: '活动摄影摄像（配套经费）',
    },
  ];
  // The texts matching reads (issue #15) come from their own random sequence: the rest stays as it was.
  return withMatchingTexts(
    {
      format: 'qianqi-ledger/1',
      programYear: o.programYear,
      station: {
        name: o.station.name,
        type: o.station.type,
        district: o.station.district,
        host: { name: o.station.hostName },
        period: { start: o.station.start, end: o.station.end },
      },
      enterprises,
      contacts,
      demands,
      experts,
      events,
      pressReleases,
      cooperations,
      outcomes,
      achievements,
      reports,
      expenses: expenses.sort((a, b) => a.date.localeCompare(b.date)).map((x, i) => ({ ...x, id: `X${i + 1}` })),
    },
    o.seed,
  );
}
