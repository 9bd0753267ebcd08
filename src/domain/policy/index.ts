import { policy2025 } from './policy-2025';
import {
  type DistrictCode,
  type DistrictPolicy,
  type DistrictStationType,
  EXPENSE_CATEGORIES,
  EXPERT_GRADES,
  FORBIDDEN_ITEM_CODES,
  HOST_KINDS,
  KPI_IDS,
  type KpiPolicy,
  PERMITTED_ITEM_CODES,
  type Policy,
  STATION_TYPES,
  type StationType,
} from './types';

export { policy2025 } from './policy-2025';
export * from './types';

/** Policies shipped with the code; later years live in the database as edited copies. */
export const BUILT_IN_POLICIES: readonly Policy[] = [policy2025];

/** The KPI rows (targets with their articles) of one station type; throws when the year defines none. */
export function getKpiTargets(policy: Policy, type: StationType): KpiPolicy[] {
  const rows = policy.kpis[type];
  if (!rows) throw new Error(`${policy.year}年度政策未定义站点类型“${type}”的考核指标`);
  return rows;
}

export function districtByCode(policy: Policy, code: DistrictCode): DistrictPolicy | undefined {
  return policy.districts.find((d) => d.code === code);
}

/** A district's station class in this year (第三条); undefined for a code the year does not list. */
export function stationTypeForDistrict(policy: Policy, districtCode: DistrictCode): DistrictStationType | undefined {
  return districtByCode(policy, districtCode)?.stationType;
}

/** The year's whole appropriation in fen: quota × fixed amount, summed over station types (第六条). */
export function totalFundingFen(policy: Policy): number {
  return STATION_TYPES.reduce((sum, t) => sum + policy.stationTypes[t].quota * policy.stationTypes[t].fundingFen, 0);
}

/** A deep copy for a new program year, for the Center to edit; the copy shares nothing with the original. */
export function copyPolicyForYear(policy: Policy, year: number): Policy {
  const copy = JSON.parse(JSON.stringify(policy)) as Policy;
  copy.year = year;
  copy.title = policy.title.split(String(policy.year)).join(String(year));
  return copy;
}

const ARTICLE = /^第[一二三四五六七八九十百]+条$/;
const DISTRICT_CODE = /^(\d{6}|etown)$/;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

const isFenAmount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isRatio = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 1;

/**
 * Checks a policy an administrator has edited before it is saved. Pure, never throws on malformed input:
 * returns one Chinese message per problem, empty when the policy is usable.
 */
export function validatePolicy(policy: Policy): string[] {
  try {
    return findPolicyProblems(policy);
  } catch {
    // A shape the checks did not foresee (an edited JSON with a section of the wrong type) is itself the problem.
    return ['政策数据结构不完整或格式错误，无法校验'];
  }
}

function findPolicyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const add = (m: string) => problems.push(m);
  const checkArticle = (where: string, article: unknown) => {
    if (typeof article !== 'string' || !ARTICLE.test(article))
      add(`${where}的条款引用“${String(article)}”不是“第N条”格式`);
  };

  if (!Number.isInteger(policy.year) || policy.year < 2000 || policy.year > 2100) {
    add(`年度“${policy.year}”不是有效年份`);
  }
  if (!policy.title?.trim()) add('政策标题不能为空');
  if (!policy.sourceDocument?.trim()) add('依据文件名称不能为空');

  const hostKindCodes = new Set<string>(HOST_KINDS.map((k) => k.code));
  for (const type of STATION_TYPES) {
    const st = policy.stationTypes?.[type];
    if (!st) {
      add(`缺少站点类型“${type}”的设置（第三条）`);
      continue;
    }
    const label = st.name || type;
    if (!st.name?.trim()) add(`站点类型“${type}”缺少名称`);
    if (!Number.isInteger(st.quota) || st.quota < 0)
      add(`${label}的名额“${st.quota}”应为非负整数（${st.quotaArticle}）`);
    if (!isFenAmount(st.fundingFen)) add(`${label}的支持金额应为以分计的非负整数（${st.fundingArticle}）`);
    if (!Array.isArray(st.hostKinds) || st.hostKinds.length === 0) add(`${label}未设置可申报的依托单位类型（第六条）`);
    for (const k of st.hostKinds ?? []) if (!hostKindCodes.has(k)) add(`${label}的依托单位类型“${k}”不存在`);
    for (const [field, a] of [
      ['', st.article],
      ['名额', st.quotaArticle],
      ['支持金额', st.fundingArticle],
      ['依托单位', st.hostArticle],
      ['任务目标', st.targetsArticle],
    ] as const) {
      checkArticle(`${label}${field}`, a);
    }
  }

  const districts = policy.districts ?? [];
  for (const code of duplicates(districts.map((d) => d.code))) add(`区代码“${code}”重复`);
  for (const name of duplicates(districts.map((d) => d.name))) add(`区名称“${name}”重复`);
  for (const d of districts) {
    if (!DISTRICT_CODE.test(d.code)) add(`区“${d.name}”的代码“${d.code}”应为 6 位 GB/T 2260 代码或 etown`);
    if (d.stationType !== 'district_a' && d.stationType !== 'district_b') {
      add(`区“${d.name}”的站点类别“${d.stationType}”应为 A 类或 B 类（第三条）`);
    }
    checkArticle(`区“${d.name}”`, d.article);
  }
  // One district station per district (第六条: 17 stations for the 17 districts), so a class's quota is its count.
  for (const type of ['district_a', 'district_b'] as const) {
    const st = policy.stationTypes?.[type];
    if (!st) continue;
    const count = districts.filter((d) => d.stationType === type).length;
    if (count !== st.quota) {
      add(`${st.name}名额为 ${st.quota} 个，但划入该类的区有 ${count} 个；每区一个站点（${st.quotaArticle}）`);
    }
  }

  const kpiIds = new Set<string>(KPI_IDS);
  for (const type of STATION_TYPES) {
    const rows = policy.kpis?.[type];
    const label = policy.stationTypes?.[type]?.name ?? type;
    if (!Array.isArray(rows) || rows.length === 0) {
      add(`${label}未设置考核指标（${policy.stationTypes?.[type]?.targetsArticle ?? '第七条'}）`);
      continue;
    }
    for (const id of duplicates(rows.map((k) => k.id))) add(`${label}的考核指标“${id}”重复`);
    for (const k of rows) {
      if (!kpiIds.has(k.id)) add(`${label}的考核指标“${k.id}”不是已知指标`);
      if (!k.name?.trim()) add(`${label}的考核指标“${k.id}”缺少名称`);
      if (typeof k.target !== 'number' || !Number.isFinite(k.target) || k.target < 0) {
        add(`${label}的考核指标“${k.name || k.id}”目标值“${k.target}”应为非负数`);
      } else if (k.measure === 'share' ? k.target > 1 : !Number.isInteger(k.target)) {
        add(
          k.measure === 'share'
            ? `${label}的考核指标“${k.name || k.id}”为比例，目标值应在 0 到 1 之间`
            : `${label}的考核指标“${k.name || k.id}”目标值应为整数`,
        );
      }
      checkArticle(`${label}的考核指标“${k.name || k.id}”`, k.article);
    }
  }

  const categories = policy.expenseCategories ?? [];
  for (const code of duplicates(categories.map((c) => c.code))) add(`支出科目“${code}”重复`);
  for (const code of EXPENSE_CATEGORIES) {
    if (!categories.some((c) => c.code === code)) add(`缺少支出科目“${code}”（第十六条）`);
  }
  const permitted = new Set<string>(PERMITTED_ITEM_CODES);
  const itemCodes = categories.flatMap((c) => (c.items ?? []).map((i) => i.code));
  for (const code of duplicates(itemCodes)) add(`支出事项“${code}”重复或同时属于多个科目`);
  for (const c of categories) {
    if (!(EXPENSE_CATEGORIES as readonly string[]).includes(c.code)) add(`支出科目“${c.code}”不是已知科目`);
    if (!c.items?.length) add(`支出科目“${c.name || c.code}”没有支出事项（第十六条）`);
    for (const i of c.items ?? []) if (!permitted.has(i.code)) add(`支出事项“${i.code}”不是已知事项`);
    checkArticle(`支出科目“${c.name || c.code}”`, c.article);
  }

  const forbidden = policy.forbiddenItems ?? [];
  for (const code of duplicates(forbidden.map((f) => f.code))) add(`禁止事项“${code}”重复`);
  const forbiddenCodes = new Set<string>(FORBIDDEN_ITEM_CODES);
  for (const f of forbidden) {
    if (!forbiddenCodes.has(f.code)) add(`禁止事项“${f.code}”不是已知事项`);
    if (itemCodes.includes(f.code as never)) add(`事项“${f.code}”既被允许又被禁止`);
    checkArticle(`禁止事项“${f.name || f.code}”`, f.article);
  }
  if (forbidden.length === 0) add('未设置禁止支出事项（第十七条）');
  checkArticle('支出用途敏感词', policy.forbiddenPurposeArticle);

  const fees = policy.feeStandards;
  if (!fees) {
    add('缺少费用标准（第十条）');
  } else {
    const c = fees.consulting;
    for (const grade of EXPERT_GRADES) {
      const rate = c.grades.find((g) => g.grade === grade);
      if (!rate) {
        add(`咨询费标准缺少“${grade}”一档（${c.source}）`);
        continue;
      }
      if (!isFenAmount(rate.minPerDayFen) || !isFenAmount(rate.maxPerDayFen) || rate.minPerDayFen > rate.maxPerDayFen) {
        add(`咨询费标准“${rate.name}”的下限和上限应为以分计的整数且下限不高于上限`);
      }
    }
    if (!isRatio(c.halfDayRatio)) add('咨询费半天折算比例应在 0 到 1 之间');
    if (!isRatio(c.fromDayThreeRatio)) add('咨询费第三天起折算比例应在 0 到 1 之间');
    if (fees.labour.capPerDayFen !== null && !isFenAmount(fees.labour.capPerDayFen)) {
      add('劳务费上限应为以分计的非负整数或不设上限');
    }
    for (const m of fees.meeting.classes) {
      if (!isFenAmount(m.capPerDayFen)) add(`会议费标准“${m.name}”的上限应为以分计的非负整数`);
      else if (m.lodgingFen + m.mealsFen + m.otherFen !== m.capPerDayFen) {
        add(`会议费标准“${m.name}”的住宿费、伙食费、其他费用之和应等于综合定额`);
      }
    }
    for (const r of fees.lecture.rates) {
      if (!isFenAmount(r.maxPerHourFen)) add(`讲课费标准“${r.name}”的上限应为以分计的非负整数`);
    }
    for (const [name, std] of [
      ['咨询费', c],
      ['劳务费', fees.labour],
      ['会议费', fees.meeting],
      ['讲课费', fees.lecture],
    ] as const) {
      if (!std.source?.trim()) add(`${name}标准缺少依据文件`);
      checkArticle(`${name}标准`, std.article);
    }
  }

  return problems;
}
