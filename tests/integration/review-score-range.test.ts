// 专家评审 (第十条): each criterion is scored as a whole number from 0 to its full mark. A score outside that range is
// refused with a 400 naming the criterion on its field, and nothing is written: not the scores, not the status, not
// the version, not an audit row. The reviewer reads each criterion's description with the rubric.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { stash, toStage } from './support/lifecycle';

const t: TestApp = await createTestApp({ ledgers: 'few' });
afterAll(() => t.close());

let reviewer: string;
beforeAll(async () => {
  // The 海淀 application with reviewer, reviewer2 and reviewer3 assigned; `reviewer` has declared no conflict.
  await toStage(t, 'declared');
  reviewer = await t.login('reviewer');
});

const score = (scores: Record<string, number>) =>
  t.call(reviewer, 'POST', `/api/v1/review-assignments/${stash.assignmentId}/score`, {
    version: stash.assignmentVersion,
    scores,
    comment: '方案可行，建议立项。',
  });

async function storedAssignment() {
  return t.deps.db
    .selectFrom('review_assignments')
    .select(['status', 'scores_json', 'total_score', 'comment', 'submitted_at', 'version'])
    .where('id', '=', stash.assignmentId)
    .executeTakeFirstOrThrow();
}

async function scoreEvents() {
  return t.deps.db
    .selectFrom('audit_events')
    .select('seq')
    .where('entity', '=', 'review')
    .where('entity_id', '=', stash.assignmentId)
    .where('action', '=', 'score')
    .execute();
}

describe('a score outside its criterion’s range (第十条)', () => {
  it('35 in the 30-point 基础条件 is refused, naming the criterion on its field, and nothing is stored', async () => {
    const before = await storedAssignment();
    const r = await score({ basis: 35, plan: 30, budget: 15, feature: 5 });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('validation');
    expect(r.json.error.issues).toEqual([{ path: 'scores.basis', message: '“基础条件”得分应在 0–30 分之间' }]);
    expect(r.json.error.message).toContain('基础条件');
    expect(r.json.error.message).toContain('第十条');
    expect(await storedAssignment()).toEqual(before);
    expect(before).toMatchObject({ status: 'assigned', scores_json: null, total_score: null, submitted_at: null });
    expect(await scoreEvents()).toEqual([]);
  });

  it('a negative score and a fraction are refused on their own fields, each naming its criterion', async () => {
    const r = await score({ basis: 20, plan: -1, budget: 15.5, feature: 11 });
    expect(r.status).toBe(400);
    expect(r.json.error.issues).toEqual([
      { path: 'scores.plan', message: '“工作方案”得分应在 0–40 分之间' },
      { path: 'scores.budget', message: '“预算合理性”得分应为整数' },
      { path: 'scores.feature', message: '“特色与创新”得分应在 0–10 分之间' },
    ]);
    expect((await storedAssignment()).status).toBe('assigned');
    expect(await scoreEvents()).toEqual([]);
  });

  it('the full mark of each criterion is accepted with the same version, and then stored once', async () => {
    const r = await score({ basis: 30, plan: 40, budget: 0, feature: 10 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'submitted', totalScore: 80 });
    const after = await storedAssignment();
    expect(after).toMatchObject({ status: 'submitted', total_score: 80, version: stash.assignmentVersion + 1 });
    expect(JSON.parse(after.scores_json ?? 'null')).toEqual({ basis: 30, plan: 40, budget: 0, feature: 10 });
    expect(await scoreEvents()).toHaveLength(1);
  });
});

describe('the rubric a reviewer reads', () => {
  it('gives each criterion of the usual rubric its description, citing the articles it judges by', async () => {
    const mine = await t.call(reviewer, 'GET', '/api/v1/review-assignments');
    expect(mine.status).toBe(200);
    const rubric = mine.json.items[0].rubric as Array<{ name: string; weight: number; description?: string }>;
    expect(rubric.map((c) => `${c.name}${c.weight}`)).toEqual([
      '基础条件30',
      '工作方案40',
      '预算合理性20',
      '特色与创新10',
    ]);
    for (const c of rubric) expect(c.description?.length ?? 0).toBeGreaterThan(10);
    expect(rubric[0].description).toContain('第六条');
    expect(rubric[1].description).toContain('第七条');
  });
});
