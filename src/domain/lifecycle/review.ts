import { z } from 'zod';
import { normalizeUscc } from '../uscc';

// 专家评审 (第十条). The rubric is data of the year's call; the default is the Center's usual one. A criterion's
// weight is its full mark, so a reviewer's total is out of 100. A criterion's description tells the reviewer what the
// mark judges: the reviewer scores at home, with nobody to ask, so it names the parts of the 申报书 and the articles
// they answer to. It is optional data (calls saved before it existed have none, see `describedRubric`), so it needs
// no migration: the rubric is stored as JSON of the call.

export interface RubricCriterion {
  id: string;
  name: string;
  weight: number;
  description?: string;
}

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'basis',
    name: '基础条件',
    weight: 30,
    description:
      '依托单位符合承担条件（第六条），具备开展服务的场地、人员和专家等资源（申报书“资源条件”），往年承担工作站点的验收情况（第十三条）。',
  },
  {
    id: 'plan',
    name: '工作方案',
    weight: 40,
    description: '工作目标不低于本年度目标（第七条、第八条），活动计划具体可行，进度安排明确、按月落实。',
  },
  {
    id: 'budget',
    name: '预算合理性',
    weight: 20,
    description:
      '预算按经费科目编制（第十六条）、合计与资助额度一致（第六条），咨询费、劳务费、会议费按费用标准测算（第十条），配套经费来源明确（第十四条）。',
  },
  {
    id: 'feature',
    name: '特色与创新',
    weight: 10,
    description: '服务模式、合作机制有特色，结合所在区或合作企业的产业需求，有可推广的创新做法。',
  },
];

/**
 * The rubric as a reviewer reads it: a criterion saved without a description takes the default rubric's when it is
 * the same criterion (same name and full mark; the call form numbers the criteria itself, so the id is not kept), so
 * calls saved before descriptions existed still explain the Center's usual criteria; a criterion the Center wrote
 * itself keeps what it has.
 */
export function describedRubric(rubric: readonly RubricCriterion[]): RubricCriterion[] {
  return rubric.map((c) => {
    if (c.description?.trim()) return { ...c };
    const d = DEFAULT_RUBRIC.find((x) => x.name === c.name && x.weight === c.weight);
    return d?.description ? { ...c, description: d.description } : { ...c };
  });
}

export interface ScoreIssue {
  path: string;
  message: string;
}

/**
 * One criterion's score (第十条: each criterion scored as a whole number from 0 to its full mark). The server checks
 * every score with it and the scoring form checks each field with it, so both say the same words, naming the
 * criterion.
 */
export function criterionScoreSchema(c: Pick<RubricCriterion, 'name' | 'weight'>) {
  const range = `“${c.name}”得分应在 0–${c.weight} 分之间`;
  return z
    .number({ error: `请为“${c.name}”打分` })
    .int(`“${c.name}”得分应为整数`)
    .min(0, range)
    .max(c.weight, range);
}

/** Checks a reviewer's scores against the rubric: every criterion, integers within 0..weight, nothing else. */
export function checkScores(
  rubric: readonly RubricCriterion[],
  scores: Record<string, number>,
): { ok: true; total: number } | { ok: false; issues: ScoreIssue[] } {
  const issues: ScoreIssue[] = [];
  let total = 0;
  for (const c of rubric) {
    const r = criterionScoreSchema(c).safeParse(scores[c.id]);
    if (r.success) total += r.data;
    else issues.push({ path: `scores.${c.id}`, message: r.error.issues[0]?.message ?? `请为“${c.name}”打分` });
  }
  for (const k of Object.keys(scores)) {
    if (!rubric.some((c) => c.id === k)) issues.push({ path: `scores.${k}`, message: `评分细则中没有“${k}”` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, total };
}

/** Problems of a rubric an administrator writes; weights must add up to 100. */
export function rubricProblems(rubric: readonly RubricCriterion[]): string[] {
  const out: string[] = [];
  if (!rubric.length) out.push('评分细则至少包含一项');
  const ids = new Set<string>();
  for (const c of rubric) {
    if (ids.has(c.id)) out.push(`评分项“${c.id}”重复`);
    ids.add(c.id);
    if (!c.name.trim()) out.push('评分项名称不能为空');
    if (!Number.isInteger(c.weight) || c.weight <= 0) out.push(`评分项“${c.name}”的分值应为正整数`);
  }
  const sum = rubric.reduce((s, c) => s + c.weight, 0);
  if (rubric.length && sum !== 100) out.push(`评分细则分值合计应为 100，现为 ${sum}`);
  return out;
}

/**
 * A reviewer employed by the applicant may not review it (第十条 回避). Matched by USCC when both are known, else by
 * the organisation's exact name.
 */
export function employerConflict(
  reviewer: { employerName: string | null; employerUscc: string | null },
  host: { name: string; uscc: string | null },
): boolean {
  if (reviewer.employerUscc && host.uscc) return normalizeUscc(reviewer.employerUscc) === normalizeUscc(host.uscc);
  const a = reviewer.employerName?.trim();
  return !!a && a === host.name.trim();
}
