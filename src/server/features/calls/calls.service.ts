import { uuidv7 } from 'uuidv7';
import { decide } from '../../../domain/lifecycle/machine';
import { type CallAction, callMachine } from '../../../domain/lifecycle/machines';
import { DEFAULT_RUBRIC, type RubricCriterion } from '../../../domain/lifecycle/review';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { CallDto, CallInput } from '../../../shared/schemas/call';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import type { CallTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { insertNotice } from '../inbox/inbox.service';

// 申报通知 (issue #4). A call is public to every business role; only the Center administrator writes it. Opening it
// locks its program year's policy (the call states the year's rules, 第十条) in the same transaction.

function toDto(r: CallTable, actions: CallAction[]): CallDto {
  // Written from callInputSchema only, so the codes are the schema's.
  const types = JSON.parse(r.station_types_json) as CallDto['stationTypes'];
  return {
    id: r.id,
    programYear: r.program_year,
    title: r.title,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    stationTypes: types,
    stationTypeLabels: types.map((t) => STATION_TYPE_LABELS[t] ?? t),
    requiredDocuments: JSON.parse(r.required_documents_json) as CallDto['requiredDocuments'],
    minReviewers: r.min_reviewers,
    notice: r.notice,
    rubric: r.rubric_json ? (JSON.parse(r.rubric_json) as RubricCriterion[]) : DEFAULT_RUBRIC.map((c) => ({ ...c })),
    reportsDueOn: r.reports_due_on ?? `${r.program_year}-12-31`,
    status: r.status,
    statusLabel: callMachine.stateLabels[r.status],
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    version: r.version,
    actions,
  };
}

const actionsFor = (ctx: Ctx, r: CallTable): CallAction[] =>
  callMachine.rules.filter((x) => x.from.includes(r.status) && x.roles.includes(ctx.actor!.role)).map((x) => x.action);

export async function listCalls(ctx: Ctx): Promise<CallDto[]> {
  const rows = await ctx.db.selectFrom('calls').selectAll().orderBy('program_year', 'desc').execute();
  return rows.map((r) => toDto(r, actionsFor(ctx, r)));
}

async function getCall(ctx: Ctx, id: string): Promise<CallDto> {
  const r = await ctx.db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('申报通知');
  return toDto(r, actionsFor(ctx, r));
}

function columns(input: CallInput) {
  return {
    program_year: input.programYear,
    title: input.title,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    station_types_json: JSON.stringify(input.stationTypes),
    required_documents_json: JSON.stringify(input.requiredDocuments),
    min_reviewers: input.minReviewers,
    notice: input.notice,
    rubric_json: JSON.stringify(input.rubric),
    reports_due_on: input.reportsDueOn || null,
  };
}

export async function createCall(ctx: Ctx, input: CallInput): Promise<CallDto> {
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const year = await tx
      .selectFrom('program_years')
      .select('year')
      .where('year', '=', input.programYear)
      .executeTakeFirst();
    if (!year) throw invalid([{ path: 'programYear', message: `${input.programYear} 年度不存在，请先建立年度政策` }]);
    const other = await tx
      .selectFrom('calls')
      .select('id')
      .where('program_year', '=', input.programYear)
      .executeTakeFirst();
    if (other) throw conflict(`${input.programYear} 年度已有申报通知（第三条：年度项目制，每年一次申报）`);
    const now = ctx.clock.now().toISOString();
    const row: CallTable = {
      id,
      ...columns(input),
      status: 'draft',
      opened_at: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('calls').values(row).execute();
    await audit.record({
      entity: 'call',
      entityId: id,
      action: 'create',
      summary: `新建申报通知“${input.title}”`,
      after: { ...row },
    });
  });
  return getCall(ctx, id);
}

export interface UpdateCallOptions {
  id: string;
  version: number;
  input: CallInput;
}

export async function updateCall(ctx: Ctx, { id, version, input }: UpdateCallOptions): Promise<CallDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('申报通知');
    if (before.version !== version) throw conflict('该申报通知已被他人修改，请刷新后重试');
    if (before.status !== 'draft')
      throw conflict(`申报通知已${callMachine.stateLabels[before.status]}，不能再修改（第十条）`);
    if (before.program_year !== input.programYear)
      throw invalid([{ path: 'programYear', message: '申报通知的年度不能修改' }]);
    const after = { ...before, ...columns(input), updated_at: ctx.clock.now().toISOString(), version: version + 1 };
    await tx.updateTable('calls').set(after).where('id', '=', id).where('version', '=', version).execute();
    await audit.record({
      entity: 'call',
      entityId: id,
      action: 'update',
      summary: `修改申报通知“${after.title}”`,
      before: { ...before },
      after,
    });
  });
  return getCall(ctx, id);
}

export interface TransitionCallOptions {
  id: string;
  version: number;
  action: CallAction;
}

/** 发布 or 截止: the machine decides (第三条, 第十条); opening locks the year's policy in the same transaction. */
export async function transitionCall(ctx: Ctx, { id, version, action }: TransitionCallOptions): Promise<CallDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('申报通知');
    if (before.version !== version) throw conflict('该申报通知已被他人修改，请刷新后重试');
    const today = shanghaiDate(ctx.clock.now());
    const d = decide({
      machine: callMachine,
      from: before.status,
      action,
      role: ctx.actor!.role,
      facts: {
        today,
        opensOn: before.opens_on,
        closesOn: before.closes_on,
      },
    });
    if (!d.ok) throw conflict(d.reason);
    const now = ctx.clock.now().toISOString();
    const after = {
      ...before,
      status: d.to,
      ...(action === 'open' ? { opened_at: now } : { closed_at: now }),
      updated_at: now,
      version: version + 1,
    };
    await tx.updateTable('calls').set(after).where('id', '=', id).where('version', '=', version).execute();
    if (action === 'open') {
      const year = await tx
        .selectFrom('program_years')
        .selectAll()
        .where('year', '=', before.program_year)
        .executeTakeFirstOrThrow();
      if (year.status !== 'locked') {
        await tx
          .updateTable('program_years')
          .set({ status: 'locked', locked_at: now, updated_at: now, version: year.version + 1 })
          .where('year', '=', year.year)
          .execute();
        await audit.record({
          entity: 'program_year',
          entityId: String(year.year),
          action: 'lock',
          summary: `发布申报通知，锁定 ${year.year} 年度政策（第十条）`,
          before: { status: year.status },
          after: { status: 'locked', locked_at: now },
        });
      }
    }
    if (action === 'open') {
      // The call is published on the notice board as it opens (第十条).
      await insertNotice(ctx, tx, {
        audit,
        notice: {
          kind: 'call',
          title: before.title,
          body: `申报时间：${before.opens_on} 至 ${before.closes_on}。\n${before.notice}`,
          programYear: before.program_year,
        },
      });
    }
    await audit.record({
      entity: 'call',
      entityId: id,
      action,
      summary: `${callMachine.actionLabels[action]}申报通知“${before.title}”（${d.article}）`,
      before: { status: before.status },
      after: { status: d.to },
    });
  });
  return getCall(ctx, id);
}
