import { containsCi } from '../../core/paging';
import type { Database } from '../../db/database';

/** Inspections with how many stations they cover and how many findings they have, filtered for the Center's list. */
export function inspectionSummaries(db: Database, f: { year?: number; status?: string; q?: string }) {
  let qb = db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select((eb) => [
      eb
        .selectFrom('inspection_targets as t')
        .select((e) => e.fn.count<number>('t.station_id').distinct().as('n'))
        .whereRef('t.inspection_id', '=', 'i.id')
        .as('station_count'),
      eb
        .selectFrom('inspection_findings as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.inspection_id', '=', 'i.id')
        .as('finding_count'),
    ]);
  if (f.year) qb = qb.where('i.program_year', '=', f.year);
  if (f.status) qb = qb.where('i.status', '=', f.status);
  if (f.q) qb = qb.where(containsCi('i.title', f.q));
  return qb;
}
