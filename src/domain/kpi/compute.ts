import type { KpiId, KpiPolicy, Policy, StationType } from '../policy/types';
import type { KpiCounts, KpiResult } from './types';

/**
 * `actual` of each KPI from the counts. Shares and presence are derived here so that every caller (ledger, database,
 * forecast) agrees on rounding: docs/ledger-format.md rounds a share to 3 decimals but judges `met` on the exact fraction.
 */
function actualOf(id: KpiId, c: KpiCounts): { actual: number; fraction?: [number, number] } {
  switch (id) {
    case 'events':
      return { actual: c.events };
    case 'press_releases':
      return { actual: c.pressReleases };
    case 'press_releases_website':
      return { actual: c.pressReleasesWebsite };
    case 'cooperations':
      return { actual: c.cooperations };
    case 'enterprises_contacted':
      return { actual: c.enterprisesContacted };
    case 'association_share': {
      const n = c.enterprisesWithAssociation;
      const d = c.enterprisesContacted;
      return { actual: d === 0 ? 0 : roundHalfUp(n, d, 3), fraction: [n, d] };
    }
    case 'key_enterprises':
      return { actual: c.keyEnterprises };
    case 'key_enterprises_srdi':
      return { actual: c.keyEnterprisesSrdi };
    case 'landed_outcomes':
      return { actual: c.landedOutcomes };
    case 'demands':
      return { actual: c.demands };
    case 'expert_person_times':
      return { actual: c.expertPersonTimes };
    case 'achievements':
      return { actual: c.achievements };
    case 'report_summary':
      return { actual: c.reportWords.summary >= 1 ? 1 : 0 };
    case 'report_final_accounts':
      return { actual: c.reportWords.final_accounts >= 1 ? 1 : 0 };
    case 'report_demand_analysis':
      return { actual: c.reportWords.demand_analysis };
    case 'report_expert_service_mode':
      return { actual: c.reportWords.expert_service_mode };
    case 'report_regional_development':
      return { actual: c.reportWords.regional_development };
    case 'report_iur_mode':
      return { actual: c.reportWords.iur_mode };
  }
}

/** n/d rounded half up to `places` decimals, in integers (no binary-float drift at the tie). */
export function roundHalfUp(n: number, d: number, places: number): number {
  if (d === 0) return 0;
  const scale = 10 ** places;
  return Math.floor((2 * n * scale + d) / (2 * d)) / scale;
}

/** Whether n/d ≥ target exactly, reading the target through its shortest decimal form (0.4 is 4/10). */
export function fractionAtLeast(n: number, d: number, target: number): boolean {
  if (d === 0) return 0 >= target;
  const [int, frac = ''] = String(target).split('.');
  if (String(target).includes('e')) return n / d >= target;
  const scale = 10n ** BigInt(frac.length);
  const t = BigInt(int + frac);
  return BigInt(n) * scale >= t * BigInt(d);
}

export function computeKpi(k: KpiPolicy, counts: KpiCounts): KpiResult {
  const { actual, fraction } = actualOf(k.id, counts);
  const met = fraction ? fractionAtLeast(fraction[0], fraction[1], k.target) : actual >= k.target;
  return { id: k.id, article: k.article, target: k.target, actual, met };
}

/** Exactly the KPIs of the station's type (docs/ledger-format.md), with the targets and articles of its program year. */
export function computeKpis(policy: Policy, type: StationType, counts: KpiCounts): KpiResult[] {
  return policy.kpis[type].map((k) => computeKpi(k, counts));
}
