// Ranking of suggestions for a demand (第七条 对接需求与专家、成果; 第八条 产学研成果对接; issue #15, decision 026).
// The text score is BM25 over the program year's pool, summed in SQL; this pure part turns it and the other signals
// into one score and the reasons a station officer reads.

/** BM25's usual constants: term-frequency saturation and length normalisation. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** BM25's inverse document frequency (never negative). */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * How much each signal weighs, against the text's share of the best text score. Text dominates: the same industry
 * or district alone never lifts an unrelated record over one whose description matches.
 */
export const MATCH_WEIGHTS = {
  text: 0.7,
  industry: 0.15,
  district: 0.05,
  dockings: 0.05,
  ownStation: 0.05,
  /** below this share of the best text score a candidate is not suggested */
  minTextShare: 0.2,
} as const;

export interface MatchCandidate {
  kind: 'expert' | 'achievement' | 'demand';
  id: string;
  /** BM25 text score */
  text: number;
  /** the shared terms, most telling first */
  shared: readonly string[];
  industry: string | null;
  districtCode: string | null;
  stationId: string;
  stationName: string;
  /** demands already matched with this record (any station) */
  dockings: number;
}

export interface MatchSubject {
  industry: string | null;
  districtCode: string | null;
  stationId: string;
}

export interface RankOptions {
  limit: number;
  industryLabel: (code: string) => string;
  districtLabel: (code: string) => string;
}

export interface RankedMatch<C extends MatchCandidate> {
  candidate: C;
  /** 0–100 */
  score: number;
  reasons: string[];
}

/**
 * The shared terms as a reader takes them: search-mode segmentation yields 挥发性 and also 挥发, 发性; a term inside a
 * longer shared one says nothing more and is left out of the reason (it still counted in the score).
 */
export function readableTerms(shared: readonly string[]): string[] {
  return shared.filter((t) => !shared.some((o) => o.length > t.length && o.includes(t)));
}

/** Ranks candidates for a subject (a demand, or an expert or achievement in reverse) and explains each in Chinese. */
export function rankMatches<C extends MatchCandidate>(
  subject: MatchSubject,
  candidates: readonly C[],
  opts: RankOptions,
): RankedMatch<C>[] {
  const best = Math.max(0, ...candidates.map((c) => c.text));
  if (best <= 0) return [];
  const w = MATCH_WEIGHTS;
  const out: RankedMatch<C>[] = [];
  for (const c of candidates) {
    const share = c.text / best;
    if (share < w.minTextShare) continue;
    const sameIndustry = !!subject.industry && subject.industry === c.industry;
    const sameDistrict = !!subject.districtCode && subject.districtCode === c.districtCode;
    const own = c.stationId === subject.stationId;
    const raw =
      w.text * share +
      (sameIndustry ? w.industry : 0) +
      (sameDistrict ? w.district : 0) +
      w.dockings * (Math.min(c.dockings, 3) / 3) +
      (own ? w.ownStation : 0);
    const reasons = [`共有关键词：${readableTerms(c.shared).slice(0, 5).join('、')}`];
    if (sameIndustry) reasons.push(`同属行业：${opts.industryLabel(c.industry!)}`);
    if (sameDistrict) reasons.push(`同在${opts.districtLabel(c.districtCode!)}`);
    if (c.dockings > 0) reasons.push(`已对接过 ${c.dockings} 项需求`);
    reasons.push(own ? '本站点登记' : `来自${c.stationName}`);
    out.push({ candidate: c, score: Math.round(raw * 100), reasons });
  }
  // Ties keep a stable order (by id) so that the list does not shuffle between two looks.
  out.sort(
    (a, b) => b.score - a.score || b.candidate.text - a.candidate.text || (a.candidate.id < b.candidate.id ? -1 : 1),
  );
  return out.slice(0, opts.limit);
}
