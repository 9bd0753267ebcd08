import { type RawBuilder, sql } from 'kysely';
import { isPeriodRecordKind, reportMinimums } from '../../../domain/gaps/gaps';
import type { EvidenceKind, ReportKind } from '../../../domain/ledger/codes';
import { invalid } from '../../../shared/errors';
import type { RecordKind } from '../../../shared/schemas/ledger-records';
import { datedOutside, lacksEvidence, PERIOD_TABLES, shortReport } from '../../core/gap-filters';
import { loadPolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import type { StationTable } from '../../db/schema';

// The list filters behind the links of 待补事项: the same SQL conditions the gaps feature counts with
// (core/gap-filters.ts), on the list's `r` row, so a gap's count is its list's total.

export interface GapListFilter {
  missingEvidence?: EvidenceKind;
  outsidePeriod?: 'true' | 'false';
  belowMinWords?: 'true' | ReportKind;
}

export interface GapConditionsOptions {
  kind: RecordKind;
  station: StationTable;
  filter: GapListFilter;
}

/** The `where` conditions of the filter; a filter that does not apply to the kind is refused with its field. */
export async function gapConditions(
  db: Database | Tx,
  { kind, station, filter: f }: GapConditionsOptions,
): Promise<RawBuilder<boolean>[]> {
  const out: RawBuilder<boolean>[] = [];
  if (f.missingEvidence) {
    if (kind !== 'events') throw invalid([{ path: 'missingEvidence', message: '只有活动可以按缺少的佐证材料筛选' }]);
    out.push(lacksEvidence('r.id', f.missingEvidence));
  }
  if (f.outsidePeriod === 'true') {
    if (!isPeriodRecordKind(kind)) {
      throw invalid([{ path: 'outsidePeriod', message: '该类记录不按项目期计入考核，不能按“项目期外”筛选' }]);
    }
    const { date } = PERIOD_TABLES[kind];
    out.push(datedOutside({ date: `r.${date}`, start: sql`${station.period_start}`, end: sql`${station.period_end}` }));
  }
  if (f.belowMinWords) {
    if (kind !== 'reports') throw invalid([{ path: 'belowMinWords', message: '只有报告可以按字数不足筛选' }]);
    const all = reportMinimums(await loadPolicy(db, station.program_year), station.type);
    const minimums = f.belowMinWords === 'true' ? all : all.filter((m) => m.kind === f.belowMinWords);
    out.push(shortReport({ alias: 'r', minimums }));
  }
  return out;
}
