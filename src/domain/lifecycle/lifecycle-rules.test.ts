// The pure rules of applications, reviews and agreements (issue #4), with the article each one cites.
import { describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../shared/schemas/application';
import { policy2025 } from '../policy';
import { changeProblems, diffTerms, termsFromApplication } from './agreement';
import { applicationGaps, formatFen, type GapFacts } from './application-rules';
import {
  checkScores,
  criterionScoreSchema,
  DEFAULT_RUBRIC,
  describedRubric,
  employerConflict,
  rubricProblems,
} from './review';

const targetsA = Object.fromEntries(policy2025.kpis.district_a.map((k) => [k.id, k.target]));
const completeA: ApplicationForm = {
  stationName: '海淀区科协科技创新工作站',
  stationType: 'district_a',
  districtCode: '110108',
  leaderName: '王主任',
  leaderPhone: '010-62345678',
  contactName: '李联系',
  contactPhone: '13800000000',
  contactEmail: '',
  resources: '学会拥有专家 300 余人，长期服务区内科技企业，设有专职工作人员 3 名。',
  targets: targetsA,
  activityPlan:
    '全年举办需求征集会和对接会不少于四场，组织产业特派员深入企业开展服务，推动校企合作项目落地，按季度总结报送工作进展。',
  schedule: [{ month: '2026-03', content: '启动会' }],
  budgetFen: { consulting: 6_000_000, labour: 3_000_000, activity: 4_000_000, meeting: 1_500_000, other: 500_000 },
  matchingFundsFen: 0,
};
const facts = (over: Partial<GapFacts> = {}, form: Partial<ApplicationForm> = {}): GapFacts => ({
  policy: policy2025,
  form: { ...completeA, ...form },
  callTypes: ['district_a', 'district_b', 'iur'],
  requiredDocuments: ['application_form', 'work_plan'],
  attached: ['application_form', 'work_plan'],
  host: { name: '北京市某学会', hostKind: 'society', isActive: true },
  districtTaken: null,
  ...over,
});
const paths = (f: GapFacts) => applicationGaps(f).map((g) => g.path);

describe('applicationGaps (第三条, 第六条, 第七条, 第十条)', () => {
  it('a complete district A application has no gap', () => {
    expect(applicationGaps(facts())).toEqual([]);
  });
  it('names every missing field of an empty draft', () => {
    const gaps = applicationGaps({ ...facts(), form: {}, attached: [] });
    const p = gaps.map((g) => g.path);
    for (const x of ['stationName', 'stationType', 'leaderName', 'leaderPhone', 'contactName', 'contactPhone']) {
      expect(p).toContain(x);
    }
    expect(p).toEqual(expect.arrayContaining(['resources', 'activityPlan', 'schedule', 'budgetFen']));
    expect(p).toEqual(expect.arrayContaining(['files.application_form', 'files.work_plan']));
  });
  it('a district must match the type (第三条)', () => {
    const g = applicationGaps(facts({}, { districtCode: '110111' }));
    expect(g).toEqual([expect.objectContaining({ path: 'stationType', message: expect.stringContaining('第三条') })]);
  });
  it('one district station per district (第六条)', () => {
    const g = applicationGaps(facts({ districtTaken: '已有站点' }));
    expect(g).toEqual([expect.objectContaining({ path: 'districtCode', message: expect.stringContaining('第六条') })]);
  });
  it('a target one below the year is refused, equal passes (第七条)', () => {
    expect(paths(facts({}, { targets: { ...targetsA, events: 3 } }))).toEqual(['targets.events']);
    expect(paths(facts({}, { targets: { ...targetsA, association_share: 0.39 } }))).toEqual([
      'targets.association_share',
    ]);
    expect(paths(facts({}, { targets: { ...targetsA, events: 4 } }))).toEqual([]);
  });
  it('the budget adds up to the type funding exactly, to the fen', () => {
    const over = { ...completeA.budgetFen, other: 500_001 };
    const g = applicationGaps(facts({}, { budgetFen: over }));
    expect(g).toEqual([
      expect.objectContaining({ path: 'budgetFen', message: expect.stringContaining('150,000.01 元') }),
    ]);
    expect(g[0].message).toContain('150,000.00 元');
  });
  it('a missing category is named even at 0', () => {
    const { other: _o, ...rest } = completeA.budgetFen!;
    expect(applicationGaps(facts({}, { budgetFen: rest }))[0].message).toContain('其他费用');
  });
  it('公益一类 may not host; 公益二类 may (第六条)', () => {
    const host = { name: '某事业单位', hostKind: 'public_institution', isActive: true };
    expect(paths(facts({ host }, { publicInstitutionClass: 'welfare_1' }))).toEqual(['publicInstitutionClass']);
    expect(paths(facts({ host }, { publicInstitutionClass: null }))).toEqual(['publicInstitutionClass']);
    expect(paths(facts({ host }, { publicInstitutionClass: 'welfare_2' }))).toEqual([]);
  });
  it('a university host needs its own 科协 and may only apply for an IUR station (第六条)', () => {
    const host = { name: '北京理工大学科协', hostKind: 'university_association', isActive: true };
    const iur: Partial<ApplicationForm> = {
      stationType: 'iur',
      districtCode: null,
      targets: Object.fromEntries(policy2025.kpis.iur.map((k) => [k.id, k.target])),
      budgetFen: { consulting: 2_000_000, labour: 1_500_000, activity: 1_000_000, meeting: 250_000, other: 250_000 },
    };
    expect(paths(facts({ host }, { ...iur, hasOwnAssociation: true }))).toEqual([]);
    expect(paths(facts({ host }, { ...iur, hasOwnAssociation: false }))).toEqual(['hasOwnAssociation']);
    expect(paths(facts({ host }, { hasOwnAssociation: true }))).toEqual(['host']);
  });
  it('a type the call does not offer is refused', () => {
    expect(paths(facts({ callTypes: ['iur'] }))).toEqual(['stationType']);
  });
  it('matching funds need a source (第十四条)', () => {
    expect(paths(facts({}, { matchingFundsFen: 100 }))).toEqual(['matchingFundsSource']);
    expect(paths(facts({}, { matchingFundsFen: 100, matchingFundsSource: '学会自筹' }))).toEqual([]);
  });
});

describe('review rubric (第十条)', () => {
  it('the default rubric is valid and totals 100', () => {
    expect(rubricProblems(DEFAULT_RUBRIC)).toEqual([]);
    expect(checkScores(DEFAULT_RUBRIC, { basis: 30, plan: 40, budget: 20, feature: 10 })).toEqual({
      ok: true,
      total: 100,
    });
  });
  it('refuses a score above the weight, a missing criterion and an unknown one', () => {
    const r = checkScores(DEFAULT_RUBRIC, { basis: 31, plan: 40, budget: 20, extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['scores.basis', 'scores.feature', 'scores.extra']);
  });
  it('names the criterion and its range for a score above the full mark, below 0 or not whole', () => {
    const r = checkScores(DEFAULT_RUBRIC, { basis: 35, plan: -1, budget: 19.5, feature: 10 });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'scores.basis', message: '“基础条件”得分应在 0–30 分之间' },
        { path: 'scores.plan', message: '“工作方案”得分应在 0–40 分之间' },
        { path: 'scores.budget', message: '“预算合理性”得分应为整数' },
      ],
    });
    expect(criterionScoreSchema({ name: '工作方案', weight: 60 }).safeParse(60).success).toBe(true);
    expect(criterionScoreSchema({ name: '工作方案', weight: 60 }).safeParse(61).error?.issues[0]?.message).toBe(
      '“工作方案”得分应在 0–60 分之间',
    );
  });
  it('a stored criterion without a description takes the usual one only when it is the same criterion', () => {
    const stored = [
      { id: 'c1', name: '基础条件', weight: 30 },
      { id: 'plan', name: '实施方案', weight: 40 },
      { id: 'budget', name: '预算合理性', weight: 20, description: '按中心自定的口径评价预算' },
      { id: 'feature', name: '特色与创新', weight: 10 },
    ];
    const d = describedRubric(stored);
    expect(d[0].description).toBe(DEFAULT_RUBRIC[0].description);
    expect(d[1].description).toBeUndefined();
    expect(d[2].description).toBe('按中心自定的口径评价预算');
    expect(d[3].description).toBe(DEFAULT_RUBRIC[3].description);
    expect(DEFAULT_RUBRIC.every((c) => /第.+条/.test(c.description ?? '') || c.id === 'feature')).toBe(true);
  });
  it('weights must add to 100', () => {
    expect(rubricProblems([{ id: 'a', name: 'A', weight: 99 }])).toEqual(['评分细则分值合计应为 100，现为 99']);
  });
  it('blocks a reviewer employed by the applicant, by USCC first, else by name', () => {
    const host = { name: '北京市某学会', uscc: '91110108MA01ABCD2X' };
    expect(employerConflict({ employerName: '别的单位', employerUscc: '91110108ma01abcd2x ' }, host)).toBe(true);
    expect(employerConflict({ employerName: '北京市某学会', employerUscc: '91110000000000000X' }, host)).toBe(false);
    expect(employerConflict({ employerName: '北京市某学会', employerUscc: null }, host)).toBe(true);
    expect(employerConflict({ employerName: null, employerUscc: null }, host)).toBe(false);
  });
});

describe('agreement versions (第十一条)', () => {
  const v1 = termsFromApplication(completeA, { start: '2025-01-01', end: '2025-12-31' });
  it('builds the terms from the application', () => {
    expect(v1.budgetFen.consulting).toBe(6_000_000);
    expect(v1.targets.events).toBe(4);
  });
  it('moving budget between categories is a change; the diff shows both in 元', () => {
    const v2 = { ...v1, budgetFen: { ...v1.budgetFen, consulting: 5_900_000, meeting: 1_600_000 } };
    expect(changeProblems(v1, v2, policy2025)).toEqual([]);
    expect(diffTerms(v1, v2, policy2025)).toEqual([
      { path: 'budgetFen.consulting', label: '预算：咨询费', before: '60,000.00 元', after: '59,000.00 元' },
      { path: 'budgetFen.meeting', label: '预算：会议费', before: '15,000.00 元', after: '16,000.00 元' },
    ]);
  });
  it('refuses a change of the total, a target below the year, a period out of the year, and no change', () => {
    const more = { ...v1, budgetFen: { ...v1.budgetFen, other: 500_001 } };
    expect(changeProblems(v1, more, policy2025).map((p) => p.path)).toEqual(['budgetFen']);
    const low = { ...v1, targets: { ...v1.targets, events: 3 } };
    expect(changeProblems(v1, low, policy2025).map((p) => p.path)).toEqual(['targets.events']);
    const late = { ...v1, periodEnd: '2026-01-31' };
    expect(changeProblems(v1, late, policy2025).map((p) => p.path)).toEqual(['periodEnd']);
    expect(changeProblems(v1, { ...v1 }, policy2025).map((p) => p.path)).toEqual(['terms']);
  });
  it('a new leader shows in the diff', () => {
    expect(diffTerms(v1, { ...v1, leaderName: '赵主任' }, policy2025)).toEqual([
      { path: 'leaderName', label: '负责人', before: '王主任', after: '赵主任' },
    ]);
  });
  it('formats fen exactly', () => {
    expect(formatFen(1)).toBe('0.01 元');
    expect(formatFen(15_000_000)).toBe('150,000.00 元');
  });
});
