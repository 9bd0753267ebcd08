import type { Role } from '../../shared/permissions';
import type { Article } from '../policy/types';

// The project lifecycle of 第三条 and 第十条–第十三条 as data (issue #4): every transition names its article, the roles
// that may take it, and the guards that must hold. `decide` is pure: the services apply its answer in a transaction
// (and answer 409 with its Chinese reason when it refuses).

export interface Guard<C> {
  /** true when the transition may go ahead */
  holds: (ctx: C) => boolean;
  /** why not, in Chinese, shown to the user */
  reason: string;
}

export interface TransitionRule<S extends string, A extends string, C> {
  action: A;
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  article: Article;
  guards?: ReadonlyArray<Guard<C>>;
}

export interface Machine<S extends string, A extends string, C> {
  /** what the machine is about, e.g. 申报书 */
  name: string;
  states: readonly S[];
  stateLabels: Record<S, string>;
  actionLabels: Record<A, string>;
  rules: ReadonlyArray<TransitionRule<S, A, C>>;
}

export type Decision<S extends string> =
  | { ok: true; to: S; article: Article }
  | { ok: false; reason: string; article: Article | null };

const ROLE_NAMES: Partial<Record<Role, string>> = {
  center_admin: '创新服务中心',
  center_staff: '创新服务中心',
  district: '区科协',
  host: '依托单位',
  reviewer: '评审专家',
};

export interface DecideOptions<S extends string, A extends string, C> {
  machine: Machine<S, A, C>;
  from: S;
  action: A;
  role: Role;
  /** what the guards are checked against */
  facts: C;
}

/** Whether `role` may take `action` from `from`, and where it leads; a refusal says why, citing the article. */
export function decide<S extends string, A extends string, C>({
  machine: m,
  from,
  action,
  role,
  facts,
}: DecideOptions<S, A, C>): Decision<S> {
  const candidates = m.rules.filter((r) => r.action === action);
  if (!candidates.length) return { ok: false, reason: `${m.name}没有“${String(action)}”这一步`, article: null };
  const rule = candidates.find((r) => r.from.includes(from));
  if (!rule) {
    const allowedFrom = [...new Set(candidates.flatMap((r) => r.from))].map((s) => `“${m.stateLabels[s]}”`);
    return {
      ok: false,
      reason: `${m.name}当前为“${m.stateLabels[from]}”，不能${m.actionLabels[action]}（只能在${allowedFrom.join('、')}时${m.actionLabels[action]}，${candidates[0].article}）`,
      article: candidates[0].article,
    };
  }
  if (!rule.roles.includes(role)) {
    const who = [...new Set(rule.roles.map((r) => ROLE_NAMES[r] ?? r))].join('或');
    return { ok: false, reason: `只有${who}可以${m.actionLabels[action]}（${rule.article}）`, article: rule.article };
  }
  for (const g of rule.guards ?? []) {
    if (!g.holds(facts)) return { ok: false, reason: `${g.reason}（${rule.article}）`, article: rule.article };
  }
  return { ok: true, to: rule.to, article: rule.article };
}

/** The actions a role could take from a state (guards not checked): the buttons a page offers. */
export function actionsFrom<S extends string, A extends string, C>(m: Machine<S, A, C>, from: S, role: Role): A[] {
  return m.rules.filter((r) => r.from.includes(from) && r.roles.includes(role)).map((r) => r.action);
}
