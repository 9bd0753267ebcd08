import { describe, expect, it } from 'vitest';
import {
  copyPolicyForYear,
  districtByCode,
  getKpiTargets,
  type KpiPolicy,
  type Policy,
  policy2025,
  type StationType,
  stationTypeForDistrict,
  totalFundingFen,
  validatePolicy,
} from './index';

// Written from the regulation and docs/ledger-format.md by hand, independently of policy-2025.ts: if the two disagree, the data
// has drifted from the text.

const A_DISTRICTS = [
  ['etown', '经开区'],
  ['110106', '丰台区'],
  ['110108', '海淀区'],
  ['110114', '昌平区'],
  ['110105', '朝阳区'],
  ['110112', '通州区'],
  ['110113', '顺义区'],
];
const B_DISTRICTS = [
  ['110111', '房山区'],
  ['110115', '大兴区'],
  ['110117', '平谷区'],
  ['110116', '怀柔区'],
  ['110118', '密云区'],
  ['110119', '延庆区'],
  ['110101', '东城区'],
  ['110102', '西城区'],
  ['110109', '门头沟区'],
  ['110107', '石景山区'],
];

// id, [A target, B target, IUR target] (null: does not apply), [district article, IUR article], unit
const KPI_TABLE: Array<
  [string, [number | null, number | null, number | null], [string | null, string | null], string]
> = [
  ['events', [4, 4, null], ['第七条', null], '场'],
  ['press_releases', [4, 4, null], ['第七条', null], '篇'],
  ['press_releases_website', [2, 2, null], ['第七条', null], '篇'],
  ['cooperations', [2, 2, null], ['第七条', null], '项'],
  ['enterprises_contacted', [50, 40, 10], ['第七条', '第八条'], '家'],
  ['association_share', [0.4, 0.4, null], ['第七条', null], ''],
  ['key_enterprises', [30, 20, null], ['第七条', null], '家'],
  ['key_enterprises_srdi', [10, 5, null], ['第七条', null], '家'],
  ['landed_outcomes', [5, 3, null], ['第七条', null], '项'],
  ['demands', [20, 30, null], ['第七条', null], '项'],
  ['expert_person_times', [20, 15, 30], ['第七条', '第八条'], '人次'],
  ['achievements', [null, null, 30], [null, '第八条'], '项'],
  ['report_summary', [1, 1, 1], ['第七条', '第十二条'], '份'],
  ['report_final_accounts', [1, 1, 1], ['第十二条', '第十二条'], '份'],
  ['report_demand_analysis', [2000, null, null], ['第七条', null], '字'],
  ['report_expert_service_mode', [3000, null, null], ['第七条', null], '字'],
  ['report_regional_development', [null, 2000, null], ['第七条', null], '字'],
  ['report_iur_mode', [null, null, 2000], [null, '第八条'], '字'],
];
const TYPES: StationType[] = ['district_a', 'district_b', 'iur'];

const CATEGORIES: Array<[string, string, string[]]> = [
  ['consulting', '咨询费', ['expert_consulting']],
  ['labour', '劳务费', ['expert_labour', 'commissioner_labour', 'temp_staff_labour']],
  [
    'activity',
    '活动实施费',
    ['design', 'production', 'printing', 'exhibition', 'av_equipment', 'photo_video', 'translation'],
  ],
  ['meeting', '会议费', ['venue', 'meeting_materials', 'meeting_services']],
  ['other', '其他费用', ['local_transport', 'publicity', 'partner_support', 'other']],
];
const FORBIDDEN = [
  'welfare_bonus',
  'routine_office',
  'travel_abroad',
  'hospitality',
  'meals',
  'equipment_repair',
  'equipment_purchase',
  'management_fee',
  'fine',
  'loan_repayment',
  'donation',
  'sponsorship',
  'investment',
  'unrelated',
];

const clone = (): Policy => copyPolicyForYear(policy2025, 2025);

describe('2025 policy: districts and station types (第三条, 第六条)', () => {
  it('lists 17 districts, the A and B classes exactly as 第三条 names them', () => {
    expect(policy2025.districts).toHaveLength(17);
    const pairs = (type: StationType) =>
      policy2025.districts.filter((d) => d.stationType === type).map((d) => [d.code, d.name]);
    expect(pairs('district_a')).toEqual(A_DISTRICTS);
    expect(pairs('district_b')).toEqual(B_DISTRICTS);
    for (const d of policy2025.districts) expect(d.article).toBe('第三条');
  });

  it.each([...A_DISTRICTS.map(([c, n]) => [c, n, 'district_a']), ...B_DISTRICTS.map(([c, n]) => [c, n, 'district_b'])])(
    'district %s (%s) is %s',
    (code, name, type) => {
      expect(districtByCode(policy2025, code)?.name).toBe(name);
      expect(stationTypeForDistrict(policy2025, code)).toBe(type);
    },
  );

  it('knows no district outside the list', () => {
    expect(districtByCode(policy2025, '110100')).toBeUndefined();
    expect(stationTypeForDistrict(policy2025, '120101')).toBeUndefined();
  });

  it.each([
    ['district_a', '区工作站点（A类）', 7, 15_000_000, true],
    ['district_b', '区工作站点（B类）', 10, 10_000_000, true],
    ['iur', '产学研合作站点', 6, 5_000_000, false],
  ] as const)('%s: %s, quota %i, %i fen each', (type, name, quota, fen, byDistrict) => {
    const st = policy2025.stationTypes[type];
    expect(st).toMatchObject({ name, quota, fundingFen: fen, recommendedByDistrict: byDistrict });
    expect(st.article).toBe('第三条');
    expect([st.quotaArticle, st.fundingArticle, st.hostArticle]).toEqual(['第六条', '第六条', '第六条']);
    expect(st.targetsArticle).toBe(type === 'iur' ? '第八条' : '第七条');
  });

  it('funds 17 district + 6 IUR stations, 2,350,000 yuan in all', () => {
    const q = policy2025.stationTypes;
    expect(q.district_a.quota + q.district_b.quota).toBe(17);
    expect(q.iur.quota).toBe(6);
    expect(totalFundingFen(policy2025)).toBe(2_350_000 * 100);
  });

  it('lets societies, associations, alliances, park associations and non-class-1 institutions host district stations, university associations IUR (第六条)', () => {
    const district = ['society', 'association', 'alliance', 'park_association', 'public_institution'];
    expect(policy2025.stationTypes.district_a.hostKinds).toEqual(district);
    expect(policy2025.stationTypes.district_b.hostKinds).toEqual(district);
    expect(policy2025.stationTypes.iur.hostKinds).toEqual(['university_association']);
    expect(policy2025.hostKinds.map((k) => [k.code, k.name])).toEqual([
      ['society', '学会'],
      ['association', '协会'],
      ['alliance', '联盟'],
      ['park_association', '园区科协'],
      ['public_institution', '事业单位（非公益一类）'],
      ['university_association', '高校科协/科研院所科协'],
    ]);
  });
});

describe('2025 policy: KPIs (第七条, 第八条, 第十二条)', () => {
  it.each(TYPES.map((t, i) => [t, i] as const))('%s has exactly the KPIs of docs/ledger-format.md', (type, col) => {
    const expected = KPI_TABLE.filter(([, targets]) => targets[col] !== null).map(([id]) => id);
    expect(
      getKpiTargets(policy2025, type)
        .map((k) => k.id)
        .sort(),
    ).toEqual([...expected].sort());
  });

  const rows = KPI_TABLE.flatMap(([id, targets, articles, unit]) =>
    TYPES.flatMap((type, col) =>
      targets[col] === null ? [] : [[type, id, targets[col], articles[type === 'iur' ? 1 : 0], unit] as const],
    ),
  );
  it.each(rows)('%s %s: target %s, %s, unit “%s”', (type, id, target, article, unit) => {
    const k = getKpiTargets(policy2025, type).find((row) => row.id === id) as KpiPolicy;
    expect(k).toMatchObject({ target, article, unit });
    expect(k.name.length).toBeGreaterThan(0);
    expect(k.countingRule.length).toBeGreaterThan(0);
  });

  it('marks the share, word and presence KPIs so the UI can format them', () => {
    const a = getKpiTargets(policy2025, 'district_a');
    expect(a.find((k) => k.id === 'association_share')?.measure).toBe('share');
    expect(a.find((k) => k.id === 'report_demand_analysis')?.measure).toBe('words');
    expect(a.find((k) => k.id === 'report_summary')?.measure).toBe('presence');
    expect(a.find((k) => k.id === 'events')?.measure).toBe('count');
  });

  it('throws when a year has no KPIs for a type', () => {
    const broken = clone();
    delete (broken.kpis as Partial<Policy['kpis']>).iur;
    expect(() => getKpiTargets(broken, 'iur')).toThrow(/考核指标/);
  });
});

describe('2025 policy: funds (第十六条, 第十七条, 第十条)', () => {
  it('has the five categories of 第十六条 with their items, in order', () => {
    expect(policy2025.expenseCategories.map((c) => [c.code, c.name, c.items.map((i) => i.code)])).toEqual(CATEGORIES);
    for (const [i, c] of policy2025.expenseCategories.entries()) {
      expect(c.article).toBe('第十六条');
      expect(c.clause).toBe(['（一）', '（二）', '（三）', '（四）', '（五）'][i]);
      for (const item of c.items) expect(item.name.length).toBeGreaterThan(0);
    }
  });

  it('states the payee restrictions of 第十六条（一）（二）', () => {
    const by = (code: string) => policy2025.expenseCategories.find((c) => c.code === code)?.restriction;
    expect(by('consulting')).toContain('工作人员');
    expect(by('labour')).toContain('财政供养人员');
  });

  it('forbids the 14 items of 第十七条', () => {
    expect(policy2025.forbiddenItems.map((f) => f.code)).toEqual(FORBIDDEN);
    for (const f of policy2025.forbiddenItems) expect(f.article).toBe('第十七条');
  });

  it.each(['餐', '招待', '礼品', '奖金', '罚款', '捐赠', '赞助', '出国', '维修', '办公用品'])(
    'flags “%s” in an expense purpose (第十七条)',
    (word) => {
      expect(policy2025.forbiddenPurposeWords).toContain(word);
    },
  );

  it('does not flag ordinary station work such as 数字化改造 or 投资机构路演', () => {
    for (const purpose of ['企业数字化改造需求对接会', '投资机构路演场地', '专家咨询费']) {
      expect(policy2025.forbiddenPurposeWords.filter((w) => purpose.includes(w))).toEqual([]);
    }
  });

  it.each([
    ['academician', 225_000, 360_000],
    ['senior', 150_000, 240_000],
    ['other', 90_000, 150_000],
  ] as const)('consulting cap for %s is %i–%i fen per day (财科教〔2017〕128号)', (grade, min, max) => {
    const c = policy2025.feeStandards.consulting;
    expect(c.grades.find((g) => g.grade === grade)).toMatchObject({ minPerDayFen: min, maxPerDayFen: max });
    expect(c.source).toBe('财科教〔2017〕128号');
    expect(c.defaultGrade).toBe('senior');
    expect([c.halfDayRatio, c.fromDayThreeRatio]).toEqual([0.6, 0.5]);
    expect(c.checked).toBe(true);
  });

  it.each([
    ['class1', 76_000, 50_000, 15_000, 11_000],
    ['class2', 65_000, 40_000, 15_000, 10_000],
    ['class3_4', 55_000, 34_000, 13_000, 8_000],
  ] as const)('meeting cap %s is %i fen per person-day (财行〔2016〕214号)', (code, cap, lodging, meals, other) => {
    const m = policy2025.feeStandards.meeting;
    expect(m.classes.find((c) => c.code === code)).toMatchObject({
      capPerDayFen: cap,
      lodgingFen: lodging,
      mealsFen: meals,
      otherFen: other,
    });
    expect(m.source).toBe('财行〔2016〕214号');
    expect(m.mealsInMeetingAllowed).toBe(false);
    expect(m.checked).toBe(false);
  });

  it('caps lectures per class hour and leaves labour uncapped in 2025', () => {
    const l = policy2025.feeStandards.lecture;
    expect(l.rates.map((r) => r.maxPerHourFen)).toEqual([50_000, 100_000, 150_000]);
    expect(l.maxHoursPerHalfDay).toBe(4);
    expect(policy2025.feeStandards.labour.capPerDayFen).toBeNull();
  });

  it('cites an article for every fee table and has JSON-only data', () => {
    for (const std of Object.values(policy2025.feeStandards)) {
      expect(std.article).toBe('第十条');
      expect(std.source.length).toBeGreaterThan(0);
    }
    expect(JSON.parse(JSON.stringify(policy2025))).toEqual(policy2025);
  });
});

describe('validatePolicy and copyPolicyForYear', () => {
  it('finds nothing wrong with 2025', () => {
    expect(validatePolicy(policy2025)).toEqual([]);
  });

  it('copies a year deeply, renaming the title', () => {
    const copy = copyPolicyForYear(policy2025, 2026);
    expect(copy.year).toBe(2026);
    expect(copy.title).toContain('2026');
    expect(copy.title).not.toContain('2025');
    copy.stationTypes.district_a.quota = 8;
    copy.kpis.district_a[0].target = 99;
    expect(policy2025.stationTypes.district_a.quota).toBe(7);
    expect(policy2025.kpis.district_a[0].target).toBe(4);
    expect(validatePolicy(copyPolicyForYear(policy2025, 2026))).toEqual([]);
  });

  const cases: Array<[string, (p: Policy) => void, RegExp]> = [
    [
      'a quota that does not match the districts',
      (p) => {
        p.stationTypes.district_a.quota = 8;
      },
      /A类.*名额为 8.*7 个/,
    ],
    [
      'a district moved to the other class',
      (p) => {
        p.districts[0].stationType = 'district_b';
      },
      /名额为 7.*6 个/,
    ],
    [
      'a duplicate district code',
      (p) => {
        p.districts[1].code = 'etown';
      },
      /区代码“etown”重复/,
    ],
    [
      'a malformed district code',
      (p) => {
        p.districts[1].code = '1101';
      },
      /GB\/T 2260/,
    ],
    [
      'a station type without KPIs',
      (p) => {
        p.kpis.iur = [];
      },
      /产学研合作站点未设置考核指标/,
    ],
    [
      'a duplicate KPI',
      (p) => {
        p.kpis.district_b.push({ ...p.kpis.district_b[0] });
      },
      /“events”重复/,
    ],
    [
      'a share above 1',
      (p) => {
        p.kpis.district_a.find((k) => k.id === 'association_share')!.target = 40;
      },
      /0 到 1/,
    ],
    [
      'a negative target',
      (p) => {
        p.kpis.iur[0].target = -1;
      },
      /非负数/,
    ],
    [
      'a bad article',
      (p) => {
        p.kpis.iur[0].article = '8' as never;
      },
      /第N条/,
    ],
    [
      'a fractional funding amount',
      (p) => {
        p.stationTypes.iur.fundingFen = 50.5;
      },
      /以分计/,
    ],
    [
      'a missing category',
      (p) => {
        p.expenseCategories.pop();
      },
      /缺少支出科目“other”/,
    ],
    [
      'an item in two categories',
      (p) => {
        p.expenseCategories[0].items.push({ code: 'design', name: '设计' });
      },
      /“design”重复/,
    ],
    [
      'a forbidden item also permitted',
      (p) => {
        p.expenseCategories[4].items.push({ code: 'meals' as never, name: '餐' });
      },
      /既被允许又被禁止/,
    ],
    [
      'a duplicate forbidden item',
      (p) => {
        p.forbiddenItems.push({ ...p.forbiddenItems[0] });
      },
      /禁止事项“welfare_bonus”重复/,
    ],
    [
      'an inverted consulting range',
      (p) => {
        p.feeStandards.consulting.grades[0].minPerDayFen = 500_000;
      },
      /下限不高于上限/,
    ],
    [
      'a meeting cap that is not its parts',
      (p) => {
        p.feeStandards.meeting.classes[0].capPerDayFen = 80_000;
      },
      /之和/,
    ],
    [
      'an unknown host kind',
      (p) => {
        p.stationTypes.iur.hostKinds.push('company' as never);
      },
      /“company”不存在/,
    ],
    [
      'an impossible year',
      (p) => {
        p.year = 25;
      },
      /有效年份/,
    ],
  ];
  it.each(cases)('reports %s', (_, breakIt, message) => {
    const p = clone();
    breakIt(p);
    const problems = validatePolicy(p);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((m) => message.test(m))).toBe(true);
  });

  it('does not throw on a policy missing whole sections', () => {
    const p = clone() as Partial<Policy>;
    delete p.districts;
    delete p.feeStandards;
    expect(validatePolicy(p as Policy)).toEqual(expect.arrayContaining([expect.stringMatching(/费用标准/)]));
  });
});

// Compile-time: a station type without KPIs does not type-check (docs/architecture.md convention 9).
// @ts-expect-error iur is missing
const _missingIur: Policy['kpis'] = { district_a: [], district_b: [] };
void _missingIur;
