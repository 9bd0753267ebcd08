// Checks of a written value shared by the ledger schema, the record forms and the lists; no zod here, so that a
// page that only checks a value does not load it.

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A link someone will click (a press release's): http(s) only, so a `javascript:`, `data:` or `file:` link cannot
 * run in, or read from, the reader's browser. The one rule for the record form and the ledger import alike.
 */
export function isWebUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}
