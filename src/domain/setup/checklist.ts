import { ROLE_LABELS, type Role } from '../../shared/permissions';
import type { Article } from '../policy/types';

// 上线准备清单 (issue #10 §3): what an empty production database still lacks before the program can run. The
// reference data the regulation fixes (the Center, the 17 district associations of 第三条, the 2025 policy) is loaded
// at start-up; everything else is done by people, and each step ticks itself off from the data — nobody marks a
// step done by hand. Pure: the facts are counted by the caller, and today is an argument.

/** The accounts a running program needs: the three separated administrators (等保 2.0) and a Center administrator. */
export const SETUP_ACCOUNT_ROLES = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'center_admin',
] as const satisfies readonly Role[];
export type SetupAccountRole = (typeof SETUP_ACCOUNT_ROLES)[number];

export const SETUP_STEP_IDS = ['accounts', 'hosts', 'stations', 'next_year'] as const;
export type SetupStepId = (typeof SETUP_STEP_IDS)[number];

export interface SetupFacts {
  /** active accounts per role (roles without any may be left out) */
  activeAccounts: Partial<Record<Role, number>>;
  /** active host organisations */
  hosts: number;
  /** every program year that exists, with its number of stations (0 included) */
  programYears: ReadonlyArray<{ year: number; stations: number }>;
}

export interface SetupItem {
  role: SetupAccountRole;
  done: boolean;
  count: number;
  /** how such an account comes to exist */
  hint: string;
}

export interface SetupStep {
  id: SetupStepId;
  title: string;
  /** why the step matters, citing the article where one applies */
  why: string;
  article: Article | null;
  /** the roles that do it */
  who: readonly Role[];
  done: boolean;
  /** where things stand, e.g. “已有 2/4 类账户” */
  detail: string;
  /** the page where it is done */
  link: string;
  /** separately ticked parts (the accounts step: one per role) */
  items: SetupItem[];
}

export interface SetupChecklist {
  today: string;
  /** the program year being prepared: this year, or next year from October on */
  comingYear: number;
  /** the program year whose stations are being worked (null: no program year at all) */
  workingYear: number | null;
  steps: SetupStep[];
  doneCount: number;
  isComplete: boolean;
}

const CENTER: readonly Role[] = ['center_admin', 'center_staff'];

function parseDay(today: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new RangeError(`日期应为 YYYY-MM-DD：${today}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/**
 * The program year to have a policy for by now (第三条 年度项目制): the current year; from October (the fourth
 * quarter) the next one, whose call goes out around the turn of the year. `today` is a date in Asia/Shanghai.
 */
export function comingProgramYear(today: string): number {
  const { year, month } = parseDay(today);
  return month >= 10 ? year + 1 : year;
}

/**
 * The program year whose stations are being worked: the latest year not after today's (a year prepared in advance
 * has no stations until its call is decided, and must not reopen the step); when every year lies ahead, the first.
 */
export function workingProgramYear(years: readonly number[], today: string): number | null {
  if (!years.length) return null;
  const { year } = parseDay(today);
  const past = years.filter((y) => y <= year);
  return past.length ? Math.max(...past) : Math.min(...years);
}

const ACCOUNT_HINTS: Record<SetupAccountRole, string> = {
  sys_admin: '在服务器上运行 bin/qianqi create-admin 用户名',
  sec_admin: '在服务器上运行 bin/qianqi create-admin 用户名 --role sec_admin',
  audit_admin: '在服务器上运行 bin/qianqi create-admin 用户名 --role audit_admin',
  // 三员分立 (decision 018): whoever creates an account knows its temporary password, so another gives the role.
  center_admin: '系统管理员在“账户”页新建；持有人首次登录改密后，由安全管理员分配角色“中心管理员”',
};

function accountsStep(facts: SetupFacts): SetupStep {
  const items = SETUP_ACCOUNT_ROLES.map((role) => {
    const count = facts.activeAccounts[role] ?? 0;
    return { role, count, done: count > 0, hint: ACCOUNT_HINTS[role] };
  });
  const have = items.filter((i) => i.done).length;
  const missing = items.filter((i) => !i.done).map((i) => ROLE_LABELS[i.role]);
  return {
    id: 'accounts',
    title: '建立管理账户',
    why: '等保 2.0 三员分立：系统管理员、安全管理员、审计管理员各设账户、互不兼任；中心管理员负责年度政策、立项和验收。',
    article: null,
    who: ['sys_admin'],
    done: have === items.length,
    detail: `已有 ${have}/${items.length} 类账户${missing.length ? `（缺少${missing.join('、')}）` : ''}`,
    link: '/users',
    items,
  };
}

function hostsStep(facts: SetupFacts): SetupStep {
  return {
    id: 'hosts',
    title: '登记依托单位',
    why: '第六条：工作站点依托学会、协会、联盟、园区科协等单位设立，申报和设站前须先登记依托单位；可用 Excel 模板批量导入。',
    article: '第六条',
    who: CENTER,
    done: facts.hosts > 0,
    detail: facts.hosts > 0 ? `已登记 ${facts.hosts} 个依托单位` : '尚未登记依托单位',
    link: '/organizations/import',
    items: [],
  };
}

function stationsStep(facts: SetupFacts, workingYear: number | null): SetupStep {
  const stations = facts.programYears.find((y) => y.year === workingYear)?.stations ?? 0;
  return {
    id: 'stations',
    title: '设立工作站点',
    why: '第三条：工作站点按年度设立，区工作站点分 A、B 类，另设产学研合作站点；台账、考核和经费都以站点为单位。',
    article: '第三条',
    who: CENTER,
    done: stations > 0,
    detail:
      workingYear === null
        ? '尚无项目年度政策'
        : stations > 0
          ? `${workingYear} 年度已设 ${stations} 个工作站点`
          : `${workingYear} 年度尚未设立工作站点`,
    link: '/stations',
    items: [],
  };
}

function nextYearStep(facts: SetupFacts, comingYear: number): SetupStep {
  const years = facts.programYears.map((y) => y.year);
  const done = years.includes(comingYear);
  const source = years.filter((y) => y < comingYear);
  return {
    id: 'next_year',
    title: `设置 ${comingYear} 年度政策`,
    why: '第三条：年度项目制，每个年度的站点名额、资助金额和考核目标单独设定；第四季度起准备下一年度。',
    article: '第三条',
    who: ['center_admin'],
    done,
    detail: done
      ? `${comingYear} 年度政策已建立`
      : source.length
        ? `尚无 ${comingYear} 年度政策：可将 ${Math.max(...source)} 年度“复制为新年度”后修改`
        : `尚无 ${comingYear} 年度政策`,
    link: '/program-years',
    items: [],
  };
}

/** The checklist of an installation on `today` (YYYY-MM-DD, Asia/Shanghai), in the order the steps are done. */
export function setupChecklist(facts: SetupFacts, today: string): SetupChecklist {
  const comingYear = comingProgramYear(today);
  const workingYear = workingProgramYear(
    facts.programYears.map((y) => y.year),
    today,
  );
  const steps = [
    accountsStep(facts),
    hostsStep(facts),
    stationsStep(facts, workingYear),
    nextYearStep(facts, comingYear),
  ];
  const doneCount = steps.filter((s) => s.done).length;
  return { today, comingYear, workingYear, steps, doneCount, isComplete: doneCount === steps.length };
}
