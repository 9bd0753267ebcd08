// 申报通知 (issue #4): the Center drafts, edits and opens the year's call; opening locks the year's policy in the
// same transaction (第十条); an invalid transition is refused with 409 and a Chinese reason citing its article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';

const t: TestApp = await createTestApp({ ledgers: 'few' });
afterAll(() => t.close());

let center: string;
let staff: string;
let host: string;
beforeAll(async () => {
  center = await t.login('center');
  staff = await t.login('staff');
  host = await t.login('host');
  const copy = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
  expect(copy.status).toBe(201);
});

// The test clock stands at 2025-06-15.
const body = (over: Record<string, unknown> = {}) => ({
  programYear: 2026,
  title: '2026年度“千人进千企”工作站点申报通知',
  opensOn: '2025-06-15',
  closesOn: '2025-07-31',
  stationTypes: ['district_a', 'district_b', 'iur'],
  requiredDocuments: ['application_form', 'work_plan'],
  minReviewers: 3,
  notice: '请各依托单位按要求提交申报书和工作方案。',
  ...over,
});

describe('申报通知', () => {
  let id = '';
  let version = 0;

  it('refuses bad input on its fields and a second call for the same year', async () => {
    const bad = await t.call(center, 'POST', '/api/v1/calls', body({ closesOn: '2025-06-01', minReviewers: 2 }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['closesOn', 'minReviewers']);
    // The rubric's weights must add up to 100 (第十条 评分细则).
    const rubric = await t.call(
      center,
      'POST',
      '/api/v1/calls',
      body({
        rubric: [
          { id: 'a', name: '工作方案', weight: 60 },
          { id: 'b', name: '预算', weight: 30 },
        ],
      }),
    );
    expect(rubric.status).toBe(400);
    expect(rubric.json.error.issues).toEqual([{ path: 'rubric', message: '评分细则分值合计应为 100，现为 90' }]);
    const ok = await t.call(center, 'POST', '/api/v1/calls', body());
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      actions: ['open'],
      reportsDueOn: '2026-12-31',
    });
    expect(ok.json.rubric.map((c: { name: string; weight: number }) => `${c.name}${c.weight}`)).toEqual([
      '基础条件30',
      '工作方案40',
      '预算合理性20',
      '特色与创新10',
    ]);
    id = ok.json.id;
    version = ok.json.version;
    const again = await t.call(center, 'POST', '/api/v1/calls', body());
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('第三条');
  });

  it('only the Center administrator writes; every business role reads', async () => {
    expect((await t.call(staff, 'POST', `/api/v1/calls/${id}/open`, { version })).status).toBe(403);
    const list = await t.call(host, 'GET', '/api/v1/calls');
    expect(list.status).toBe(200);
    expect(list.json.items[0]).toMatchObject({ id, actions: [] });
  });

  it('opening locks the year in the same transaction and cites 第三条', async () => {
    const r = await t.call(center, 'POST', `/api/v1/calls/${id}/open`, { version });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ status: 'open', actions: ['close'] });
    version = r.json.version;
    const year = await t.deps.db
      .selectFrom('program_years')
      .selectAll()
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(year.status).toBe('locked');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity', 'in', ['call', 'program_year'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['lock', 'open']);
    expect(audit.find((a) => a.action === 'open')!.summary).toContain('第三条');
  });

  it('an invalid transition is 409 with the reason: opening twice, editing an open call', async () => {
    const twice = await t.call(center, 'POST', `/api/v1/calls/${id}/open`, { version });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain('当前为“申报中”');
    const edit = await t.call(center, 'PUT', `/api/v1/calls/${id}`, { version, call: body({ title: '改过的标题' }) });
    expect(edit.status).toBe(409);
  });

  it('a stale version is refused; closing works once', async () => {
    expect((await t.call(center, 'POST', `/api/v1/calls/${id}/close`, { version: version - 1 })).status).toBe(409);
    const closed = await t.call(center, 'POST', `/api/v1/calls/${id}/close`, { version });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', statusLabel: '已截止', actions: [] });
  });
});
