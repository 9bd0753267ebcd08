import { EVENT_EVIDENCE_KINDS, REPORT_KINDS, type ReportKind } from '../ledger/codes';
import type { Ledger } from '../ledger/schema';
import { isValidUscc, normalizeUscc } from '../uscc';
import { wordCount } from '../word-count';
import { type Finding, finding, type KpiCounts } from './types';

export interface Period {
  start: string;
  end: string;
}

/** docs/ledger-format.md: the period is inclusive at both ends; ISO dates compare as strings. */
export function inPeriod(date: string, p: Period): boolean {
  return date >= p.start && date <= p.end;
}

/** A cooperation counts only with concrete content (第七条: 具体合作内容). */
export function hasContent(s: string | null | undefined): boolean {
  return !!s && s.trim().length > 0;
}

export const SRDI_COUNTED = ['municipal', 'national'] as const;

/**
 * Why an enterprise contact does or does not count towards `enterprises_contacted` (docs/ledger-format.md). The drill-down
 * shows this reason beside each record, so the rule lives in one place.
 */
export type ContactReason = 'counted' | 'outside_period' | 'invalid_uscc' | 'not_listed' | 'other_district';

export function contactReason(
  c: { uscc: string; date: string },
  station: { type: string; district: string | null; period: Period },
  listedDistrict: string | undefined,
): ContactReason {
  if (!isValidUscc(c.uscc)) return 'invalid_uscc';
  if (!inPeriod(c.date, station.period)) return 'outside_period';
  if (station.type === 'iur') return 'counted';
  if (listedDistrict === undefined) return 'not_listed';
  return listedDistrict === station.district ? 'counted' : 'other_district';
}

export function emptyCounts(): KpiCounts {
  return {
    events: 0,
    pressReleases: 0,
    pressReleasesWebsite: 0,
    cooperations: 0,
    enterprisesContacted: 0,
    enterprisesWithAssociation: 0,
    keyEnterprises: 0,
    keyEnterprisesSrdi: 0,
    landedOutcomes: 0,
    demands: 0,
    expertPersonTimes: 0,
    achievements: 0,
    reportWords: Object.fromEntries(REPORT_KINDS.map((k) => [k, 0])) as Record<ReportKind, number>,
  };
}

/** Counts and record findings (`evidence_missing`, `invalid_uscc`, `outside_period`) of a ledger. */
export function countLedger(ledger: Ledger): { counts: KpiCounts; findings: Finding[] } {
  const st = ledger.station;
  const p = st.period;
  const c = emptyCounts();
  const findings: Finding[] = [];

  // Two entries with the same code are one enterprise: the first wins (docs/ledger-format.md).
  const listed = new Map<string, Ledger['enterprises'][number]>();
  const invalidListed = new Set<string>();
  for (const e of ledger.enterprises) {
    const code = normalizeUscc(e.uscc);
    if (!isValidUscc(code)) {
      if (!invalidListed.has(code)) findings.push(finding('invalid_uscc', `enterprises[${code}]`));
      invalidListed.add(code);
      continue;
    }
    if (!listed.has(code)) listed.set(code, e);
  }

  const contacted = new Set<string>();
  ledger.contacts.forEach((ct, i) => {
    const code = normalizeUscc(ct.uscc);
    if (!isValidUscc(code)) findings.push(finding('invalid_uscc', `contacts[${i}]`));
    if (!inPeriod(ct.date, p)) findings.push(finding('outside_period', `contacts[${i}]`));
    const reason = contactReason({ uscc: code, date: ct.date }, st, listed.get(code)?.district);
    if (reason === 'counted') contacted.add(code);
  });
  c.enterprisesContacted = contacted.size;
  for (const code of contacted) {
    const e = listed.get(code);
    if (!e) continue; // an IUR station counts unlisted enterprises, which have no flags
    if (e.hasAssociation) c.enterprisesWithAssociation++;
    if (e.keyServed) {
      c.keyEnterprises++;
      if ((SRDI_COUNTED as readonly string[]).includes(e.srdi)) c.keyEnterprisesSrdi++;
    }
  }

  for (const d of ledger.demands) {
    const valid = isValidUscc(d.uscc);
    if (!valid) findings.push(finding('invalid_uscc', `demands[${d.id}]`));
    const inside = inPeriod(d.collectedOn, p);
    if (!inside) findings.push(finding('outside_period', `demands[${d.id}]`));
    if (valid && inside) c.demands++;
  }

  const registered = new Set(ledger.experts.map((e) => e.id));
  for (const ev of ledger.events) {
    if (!inPeriod(ev.date, p)) {
      findings.push(finding('outside_period', `events[${ev.id}]`));
      continue;
    }
    c.events++;
    c.expertPersonTimes += new Set(ev.experts.filter((x) => registered.has(x))).size;
    if (!ev.evidence.some((k) => EVENT_EVIDENCE_KINDS.includes(k))) {
      findings.push(finding('evidence_missing', `events[${ev.id}]`));
    }
  }

  ledger.pressReleases.forEach((pr, i) => {
    if (!inPeriod(pr.date, p)) {
      findings.push(finding('outside_period', `pressReleases[${i}]`));
      return;
    }
    c.pressReleases++;
    if (pr.channel === 'association_website') c.pressReleasesWebsite++;
  });
  ledger.cooperations.forEach((co, i) => {
    if (!inPeriod(co.date, p)) {
      findings.push(finding('outside_period', `cooperations[${i}]`));
      return;
    }
    if (hasContent(co.content)) c.cooperations++;
  });
  ledger.outcomes.forEach((o, i) => {
    if (!inPeriod(o.date, p)) {
      findings.push(finding('outside_period', `outcomes[${i}]`));
      return;
    }
    c.landedOutcomes++;
  });
  ledger.achievements.forEach((a, i) => {
    if (!inPeriod(a.collectedOn, p)) {
      findings.push(finding('outside_period', `achievements[${i}]`));
      return;
    }
    if (a.promoted) c.achievements++;
  });
  for (const r of ledger.reports) {
    c.reportWords[r.kind] = Math.max(c.reportWords[r.kind], wordCount(r.text));
  }
  return { counts: c, findings };
}
