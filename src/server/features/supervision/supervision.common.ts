import { decide, type Machine } from '../../../domain/lifecycle/machine';
import {
  type FindingState,
  findingMachine,
  groundLabel,
  type ViolationGround,
} from '../../../domain/supervision/supervision';
import { conflict } from '../../../shared/errors';
import type { AuditAction, AuditEntity } from '../../../shared/labels';
import { FINDING_KIND_LABELS } from '../../../shared/labels';
import type { FindingDto, FindingKind } from '../../../shared/schemas/supervision';
import type { AuditRecorder } from '../../audit/audit';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { DB, InspectionFindingTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';

// The Center's supervision (issue #5): inspections (第十九条) with their findings, and the recovery of funds
// (第十八条). Every step goes through a machine of src/domain/supervision, is audited in its transaction and is
// version-checked. Hosts, districts and auditors see their stations' findings and orders through the station scope.
//
// Inspections, findings and recoveries each own their service; what more than one of them needs lives here, so that
// no two of them import each other (an inspection shows its findings; a finding's decision answers its inspection).

export const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

/**
 * 第十九条: a finding is overdue from the day after its due date (Asia/Shanghai) until the Center closes it — a host's
 * answer does not stop the clock, since the Center may send it back. One rule for every page, the 问题清单 filter
 * (findings.queries.ts, the same in SQL) and the 工作概览 count of overdue findings.
 */
export function isFindingOverdue(f: { due_on: string | null; status: string }, on: string): boolean {
  return f.due_on !== null && f.status !== 'closed' && f.due_on < on;
}

// Kinds, grounds and states are text columns, written only through the input schemas' enums and the machines.
function findingDto(
  r: InspectionFindingTable & { station_name: string; expense_ref: string | null; inspection_title?: string },
  on: string,
): FindingDto {
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    ...(r.inspection_title ? { inspectionTitle: r.inspection_title } : {}),
    stationId: r.station_id,
    stationName: r.station_name,
    kind: r.kind as FindingKind,
    kindLabel: FINDING_KIND_LABELS[r.kind as FindingKind] ?? r.kind,
    ground: r.ground as ViolationGround | null,
    groundLabel: groundLabel(r.ground),
    description: r.description,
    dueOn: r.due_on,
    overdue: isFindingOverdue(r, on),
    expenseId: r.expense_id,
    expenseRef: r.expense_ref,
    status: r.status as FindingState,
    statusLabel: findingMachine.stateLabels[r.status as FindingState] ?? r.status,
    response: r.response,
    respondedAt: r.responded_at,
    closingNote: r.closing_note,
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function findingsWhere(ctx: Ctx, col: 'f.inspection_id' | 'f.station_id', value: string) {
  const rows = await ctx.db
    .selectFrom('inspection_findings as f')
    .innerJoin('stations as s', 's.id', 'f.station_id')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .leftJoin('expenses as x', 'x.id', 'f.expense_id')
    .selectAll('f')
    .select(['s.name as station_name', 'x.ref as expense_ref', 'i.title as inspection_title'])
    .where(col, '=', value)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const on = today(ctx);
  return rows.map((r) => findingDto(r, on));
}

type SupervisedTable = 'inspections' | 'inspection_findings' | 'recovery_orders';

/** The 409 of each supervision table when its row changed after the page read it. */
export const CHANGED: Record<SupervisedTable, string> = {
  inspections: '该检查已被他人修改，请刷新后重试',
  inspection_findings: '该记录已被他人修改，请刷新后重试',
  recovery_orders: '该追回经费通知已被他人修改，请刷新后重试',
};

export interface StepOptions<S extends string, A extends AuditAction, C> {
  audit: AuditRecorder;
  target: {
    table: SupervisedTable;
    entity: AuditEntity;
    row: { id: string; status: string; version: number };
  };
  machine: Machine<S, A, C>;
  action: A;
  facts: C;
  set: Record<string, unknown>;
  /** the audit entry of the step, from its article and the state it leads to */
  auditEntry: (
    article: string,
    to: S,
  ) => { summary: string; action?: AuditAction; after?: Record<string, unknown>; before?: Record<string, unknown> };
}

/**
 * One step of a machine on a locked row: decide (409 with the article when refused), write the new status and
 * version with `set`, and audit it with the state before — in the caller's transaction.
 */
export async function step<S extends string, A extends AuditAction, C>(
  ctx: Ctx,
  tx: Tx,
  { audit, target, machine, action, facts, set, auditEntry }: StepOptions<S, A, C>,
): Promise<S> {
  const d = decide({ machine, from: target.row.status as S, action, role: ctx.actor!.role, facts });
  if (!d.ok) throw conflict(d.reason);
  const now = ctx.clock.now().toISOString();
  const row = { ...set, status: d.to, updated_at: now, version: target.row.version + 1 };
  await versionedUpdate(tx, {
    table: target.table,
    before: target.row,
    set: { ...set, status: d.to } as Partial<DB[SupervisedTable]>,
    now,
    message: CHANGED[target.table],
  });
  const t = auditEntry(d.article, d.to);
  await audit.record({
    entity: target.entity,
    entityId: target.row.id,
    action: t.action ?? action,
    summary: t.summary,
    before: t.before ?? { status: target.row.status },
    after: t.after ?? row,
  });
  return d.to;
}
