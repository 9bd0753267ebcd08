import type { Role } from '../../shared/permissions';
import type { Guard, Machine } from '../lifecycle/machine';
import type { Article } from '../policy/types';

// Supervision (issue #5): the Center's inspections at any time (第十九条), their findings — a rectification request
// with a due date, or a violation typed by the seven grounds of 第十八条 — and the recovery of funds (第十八条) with
// its payments. The grounds are the regulation's words; the machines say who may do what, citing the article.

export const VIOLATION_GROUNDS = [
  { code: 'false_materials', clause: '（一）', name: '提供虚假资料' },
  { code: 'misappropriation', clause: '（二）', name: '截留、挤占、挪用项目资金' },
  { code: 'dereliction', clause: '（三）', name: '失职致使计划无法实施，造成不良影响' },
  { code: 'budget_breach', clause: '（四）', name: '未按规定执行和调整预算' },
  { code: 'illegal_transfer', clause: '（五）', name: '违反规定转拨、转移项目经费' },
  { code: 'late_payment', clause: '（六）', name: '因主观原因经费不能及时支付到用款单位和个人' },
  { code: 'other_violation', clause: '（七）', name: '其他违反国家有关法律、法规的行为' },
] as const;
export type ViolationGround = (typeof VIOLATION_GROUNDS)[number]['code'];
export const VIOLATION_ARTICLE: Article = '第十八条';
export const INSPECTION_ARTICLE: Article = '第十九条';

export function groundLabel(code: string | null | undefined): string {
  const g = VIOLATION_GROUNDS.find((x) => x.code === code);
  return g ? `${VIOLATION_ARTICLE}${g.clause}${g.name}` : '';
}

const guard = <C>(holds: (c: C) => boolean, reason: string): Guard<C> => ({ holds, reason });
const CENTER: readonly Role[] = ['center_admin', 'center_staff'];
const CENTER_ADMIN: readonly Role[] = ['center_admin'];

// --- Inspections -------------------------------------------------------------------------------------------------

export const INSPECTION_STATES = ['planned', 'completed'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export type InspectionAction = 'complete' | 'add_finding';
export interface InspectionFacts {
  hasSummary: boolean;
}

export const inspectionMachine: Machine<InspectionState, InspectionAction, InspectionFacts> = {
  name: '监督检查',
  states: INSPECTION_STATES,
  stateLabels: { planned: '检查中', completed: '已完成' },
  actionLabels: { complete: '完成检查', add_finding: '登记检查发现' },
  rules: [
    { action: 'add_finding', from: ['planned'], to: 'planned', roles: CENTER, article: INSPECTION_ARTICLE },
    {
      action: 'complete',
      from: ['planned'],
      to: 'completed',
      roles: CENTER,
      article: INSPECTION_ARTICLE,
      guards: [guard((c) => c.hasSummary, '请填写检查结论')],
    },
  ],
};

// --- Findings ----------------------------------------------------------------------------------------------------

export const FINDING_STATES = ['open', 'responded', 'closed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];
export type FindingAction = 'respond' | 'close' | 'reopen';
export interface FindingFacts {
  hasText: boolean;
}

export const findingMachine: Machine<FindingState, FindingAction, FindingFacts> = {
  name: '检查发现',
  states: FINDING_STATES,
  stateLabels: { open: '待整改', responded: '已反馈整改', closed: '已办结' },
  actionLabels: { respond: '反馈整改情况', close: '办结', reopen: '退回重新整改' },
  rules: [
    {
      action: 'respond',
      from: ['open'],
      to: 'responded',
      roles: ['host'],
      article: INSPECTION_ARTICLE,
      guards: [guard((c) => c.hasText, '请填写整改情况')],
    },
    {
      action: 'close',
      from: ['open', 'responded'],
      to: 'closed',
      roles: CENTER,
      article: INSPECTION_ARTICLE,
      guards: [guard((c) => c.hasText, '请填写办结意见')],
    },
    {
      action: 'reopen',
      from: ['responded'],
      to: 'open',
      roles: CENTER,
      article: INSPECTION_ARTICLE,
      guards: [guard((c) => c.hasText, '请填写退回理由')],
    },
  ],
};

// --- Recovery orders ---------------------------------------------------------------------------------------------

export const RECOVERY_STATES = ['issued', 'partly_paid', 'paid', 'closed'] as const;
export type RecoveryState = (typeof RECOVERY_STATES)[number];
export type RecoveryAction = 'pay_part' | 'pay_rest' | 'close';
export interface RecoveryFacts {
  /** amount still owed before this step, in fen */
  owedFen: number;
  /** the payment of this step, in fen (0 for close) */
  paymentFen: number;
  hasReason: boolean;
}

export const recoveryMachine: Machine<RecoveryState, RecoveryAction, RecoveryFacts> = {
  name: '追回经费通知',
  states: RECOVERY_STATES,
  stateLabels: { issued: '已下达', partly_paid: '部分退回', paid: '已全部退回', closed: '已结案' },
  actionLabels: { pay_part: '登记部分退回', pay_rest: '登记退回', close: '结案' },
  rules: [
    {
      action: 'pay_part',
      from: ['issued', 'partly_paid'],
      to: 'partly_paid',
      roles: CENTER_ADMIN,
      article: VIOLATION_ARTICLE,
      guards: [guard((c) => c.paymentFen > 0 && c.paymentFen < c.owedFen, '部分退回的金额应大于 0 且小于应退余额')],
    },
    {
      action: 'pay_rest',
      from: ['issued', 'partly_paid'],
      to: 'paid',
      roles: CENTER_ADMIN,
      article: VIOLATION_ARTICLE,
      guards: [guard((c) => c.paymentFen > 0 && c.paymentFen === c.owedFen, '退回金额应大于 0 且等于应退余额')],
    },
    {
      action: 'close',
      from: ['paid'],
      to: 'closed',
      roles: CENTER_ADMIN,
      article: VIOLATION_ARTICLE,
      guards: [guard((c) => c.hasReason, '请填写结案意见')],
    },
  ],
};

/** Which payment action a payment of `paymentFen` against `owedFen` is; a payment above the balance is refused. */
export function paymentAction(owedFen: number, paymentFen: number): RecoveryAction | null {
  if (paymentFen <= 0 || paymentFen > owedFen) return null;
  return paymentFen === owedFen ? 'pay_rest' : 'pay_part';
}

/** A uniform random sample of `n` ids (all of them when n ≥ the count), using the given source of randomness. */
export function sample<T>(items: readonly T[], n: number, randomInt: (maxExclusive: number) => number): T[] {
  const pool = [...items];
  const k = Math.min(Math.max(n, 0), pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
