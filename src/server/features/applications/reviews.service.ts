import { uuidv7 } from 'uuidv7';
import {
  checkScores,
  DEFAULT_RUBRIC,
  describedRubric,
  employerConflict,
  type RubricCriterion,
} from '../../../domain/lifecycle/review';
import { conflict, invalid, notFound } from '../../../shared/errors';
import type { ApplicationForm } from '../../../shared/schemas/application';
import type { ApplicationReviewerDto, ReviewAssignmentDto, SiteVisitDto } from '../../../shared/schemas/review';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import type { Database, Tx } from '../../db/database';
import type { ReviewAssignmentTable } from '../../db/schema';
import { filesOf, storeLifecycleFile, toFileDto } from '../lifecycle-files/lifecycle-files';
import { requireApplication } from './applications.service';

// 专家评审 and 实地考察 (第十条). The Center assigns reviewers; one employed by the applicant is refused outright; every
// reviewer declares any other conflict first and is recused if there is one; a recused reviewer can no longer score,
// so the aggregate (SQL over status = 'submitted') never counts it.

export const ASSIGNMENT_STATUS_LABELS: Record<ReviewAssignmentTable['status'], string> = {
  assigned: '待评审',
  recused: '已回避',
  submitted: '已评分',
};

export function rubricOf(rubricJson: string | null | undefined): RubricCriterion[] {
  return describedRubric(rubricJson ? (JSON.parse(rubricJson) as RubricCriterion[]) : DEFAULT_RUBRIC);
}

function assignmentQuery(db: Database | Tx) {
  return db
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .innerJoin('organizations as o', 'o.id', 'a.host_org_id')
    .innerJoin('users as u', 'u.id', 'ra.reviewer_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .selectAll('ra')
    .select([
      'a.form_json',
      'a.program_year',
      'o.name as host_name',
      'u.display_name as reviewer_name',
      'c.rubric_json',
      'c.closes_on',
    ]);
}

type AssignmentRow = ReviewAssignmentTable & {
  form_json: string;
  program_year: number;
  host_name: string;
  reviewer_name: string;
  rubric_json: string | null;
  closes_on: string;
};

function toDto(r: AssignmentRow): ReviewAssignmentDto {
  return {
    id: r.id,
    applicationId: r.application_id,
    stationName: (JSON.parse(r.form_json) as ApplicationForm).stationName ?? '',
    hostName: r.host_name,
    programYear: r.program_year,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    status: r.status,
    statusLabel: ASSIGNMENT_STATUS_LABELS[r.status],
    declared: !!r.declared_at,
    conflictNote: r.conflict_note,
    scores: r.scores_json ? (JSON.parse(r.scores_json) as Record<string, number>) : null,
    totalScore: r.total_score,
    comment: r.comment,
    submittedAt: r.submitted_at,
    rubric: rubricOf(r.rubric_json),
    deadline: r.closes_on,
    version: r.version,
  };
}

/** The reviewer pool for the Center's assignment dialog: active reviewer accounts with their employers. */
/** The reviewer pool; for an application, each reviewer's 回避 reason (第十条), so the picker can disable it. */
export async function listReviewers(ctx: Ctx, applicationId?: string): Promise<ApplicationReviewerDto[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'username', 'employer_name', 'employer_uscc'])
    .where('role', '=', 'reviewer')
    .where('is_active', '=', 1)
    .orderBy('display_name')
    .execute();
  const host = applicationId
    ? await applicantOf(ctx.db, (await requireApplication(ctx, applicationId)).host_org_id)
    : null;
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    username: r.username,
    employerName: r.employer_name ?? null,
    conflict:
      host && employerConflict({ employerName: r.employer_name ?? null, employerUscc: r.employer_uscc ?? null }, host)
        ? employedByApplicant(r.display_name, host.name)
        : null,
  }));
}

async function applicantOf(db: Database | Tx, hostOrgId: string) {
  return db.selectFrom('organizations').select(['name', 'uscc']).where('id', '=', hostOrgId).executeTakeFirstOrThrow();
}

/** The 回避 sentence: the same in the picker and in the refusal of an assignment. */
const employedByApplicant = (reviewer: string, host: string) => `${reviewer} 任职于申报单位“${host}”，须回避（第十条）`;

/** The Center sees every assignment of an application; a reviewer only its own (and no one else's scores). */
export async function listApplicationReviews(ctx: Ctx, applicationId: string): Promise<ReviewAssignmentDto[]> {
  await requireApplication(ctx, applicationId);
  let qb = assignmentQuery(ctx.db).where('ra.application_id', '=', applicationId);
  if (ctx.actor!.role === 'reviewer') qb = qb.where('ra.reviewer_id', '=', ctx.actor!.userId);
  const rows = await qb.orderBy('ra.created_at').execute();
  return rows.map((r) => toDto(r as AssignmentRow));
}

/** A reviewer's own work list. */
export async function myAssignments(ctx: Ctx): Promise<ReviewAssignmentDto[]> {
  const rows = await assignmentQuery(ctx.db)
    .where('ra.reviewer_id', '=', ctx.actor!.userId)
    .orderBy('ra.created_at', 'desc')
    .execute();
  return rows.map((r) => toDto(r as AssignmentRow));
}

const REVIEWABLE = ['submitted', 'recommended', 'under_review'];

export async function assignReviewers(
  ctx: Ctx,
  applicationId: string,
  reviewerIds: string[],
): Promise<ReviewAssignmentDto[]> {
  await writeTx(ctx, async (tx, audit) => {
    const app = await requireApplication(ctx, applicationId, tx);
    if (!REVIEWABLE.includes(app.status))
      throw conflict('只有已提交、已推荐或评审中的申报书可以指派评审专家（第十条）');
    const host = await applicantOf(tx, app.host_org_id);
    const issues: Array<{ path: string; message: string }> = [];
    const users = await tx
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'is_active', 'employer_name', 'employer_uscc'])
      .where('id', 'in', reviewerIds)
      .execute();
    const existing = await tx
      .selectFrom('review_assignments')
      .select('reviewer_id')
      .where('application_id', '=', applicationId)
      .execute();
    reviewerIds.forEach((rid, i) => {
      const u = users.find((x) => x.id === rid);
      if (u?.role !== 'reviewer' || !u.is_active)
        issues.push({ path: `reviewerIds.${i}`, message: '所选账户不是有效的评审专家' });
      else if (existing.some((e) => e.reviewer_id === rid))
        issues.push({ path: `reviewerIds.${i}`, message: `${u.display_name} 已指派过` });
      else if (employerConflict({ employerName: u.employer_name ?? null, employerUscc: u.employer_uscc ?? null }, host))
        issues.push({ path: `reviewerIds.${i}`, message: employedByApplicant(u.display_name, host.name) });
    });
    if (issues.length) throw invalid(issues, '部分专家不能指派，请查看提示');
    const now = ctx.clock.now().toISOString();
    for (const rid of reviewerIds) {
      const row: ReviewAssignmentTable = {
        id: uuidv7(),
        application_id: applicationId,
        reviewer_id: rid,
        status: 'assigned',
        conflict_note: null,
        declared_at: null,
        scores_json: null,
        total_score: null,
        comment: null,
        submitted_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await tx.insertInto('review_assignments').values(row).execute();
      const u = users.find((x) => x.id === rid)!;
      await audit.record({
        entity: 'review',
        entityId: row.id,
        action: 'assign',
        summary: `指派评审专家 ${u.display_name} 评审“${(JSON.parse(app.form_json) as ApplicationForm).stationName ?? ''}”（第十条）`,
        after: { application_id: applicationId, reviewer_id: rid },
      });
    }
  });
  return listApplicationReviews(ctx, applicationId);
}

async function ownAssignment(
  ctx: Ctx,
  tx: Tx,
  { id, version }: { id: string; version: number },
): Promise<AssignmentRow> {
  const row = (await assignmentQuery(tx)
    .where('ra.id', '=', id)
    .where('ra.reviewer_id', '=', ctx.actor!.userId)
    .executeTakeFirst()) as AssignmentRow | undefined;
  if (!row) throw notFound('评审任务');
  if (row.version !== version) throw conflict('该评审任务已更新，请刷新后重试');
  return row;
}

async function assertUnderReview(tx: Tx, applicationId: string) {
  const app = await tx
    .selectFrom('applications')
    .select('status')
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
  if (!REVIEWABLE.includes(app.status)) throw conflict('该申报书已不在评审阶段');
}

/** 利益冲突声明: before scoring, every reviewer declares; a declared conflict recuses the reviewer for good. */
export async function declareConflict(
  ctx: Ctx,
  id: string,
  input: { version: number; hasConflict: boolean; note: string },
): Promise<ReviewAssignmentDto> {
  await writeTx(ctx, async (tx, audit) => {
    const row = await ownAssignment(ctx, tx, { id, version: input.version });
    if (row.status !== 'assigned' || row.declared_at) throw conflict('已声明过利益冲突，不能重复声明');
    await assertUnderReview(tx, row.application_id);
    if (input.hasConflict && input.note.trim().length < 2)
      throw invalid([{ path: 'note', message: '请说明利益冲突的情况' }]);
    const now = ctx.clock.now().toISOString();
    await tx
      .updateTable('review_assignments')
      .set({
        status: input.hasConflict ? 'recused' : 'assigned',
        conflict_note: input.hasConflict ? input.note.trim() : null,
        declared_at: now,
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .execute();
    await audit.record({
      entity: 'review',
      entityId: id,
      action: input.hasConflict ? 'recuse' : 'declare',
      summary: input.hasConflict
        ? `评审专家声明利益冲突并回避（第十条）：${input.note.trim()}`
        : '评审专家声明无利益冲突（第十条）',
      before: { status: row.status },
      after: { status: input.hasConflict ? 'recused' : 'assigned' },
    });
  });
  return (await myAssignments(ctx)).find((a) => a.id === id)!;
}

export async function submitScores(
  ctx: Ctx,
  id: string,
  input: { version: number; scores: Record<string, number>; comment: string },
): Promise<ReviewAssignmentDto> {
  await writeTx(ctx, async (tx, audit) => {
    const row = await ownAssignment(ctx, tx, { id, version: input.version });
    if (row.status === 'recused') throw conflict('已回避的专家不能评分（第十条）');
    if (row.status === 'submitted') throw conflict('评分已提交，不能修改');
    if (!row.declared_at) throw conflict('请先声明是否存在利益冲突（第十条）');
    await assertUnderReview(tx, row.application_id);
    // 第十条: each criterion is scored within its full mark; an out-of-range score is refused (400, per field) before
    // anything is written, never clamped.
    const checked = checkScores(rubricOf(row.rubric_json), input.scores);
    if (!checked.ok)
      throw invalid(checked.issues, `评分有误：${checked.issues.map((i) => i.message).join('；')}（第十条）`);
    const now = ctx.clock.now().toISOString();
    await tx
      .updateTable('review_assignments')
      .set({
        status: 'submitted',
        scores_json: JSON.stringify(input.scores),
        total_score: checked.total,
        comment: input.comment.trim(),
        submitted_at: now,
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .execute();
    await audit.record({
      entity: 'review',
      entityId: id,
      action: 'score',
      summary: `提交评审意见，总分 ${checked.total}（第十条）`,
      before: { status: row.status },
      after: { status: 'submitted', scores: input.scores, total_score: checked.total, comment: input.comment.trim() },
    });
  });
  return (await myAssignments(ctx)).find((a) => a.id === id)!;
}

// ---------------------------------------------------------------------------------------------------------------
// 实地考察 (第十条): optional; district staff among the participants.

export async function listSiteVisits(ctx: Ctx, applicationId: string): Promise<SiteVisitDto[]> {
  await requireApplication(ctx, applicationId);
  const rows = await ctx.db
    .selectFrom('site_visits')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('visited_on')
    .execute();
  const photos = await filesOf(
    ctx.db,
    'site_visit',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    visitedOn: r.visited_on,
    participants: r.participants,
    districtParticipants: r.district_participants,
    findings: r.findings,
    photos: photos.filter((p) => p.owner_id === r.id).map(toFileDto),
    createdAt: r.created_at,
  }));
}

export async function recordSiteVisit(
  ctx: Ctx,
  applicationId: string,
  input: { visitedOn: string; participants: string; districtParticipants: string; findings: string },
): Promise<SiteVisitDto> {
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const app = await requireApplication(ctx, applicationId, tx);
    if (!REVIEWABLE.includes(app.status)) throw conflict('只有评审阶段的申报书可以登记实地考察（第十条）');
    const now = ctx.clock.now().toISOString();
    const row = {
      id,
      application_id: applicationId,
      visited_on: input.visitedOn,
      participants: input.participants,
      district_participants: input.districtParticipants,
      findings: input.findings,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('site_visits').values(row).execute();
    await audit.record({
      entity: 'site_visit',
      entityId: id,
      action: 'create',
      summary: `登记实地考察（${input.visitedOn}，第十条）`,
      after: row,
    });
  });
  return (await listSiteVisits(ctx, applicationId)).find((x) => x.id === id)!;
}

export interface AddSiteVisitPhotoOptions {
  applicationId: string;
  visitId: string;
  fileName: string;
  bytes: Uint8Array;
}

export async function addSiteVisitPhoto(
  ctx: Ctx,
  { applicationId, visitId, fileName, bytes }: AddSiteVisitPhotoOptions,
): Promise<SiteVisitDto> {
  await requireApplication(ctx, applicationId);
  const type = acceptUpload(ctx, bytes, ['jpeg', 'png', 'pdf']);
  await writeTx(ctx, async (tx, audit) => {
    const insp = await tx
      .selectFrom('site_visits')
      .select(['id', 'visited_on'])
      .where('id', '=', visitId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!insp) throw notFound('实地考察记录');
    const f = await storeLifecycleFile(ctx, tx, {
      owner: { kind: 'site_visit', id: visitId },
      purpose: 'photo',
      fileName,
      bytes,
      type,
    });
    await audit.record({
      entity: 'site_visit',
      entityId: visitId,
      action: 'add_file',
      summary: `上传实地考察照片：${f.file_name}`,
      after: { file_id: f.id, file_name: f.file_name, sha256: f.sha256 },
    });
  });
  return (await listSiteVisits(ctx, applicationId)).find((x) => x.id === visitId)!;
}
