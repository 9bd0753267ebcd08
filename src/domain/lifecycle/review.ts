import { normalizeUscc } from '../uscc';

// 专家评审 (第十条). The rubric is data of the year's call; the default is the Center's usual one. A criterion's
// weight is its full mark, so a reviewer's total is out of 100.

export interface RubricCriterion {
  id: string;
  name: string;
  weight: number;
}

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  { id: 'basis', name: '基础条件', weight: 30 },
  { id: 'plan', name: '工作方案', weight: 40 },
  { id: 'budget', name: '预算合理性', weight: 20 },
  { id: 'feature', name: '特色与创新', weight: 10 },
];

export interface ScoreIssue {
  path: string;
  message: string;
}

/** Checks a reviewer's scores against the rubric: every criterion, integers within 0..weight, nothing else. */
export function checkScores(
  rubric: readonly RubricCriterion[],
  scores: Record<string, number>,
): { ok: true; total: number } | { ok: false; issues: ScoreIssue[] } {
  const issues: ScoreIssue[] = [];
  let total = 0;
  for (const c of rubric) {
    const v = scores[c.id];
    if (v === undefined) issues.push({ path: `scores.${c.id}`, message: `请为“${c.name}”打分` });
    else if (!Number.isInteger(v) || v < 0 || v > c.weight)
      issues.push({ path: `scores.${c.id}`, message: `“${c.name}”的得分应为 0 到 ${c.weight} 的整数` });
    else total += v;
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
