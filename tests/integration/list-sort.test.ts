// Issue 14: lists sort on the server by the column the user clicks (`?sort=key`, `-key` descending), across all
// pages, and refuse a key they do not know with a Chinese message naming it. A status sorts in the order of its
// workflow (草稿 before 已提交 …), not by the spelling of its code. Same tests on SQLite and PostgreSQL.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { seedLifecycleTargets } from './support/lifecycle';

const t: TestApp = await createTestApp();
const ids = await demoIds(t);
// one session for the whole file: logging in again and again would meet the login rate limit
const center = await t.login('center');
afterAll(() => t.close());

/** Every row of a list as a reader pages through it, 5 a page; no row missed or shown twice. */
async function everyPage<T extends object>(path: string, idOf: (row: T) => string = (r) => (r as { id: string }).id) {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; page < 50; page++) {
    const r = await t.call(center, 'GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=5`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    rows.push(...(r.json.items as T[]));
    total = r.json.total;
    if (page * 5 >= total) break;
  }
  expect(rows.length).toBe(total);
  expect(new Set(rows.map(idOf)).size).toBe(total);
  return rows;
}

/** The refusal of an unknown key: 400 on `sort`, in Chinese, naming the key asked for. */
async function expectRefusedSort(path: string, key: string) {
  const r = await t.call(center, 'GET', `${path}${path.includes('?') ? '&' : '?'}sort=-${key}`);
  expect(r.status).toBe(400);
  expect(r.json.error.issues).toEqual([
    { path: 'sort', message: expect.stringContaining(`排序字段无效：不能按“${key}”排序`) },
  ]);
}

/** Down a sorted column each value is no smaller (ascending), or no larger (descending), than the one above. */
const ascending = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
const descending = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);
/** A column as a reader sees it sorted: runs of equal values, each run once (a value split in two shows twice). */
const groups = (xs: string[]) => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

async function names(path: string): Promise<string[]> {
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
    await expectRefusedSort('/api/v1/stations', 'password');
  });
});

describe('申报书 sorted by a column', () => {
  it('by status and back, every page, and refuses an unknown key', async () => {
    // applications of three hosts in every state
    await seedLifecycleTargets(t, center, await demoIds(t));
    const apps = await t.deps.db.selectFrom('applications').select('id').orderBy('id').execute();
    expect(apps.length).toBeGreaterThan(2);
    // alphabetically 草稿 (draft), 已推荐 (recommended), 已提交 (submitted); in the workflow 推荐 comes after 提交
    const states = ['recommended', 'submitted', 'draft'] as const;
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
    expect(groups(statuses)).toEqual(['draft', 'submitted', 'recommended']);
    expect(groups((desc.json.items as { status: string }[]).map((a) => a.status))).toEqual([
      'recommended',
      'submitted',
      'draft',
    ]);
    await expectRefusedSort('/api/v1/applications', 'score');
  });
});

describe('项目 sorted by status', () => {
  it('follows the phases a project goes through, 待提交报告 among them, not the codes’ spelling', async () => {
    const projects = await t.deps.db
      .selectFrom('projects')
      .select(['id', 'station_id'])
      .where('program_year', '=', 2025)
      .orderBy('id')
      .execute();
    const stored = ['accepted', 'agreement_pending', 'reports_submitted', 'in_progress'] as const;
    for (const [i, p] of projects.entries())
      await t.deps.db
        .updateTable('projects')
        .set({ status: stored[i % stored.length] })
        .where('id', '=', p.id)
        .execute();
    // An 实施中 project whose period has ended owes its reports (第十二条): the list shows 待提交报告.
    const due = projects[3];
    await t.deps.db
      .updateTable('stations')
      .set({ period_end: '2025-05-31' })
      .where('id', '=', due.station_id)
      .execute();

    const asc = await everyPage<{ statusLabel: string }>('/api/v1/projects?year=2025&sort=status');
    expect(groups(asc.map((p) => p.statusLabel))).toEqual(['待签协议', '实施中', '待提交报告', '待验收', '验收通过']);
    const desc = await everyPage<{ statusLabel: string }>('/api/v1/projects?year=2025&sort=-status');
    expect(groups(desc.map((p) => p.statusLabel))).toEqual(['验收通过', '待验收', '待提交报告', '实施中', '待签协议']);
  });
});

describe('检查批次 sorted by a column', () => {
  // Seven inspections of 2025; the title's number says in which order they were made, the dates another order.
  const planned = ['2025-05-20', '2025-03-01', '2025-06-30', '2025-03-01', '2025-04-15', '2025-06-01', '2025-02-10'];
  const completed = new Set([1, 4, 6]);
  let made = false;
  async function inspections() {
    if (made) return;
    made = true;
    for (const [i, plannedOn] of planned.entries()) {
      const r = await t.call(center, 'POST', '/api/v1/inspections', {
        programYear: 2025,
        title: `2025年度第${i + 1}批经费抽查`,
        kind: 'scheduled',
        plannedOn,
        stationIds: i % 2 ? [ids.stations.haidian] : [ids.stations.haidian, ids.stations.chaoyang],
        sampleExpenses: 0,
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      if (completed.has(i)) {
        const done = await t.call(center, 'POST', `/api/v1/inspections/${r.json.id}/complete`, {
          version: r.json.version,
          summary: '经费使用规范',
        });
        expect(done.status, JSON.stringify(done.json)).toBe(200);
      }
    }
  }
  type Row = { id: string; title: string; plannedOn: string; stationCount: number; statusLabel: string };

  it('by 检查日期 both ways, and by 检查名称, over every page', async () => {
    await inspections();
    const asc = await everyPage<Row>('/api/v1/inspections?year=2025&sort=plannedOn');
    expect(asc.map((i) => i.plannedOn)).toEqual([...planned].sort());
    const desc = await everyPage<Row>('/api/v1/inspections?year=2025&sort=-plannedOn');
    expect(desc.map((i) => i.plannedOn)).toEqual([...planned].sort().reverse());
    const byTitle = await everyPage<Row>('/api/v1/inspections?year=2025&sort=-title');
    expect(byTitle.map((i) => i.title)).toEqual(planned.map((_, i) => `2025年度第${i + 1}批经费抽查`).reverse());
    const byStations = await everyPage<Row>('/api/v1/inspections?year=2025&sort=-stationCount');
    expect(byStations.map((i) => i.stationCount)).toEqual([2, 2, 2, 2, 1, 1, 1]);
  });

  it('by status: 检查中 before 已完成, though “completed” spells before “planned”', async () => {
    await inspections();
    const asc = await everyPage<Row>('/api/v1/inspections?year=2025&sort=status');
    expect(asc.map((i) => i.statusLabel)).toEqual([
      '检查中',
      '检查中',
      '检查中',
      '检查中',
      '已完成',
      '已完成',
      '已完成',
    ]);
    const desc = await everyPage<Row>('/api/v1/inspections?year=2025&sort=-status');
    expect(groups(desc.map((i) => i.statusLabel))).toEqual(['已完成', '检查中']);
  });

  it('refuses a key it does not sort by, naming it', async () => {
    await expectRefusedSort('/api/v1/inspections?year=2025', 'summary');
  });
});

describe('金桥工程 candidates sorted by a column', () => {
  let made = false;
  /** Every district station's outcome a candidate; three recommended, three not, the rest awaiting review. */
  async function candidates() {
    if (made) return;
    made = true;
    await t.deps.db.updateTable('outcomes').set({ golden_bridge: 1 }).execute();
    const all = await everyPage<{ outcomeId: string }>('/api/v1/golden-bridge?year=2025&sort=date', (c) => c.outcomeId);
    expect(all.length).toBeGreaterThan(7);
    const batch = async (recommend: boolean, picked: { outcomeId: string }[]) => {
      const r = await t.call(center, 'POST', '/api/v1/golden-bridge/reviews/batch', {
        items: picked.map((c) => ({ id: c.outcomeId, version: null })),
        recommend,
        comment: recommend ? '' : '成果尚未落地',
      });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    };
    await batch(true, [all[0], all[3], all[6]]);
    await batch(false, [all[1], all[4], all[7]]);
  }
  type Row = { outcomeId: string; date: string; title: string; statusLabel: string };
  const idOf = (c: Row) => c.outcomeId;

  it('by 落地日期 both ways, over every page', async () => {
    await candidates();
    const asc = await everyPage<Row>('/api/v1/golden-bridge?year=2025&sort=date', idOf);
    expect(ascending(asc.map((c) => c.date))).toBe(true);
    expect(new Set(asc.map((c) => c.date)).size).toBeGreaterThan(3);
    const desc = await everyPage<Row>('/api/v1/golden-bridge?year=2025&sort=-date', idOf);
    expect(descending(desc.map((c) => c.date))).toBe(true);
    expect(desc.map(idOf).sort()).toEqual(asc.map(idOf).sort());
  });

  it('by 中心审核: 待审核, then 推荐, then 不推荐 — the review’s order, not the codes’', async () => {
    await candidates();
    const asc = await everyPage<Row>('/api/v1/golden-bridge?year=2025&sort=status', idOf);
    expect(groups(asc.map((c) => c.statusLabel))).toEqual(['待审核', '推荐', '不推荐']);
    expect(asc.filter((c) => c.statusLabel === '推荐')).toHaveLength(3);
    const desc = await everyPage<Row>('/api/v1/golden-bridge?year=2025&sort=-status', idOf);
    expect(groups(desc.map((c) => c.statusLabel))).toEqual(['不推荐', '推荐', '待审核']);
    // within a status, the list's own order: the newest landing first
    expect(descending(asc.filter((c) => c.statusLabel === '待审核').map((c) => c.date))).toBe(true);
  });

  it('exports in the order the list shows, and refuses a key it does not sort by', async () => {
    await candidates();
    await expectRefusedSort('/api/v1/golden-bridge', 'comment');
    const r = await t.call(center, 'GET', '/api/v1/golden-bridge/export?year=2025&sort=password');
    expect(r.status).toBe(400);
  });
});

describe('组织 sorted by a column', () => {
  type Row = { id: string; name: string; districtCode: string | null; hostKindLabel: string | null; isActive: boolean };

  it('by name: descending is ascending reversed, over every page', async () => {
    const asc = await everyPage<Row>('/api/v1/organizations?sort=name');
    const desc = await everyPage<Row>('/api/v1/organizations?sort=-name');
    expect(asc.length).toBeGreaterThan(20);
    expect(desc.map((o) => o.name)).toEqual(asc.map((o) => o.name).reverse());
  });

  it('by 所在区: the codes in order, the Center (no district) last, or first when descending', async () => {
    const asc = await everyPage<Row>('/api/v1/organizations?sort=district');
    expect(ascending(asc.slice(0, -1).map((o) => o.districtCode ?? ''))).toBe(true);
    expect(asc.at(-1)?.districtCode).toBeNull();
    const desc = await everyPage<Row>('/api/v1/organizations?sort=-district');
    expect(desc[0].districtCode).toBeNull();
    expect(descending(desc.slice(1).map((o) => o.districtCode ?? ''))).toBe(true);
  });

  it('by 单位类型 in the order of 第六条, not alphabetically; by 状态 启用 before 停用', async () => {
    const asc = await everyPage<Row>('/api/v1/organizations?sort=hostKind');
    // alphabetically “alliance” (联盟) would come first
    expect(groups(asc.map((o) => o.hostKindLabel ?? '—'))).toEqual([
      '学会',
      '协会',
      '联盟',
      '园区科协',
      '事业单位（非公益一类）',
      '高校科协/科研院所科协',
      '—',
    ]);
    await t.deps.db
      .updateTable('organizations')
      .set({ is_active: 0 })
      .where('id', 'in', [ids.orgs.chaoyangHost, ids.orgs.bit])
      .execute();
    const active = await everyPage<Row>('/api/v1/organizations?sort=status');
    expect(groups(active.map((o) => (o.isActive ? '启用' : '停用')))).toEqual(['启用', '停用']);
    expect(
      active
        .slice(-2)
        .map((o) => o.id)
        .sort(),
    ).toEqual([ids.orgs.chaoyangHost, ids.orgs.bit].sort());
    const inactive = await everyPage<Row>('/api/v1/organizations?sort=-status');
    expect(groups(inactive.map((o) => (o.isActive ? '启用' : '停用')))).toEqual(['停用', '启用']);
  });

  it('refuses a key it does not sort by, naming it', async () => {
    await expectRefusedSort('/api/v1/organizations', 'contactPhone');
  });
});
