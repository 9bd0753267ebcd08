// Issue 14: lists sort on the server by the column the user clicks (`?sort=key`, `-key` descending), across all
// pages, and refuse a key they do not know with a Chinese message.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { seedLifecycleTargets } from './support/lifecycle';

const t: TestApp = await createTestApp();
afterAll(() => t.close());

async function names(path: string): Promise<string[]> {
  const center = await t.login('center');
  const all: string[] = [];
  for (let page = 1; page < 20; page++) {
    const r = await t.call(center, 'GET', `${path}&page=${page}&pageSize=5`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    all.push(...(r.json.items as { name?: string; stationName?: string }[]).map((x) => x.name ?? x.stationName ?? ''));
    if (page * 5 >= r.json.total) break;
  }
  return all;
}

describe('a list sorted by a column', () => {
  it('工作站点 by name: descending is ascending reversed, over every page', async () => {
    const asc = await names('/api/v1/stations?year=2025&sort=name');
    const desc = await names('/api/v1/stations?year=2025&sort=-name');
    expect(asc.length).toBeGreaterThan(5);
    expect(new Set(asc).size).toBe(asc.length);
    expect(desc).toEqual([...asc].reverse());
    const unsorted = await names('/api/v1/stations?year=2025');
    expect([...unsorted].sort()).toEqual([...asc].sort());
  });

  it('项目 by station name the same way', async () => {
    const asc = await names('/api/v1/projects?year=2025&sort=station');
    const desc = await names('/api/v1/projects?year=2025&sort=-station');
    expect(asc.length).toBeGreaterThan(5);
    expect(desc).toEqual([...asc].reverse());
  });

  it('refuses a key the list does not sort by, naming the field', async () => {
    const center = await t.login('center');
    const r = await t.call(center, 'GET', '/api/v1/stations?sort=password');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('排序字段无效');
  });
});

describe('申报书 sorted by a column', () => {
  it('by status and back, every page, and refuses an unknown key', async () => {
    const center = await t.login('center');
    // applications of three hosts in every state
    await seedLifecycleTargets(t, center, await demoIds(t));
    const apps = await t.deps.db.selectFrom('applications').select('id').orderBy('id').execute();
    expect(apps.length).toBeGreaterThan(2);
    const states = ['draft', 'submitted', 'recommended'] as const;
    for (const [i, a] of apps.entries())
      await t.deps.db
        .updateTable('applications')
        .set({ status: states[i % 3] })
        .where('id', '=', a.id)
        .execute();
    const asc = await t.call(center, 'GET', '/api/v1/applications?sort=status&pageSize=100');
    const desc = await t.call(center, 'GET', '/api/v1/applications?sort=-status&pageSize=100');
    expect(asc.status, JSON.stringify(asc.json)).toBe(200);
    const statuses = (asc.json.items as { status: string }[]).map((a) => a.status);
    expect(new Set(statuses).size).toBeGreaterThan(1);
    expect(statuses).toEqual([...statuses].sort());
    expect((desc.json.items as { status: string }[]).map((a) => a.status)).toEqual([...statuses].sort().reverse());
    const bad = await t.call(center, 'GET', '/api/v1/applications?sort=score');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('排序字段无效');
  });
});
