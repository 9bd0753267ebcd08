// Pure helpers of the application pages (no React, no fetch): money typed in yuan, the form's values to and from the
// shared ApplicationForm, the articles of the machine's actions, where a server issue belongs on the form.
import { type ApplicationAction, type ApplicationState, applicationMachine } from '../../../domain/lifecycle/machines';
import {
  EXPENSE_CATEGORIES,
  type ExpenseCategory,
  type KpiId,
  type KpiPolicy,
  type StationType,
} from '../../../domain/policy/types';
import type { ApplicationForm } from '../../../shared/schemas/application';
import { formatPercent } from '../../lib/format';
import { fenToYuanInput, parseYuan, percentToShare, shareToPercent } from '../../lib/money';

export { fenToYuanInput, parseYuan, percentToShare, shareToPercent };

/** The sum of the budget inputs in fen; unparseable or empty inputs count as 0 (the field shows its own error). */
export function budgetTotalFromInputs(budget: Partial<Record<ExpenseCategory, string>> | undefined): number {
  let total = 0;
  for (const c of EXPENSE_CATEGORIES) {
    const p = parseYuan(budget?.[c]);
    if (p.ok && p.fen !== null) total += p.fen;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets: shares are fractions (0.4) in the data and percentages (40) on the page.

export function formatTarget(k: Pick<KpiPolicy, 'measure' | 'unit'>, v: number | undefined | null): string {
  if (v === undefined || v === null) return '—';
  if (k.measure === 'share') return formatPercent(v);
  return `${v}${k.unit ? ` ${k.unit}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The editable form's values ↔ ApplicationForm.

export interface ScheduleValue {
  month?: string | null;
  content?: string;
}

export interface FormValues {
  stationName?: string;
  stationType?: StationType;
  districtCode?: string | null;
  leaderName?: string;
  leaderTitle?: string;
  leaderPhone?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  publicInstitutionClass?: ApplicationForm['publicInstitutionClass'];
  hasOwnAssociation?: boolean | null;
  resources?: string;
  /** shares as percentages */
  targets?: Partial<Record<KpiId, number | null>>;
  activityPlan?: string;
  schedule?: ScheduleValue[];
  /** yuan as typed */
  budgetYuan?: Partial<Record<ExpenseCategory, string>>;
  matchingFundsYuan?: string;
  matchingFundsSource?: string;
}

/** The year's targets (shares in %) for the KPIs that have no value yet: the form starts from the floor. */
export function defaultTargets(
  kpis: readonly KpiPolicy[],
  current: Partial<Record<KpiId, number | null>> | undefined,
): Partial<Record<KpiId, number>> {
  const out: Partial<Record<KpiId, number>> = {};
  for (const k of kpis) {
    const v = current?.[k.id];
    if (v === undefined || v === null) out[k.id] = k.measure === 'share' ? shareToPercent(k.target) : k.target;
  }
  return out;
}

/** The saved form as the page's values; KPIs of the type without a target start at the year's target. */
export function toFormValues(form: ApplicationForm, kpis: readonly KpiPolicy[]): FormValues {
  const shares = new Set(kpis.filter((k) => k.measure === 'share').map((k) => k.id));
  const targets: Partial<Record<KpiId, number>> = {};
  for (const [id, v] of Object.entries(form.targets ?? {}) as Array<[KpiId, number]>) {
    targets[id] = shares.has(id) ? shareToPercent(v) : v;
  }
  Object.assign(targets, defaultTargets(kpis, targets));
  const budgetYuan: Partial<Record<ExpenseCategory, string>> = {};
  for (const c of EXPENSE_CATEGORIES) {
    if (form.budgetFen?.[c] !== undefined) budgetYuan[c] = fenToYuanInput(form.budgetFen[c]);
  }
  return {
    stationName: form.stationName ?? '',
    stationType: form.stationType,
    districtCode: form.districtCode ?? null,
    leaderName: form.leaderName ?? '',
    leaderTitle: form.leaderTitle ?? '',
    leaderPhone: form.leaderPhone ?? '',
    contactName: form.contactName ?? '',
    contactPhone: form.contactPhone ?? '',
    contactEmail: form.contactEmail ?? '',
    publicInstitutionClass: form.publicInstitutionClass ?? null,
    hasOwnAssociation: form.hasOwnAssociation ?? null,
    resources: form.resources ?? '',
    targets,
    activityPlan: form.activityPlan ?? '',
    schedule: (form.schedule ?? []).map((s) => ({ month: s.month, content: s.content })),
    budgetYuan,
    matchingFundsYuan: fenToYuanInput(form.matchingFundsFen),
    matchingFundsSource: form.matchingFundsSource ?? '',
  };
}

const trimmed = (v: string | undefined) => (v ?? '').trim();

/**
 * The values to send. Targets only for the KPIs of the chosen type; yuan parsed to fen (an unparseable amount is left
 * out, the field's rule stops saving first); empty schedule rows dropped; `hostKind` decides which 第六条 fields go.
 */
export function fromFormValues(v: FormValues, kpis: readonly KpiPolicy[], hostKind: string | null): ApplicationForm {
  const targets: Partial<Record<KpiId, number>> = {};
  for (const k of kpis) {
    const t = v.targets?.[k.id];
    if (t === undefined || t === null) continue;
    targets[k.id] = k.measure === 'share' ? percentToShare(t) : t;
  }
  const budgetFen: Partial<Record<ExpenseCategory, number>> = {};
  for (const c of EXPENSE_CATEGORIES) {
    const p = parseYuan(v.budgetYuan?.[c]);
    if (p.ok && p.fen !== null) budgetFen[c] = p.fen;
  }
  const matching = parseYuan(v.matchingFundsYuan);
  const out: ApplicationForm = {
    stationName: trimmed(v.stationName),
    districtCode: v.stationType === 'iur' ? null : (v.districtCode ?? null),
    leaderName: trimmed(v.leaderName),
    leaderTitle: trimmed(v.leaderTitle),
    leaderPhone: trimmed(v.leaderPhone),
    contactName: trimmed(v.contactName),
    contactPhone: trimmed(v.contactPhone),
    contactEmail: trimmed(v.contactEmail),
    publicInstitutionClass: hostKind === 'public_institution' ? (v.publicInstitutionClass ?? null) : null,
    hasOwnAssociation: hostKind === 'university_association' ? (v.hasOwnAssociation ?? null) : null,
    resources: trimmed(v.resources),
    targets,
    activityPlan: trimmed(v.activityPlan),
    schedule: (v.schedule ?? [])
      .filter((s) => s.month || trimmed(s.content))
      .map((s) => ({ month: s.month ?? '', content: trimmed(s.content) })),
    budgetFen,
    matchingFundsSource: trimmed(v.matchingFundsSource),
  };
  if (v.stationType) out.stationType = v.stationType;
  if (matching.ok && matching.fen !== null) out.matchingFundsFen = matching.fen;
  return out;
}

/** A server path (`form.budgetFen.labour`, `targets.events`, `schedule.0.month`) as the editable form's field name. */
export function fieldPathOf(path: string): string {
  const p = path.startsWith('form.') ? path.slice(5) : path;
  if (p.startsWith('budgetFen.')) return `budgetYuan.${p.slice('budgetFen.'.length)}`;
  if (p === 'matchingFundsFen') return 'matchingFundsYuan';
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// The machine's actions: their label and article from the state they leave (推荐（第六条）).

export function actionArticle(action: ApplicationAction, from: ApplicationState): string | null {
  const rule = applicationMachine.rules.find((r) => r.action === action && r.from.includes(from));
  return rule?.article ?? null;
}

export function actionTitle(
  action: ApplicationAction,
  from: ApplicationState,
  labels?: Record<string, string>,
): string {
  const label = labels?.[action] ?? applicationMachine.actionLabels[action];
  const article = actionArticle(action, from);
  return article ? `${label}（${article}）` : label;
}

export const STATUS_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'cyan',
  under_review: 'purple',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export const STATUS_OPTIONS = applicationMachine.states.map((s) => ({
  value: s,
  label: applicationMachine.stateLabels[s],
}));

export const PUBLIC_INSTITUTION_CLASS_LABELS: Record<string, string> = {
  welfare_1: '公益一类',
  welfare_2: '公益二类',
  business: '生产经营类',
};

/** The total of a reviewer's scores as typed, and whether every criterion has an integer within its weight. */
export function scoreTotal(
  rubric: ReadonlyArray<{ id: string; weight: number }>,
  scores: Record<string, number | null | undefined> | undefined,
): { total: number; complete: boolean; max: number } {
  let total = 0;
  let complete = true;
  for (const c of rubric) {
    const v = scores?.[c.id];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > c.weight) complete = false;
    else total += v;
  }
  return { total, complete, max: rubric.reduce((s, c) => s + c.weight, 0) };
}

/** Remaining places of a type this year (never below 0). */
export function remainingPlaces(t: { quota: number; approved: number }): number {
  return Math.max(0, t.quota - t.approved);
}

/** The section of the 申报书 page a gap or issue points at (to scroll there from the 待补全 list). */
export function sectionOf(path: string): string {
  const head = fieldPathOf(path).split('.')[0];
  if (
    ['stationName', 'stationType', 'districtCode', 'publicInstitutionClass', 'hasOwnAssociation', 'host'].includes(head)
  )
    return 'sec-basic';
  if (/^(leader|contact)/.test(head)) return 'sec-people';
  if (head === 'resources') return 'sec-resources';
  if (head === 'targets') return 'sec-targets';
  if (head === 'activityPlan' || head === 'schedule') return 'sec-plan';
  if (head === 'budgetFen' || head === 'budgetYuan' || head.startsWith('matchingFunds')) return 'sec-budget';
  if (head === 'files') return 'sec-files';
  return 'sec-basic';
}
