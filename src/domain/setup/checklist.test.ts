import { describe, expect, it } from 'vitest';
import { comingProgramYear, type SetupFacts, setupChecklist, workingProgramYear } from './checklist';

const EMPTY: SetupFacts = { activeAccounts: {}, hosts: 0, programYears: [] };
/** What start-up leaves on an empty production database after `bin/qianqi create-admin root`. */
const FRESH: SetupFacts = { activeAccounts: { sys_admin: 1 }, hosts: 0, programYears: [{ year: 2025, stations: 0 }] };
const READY: SetupFacts = {
  activeAccounts: { sys_admin: 1, sec_admin: 1, audit_admin: 1, center_admin: 2, center_staff: 3, host: 20 },
  hosts: 20,
  programYears: [
    { year: 2025, stations: 23 },
    { year: 2026, stations: 0 },
  ],
};

const step = (facts: SetupFacts, today: string, id: string) => {
  const s = setupChecklist(facts, today).steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

describe('comingProgramYear (第三条: the year to have a policy for)', () => {
  it.each([
    ['2025-01-01', 2025],
    ['2025-06-15', 2025],
    ['2025-09-30', 2025], // last day of Q3
    ['2025-10-01', 2026], // first day of Q4
    ['2025-11-15', 2026],
    ['2025-12-31', 2026],
    ['2026-01-01', 2026],
  ])('%s → %i', (today, year) => {
    expect(comingProgramYear(today)).toBe(year);
  });

  it.each([['2025-6-15'], ['2025/06/15'], [''], ['2025-06-15T00:00:00Z']])(
    'refuses a date that is not YYYY-MM-DD: %s',
    (d) => {
      expect(() => comingProgramYear(d)).toThrow(RangeError);
    },
  );
});

describe('workingProgramYear', () => {
  it('is null without any program year', () => {
    expect(workingProgramYear([], '2025-06-15')).toBeNull();
  });
  it('is the latest year not after today’s year; a year prepared in advance does not count yet', () => {
    expect(workingProgramYear([2025], '2025-06-15')).toBe(2025);
    expect(workingProgramYear([2025, 2026], '2025-12-31')).toBe(2025);
    expect(workingProgramYear([2026, 2025], '2026-01-01')).toBe(2026);
    expect(workingProgramYear([2024, 2025], '2026-03-01')).toBe(2025);
  });
  it('is the first year when every year lies ahead', () => {
    expect(workingProgramYear([2028, 2027], '2026-03-01')).toBe(2027);
  });
});

describe('setupChecklist', () => {
  it('lists the four steps in the order they are done, each with why, who and where', () => {
    const c = setupChecklist(EMPTY, '2025-06-15');
    expect(c.steps.map((s) => s.id)).toEqual(['accounts', 'hosts', 'stations', 'next_year']);
    expect(c.steps.map((s) => s.link)).toEqual(['/users', '/organizations/import', '/stations', '/program-years']);
    expect(c.steps.map((s) => s.who)).toEqual([
      ['sys_admin'],
      ['center_admin', 'center_staff'],
      ['center_admin', 'center_staff'],
      ['center_admin'],
    ]);
    expect(c.steps.map((s) => s.article)).toEqual([null, '第六条', '第三条', '第三条']);
    for (const s of c.steps) {
      expect(s.title).toMatch(/[\u4e00-\u9fff]/);
      expect(s.why).toMatch(/[\u4e00-\u9fff]/);
      if (s.article) expect(s.why).toContain(s.article);
    }
  });

  it('on an empty database nothing is done', () => {
    const c = setupChecklist(EMPTY, '2025-06-15');
    expect(c).toMatchObject({
      today: '2025-06-15',
      comingYear: 2025,
      workingYear: null,
      doneCount: 0,
      isComplete: false,
    });
    expect(c.steps.map((s) => [s.id, s.done, s.detail])).toEqual([
      ['accounts', false, '已有 0/4 类账户（缺少系统管理员、安全管理员、审计管理员、中心管理员）'],
      ['hosts', false, '尚未登记依托单位'],
      ['stations', false, '尚无项目年度政策'],
      ['next_year', false, '尚无 2025 年度政策'],
    ]);
  });

  it('after start-up and create-admin root: one account kind of four, the 2025 policy, no hosts or stations', () => {
    const c = setupChecklist(FRESH, '2025-06-15');
    expect(c.steps.map((s) => [s.id, s.done, s.detail])).toEqual([
      ['accounts', false, '已有 1/4 类账户（缺少安全管理员、审计管理员、中心管理员）'],
      ['hosts', false, '尚未登记依托单位'],
      ['stations', false, '2025 年度尚未设立工作站点'],
      ['next_year', true, '2025 年度政策已建立'],
    ]);
    expect(c.doneCount).toBe(1);
  });

  it('ticks each account kind separately, counting only the four that matter', () => {
    const partial = step(
      { ...EMPTY, activeAccounts: { sec_admin: 1, center_admin: 0, center_staff: 4, host: 9 } },
      '2025-06-15',
      'accounts',
    );
    expect(partial.items.map((i) => [i.role, i.done, i.count])).toEqual([
      ['sys_admin', false, 0],
      ['sec_admin', true, 1],
      ['audit_admin', false, 0],
      ['center_admin', false, 0],
    ]);
    expect(partial.done).toBe(false);
    expect(partial.detail).toBe('已有 1/4 类账户（缺少系统管理员、审计管理员、中心管理员）');
    expect(partial.items.find((i) => i.role === 'sec_admin')!.hint).toContain('--role sec_admin');

    const three = step(
      { ...EMPTY, activeAccounts: { sys_admin: 1, sec_admin: 1, audit_admin: 1 } },
      '2025-06-15',
      'accounts',
    );
    expect(three.detail).toBe('已有 3/4 类账户（缺少中心管理员）');
    expect(three.done).toBe(false);

    const all = step(READY, '2025-06-15', 'accounts');
    expect(all.done).toBe(true);
    expect(all.detail).toBe('已有 4/4 类账户');
    expect(all.items.every((i) => i.done)).toBe(true);
  });

  it('counts hosts', () => {
    expect(step({ ...EMPTY, hosts: 1 }, '2025-06-15', 'hosts')).toMatchObject({
      done: true,
      detail: '已登记 1 个依托单位',
    });
  });

  it('looks for stations in the working year, not in a year prepared ahead', () => {
    expect(step(READY, '2025-12-01', 'stations')).toMatchObject({ done: true, detail: '2025 年度已设 23 个工作站点' });
    // From 1 January the new year is worked: its stations are still to be set up.
    expect(step(READY, '2026-01-01', 'stations')).toMatchObject({ done: false, detail: '2026 年度尚未设立工作站点' });
    // Stations only in a future year do not make the working year's.
    const ahead = { ...EMPTY, programYears: [{ year: 2027, stations: 5 }] };
    expect(step(ahead, '2026-05-01', 'stations')).toMatchObject({ done: true, detail: '2027 年度已设 5 个工作站点' });
  });

  it('switches to next year’s policy on 1 October (Q4) and proposes copying the latest earlier year', () => {
    const q3 = setupChecklist(FRESH, '2025-09-30');
    expect(q3.comingYear).toBe(2025);
    expect(q3.steps[3]).toMatchObject({ title: '设置 2025 年度政策', done: true });

    const q4 = setupChecklist(FRESH, '2025-10-01');
    expect(q4.comingYear).toBe(2026);
    expect(q4.steps[3]).toMatchObject({
      title: '设置 2026 年度政策',
      done: false,
      detail: '尚无 2026 年度政策：可将 2025 年度“复制为新年度”后修改',
    });
    // The copy's source is the latest year before the coming one.
    const many = { ...EMPTY, programYears: [2023, 2025, 2024].map((year) => ({ year, stations: 0 })) };
    expect(step(many, '2025-11-01', 'next_year').detail).toContain('将 2025 年度');
    // A later year alone is no source.
    expect(step({ ...EMPTY, programYears: [{ year: 2030, stations: 0 }] }, '2025-11-01', 'next_year').detail).toBe(
      '尚无 2026 年度政策',
    );
  });

  it('is complete when every step is done, and only then', () => {
    const c = setupChecklist(READY, '2025-12-01');
    expect(c).toMatchObject({ comingYear: 2026, workingYear: 2025, doneCount: 4, isComplete: true });
    const noNext = setupChecklist({ ...READY, programYears: [{ year: 2025, stations: 23 }] }, '2025-12-01');
    expect(noNext).toMatchObject({ doneCount: 3, isComplete: false });
    expect(noNext.steps.filter((s) => !s.done).map((s) => s.id)).toEqual(['next_year']);
  });
});
