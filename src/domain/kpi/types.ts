import type { ReportKind } from '../ledger/codes';
import type { Article, KpiId, StationType } from '../policy/types';

/**
 * What a station's records add up to, counted by the rules of docs/ledger-format.md. The ledger path counts them in memory
 * (`countLedger`), the server with SQL aggregates; both hand them to the same `computeKpis`.
 */
export interface KpiCounts {
  events: number;
  pressReleases: number;
  pressReleasesWebsite: number;
  cooperations: number;
  enterprisesContacted: number;
  /** of `enterprisesContacted`, those with an enterprise 科协 */
  enterprisesWithAssociation: number;
  keyEnterprises: number;
  keyEnterprisesSrdi: number;
  landedOutcomes: number;
  demands: number;
  expertPersonTimes: number;
  achievements: number;
  /** 字数 of the longest report of each kind, 0 when there is none */
  reportWords: Record<ReportKind, number>;
}

export interface KpiResult {
  id: KpiId;
  article: Article;
  target: number;
  actual: number;
  met: boolean;
}

export const FINDING_IDS = [
  'forbidden_item',
  'item_not_in_category',
  'consulting_to_host_staff',
  'labour_to_fiscal_personnel',
  'after_deadline',
  'budget_overrun',
  'rate_above_standard',
  'unexecuted_funds',
  'evidence_missing',
  'invalid_uscc',
  'outside_period',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export interface Finding {
  id: FindingId;
  article: Article | null;
  severity: 'block' | 'warn';
  ref: string;
}

/** Severity and article of each finding (docs/ledger-format.md, findings table and clarifications). */
export const FINDING_RULES: Record<FindingId, { severity: 'block' | 'warn'; article: Article | null }> = {
  forbidden_item: { severity: 'block', article: '第十七条' },
  item_not_in_category: { severity: 'block', article: '第十六条' },
  consulting_to_host_staff: { severity: 'block', article: '第十六条' },
  labour_to_fiscal_personnel: { severity: 'block', article: '第十六条' },
  after_deadline: { severity: 'block', article: '第十五条' },
  budget_overrun: { severity: 'block', article: '第十条' },
  rate_above_standard: { severity: 'warn', article: '第十条' },
  unexecuted_funds: { severity: 'warn', article: '第十五条' },
  evidence_missing: { severity: 'warn', article: '第十三条' },
  invalid_uscc: { severity: 'warn', article: null },
  outside_period: { severity: 'warn', article: null },
};

export function finding(id: FindingId, ref: string): Finding {
  const rule = FINDING_RULES[id];
  return { id, article: rule.article, severity: rule.severity, ref };
}

export interface StationRef {
  type: StationType;
  district: string | null;
}

export interface FundsSummary {
  granted: string;
  spentGrant: string;
  spentMatching: string;
  executionRate: number;
  byCategory: Record<string, string>;
}

export interface Evaluation {
  format: 'qianqi-evaluation/1';
  station: StationRef;
  kpis: KpiResult[];
  findings: Finding[];
  funds?: FundsSummary;
}
