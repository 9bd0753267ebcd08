import { uuidv7 } from 'uuidv7';
import { decide } from '../../../domain/lifecycle/machine';
import {
  findingMachine,
  groundLabel,
  INSPECTION_ARTICLE,
  inspectionMachine,
  VIOLATION_ARTICLE,
} from '../../../domain/supervision/supervision';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { FINDING_KIND_LABELS } from '../../../shared/labels';
import type {
  FindingFields,
  FindingOverviewDto,
  InspectionDto,
  StationSupervisionDto,
} from '../../../shared/schemas/supervision';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { type Page, paginate } from '../../core/paging';
import { requireStation } from '../../core/stations';
import type { Tx } from '../../db/database';
import { lockedRow } from '../../db/locks';
import type { InspectionFindingTable } from '../../db/schema';
import {
  type FindingOverviewFilter,
  findingOverviewDtos,
  findingOverviewQuery,
  orderFindingOverview,
} from './findings.queries';
import { getInspection, lockedInspection } from './inspections.service';
import { ordersWhere } from './recoveries.service';
import { CHANGED, findingsWhere, step, today } from './supervision.common';

// Findings of an inspection: the Center records them, the host answers a rectification, the Center closes or reopens.

export async function addFinding(ctx: Ctx, inspectionId: string, input: FindingFields): Promise<InspectionDto> {
  const issues = [];
  if (input.kind === 'rectification' && !input.dueOn) issues.push({ path: 'dueOn', message: '整改要求须写明整改期限' });
  if (input.dueOn && input.dueOn < today(ctx)) issues.push({ path: 'dueOn', message: '整改期限不能早于今天' });
  if (input.kind === 'violation' && !input.ground)
    issues.push({ path: 'ground', message: `违规问题须写明属于${VIOLATION_ARTICLE}的哪一种情形` });
  if (issues.length) throw invalid(issues);
  await writeTx(ctx, async (tx, audit) => {
    const insp = await lockedInspection(ctx, tx, inspectionId);
    const d = decide({
      machine: inspectionMachine,
      from: insp.status as 'planned',
      action: 'add_finding',
      role: ctx.actor!.role,
      facts: {
        hasSummary: false,
      },
    });
    if (!d.ok) throw conflict(d.reason);
    const target = await tx
      .selectFrom('inspection_targets as t')
      .innerJoin('stations as s', 's.id', 't.station_id')
      .select(['s.name'])
      .where('t.inspection_id', '=', inspectionId)
      .where('t.station_id', '=', input.stationId)
      .executeTakeFirst();
    if (!target) throw invalid([{ path: 'stationId', message: '该站点不在本次检查范围内' }]);
    if (input.expenseId) {
      const x = await tx
        .selectFrom('expenses')
        .select('id')
        .where('id', '=', input.expenseId)
        .where('station_id', '=', input.stationId)
        .executeTakeFirst();
      if (!x) throw invalid([{ path: 'expenseId', message: '所选支出不属于该站点' }]);
    }
    const now = ctx.clock.now().toISOString();
    const row: InspectionFindingTable = {
      id: uuidv7(),
      inspection_id: inspectionId,
      station_id: input.stationId,
      kind: input.kind,
      ground: input.kind === 'violation' ? (input.ground ?? null) : null,
      description: input.description,
      due_on: input.dueOn ?? null,
      expense_id: input.expenseId ?? null,
      status: 'open',
      response: null,
      responded_at: null,
      closing_note: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('inspection_findings').values(row).execute();
    await audit.record({
      entity: 'inspection',
      entityId: inspectionId,
      action: 'add_finding',
      summary: `“${insp.title}”登记${FINDING_KIND_LABELS[input.kind]}（${target.name}）：${input.description}${row.ground ? `（${groundLabel(row.ground)}）` : `（整改期限 ${row.due_on}，${INSPECTION_ARTICLE}）`}`,
      after: { ...row },
    });
  });
  return getInspection(ctx, inspectionId);
}

interface LockedFindingOptions {
  id: string;
  version: number;
  /** the station the finding must belong to, when the caller acts for one */
  stationId?: string;
}

/** The finding, row-locked on PostgreSQL so that two decisions on one version cannot both pass the check. */
async function lockedFinding(ctx: Ctx, tx: Tx, { id, version, stationId }: LockedFindingOptions) {
  const f = await lockedRow(ctx, tx, { table: 'inspection_findings', id });
  // A finding of another station is as missing as one that does not exist (before any version check).
  if (!f || (stationId && f.station_id !== stationId)) throw notFound('检查发现');
  if (f.version !== version) throw conflict(CHANGED.inspection_findings);
  return f;
}

export interface RespondFindingOptions {
  stationId: string;
  findingId: string;
  input: { version: number; response: string };
}

export async function respondFinding(
  ctx: Ctx,
  { stationId, findingId, input }: RespondFindingOptions,
): Promise<StationSupervisionDto> {
  const station = await requireStation(ctx, stationId);
  await writeTx(ctx, async (tx, audit) => {
    const f = await lockedFinding(ctx, tx, { id: findingId, version: input.version, stationId });
    const response = input.response.trim();
    await step(ctx, tx, {
      audit,
      target: { table: 'inspection_findings', entity: 'inspection_finding', row: f },
      machine: findingMachine,
      action: 'respond',
      facts: { hasText: response.length >= 2 },
      set: { response, responded_at: ctx.clock.now().toISOString() },
      auditEntry: (article) => ({ summary: `“${station.name}”反馈整改情况（${article}）：${response}` }),
    });
  });
  return stationSupervision(ctx, stationId);
}

export interface DecideFindingOptions {
  findingId: string;
  action: 'close' | 'reopen';
  input: { version: number; note: string };
}

export async function decideFinding(
  ctx: Ctx,
  { findingId, action, input }: DecideFindingOptions,
): Promise<InspectionDto> {
  let inspectionId = '';
  await writeTx(ctx, async (tx, audit) => {
    const f = await lockedFinding(ctx, tx, { id: findingId, version: input.version });
    inspectionId = f.inspection_id;
    const note = input.note.trim();
    // The Center's word on the host's rectification: the closing note, or why it was sent back.
    const closing = action === 'reopen' ? `退回重新整改：${note}` : note;
    await step(ctx, tx, {
      audit,
      target: { table: 'inspection_findings', entity: 'inspection_finding', row: f },
      machine: findingMachine,
      action,
      facts: { hasText: note.length >= 2 },
      set: { closing_note: closing },
      auditEntry: (article) => ({
        summary: `${findingMachine.actionLabels[action]}检查发现“${f.description}”（${article}）：${note}`,
      }),
    });
  });
  return getInspection(ctx, inspectionId);
}

/** A station's findings and recovery orders, for its host, district, auditor and the Center (station scope). */
export async function stationSupervision(ctx: Ctx, stationId: string): Promise<StationSupervisionDto> {
  await requireStation(ctx, stationId);
  return {
    findings: await findingsWhere(ctx, 'f.station_id', stationId),
    orders: await ordersWhere(ctx, { stationId }),
    article: `${INSPECTION_ARTICLE}、${VIOLATION_ARTICLE}`,
  };
}

/** 问题清单: findings across inspections in the reader's data scope, paged in SQL (第十九条, violations 第十八条). */
export async function listFindings(
  ctx: Ctx,
  f: FindingOverviewFilter,
  page: { page: number; pageSize: number },
): Promise<Page<FindingOverviewDto>> {
  const p = await paginate(findingOverviewQuery(ctx, f), { ...page, map: (r) => r, orderBy: orderFindingOverview });
  return { ...p, items: await findingOverviewDtos(ctx, p.items) };
}
