import { expenseFindings } from '../expenses/findings';
import { EVALUATION_FORMAT } from '../ledger/codes';
import type { Ledger } from '../ledger/schema';
import type { Policy } from '../policy/types';
import { computeKpis } from './compute';
import { countLedger } from './from-ledger';
import type { Evaluation, Finding, KpiCounts, StationRef } from './types';

export interface AssembleEvaluationOptions {
  policy: Policy;
  station: StationRef;
  counts: KpiCounts;
  findings: Finding[];
  funds?: Evaluation['funds'];
}

/** The evaluation document from counts and findings; the ledger path and the database path both end here. */
export function assembleEvaluation({
  policy,
  station,
  counts,
  findings,
  funds,
}: AssembleEvaluationOptions): Evaluation {
  const out: Evaluation = {
    format: EVALUATION_FORMAT,
    station: { type: station.type, district: station.district },
    kpis: computeKpis(policy, station.type, counts),
    findings,
  };
  if (funds) out.funds = funds;
  return out;
}

/** `qianqi evaluate`: a validated ledger, its program year's policy and the evaluation date → `qianqi-evaluation/1`. */
export function evaluateLedger(ledger: Ledger, policy: Policy, on: string): Evaluation {
  const { counts, findings } = countLedger(ledger);
  const money = expenseFindings(ledger, policy, on);
  return assembleEvaluation({
    policy,
    station: ledger.station,
    counts,
    findings: [...findings, ...money.findings],
    funds: money.funds,
  });
}
