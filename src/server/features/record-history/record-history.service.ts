import type { ExpressionBuilder } from 'kysely';
import { notFound } from '../../../shared/errors';
import { auditActionLabel } from '../../../shared/labels';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import type { RecordHistoryEntryDto, RecordHistoryPageDto } from '../../../shared/schemas/record-history';
import type { Ctx } from '../../context';
import { paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { DB } from '../../db/schema';
import { requireProject } from '../projects/projects.service';
import { changesOf, referencedIds, type Vocabulary, vocabularyOf } from './record-history.changes';

// 变更记录 (issue 14): the audit rows of one record, for those who may read the record. The audit log itself stays the
// audit administrator's (decision 018); this reads only the rows that name the record, never the hash chain or the
// address a change came from, and masks personal data in the values (record-history.changes.ts).

export interface HistoryPaging {
  page: number;
  pageSize: number;
}

type Where = (eb: ExpressionBuilder<DB & { a: DB['audit_events'] }, 'a'>) => ReturnType<typeof eb.and>;

interface Row {
  id: string;
  at: string;
  actor_name: string | null;
  actor_role: string | null;
  display_name: string | null;
  entity: string;
  action: string;
  summary: string;
  diff_json: string;
}

function toEntryDto(r: Row, vocabulary: Vocabulary): RecordHistoryEntryDto {
  // The audit trail writes the user name; the account's name is what colleagues know, while the account exists.
  const system = !r.actor_role && (r.actor_name === 'system' || !r.actor_name);
  return {
    id: r.id,
    at: r.at,
    actorName: system ? '系统' : (r.display_name ?? r.actor_name ?? '—'),
    actorRoleLabel: r.actor_role ? (ROLE_LABELS[r.actor_role as Role] ?? r.actor_role) : null,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    summary: r.summary,
    changes: changesOf({ entity: r.entity, diffJson: r.diff_json, vocabulary }),
  };
}

interface HistoryOfOptions {
  where: Where;
  paging: HistoryPaging;
  /** the record's program year, whose names (KPIs, expense categories, districts) label the codes in its values */
  programYear: number;
}

async function historyOf(ctx: Ctx, { where, paging, programYear }: HistoryOfOptions): Promise<RecordHistoryPageDto> {
  const vocabulary = vocabularyOf(await loadPolicy(ctx.db, programYear));
  const qb = ctx.db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_name',
      'a.actor_role',
      'u.display_name',
      'a.entity',
      'a.action',
      'a.summary',
      'a.diff_json',
    ])
    .where(where);
  const page = await paginate(qb, { ...paging, map: (r) => r, orderBy: (q) => q.orderBy('a.seq', 'desc') });
  // A host organisation or a payee expert is shown by name: an id tells the reader nothing.
  const records = await namesOf(ctx, [...new Set(page.items.flatMap((r) => referencedIds(r.diff_json)))]);
  return { ...page, items: page.items.map((r) => toEntryDto(r, { ...vocabulary, records })) };
}

/** The names of the organisations and experts with these ids (one query each, for the rows of one page). */
async function namesOf(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const orgs = await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  const experts = await ctx.db.selectFrom('experts').select(['id', 'name']).where('id', 'in', ids).execute();
  for (const r of [...orgs, ...experts]) names.set(r.id, r.name);
  return names;
}

export interface StationHistoryOptions extends HistoryPaging {
  stationId: string;
}

/** The station row's own events: creation, edits, agreement versions taking effect, imports, vouchers uploaded. */
export async function stationHistory(ctx: Ctx, { stationId, ...paging }: StationHistoryOptions) {
  const s = await requireStation(ctx, stationId);
  return historyOf(ctx, {
    where: (eb) => eb.and([eb('a.entity', '=', 'station'), eb('a.entity_id', '=', stationId)]),
    paging,
    programYear: s.program_year,
  });
}

export interface ProjectHistoryOptions extends HistoryPaging {
  projectId: string;
}

/**
 * The project's events (creation with agreement version 1, signing, files, each new agreement version, reports and
 * acceptance) and those of its change requests (draft, edits, paper explanation, submission, decision).
 */
export async function projectHistory(ctx: Ctx, { projectId, ...paging }: ProjectHistoryOptions) {
  const p = await requireProject(ctx, projectId);
  return historyOf(ctx, {
    where: (eb) =>
      eb.or([
        eb.and([eb('a.entity', '=', 'project'), eb('a.entity_id', '=', projectId)]),
        eb.and([
          eb('a.entity', '=', 'change_request'),
          eb('a.entity_id', 'in', eb.selectFrom('change_requests').select('id').where('project_id', '=', projectId)),
        ]),
      ]),
    paging,
    programYear: p.program_year,
  });
}

export interface ExpenseHistoryOptions extends HistoryPaging {
  stationId: string;
  expenseId: string;
}

/** The expense's booking and every edit; an expense of another station is missing here, as on its own page. */
export async function expenseHistory(ctx: Ctx, { stationId, expenseId, ...paging }: ExpenseHistoryOptions) {
  const s = await requireStation(ctx, stationId);
  const row = await ctx.db
    .selectFrom('expenses')
    .select('id')
    .where('id', '=', expenseId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!row) throw notFound('支出记录');
  return historyOf(ctx, {
    where: (eb) => eb.and([eb('a.entity', '=', 'expense'), eb('a.entity_id', '=', expenseId)]),
    paging,
    programYear: s.program_year,
  });
}
