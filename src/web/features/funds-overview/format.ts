// How execution figures read on screen (第十五条): bars, the lag warning and shares, pure and unit-tested (money and
// percentages themselves are lib/money.ts and lib/format.ts).

/** 0–100 for a Progress bar, capped (an over-spent station shows a full bar, its text says more). */
export function progressValue(v: number): number {
  return Math.max(0, Math.min(100, Math.round(v * 1000) / 10));
}

/** Execution lagging the time passed by more than a quarter: the same rule as a station's hint (domain `execution`). */
export function isBehind(executionRate: number, timeElapsed: number): boolean {
  return executionRate + 0.25 < timeElapsed;
}

/** Each category's share of the grant spent, 4 decimals; 0 when nothing is spent. */
export function categoryShares<T extends { spentFen: number }>(rows: T[]): Array<T & { share: number }> {
  const total = rows.reduce((s, r) => s + r.spentFen, 0);
  return rows.map((r) => ({ ...r, share: total > 0 ? Math.round((r.spentFen / total) * 10_000) / 10_000 : 0 }));
}
