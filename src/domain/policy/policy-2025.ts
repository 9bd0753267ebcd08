import {
  type Article,
  type DistrictPolicy,
  HOST_KINDS,
  type KpiId,
  type KpiPolicy,
  type Policy,
  type StationType,
  type StationTypePolicy,
} from './types';

// The 2025 program year, read from 北京市科学技术协会“千人进千企”科创公共服务工作站点管理办法（2025 年试行）
// (docs: docs/ledger-format.md, docs/fee-standards.md). Later years are copies edited by the Center.

const DISTRICT_HOSTS = ['society', 'association', 'alliance', 'park_association', 'public_institution'] as const;

const stationTypes = {
  district_a: {
    name: '区工作站点（A类）',
    shortName: 'A类站点',
    article: '第三条',
    quota: 7,
    quotaArticle: '第六条',
    fundingFen: 15_000_000,
    fundingArticle: '第六条',
    hostKinds: [...DISTRICT_HOSTS],
    hostArticle: '第六条',
    recommendedByDistrict: true,
    targetsArticle: '第七条',
  },
  district_b: {
    name: '区工作站点（B类）',
    shortName: 'B类站点',
    article: '第三条',
    quota: 10,
    quotaArticle: '第六条',
    fundingFen: 10_000_000,
    fundingArticle: '第六条',
    hostKinds: [...DISTRICT_HOSTS],
    hostArticle: '第六条',
    recommendedByDistrict: true,
    targetsArticle: '第七条',
  },
  iur: {
    name: '产学研合作站点',
    shortName: '产学研站点',
    article: '第三条',
    quota: 6,
    quotaArticle: '第六条',
    fundingFen: 5_000_000,
    fundingArticle: '第六条',
    hostKinds: ['university_association'],
    hostArticle: '第六条',
    recommendedByDistrict: false,
    targetsArticle: '第八条',
  },
} satisfies Record<StationType, StationTypePolicy>;

// 第三条 lists the A and B districts in this order; GB/T 2260 codes.
const districts: DistrictPolicy[] = [
  { code: 'etown', name: '经开区', fullName: '北京经济技术开发区', stationType: 'district_a', article: '第三条' },
  { code: '110106', name: '丰台区', fullName: '北京市丰台区', stationType: 'district_a', article: '第三条' },
  { code: '110108', name: '海淀区', fullName: '北京市海淀区', stationType: 'district_a', article: '第三条' },
  { code: '110114', name: '昌平区', fullName: '北京市昌平区', stationType: 'district_a', article: '第三条' },
  { code: '110105', name: '朝阳区', fullName: '北京市朝阳区', stationType: 'district_a', article: '第三条' },
  { code: '110112', name: '通州区', fullName: '北京市通州区', stationType: 'district_a', article: '第三条' },
  { code: '110113', name: '顺义区', fullName: '北京市顺义区', stationType: 'district_a', article: '第三条' },
  { code: '110111', name: '房山区', fullName: '北京市房山区', stationType: 'district_b', article: '第三条' },
  { code: '110115', name: '大兴区', fullName: '北京市大兴区', stationType: 'district_b', article: '第三条' },
  { code: '110117', name: '平谷区', fullName: '北京市平谷区', stationType: 'district_b', article: '第三条' },
  { code: '110116', name: '怀柔区', fullName: '北京市怀柔区', stationType: 'district_b', article: '第三条' },
  { code: '110118', name: '密云区', fullName: '北京市密云区', stationType: 'district_b', article: '第三条' },
  { code: '110119', name: '延庆区', fullName: '北京市延庆区', stationType: 'district_b', article: '第三条' },
  { code: '110101', name: '东城区', fullName: '北京市东城区', stationType: 'district_b', article: '第三条' },
  { code: '110102', name: '西城区', fullName: '北京市西城区', stationType: 'district_b', article: '第三条' },
  { code: '110109', name: '门头沟区', fullName: '北京市门头沟区', stationType: 'district_b', article: '第三条' },
  { code: '110107', name: '石景山区', fullName: '北京市石景山区', stationType: 'district_b', article: '第三条' },
];

type KpiLabel = Pick<KpiPolicy, 'name' | 'unit' | 'measure' | 'countingRule'>;

// One label per KPI id; `satisfies` makes a new KPI id fail to compile until it has a Chinese label and rule.
const KPI_LABELS = {
  events: {
    name: '举办需求征集会、需求对接会等活动',
    unit: '场',
    measure: 'count',
    countingRule: '活动日期在项目期内的活动场次',
  },
  press_releases: {
    name: '发布新闻稿',
    unit: '篇',
    measure: 'count',
    countingRule: '发布日期在项目期内的新闻稿篇数',
  },
  press_releases_website: {
    name: '其中科协网站发布新闻稿',
    unit: '篇',
    measure: 'count',
    countingRule: '上述新闻稿中发布渠道为科协网站的篇数',
  },
  cooperations: {
    name: '推动有具体内容的合作',
    unit: '项',
    measure: 'count',
    countingRule: '日期在项目期内且合作内容不为空的合作项数',
  },
  enterprises_contacted: {
    name: '联系本区企业',
    unit: '家',
    measure: 'count',
    countingRule:
      '项目期内有联系记录、统一社会信用代码有效且注册在本区的企业家数，按统一社会信用代码去重，同一企业多次联系只计 1 家',
  },
  association_share: {
    name: '联系企业中有企业科协的比例',
    unit: '',
    measure: 'share',
    countingRule: '上述联系企业中建有企业科协的企业所占比例（保留 3 位小数，按精确比值判断是否达标）；无联系企业时为 0',
  },
  key_enterprises: {
    name: '重点服务企业',
    unit: '家',
    measure: 'count',
    countingRule: '上述联系企业中标记为重点服务企业的家数',
  },
  key_enterprises_srdi: {
    name: '其中专精特新企业',
    unit: '家',
    measure: 'count',
    countingRule: '重点服务企业中为市级专精特新企业或国家级专精特新“小巨人”企业的家数',
  },
  landed_outcomes: {
    name: '产生落地成果',
    unit: '项',
    measure: 'count',
    countingRule: '日期在项目期内的落地成果项数',
  },
  demands: {
    name: '调研收集服务企业需求',
    unit: '项',
    measure: 'count',
    countingRule: '项目期内收集、提出企业统一社会信用代码有效的需求项数',
  },
  expert_person_times: {
    name: '组织产业特派员等专家参与活动',
    unit: '人次',
    measure: 'count',
    countingRule:
      '项目期内各场活动到场的登记专家人数之和，同一场活动同一专家只计 1 次（1 位专家参加 3 场活动计 3 人次）',
  },
  achievements: {
    name: '征集并推介高校创新成果',
    unit: '项',
    measure: 'count',
    countingRule: '项目期内征集且已推介的高校创新成果项数',
  },
  report_summary: {
    name: '总结报告',
    unit: '份',
    measure: 'presence',
    countingRule: '已提交字数不少于 1 的总结报告计 1，否则为 0',
  },
  report_final_accounts: {
    name: '项目决算报告',
    unit: '份',
    measure: 'presence',
    countingRule: '已提交字数不少于 1 的项目决算报告计 1，否则为 0',
  },
  report_demand_analysis: {
    name: '需求分析报告',
    unit: '字',
    measure: 'words',
    countingRule: '该类报告中最长一份的字数（与 Word“字数”统计口径一致），无报告为 0',
  },
  report_expert_service_mode: {
    name: '专家服务企业典型模式报告',
    unit: '字',
    measure: 'words',
    countingRule: '该类报告中最长一份的字数（与 Word“字数”统计口径一致），无报告为 0',
  },
  report_regional_development: {
    name: '区域企业发展报告',
    unit: '字',
    measure: 'words',
    countingRule: '该类报告中最长一份的字数（与 Word“字数”统计口径一致），无报告为 0',
  },
  report_iur_mode: {
    name: '产学研工作模式报告',
    unit: '字',
    measure: 'words',
    countingRule: '该类报告中最长一份的字数（与 Word“字数”统计口径一致），无报告为 0',
  },
} satisfies Record<KpiId, KpiLabel>;

interface KpiSpec {
  id: KpiId;
  article: Article;
  target: number;
  /** the label's fields this class words otherwise */
  override?: Partial<KpiLabel>;
}

function kpi({ id, article, target, override = {} }: KpiSpec): KpiPolicy {
  return { id, article, target, ...KPI_LABELS[id], ...override };
}

// 第七条: the part common to A and B; only the numbers of the class paragraphs differ.
function districtKpis(t: {
  contacted: number;
  keyServed: number;
  srdi: number;
  outcomes: number;
  demands: number;
  personTimes: number;
}): KpiPolicy[] {
  return [
    kpi({ id: 'events', article: '第七条', target: 4 }),
    kpi({ id: 'press_releases', article: '第七条', target: 4 }),
    kpi({ id: 'press_releases_website', article: '第七条', target: 2 }),
    kpi({ id: 'cooperations', article: '第七条', target: 2 }),
    kpi({ id: 'enterprises_contacted', article: '第七条', target: t.contacted }),
    kpi({ id: 'association_share', article: '第七条', target: 0.4 }),
    kpi({ id: 'key_enterprises', article: '第七条', target: t.keyServed }),
    kpi({ id: 'key_enterprises_srdi', article: '第七条', target: t.srdi }),
    kpi({ id: 'landed_outcomes', article: '第七条', target: t.outcomes }),
    kpi({ id: 'demands', article: '第七条', target: t.demands }),
    kpi({ id: 'expert_person_times', article: '第七条', target: t.personTimes }),
    kpi({ id: 'report_summary', article: '第七条', target: 1 }),
    kpi({ id: 'report_final_accounts', article: '第十二条', target: 1 }),
  ];
}

const kpis = {
  district_a: [
    ...districtKpis({ contacted: 50, keyServed: 30, srdi: 10, outcomes: 5, demands: 20, personTimes: 20 }),
    kpi({ id: 'report_demand_analysis', article: '第七条', target: 2000 }),
    kpi({ id: 'report_expert_service_mode', article: '第七条', target: 3000 }),
  ],
  // B asks for more demands (30) than A (20): the regulation's own numbers, kept as written.
  district_b: [
    ...districtKpis({ contacted: 40, keyServed: 20, srdi: 5, outcomes: 3, demands: 30, personTimes: 15 }),
    kpi({ id: 'report_regional_development', article: '第七条', target: 2000 }),
  ],
  iur: [
    kpi({
      id: 'enterprises_contacted',
      article: '第八条',
      target: 10,
      override: {
        name: '联系企业',
        countingRule:
          '项目期内有联系记录且统一社会信用代码有效的企业家数，按统一社会信用代码去重，不限区域，不要求企业在名录中登记',
      },
    }),
    kpi({
      id: 'expert_person_times',
      article: '第八条',
      target: 30,
      override: { name: '参与支持活动的产业特派员等专家' },
    }),
    kpi({ id: 'achievements', article: '第八条', target: 30 }),
    kpi({ id: 'report_summary', article: '第十二条', target: 1 }),
    kpi({ id: 'report_final_accounts', article: '第十二条', target: 1 }),
    kpi({ id: 'report_iur_mode', article: '第八条', target: 2000 }),
  ],
} satisfies Record<StationType, KpiPolicy[]>;

export const policy2025: Policy = {
  year: 2025,
  title: '2025年度“千人进千企”科创公共服务工作站点项目',
  sourceDocument: '北京市科学技术协会“千人进千企”科创公共服务工作站点管理办法（2025 年试行）',
  hostKinds: HOST_KINDS.map((kind) => ({ ...kind })),
  stationTypes,
  districts,
  kpis,
  expenseCategories: [
    {
      code: 'consulting',
      name: '咨询费',
      article: '第十六条',
      clause: '（一）',
      description: '在项目实施过程中，因工作需要进行咨询支付的费用',
      restriction: '咨询费不得支付给受项目经费支持单位工作人员',
      items: [{ code: 'expert_consulting', name: '专家咨询费' }],
    },
    {
      code: 'labour',
      name: '劳务费',
      article: '第十六条',
      clause: '（二）',
      description: '在项目实施过程中支付给参与活动的专家、产业特派员和项目组临时聘用人员等的劳务性费用',
      restriction: '财政供养人员不得列支劳务费',
      items: [
        { code: 'expert_labour', name: '专家劳务费' },
        { code: 'commissioner_labour', name: '产业特派员劳务费' },
        { code: 'temp_staff_labour', name: '项目组临时聘用人员劳务费' },
      ],
    },
    {
      code: 'activity',
      name: '活动实施费',
      article: '第十六条',
      clause: '（三）',
      description: '在实施过程中进行的设计、制作、资料印刷、布展、音频投影设备、摄影摄像、专业翻译等所支付的费用',
      restriction: null,
      items: [
        { code: 'design', name: '设计' },
        { code: 'production', name: '制作' },
        { code: 'printing', name: '资料印刷' },
        { code: 'exhibition', name: '布展' },
        { code: 'av_equipment', name: '音频投影设备' },
        { code: 'photo_video', name: '摄影摄像' },
        { code: 'translation', name: '专业翻译' },
      ],
    },
    {
      code: 'meeting',
      name: '会议费',
      article: '第十六条',
      clause: '（四）',
      description:
        '在项目实施过程中组织开展学术研讨、咨询服务及组织协调针对企业开展的科技服务等工作而召开会议发生的经费支出',
      restriction: null,
      items: [
        { code: 'venue', name: '会议场地费' },
        { code: 'meeting_materials', name: '会议资料费' },
        { code: 'meeting_services', name: '会议服务费' },
      ],
    },
    {
      code: 'other',
      name: '其他费用',
      article: '第十六条',
      clause: '（五）',
      description: '上述支出事项未列明内容，但根据项目实际执行情况需要列支经费的事项；其他费用应据实列支',
      restriction: null,
      items: [
        { code: 'local_transport', name: '北京市内交通费' },
        { code: 'publicity', name: '宣传费' },
        { code: 'partner_support', name: '支持相关单位开展活动经费' },
        { code: 'other', name: '其他' },
      ],
    },
  ],
  forbiddenItems: [
    { code: 'welfare_bonus', name: '与项目无关人员福利和个人奖金', article: '第十七条', clause: '（一）' },
    { code: 'routine_office', name: '日常办公支出', article: '第十七条', clause: '（二）' },
    { code: 'travel_abroad', name: '出国支出', article: '第十七条', clause: '（二）' },
    { code: 'hospitality', name: '业务招待支出', article: '第十七条', clause: '（二）' },
    { code: 'meals', name: '用餐支出', article: '第十七条', clause: '（二）' },
    { code: 'equipment_repair', name: '办公设备设施的维修改造', article: '第十七条', clause: '（三）' },
    { code: 'equipment_purchase', name: '新增办公设备', article: '第十七条', clause: '（三）' },
    { code: 'management_fee', name: '组织、管理和协调等管理性费用', article: '第十七条', clause: '（四）' },
    { code: 'fine', name: '罚款', article: '第十七条', clause: '（五）' },
    { code: 'loan_repayment', name: '还贷', article: '第十七条', clause: '（五）' },
    { code: 'donation', name: '捐赠', article: '第十七条', clause: '（五）' },
    { code: 'sponsorship', name: '赞助', article: '第十七条', clause: '（五）' },
    { code: 'investment', name: '对外投资', article: '第十七条', clause: '（五）' },
    { code: 'unrelated', name: '与工作站点工作无关的其他支出', article: '第十七条', clause: '（六）' },
  ],
  // Plain substrings, so keep them specific: 改造 or 投资 alone would flag 数字化改造 and 投资机构路演, both
  // ordinary station work.
  forbiddenPurposeWords: [
    '餐',
    '招待',
    '宴请',
    '礼品',
    '礼金',
    '购物卡',
    '福利',
    '奖金',
    '罚款',
    '罚金',
    '滞纳金',
    '还贷',
    '捐赠',
    '赞助',
    '对外投资',
    '出国',
    '出境',
    '维修',
    '装修',
    '办公用品',
    '办公设备',
    '管理费',
  ],
  forbiddenPurposeArticle: '第十七条',
  feeStandards: {
    consulting: {
      source: '财科教〔2017〕128号',
      sourceTitle: '中央财政科研项目专家咨询费管理办法',
      article: '第十条',
      afterTax: true,
      grades: [
        { grade: 'academician', name: '院士、全国知名专家', minPerDayFen: 225_000, maxPerDayFen: 360_000 },
        { grade: 'senior', name: '高级专业技术职称人员', minPerDayFen: 150_000, maxPerDayFen: 240_000 },
        { grade: 'other', name: '其他专业人员', minPerDayFen: 90_000, maxPerDayFen: 150_000 },
      ],
      defaultGrade: 'senior',
      halfDayRatio: 0.6,
      fromDayThreeRatio: 0.5,
      remoteSessionRatio: { min: 0.2, max: 0.5 },
      checked: true,
    },
    labour: {
      source: '暂无统一标准（未查到市财政局劳务费标准）',
      article: '第十条',
      capPerDayFen: null,
      checked: false,
      incomeTax: {
        source: '中华人民共和国个人所得税法（劳务报酬所得）',
        fixedDeductionUpToFen: 400_000,
        fixedDeductionFen: 80_000,
        proportionalDeductionRate: 0.2,
        brackets: [
          { upToFen: 2_000_000, rate: 0.2, quickDeductionFen: 0 },
          { upToFen: 5_000_000, rate: 0.3, quickDeductionFen: 200_000 },
          { upToFen: null, rate: 0.4, quickDeductionFen: 700_000 },
        ],
      },
    },
    meeting: {
      source: '财行〔2016〕214号',
      sourceTitle: '中央和国家机关会议费管理办法',
      article: '第十条',
      classes: [
        {
          code: 'class1',
          name: '一类会议',
          capPerDayFen: 76_000,
          lodgingFen: 50_000,
          mealsFen: 15_000,
          otherFen: 11_000,
        },
        {
          code: 'class2',
          name: '二类会议',
          capPerDayFen: 65_000,
          lodgingFen: 40_000,
          mealsFen: 15_000,
          otherFen: 10_000,
        },
        {
          code: 'class3_4',
          name: '三类、四类会议',
          capPerDayFen: 55_000,
          lodgingFen: 34_000,
          mealsFen: 13_000,
          otherFen: 8_000,
        },
      ],
      mealsInMeetingAllowed: false,
      mealsArticle: '第十七条',
      checked: false,
    },
    lecture: {
      source: '财行〔2016〕540号',
      sourceTitle: '中央和国家机关培训费管理办法',
      article: '第十条',
      bookedAs: 'labour',
      afterTax: true,
      rates: [
        { code: 'associate_senior', name: '副高级技术职称专业人员', maxPerHourFen: 50_000 },
        { code: 'full_senior', name: '正高级技术职称专业人员', maxPerHourFen: 100_000 },
        { code: 'academician', name: '院士、全国知名专家', maxPerHourFen: 150_000 },
      ],
      maxHoursPerHalfDay: 4,
      checked: false,
    },
  },
};
