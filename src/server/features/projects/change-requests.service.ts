import { uuidv7 } from 'uuidv7';
import { type AgreementTerms, changeProblems, diffTerms } from '../../../domain/lifecycle/agreement';
import { changeRequestClosedReason } from '../../../domain/lifecycle/change-request-window';
import { decide } from '../../../domain/lifecycle/machine';
import { type ChangeRequestAction, changeRequestMachine } from '../../../domain/lifecycle/machines';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type { ChangeRequestDto } from '../../../shared/schemas/change-request';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import type { ChangeRequestTable } from '../../db/schema';
import { shanghaiDate } from '../../scope';
import { filesOf, storeLifecycleFile, toFileDto } from '../lifecycle-files/lifecycle-files';
import { currentTerms, requireProject } from './projects.service';

// 工作调整 (第十一条): any change of targets, plan, budget between categories, leader or contact, or period is a
// request with the scan of a paper explanation and a future effective date; the Center decides. Approval writes a
// new agreement version and only then changes the station; nothing reads a request that is not approved.

async function toDtos(
  ctx: Ctx,
  db: Database | Tx,
  { rows, programYear }: { rows: ChangeRequestTable[]; programYear: number },
) {
  const policy = await loadPolicy(db, programYear);
  const files = await filesOf(
    db,
    'change_request',
    rows.map((r) => r.id),
  );
  const bases = await db
    .selectFrom('agreement_versions')
    .select(['project_id', 'version_no', 'terms_json'])
    .where('project_id', 'in', rows.length ? [...new Set(rows.map((r) => r.project_id))] : ['-'])
    .execute();
  return rows.map((r): ChangeRequestDto => {
    const base = bases.find((b) => b.project_id === r.project_id && b.version_no === r.base_version_no);
    const proposed = JSON.parse(r.proposed_terms_json) as AgreementTerms;
    const paper = files.filter((f) => f.owner_id === r.id).pop();
    return {
      id: r.id,
      projectId: r.project_id,
      status: r.status,
      statusLabel: changeRequestMachine.stateLabels[r.status],
      title: r.title,
      reason: r.reason,
      baseVersionNo: r.base_version_no,
      effectiveOn: r.effective_on,
      proposed,
      changes: base ? diffTerms(JSON.parse(base.terms_json) as AgreementTerms, proposed, policy) : [],
      paper: paper ? toFileDto(paper) : null,
      decisionReason: r.decision_reason,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      actions: changeRequestMachine.rules
        .filter((x) => x.from.includes(r.status) && x.roles.includes(ctx.actor!.role))
        .map((x) => x.action),
      version: r.version,
    };
  });
}

export async function listChangeRequests(ctx: Ctx, projectId: string): Promise<ChangeRequestDto[]> {
  const p = await requireProject(ctx, projectId);
  const rows = await ctx.db
    .selectFrom('change_requests')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .execute();
  return toDtos(ctx, ctx.db, { rows, programYear: p.program_year });
}

/** The request within the actor's scope (through its project's station); the same 404 for missing and foreign. */
async function requireChangeRequest(ctx: Ctx, id: string, db: Database | Tx = ctx.db) {
  const row = await db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('工作调整申请');
  try {
    const project = await requireProject(ctx, row.project_id, db);
    return { row, project };
  } catch {
    throw notFound('工作调整申请');
  }
}

export async function getChangeRequest(ctx: Ctx, id: string): Promise<ChangeRequestDto> {
  const { row, project } = await requireChangeRequest(ctx, id);
  return (await toDtos(ctx, ctx.db, { rows: [row], programYear: project.program_year }))[0];
}

export interface ChangeRequestInput {
  title: string;
  reason: string;
  effectiveOn: string;
  terms: AgreementTerms;
}

interface CheckInputOptions {
  projectYear: number;
  /** the terms in force that the request changes */
  base: AgreementTerms;
  input: ChangeRequestInput;
}

async function checkInput(tx: Tx, { projectYear, base, input }: CheckInputOptions) {
  const policy = await loadPolicy(tx, projectYear);
  const problems = changeProblems(base, input.terms, policy).map((p) => ({ ...p, path: `terms.${p.path}` }));
  if (input.effectiveOn < input.terms.periodStart || input.effectiveOn > input.terms.periodEnd)
    problems.push({
      path: 'effectiveOn',
      message: `生效日期须在执行期（${input.terms.periodStart} 至 ${input.terms.periodEnd}）内`,
    });
  if (problems.length) throw invalid(problems, '调整内容不符合规定，请查看提示');
}

export async function createChangeRequest(ctx: Ctx, projectId: string, input: ChangeRequestInput) {
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const p = await requireProject(ctx, projectId, tx);
    if (p.status !== 'in_progress') throw conflict('只有实施中的项目可以申请工作调整（第十一条）');
    const open = await tx
      .selectFrom('change_requests')
      .select('title')
      .where('project_id', '=', projectId)
      .where('status', 'in', ['draft', 'submitted'])
      .executeTakeFirst();
    if (open) throw conflict(`已有未完成的工作调整申请“${open.title}”，请先提交审批或撤回（第十一条）`);
    const { no, terms } = await currentTerms(tx, projectId);
    const closed = changeRequestClosedReason({ periodEnd: terms.periodEnd, today: shanghaiDate(ctx.clock.now()) });
    if (closed) throw conflict(closed);
    await checkInput(tx, { projectYear: p.program_year, base: terms, input });
    const now = ctx.clock.now().toISOString();
    const row: ChangeRequestTable = {
      id,
      project_id: projectId,
      status: 'draft',
      title: input.title,
      reason: input.reason,
      base_version_no: no,
      proposed_terms_json: JSON.stringify(input.terms),
      effective_on: input.effectiveOn,
      decision_reason: null,
      submitted_at: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('change_requests').values(row).execute();
    await audit.record({
      entity: 'change_request',
      entityId: id,
      action: 'create',
      summary: `新建工作调整申请“${input.title}”（第十一条）`,
      after: { ...row, proposed_terms_json: undefined, proposed: input.terms },
    });
  });
  return getChangeRequest(ctx, id);
}

export interface UpdateChangeRequestOptions {
  id: string;
  version: number;
  input: ChangeRequestInput;
}

export async function updateChangeRequest(ctx: Ctx, { id, version, input }: UpdateChangeRequestOptions) {
  await writeTx(ctx, async (tx, audit) => {
    const { row, project } = await requireChangeRequest(ctx, id, tx);
    if (row.version !== version) throw conflict('该申请已被修改，请刷新后重试');
    if (row.status !== 'draft') throw conflict('只有草稿可以修改');
    const { no, terms } = await currentTerms(tx, row.project_id);
    await checkInput(tx, { projectYear: project.program_year, base: terms, input });
    const now = ctx.clock.now().toISOString();
    await tx
      .updateTable('change_requests')
      .set({
        title: input.title,
        reason: input.reason,
        effective_on: input.effectiveOn,
        proposed_terms_json: JSON.stringify(input.terms),
        base_version_no: no,
        updated_at: now,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .execute();
    await audit.record({
      entity: 'change_request',
      entityId: id,
      action: 'update',
      summary: `修改工作调整申请“${input.title}”`,
      before: {
        title: row.title,
        reason: row.reason,
        effective_on: row.effective_on,
        proposed: JSON.parse(row.proposed_terms_json),
      },
      after: { title: input.title, reason: input.reason, effective_on: input.effectiveOn, proposed: input.terms },
    });
  });
  return getChangeRequest(ctx, id);
}

export interface AddPaperExplanationOptions {
  id: string;
  fileName: string;
  bytes: Uint8Array;
}

/** 纸质说明 (第十一条): the scan of the signed paper explanation; required before submission. */
export async function addPaperExplanation(ctx: Ctx, { id, fileName, bytes }: AddPaperExplanationOptions) {
  await requireChangeRequest(ctx, id);
  const type = acceptUpload(ctx, bytes, ['pdf', 'jpeg', 'png']);
  await writeTx(ctx, async (tx, audit) => {
    const { row } = await requireChangeRequest(ctx, id, tx);
    if (row.status !== 'draft') throw conflict('只有草稿可以上传纸质说明');
    const f = await storeLifecycleFile(ctx, tx, {
      owner: { kind: 'change_request', id },
      purpose: 'paper_explanation',
      fileName,
      bytes,
      type,
    });
    await tx
      .updateTable('change_requests')
      .set({ updated_at: ctx.clock.now().toISOString(), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit.record({
      entity: 'change_request',
      entityId: id,
      action: 'add_file',
      summary: `上传工作调整纸质说明扫描件：${f.file_name}（第十一条）`,
      after: { file_id: f.id, file_name: f.file_name, sha256: f.sha256 },
    });
  });
  return getChangeRequest(ctx, id);
}

export interface TransitionChangeRequestOptions {
  id: string;
  action: ChangeRequestAction;
  input: { version: number; reason?: string };
}

export async function transitionChangeRequest(ctx: Ctx, { id, action, input }: TransitionChangeRequestOptions) {
  await writeTx(ctx, async (tx, audit) => {
    const { row, project } = await requireChangeRequest(ctx, id, tx);
    if (row.version !== input.version) throw conflict('该申请已被修改，请刷新后重试');
    const reason = (input.reason ?? '').trim();
    const papers = await filesOf(tx, 'change_request', [id]);
    const d = decide({
      machine: changeRequestMachine,
      from: row.status,
      action,
      role: ctx.actor!.role,
      facts: {
        today: shanghaiDate(ctx.clock.now()),
        effectiveOn: row.effective_on,
        paperExplanation: papers.length > 0,
        hasReason: reason.length >= 2,
      },
    });
    if (!d.ok) throw conflict(d.reason);
    const now = ctx.clock.now().toISOString();
    const set: Partial<ChangeRequestTable> = { status: d.to, updated_at: now, version: row.version + 1 };
    if (action === 'submit') set.submitted_at = now;
    if (action === 'approve' || action === 'reject')
      Object.assign(set, { decided_at: now, decision_reason: reason || null });
    if (action === 'approve') {
      const { no, terms: base } = await currentTerms(tx, row.project_id);
      if (no !== row.base_version_no)
        throw conflict(
          `协议已有第 ${no} 版，本申请基于第 ${row.base_version_no} 版，请依托单位基于新版本重新申请（第十一条）`,
        );
      const proposed = JSON.parse(row.proposed_terms_json) as AgreementTerms;
      const policy = await loadPolicy(tx, project.program_year);
      const problems = changeProblems(base, proposed, policy);
      if (problems.length) throw conflict(`调整内容不符合规定：${problems.map((p) => p.message).join('；')}`);
      const today = shanghaiDate(ctx.clock.now());
      const versionId = uuidv7();
      await tx
        .insertInto('agreement_versions')
        .values({
          id: versionId,
          project_id: row.project_id,
          version_no: no + 1,
          terms_json: row.proposed_terms_json,
          change_request_id: id,
          effective_on: row.effective_on,
          created_at: now,
          created_by: ctx.actor?.userId ?? null,
          applied_at: null,
        })
        .execute();
      await audit.record({
        entity: 'project',
        entityId: row.project_id,
        action: 'agreement_version',
        summary: `批准工作调整，形成项目合作协议第 ${no + 1} 版，自 ${row.effective_on} 起生效（第十一条）`,
        before: { agreement_version: no },
        after: { agreement_version: no + 1, effective_on: row.effective_on },
      });
      if (row.effective_on <= today) await applyVersion(tx, { audit, versionId, now });
    }
    await tx.updateTable('change_requests').set(set).where('id', '=', id).where('version', '=', row.version).execute();
    await audit.record({
      entity: 'change_request',
      entityId: id,
      action,
      summary: `${changeRequestMachine.actionLabels[action]}工作调整申请“${row.title}”（${d.article}）${reason ? `：${reason}` : ''}`,
      before: { status: row.status },
      after: { status: d.to, ...(reason ? { reason } : {}) },
    });
  });
  return getChangeRequest(ctx, id);
}

interface ApplyVersionOptions {
  audit: AuditRecorder;
  versionId: string;
  now: string;
}

/**
 * The station takes an agreement version's terms (name, period, leader, contact) on its effective date, in the same
 * transaction as the audit record. A new period changes what counts (docs/ledger-format.md), so computed KPIs go stale.
 * Idempotent: false, and nothing written, when the version is applied already.
 */
async function applyVersion(tx: Tx, { audit, versionId, now }: ApplyVersionOptions): Promise<boolean> {
  // The claim comes first and is a write: it takes the row lock (PostgreSQL) or the write lock (SQLite) before
  // anything is read, so a concurrent runner waits here and then matches no row. A read first would let both see
  // "not applied" (PostgreSQL applied it twice) or leave SQLite's reader with a stale snapshot (SQLITE_BUSY_SNAPSHOT).
  const claim = await tx
    .updateTable('agreement_versions')
    .set({ applied_at: now })
    .where('id', '=', versionId)
    .where('applied_at', 'is', null)
    .executeTakeFirst();
  if (Number(claim.numUpdatedRows) !== 1) return false;
  const v = await tx
    .selectFrom('agreement_versions as v')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .select(['v.id', 'v.version_no', 'v.terms_json', 'v.effective_on', 'v.project_id', 'p.station_id'])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const terms = JSON.parse(v.terms_json) as AgreementTerms;
  const station = await tx.selectFrom('stations').selectAll().where('id', '=', v.station_id).executeTakeFirstOrThrow();
  const stationSet = {
    name: terms.stationName,
    period_start: terms.periodStart,
    period_end: terms.periodEnd,
    leader_name: terms.leaderName,
    leader_phone: terms.leaderPhone,
    contact_name: terms.contactName,
    contact_phone: terms.contactPhone,
  };
  await tx
    .updateTable('stations')
    .set({ ...stationSet, updated_at: now, version: station.version + 1, ledger_version: station.ledger_version + 1 })
    .where('id', '=', station.id)
    .execute();
  await audit.record({
    entity: 'station',
    entityId: station.id,
    action: 'agreement_in_force',
    summary: `项目合作协议第 ${v.version_no} 版自 ${v.effective_on} 起生效，站点信息随之更新（第十一条）`,
    before: Object.fromEntries(Object.keys(stationSet).map((k) => [k, station[k as keyof typeof station]])),
    after: stationSet,
  });
  return true;
}

/**
 * The job's part (and startup's): versions whose effective date has come, oldest first, each in its transaction.
 * Safe to run on several instances at once (the job lease is only an economy): each version is claimed in its own
 * transaction before anything else is read, so a second runner waits for the first and then finds it applied.
 * Returns how many versions this call applied.
 */
export async function applyDueAgreementVersions(ctx: Ctx): Promise<number> {
  const today = shanghaiDate(ctx.clock.now());
  const due = await ctx.db
    .selectFrom('agreement_versions')
    .select('id')
    .where('applied_at', 'is', null)
    .where('effective_on', '<=', today)
    .orderBy('project_id')
    .orderBy('version_no')
    .execute();
  let applied = 0;
  for (const d of due) {
    if (
      await writeTx(ctx, (tx, audit) =>
        applyVersion(tx, { audit, versionId: d.id, now: ctx.clock.now().toISOString() }),
      )
    )
      applied += 1;
  }
  return applied;
}
