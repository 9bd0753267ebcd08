import { sql } from 'kysely';
import {
  type FindingState,
  findingMachine,
  groundLabel,
  INSPECTION_ARTICLE,
  VIOLATION_ARTICLE,
  type ViolationGround,
} from '../../../domain/supervision/supervision';
import { FINDING_KIND_LABELS } from '../../../shared/labels';
import type { FindingKind, FindingOverviewDto } from '../../../shared/schemas/supervision';
import type { Ctx } from '../../context';
import { containsCi } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { stationScope } from '../../scope';
import { isFindingOverdue, today } from './supervision.common';

// 问题清单: the findings of every inspection in the reader's data scope (a district its district's, a host its own
// stations'), filtered and paged in SQL. Its overdue filter is isFindingOverdue written in SQL: the two must agree.

export interface FindingOverviewFilter {
  year?: number;
  status?: FindingState;
  kind?: FindingKind;
  /** true: only the overdue; false: only those that are not */
  overdue?: boolean;
  districtCode?: string;
  q?: string;
}

export function findingOverviewQuery(ctx: Ctx, f: FindingOverviewFilter) {
  const on = today(ctx);
  let qb = ctx.db
    .selectFrom('inspection_findings as f')
    .innerJoin('stations', 'stations.id', 'f.station_id')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .selectAll('f')
    .select([
      'stations.name as station_name',
      'stations.district_code',
      'stations.program_year',
      'i.title as inspection_title',
    ])
    .where(stationScope(ctx.actor!, on) as never);
  if (f.year) qb = qb.where('stations.program_year', '=', f.year);
  if (f.status) qb = qb.where('f.status', '=', f.status);
  if (f.kind) qb = qb.where('f.kind', '=', f.kind);
  // 第十九条: past its due date and not closed; without a due date never overdue (NULL < x is not true).
  if (f.overdue === true) qb = qb.where((eb) => eb.and([eb('f.status', '!=', 'closed'), eb('f.due_on', '<', on)]));
  if (f.overdue === false)
    qb = qb.where((eb) => eb.or([eb('f.status', '=', 'closed'), eb('f.due_on', 'is', null), eb('f.due_on', '>=', on)]));
  if (f.districtCode) qb = qb.where('stations.district_code', '=', f.districtCode);
  if (f.q) {
    const q = f.q;
    qb = qb.where((eb) => eb.or([containsCi('stations.name', q), containsCi('f.description', q)]));
  }
  return qb;
}

type FindingOverviewQuery = ReturnType<typeof findingOverviewQuery>;
export type FindingOverviewRow = Awaited<ReturnType<FindingOverviewQuery['execute']>>[number];

/**
 * What needs the Center's attention first: the findings not closed, earliest due date first (those without one after
 * them), then the newest. Written with CASE so that SQLite and PostgreSQL order NULLs alike.
 */
export function orderFindingOverview(qb: FindingOverviewQuery): FindingOverviewQuery {
  return qb
    .orderBy(sql`case when f.status = 'closed' then 1 else 0 end`)
    .orderBy(sql`case when f.due_on is null then 1 else 0 end`)
    .orderBy('f.due_on')
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id');
}

/** District names come from each year's policy (one small read per distinct year among the rows). */
export async function findingOverviewDtos(ctx: Ctx, rows: FindingOverviewRow[]): Promise<FindingOverviewDto[]> {
  const names = new Map<string, string>();
  for (const year of new Set(rows.map((r) => r.program_year))) {
    const policy = await loadPolicy(ctx.db, year);
    for (const d of policy.districts) names.set(`${year}:${d.code}`, d.name);
  }
  const on = today(ctx);
  return rows.map((r) => ({
    id: r.id,
    inspectionId: r.inspection_id,
    inspectionTitle: r.inspection_title,
    programYear: r.program_year,
    stationId: r.station_id,
    stationName: r.station_name,
    districtCode: r.district_code,
    districtName: r.district_code ? (names.get(`${r.program_year}:${r.district_code}`) ?? null) : null,
    kind: r.kind as FindingKind,
    kindLabel: FINDING_KIND_LABELS[r.kind as FindingKind] ?? r.kind,
    ground: r.ground as ViolationGround | null,
    groundLabel: groundLabel(r.ground),
    // A violation is one of the grounds of 第十八条; a rectification request follows an inspection (第十九条).
    article: r.kind === 'violation' ? VIOLATION_ARTICLE : INSPECTION_ARTICLE,
    description: r.description,
    dueOn: r.due_on,
    overdue: isFindingOverdue(r, on),
    status: r.status as FindingState,
    statusLabel: findingMachine.stateLabels[r.status as FindingState] ?? r.status,
    version: r.version,
  }));
}
