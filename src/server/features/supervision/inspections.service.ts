import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import {
  INSPECTION_ARTICLE,
  INSPECTION_STATES,
  type InspectionState,
  inspectionMachine,
  sample,
} from '../../../domain/supervision/supervision';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { INSPECTION_KIND_LABELS } from '../../../shared/labels';
import type {
  InspectionDto,
  InspectionFields,
  InspectionKind,
  InspectionSummaryDto,
} from '../../../shared/schemas/supervision';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { type Page, paginate, sortedBy, workflowRank } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import type { Tx } from '../../db/database';
import { lockedRow } from '../../db/locks';
import type { InspectionTable } from '../../db/schema';
import { inspectionSummaries } from './inspections.queries';
import { ordersWhere } from './recoveries.service';
import { CHANGED, findingsWhere, step, today } from './supervision.common';

// Inspections (第十九条): planned on chosen or randomly sampled stations (and expenses), then completed with a summary.

const SORT_COLUMNS = {
  title: 'i.title',
  plannedOn: 'i.planned_on',
  // the counts are the summary's selected subqueries, sorted by their names
  stationCount: 'station_count',
  findingCount: 'finding_count',
  status: workflowRank('i.status', INSPECTION_STATES),
};

export async function listInspections(
  ctx: Ctx,
  f: { year?: number; status?: string; q?: string; sort?: string },
  page: { page: number; pageSize: number },
): Promise<Page<InspectionSummaryDto>> {
  return paginate(inspectionSummaries(ctx.db, f), {
    ...page,
    map: (r) => summaryDto(r as InspectionTable & { station_count: number; finding_count: number }),
    orderBy: (q) =>
      sortedBy(q, { sort: f.sort, columns: SORT_COLUMNS }).orderBy('i.planned_on', 'desc').orderBy('i.id', 'desc'),
  });
}

function summaryDto(r: InspectionTable & { station_count: number; finding_count: number }): InspectionSummaryDto {
  return {
    id: r.id,
    programYear: r.program_year,
    title: r.title,
    kind: r.kind as InspectionKind,
    kindLabel: INSPECTION_KIND_LABELS[r.kind as InspectionKind] ?? r.kind,
    plannedOn: r.planned_on,
    status: r.status as InspectionState,
    statusLabel: inspectionMachine.stateLabels[r.status as InspectionState] ?? r.status,
    sampleNote: r.sample_note,
    stationCount: Number(r.station_count ?? 0),
    findingCount: Number(r.finding_count ?? 0),
    version: r.version,
  };
}

export async function createInspection(ctx: Ctx, input: InspectionFields): Promise<InspectionDto> {
  await loadPolicy(ctx.db, input.programYear).catch(() => {
    throw invalid([{ path: 'programYear', message: `${input.programYear} 年度不存在` }]);
  });
  const yearStations = await ctx.db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('program_year', '=', input.programYear)
    .orderBy('id')
    .execute();
  let chosen: typeof yearStations;
  const notes: string[] = [];
  if (input.stationIds.length && input.sampleStations)
    throw invalid([{ path: 'sampleStations', message: '已选择检查站点时不能再随机抽取站点，请二选一' }]);
  if (input.stationIds.length) {
    chosen = yearStations.filter((s) => input.stationIds.includes(s.id));
    if (chosen.length !== new Set(input.stationIds).size)
      throw invalid([{ path: 'stationIds', message: `所选站点不属于 ${input.programYear} 年度` }]);
  } else {
    const n = input.sampleStations ?? 0;
    if (n < 1) throw invalid([{ path: 'stationIds', message: '请选择检查的站点，或填写随机抽取的站点数' }]);
    chosen = sample(yearStations, n, randomInt);
    notes.push(`从 ${yearStations.length} 个站点中随机抽取 ${chosen.length} 个`);
  }
  const perStation = input.sampleExpenses ?? 0;
  if (perStation > 0) notes.push(`每个站点随机抽取至多 ${perStation} 笔支出`);
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const now = ctx.clock.now().toISOString();
    const row: InspectionTable = {
      id,
      program_year: input.programYear,
      title: input.title,
      kind: input.kind,
      planned_on: input.plannedOn,
      status: 'planned',
      sample_note: notes.length ? notes.join('；') : null,
      summary: null,
      completed_on: null,
      created_at: now,
      created_by: ctx.actor?.userId ?? null,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('inspections').values(row).execute();
    for (const s of chosen) {
      await tx
        .insertInto('inspection_targets')
        .values({ id: uuidv7(), inspection_id: id, station_id: s.id, expense_id: null })
        .execute();
      if (perStation > 0) {
        const xs = await tx.selectFrom('expenses').select('id').where('station_id', '=', s.id).orderBy('id').execute();
        for (const x of sample(xs, perStation, randomInt)) {
          await tx
            .insertInto('inspection_targets')
            .values({ id: uuidv7(), inspection_id: id, station_id: s.id, expense_id: x.id })
            .execute();
        }
      }
    }
    await audit.record({
      entity: 'inspection',
      entityId: id,
      action: 'create',
      summary: `安排${INSPECTION_KIND_LABELS[input.kind]}“${input.title}”（${input.plannedOn}，${chosen.length} 个站点${notes.length ? `，${notes.join('；')}` : ''}，${INSPECTION_ARTICLE}）`,
      after: { ...row, stations: chosen.map((s) => s.name) },
    });
  });
  return getInspection(ctx, id);
}

async function requireInspection(db: Ctx['db'] | Tx, id: string): Promise<InspectionTable> {
  const row = await db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('检查');
  return row;
}

/** The inspection, row-locked on PostgreSQL for a check-then-write. */
export async function lockedInspection(ctx: Ctx, tx: Tx, id: string): Promise<InspectionTable> {
  const row = await lockedRow(ctx, tx, { table: 'inspections', id });
  if (!row) throw notFound('检查');
  return row;
}

export async function getInspection(ctx: Ctx, id: string): Promise<InspectionDto> {
  const row = await requireInspection(ctx.db, id);
  const targets = await ctx.db
    .selectFrom('inspection_targets as t')
    .innerJoin('stations as s', 's.id', 't.station_id')
    .leftJoin('expenses as x', 'x.id', 't.expense_id')
    .select(['t.station_id', 's.name', 't.expense_id', 'x.ref', 'x.date', 'x.amount_fen', 'x.payee_name', 'x.purpose'])
    .where('t.inspection_id', '=', id)
    .orderBy('s.type')
    .orderBy('s.district_code')
    .orderBy('t.id')
    .execute();
  const byStation = new Map<string, InspectionDto['targets'][number]>();
  for (const t of targets) {
    const s = byStation.get(t.station_id) ?? { stationId: t.station_id, stationName: t.name, expenses: [] };
    if (t.expense_id && t.ref)
      s.expenses.push({
        id: t.expense_id,
        ref: t.ref,
        date: t.date ?? '',
        amountFen: Number(t.amount_fen ?? 0),
        payee: t.payee_name ?? '',
        purpose: t.purpose,
      });
    byStation.set(t.station_id, s);
  }
  const findings = await findingsWhere(ctx, 'f.inspection_id', id);
  return {
    ...summaryDto({ ...row, station_count: byStation.size, finding_count: findings.length }),
    summary: row.summary,
    completedOn: row.completed_on,
    targets: [...byStation.values()],
    findings,
    orders: await ordersWhere(ctx, { inspectionId: id }),
  };
}

export async function completeInspection(
  ctx: Ctx,
  id: string,
  input: { version: number; summary: string },
): Promise<InspectionDto> {
  await writeTx(ctx, async (tx, audit) => {
    const insp = await lockedInspection(ctx, tx, id);
    if (insp.version !== input.version) throw conflict(CHANGED.inspections);
    const summary = input.summary.trim();
    await step(ctx, tx, {
      audit,
      target: { table: 'inspections', entity: 'inspection', row: insp },
      machine: inspectionMachine,
      action: 'complete',
      facts: { hasSummary: summary.length >= 2 },
      set: { summary, completed_on: today(ctx) },
      auditEntry: (article) => ({ summary: `完成检查“${insp.title}”（${article}）：${summary}` }),
    });
  });
  return getInspection(ctx, id);
}
