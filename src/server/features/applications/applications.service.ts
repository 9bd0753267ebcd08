import { uuidv7 } from 'uuidv7';
import { applicationGaps, DOCUMENT_LABELS, type Gap } from '../../../domain/lifecycle/application-rules';
import { decide } from '../../../domain/lifecycle/machine';
import {
  APPLICATION_STATES,
  type ApplicationAction,
  type ApplicationFacts,
  applicationMachine,
} from '../../../domain/lifecycle/machines';
import type { Policy, StationType } from '../../../domain/policy/types';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { ApplicationDetailDto, ApplicationForm, ApplicationSummaryDto } from '../../../shared/schemas/application';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate, sortedBy, workflowRank } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { ApplicationTable, CallTable } from '../../db/schema';
import { applicationScope, shanghaiDate } from '../../scope';
import { filesOf, storeLifecycleFile, toFileDto } from '../lifecycle-files/lifecycle-files';

// 项目申报书 (issue #4): a host drafts and submits (第十条), the district association recommends or sends back
// (第六条), the Center organises the review and decides within each type's quota (第十条). Every transition goes
// through the application machine, which cites its article; the service only gathers the machine's facts.

export interface ApplicationFilter {
  year?: number;
  status?: string;
  type?: string;
  districtCode?: string;
  q?: string;
  sort?: string;
}

const CENTER_ROLES = new Set(['center_admin', 'center_staff']);

function scoreColumns(db: Database | Tx) {
  return db
    .selectFrom('review_assignments')
    .select((eb) => [
      'review_assignments.application_id as aid',
      eb.fn.avg<number>('review_assignments.total_score').as('avg_score'),
      eb.fn.countAll<number>().as('scored'),
    ])
    .where('review_assignments.status', '=', 'submitted')
    .groupBy('review_assignments.application_id');
}

export function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.host_org_id')
    .leftJoin(scoreColumns(ctx.db).as('s'), 's.aid', 'applications.id')
    .selectAll('applications')
    .select(['organizations.name as host_name', 'organizations.host_kind', 's.avg_score', 's.scored'])
    .where(applicationScope(ctx.actor!));
}

export type Row = ApplicationTable & {
  host_name: string;
  host_kind: string | null;
  avg_score: number | string | null;
  scored: number | string | null;
};

export function toSummary(r: Row): ApplicationSummaryDto {
  const form = JSON.parse(r.form_json) as ApplicationForm;
  return {
    id: r.id,
    programYear: r.program_year,
    callId: r.call_id,
    hostOrgId: r.host_org_id,
    hostName: r.host_name,
    stationType: r.station_type,
    stationTypeLabel: STATION_TYPE_LABELS[r.station_type] ?? r.station_type,
    districtCode: r.district_code,
    stationName: form.stationName ?? '',
    status: r.status,
    statusLabel: applicationMachine.stateLabels[r.status],
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    averageScore: r.avg_score === null ? null : Math.round(Number(r.avg_score) * 10) / 10,
    scoredCount: Number(r.scored ?? 0),
    stationId: r.station_id,
    version: r.version,
  };
}

/** Scores are the Center's working papers (第十条: independent review): nobody else sees them, reviewers included. */
function withScores<T extends ApplicationSummaryDto>(dto: T, sees: boolean): T {
  return sees ? dto : { ...dto, averageScore: null, scoredCount: 0 };
}

export async function listApplications(
  ctx: Ctx,
  f: ApplicationFilter,
  page: { page: number; pageSize: number },
): Promise<Page<ApplicationSummaryDto>> {
  let qb = baseQuery(ctx);
  if (f.year) qb = qb.where('applications.program_year', '=', f.year);
  if (f.status) qb = qb.where('applications.status', '=', f.status as ApplicationTable['status']);
  if (f.type) qb = qb.where('applications.station_type', '=', f.type as StationType);
  if (f.districtCode) qb = qb.where('applications.district_code', '=', f.districtCode);
  if (f.q)
    qb = qb.where((eb) => eb.or([containsCi('organizations.name', f.q!), containsCi('applications.form_json', f.q!)]));
  const seesScores = CENTER_ROLES.has(ctx.actor!.role);
  return paginate(qb, {
    ...page,
    map: (r) => withScores(toSummary(r as Row), seesScores),
    orderBy: (q) =>
      sortedBy(q, {
        sort: f.sort,
        columns: {
          host: 'organizations.name',
          district: 'applications.district_code',
          status: workflowRank('applications.status', APPLICATION_STATES),
          submittedAt: 'applications.submitted_at',
          updatedAt: 'applications.updated_at',
        },
      })
        .orderBy('applications.updated_at', 'desc')
        .orderBy('applications.id'),
  });
}

/** The row if the actor may see it; the same 404 for missing and out of scope. */
export async function requireApplication(ctx: Ctx, id: string, db: Database | Tx = ctx.db): Promise<ApplicationTable> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .where(applicationScope(ctx.actor!))
    .executeTakeFirst();
  if (!row) throw notFound('申报书');
  return row;
}

async function callOf(db: Database | Tx, callId: string): Promise<CallTable> {
  return db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirstOrThrow();
}

export interface Context {
  policy: Policy;
  call: CallTable;
  host: { name: string; hostKind: string | null; isActive: boolean; uscc: string | null };
}

export async function contextOf(db: Database | Tx, app: ApplicationTable): Promise<Context> {
  const call = await callOf(db, app.call_id);
  const policy = await loadPolicy(db, app.program_year);
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'host_kind', 'is_active', 'uscc'])
    .where('id', '=', app.host_org_id)
    .executeTakeFirstOrThrow();
  return { policy, call, host: { name: org.name, hostKind: org.host_kind, isActive: !!org.is_active, uscc: org.uscc } };
}

/** A station of the district this year, or another recommended/approved application of it (第六条: one per district). */
async function districtTaken(db: Database | Tx, app: ApplicationTable, form: ApplicationForm): Promise<string | null> {
  if (!form.districtCode || form.stationType === 'iur') return null;
  const station = await db
    .selectFrom('stations')
    .select('name')
    .where('program_year', '=', app.program_year)
    .where('district_code', '=', form.districtCode)
    .executeTakeFirst();
  if (station) return station.name;
  const other = await db
    .selectFrom('applications')
    .select('form_json')
    .where('program_year', '=', app.program_year)
    .where('district_code', '=', form.districtCode)
    .where('id', '!=', app.id)
    .where('status', 'in', ['recommended', 'under_review', 'approved'])
    .executeTakeFirst();
  return other ? `${(JSON.parse(other.form_json) as ApplicationForm).stationName ?? '另一份申报书'}（已推荐）` : null;
}

async function gapsOf(db: Database | Tx, app: ApplicationTable, c: Context): Promise<Gap[]> {
  const form = JSON.parse(app.form_json) as ApplicationForm;
  const files = await filesOf(db, 'application', [app.id]);
  return applicationGaps({
    policy: c.policy,
    form,
    callTypes: JSON.parse(c.call.station_types_json) as StationType[],
    requiredDocuments: JSON.parse(c.call.required_documents_json) as string[],
    attached: files.map((f) => f.purpose),
    host: c.host,
    districtTaken: await districtTaken(db, app, form),
  });
}

async function reviewCounts(db: Database | Tx, id: string): Promise<{ reviewers: number; scored: number }> {
  const r = await db
    .selectFrom('review_assignments')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'submitted').then(1).else(0).end()).as('scored'),
    ])
    .where('application_id', '=', id)
    .where('status', '!=', 'recused')
    .executeTakeFirstOrThrow();
  return { reviewers: Number(r.n), scored: Number(r.scored ?? 0) };
}

export interface FactsOptions {
  app: ApplicationTable;
  context: Context;
  reason: string;
}

export async function factsOf(
  ctx: Ctx,
  db: Database | Tx,
  { app, context: c, reason }: FactsOptions,
): Promise<ApplicationFacts> {
  const { reviewers, scored } = await reviewCounts(db, app.id);
  const approved = await db
    .selectFrom('stations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_year', '=', app.program_year)
    .where('type', '=', app.station_type)
    .executeTakeFirstOrThrow();
  const typePolicy = c.policy.stationTypes[app.station_type];
  return {
    today: shanghaiDate(ctx.clock.now()),
    deadline: c.call.closes_on,
    complete: (await gapsOf(db, app, c)).length === 0,
    recommendedByDistrict: typePolicy.recommendedByDistrict,
    hasReason: reason.trim().length >= 2,
    reviewers,
    minReviewers: c.call.min_reviewers,
    scored,
    approvedOfType: Number(approved.n),
    quota: typePolicy.quota,
  };
}

async function historyOf(db: Database, hostOrgId: string, year: number) {
  const rows = await db
    .selectFrom('stations')
    .leftJoin('projects', 'projects.station_id', 'stations.id')
    .select(['stations.program_year', 'stations.name', 'stations.type', 'projects.status as project_status'])
    .where('stations.host_org_id', '=', hostOrgId)
    .where('stations.program_year', '<', year)
    .orderBy('stations.program_year', 'desc')
    .execute();
  const RESULT: Record<string, string> = {
    accepted: '验收通过',
    accepted_after_rectification: '整改后通过',
    not_accepted: '验收不通过',
  };
  return rows.map((r) => ({
    programYear: r.program_year,
    stationName: r.name,
    stationType: STATION_TYPE_LABELS[r.type] ?? r.type,
    result: r.project_status ? (RESULT[r.project_status] ?? '未验收') : '无验收记录',
  }));
}

function actionsFor(ctx: Ctx, app: ApplicationTable, recommendedByDistrict: boolean): ApplicationAction[] {
  const role = ctx.actor!.role;
  return applicationMachine.rules
    .filter((x) => x.from.includes(app.status) && x.roles.includes(role))
    .filter((x) => !(x.action === 'recommend' && !recommendedByDistrict))
    .filter((x) => !(x.action === 'start_review' && x.from.includes('submitted') && recommendedByDistrict))
    .map((x) => x.action)
    .filter((a, i, all) => all.indexOf(a) === i);
}

export async function getApplication(ctx: Ctx, id: string): Promise<ApplicationDetailDto> {
  const row = (await baseQuery(ctx).where('applications.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound('申报书');
  const c = await contextOf(ctx.db, row);
  const files = await filesOf(ctx.db, 'application', [row.id]);
  const role = ctx.actor!.role;
  const typePolicy = c.policy.stationTypes[row.station_type];
  return {
    ...withScores(toSummary(row), CENTER_ROLES.has(role)),
    form: JSON.parse(row.form_json) as ApplicationForm,
    files: files.map(toFileDto),
    requiredDocuments: (JSON.parse(c.call.required_documents_json) as string[]).map((p) => ({
      purpose: p,
      label: DOCUMENT_LABELS[p] ?? p,
    })),
    gaps: role === 'host' || CENTER_ROLES.has(role) ? await gapsOf(ctx.db, row, c) : [],
    districtOpinion: row.district_opinion,
    returnReason: row.return_reason,
    decisionReason: row.decision_reason,
    recommendedByDistrict: typePolicy.recommendedByDistrict,
    deadline: c.call.closes_on,
    minReviewers: c.call.min_reviewers,
    actions: actionsFor(ctx, row, typePolicy.recommendedByDistrict),
    actionLabels: applicationMachine.actionLabels,
    history: await historyOf(ctx.db, row.host_org_id, row.program_year),
    hostKind: c.host.hostKind,
  };
}

function auditForm(row: ApplicationTable) {
  return { ...row, form_json: undefined, form: JSON.parse(row.form_json) };
}

/** A host starts an application to an open call; one live application per organisation and year. */
export async function createApplication(
  ctx: Ctx,
  callId: string,
  form: ApplicationForm,
): Promise<ApplicationDetailDto> {
  const actor = ctx.actor!;
  if (!actor.organizationId) throw conflict('账户未关联依托单位，不能申报');
  const id = uuidv7();
  await writeTx(ctx, async (tx, audit) => {
    const call = await tx.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
    if (!call) throw invalid([{ path: 'callId', message: '申报通知不存在' }]);
    const today = shanghaiDate(ctx.clock.now());
    if (call.status !== 'open' || today < call.opens_on || today > call.closes_on)
      throw conflict(`“${call.title}”不在申报期内（${call.opens_on} 至 ${call.closes_on}，第十条）`);
    const other = await tx
      .selectFrom('applications')
      .select('id')
      .where('program_year', '=', call.program_year)
      .where('host_org_id', '=', actor.organizationId!)
      .where('status', 'not in', ['withdrawn', 'rejected'])
      .executeTakeFirst();
    if (other) throw conflict(`本单位 ${call.program_year} 年度已有申报书，请在原申报书上修改`);
    const now = ctx.clock.now().toISOString();
    const types = JSON.parse(call.station_types_json) as StationType[];
    if (form.stationType && !form.targets) {
      // A new plan starts at the year's targets (第七条, 第八条): the host raises them, never lowers them.
      const policy = await loadPolicy(tx, call.program_year);
      form = { ...form, targets: Object.fromEntries(policy.kpis[form.stationType].map((k) => [k.id, k.target])) };
    }
    const row: ApplicationTable = {
      id,
      call_id: call.id,
      program_year: call.program_year,
      host_org_id: actor.organizationId!,
      station_type: form.stationType ?? types[0],
      district_code: form.stationType === 'iur' ? null : (form.districtCode ?? null),
      status: 'draft',
      form_json: JSON.stringify(form),
      district_opinion: null,
      return_reason: null,
      decision_reason: null,
      submitted_at: null,
      recommended_at: null,
      decided_at: null,
      station_id: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await tx.insertInto('applications').values(row).execute();
    await audit.record({
      entity: 'application',
      entityId: id,
      action: 'create',
      summary: `新建申报书“${form.stationName ?? '（未命名）'}”（草稿）`,
      after: auditForm(row),
    });
  });
  return getApplication(ctx, id);
}

const EDITABLE: ApplicationTable['status'][] = ['draft', 'returned'];

async function lockForEdit(
  ctx: Ctx,
  tx: Tx,
  { id, version }: { id: string; version: number },
): Promise<ApplicationTable> {
  const before = await requireApplication(ctx, id, tx);
  if (before.version !== version) throw conflict('该申报书已被修改，请刷新后重试');
  if (!EDITABLE.includes(before.status))
    throw conflict(`申报书${applicationMachine.stateLabels[before.status]}，不能修改（第十条）`);
  return before;
}

async function editable(ctx: Ctx, tx: Tx, id: string): Promise<ApplicationTable> {
  const row = await requireApplication(ctx, id, tx);
  if (!EDITABLE.includes(row.status))
    throw conflict(`申报书${applicationMachine.stateLabels[row.status]}，不能修改材料（第十条）`);
  return row;
}

export interface BumpOptions {
  before: ApplicationTable;
  set: Partial<ApplicationTable>;
  now: string;
}

export function bump(tx: Tx, { before, set, now }: BumpOptions) {
  return versionedUpdate(tx, { table: 'applications', before, set, now, message: '该申报书已被修改，请刷新后重试' });
}

export interface UpdateApplicationOptions {
  id: string;
  version: number;
  form: ApplicationForm;
}

export async function updateApplication(
  ctx: Ctx,
  { id, version, form }: UpdateApplicationOptions,
): Promise<ApplicationDetailDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await lockForEdit(ctx, tx, { id, version });
    const set = {
      form_json: JSON.stringify(form),
      station_type: form.stationType ?? before.station_type,
      district_code: form.stationType === 'iur' ? null : (form.districtCode ?? null),
    };
    await bump(tx, { before, set, now: ctx.clock.now().toISOString() });
    await audit.record({
      entity: 'application',
      entityId: id,
      action: 'update',
      summary: `修改申报书“${form.stationName ?? '（未命名）'}”`,
      before: { form: JSON.parse(before.form_json) },
      after: { form },
    });
  });
  return getApplication(ctx, id);
}

export interface AddApplicationFileOptions {
  id: string;
  purpose: string;
  fileName: string;
  bytes: Uint8Array;
}

export async function addApplicationFile(
  ctx: Ctx,
  { id, purpose, fileName, bytes }: AddApplicationFileOptions,
): Promise<ApplicationDetailDto> {
  await requireApplication(ctx, id);
  const type = acceptUpload(ctx, bytes, ['pdf', 'docx', 'jpeg', 'png']);
  await writeTx(ctx, async (tx, audit) => {
    // Files are rows of their own: adding one does not touch the form's version, so several uploads may run at once.
    await editable(ctx, tx, id);
    const file = await storeLifecycleFile(ctx, tx, {
      owner: { kind: 'application', id },
      purpose,
      fileName,
      bytes,
      type,
    });
    await audit.record({
      entity: 'application',
      entityId: id,
      action: 'add_file',
      summary: `上传申报材料“${DOCUMENT_LABELS[purpose] ?? purpose}”：${file.file_name}`,
      after: { file_id: file.id, purpose, file_name: file.file_name, sha256: file.sha256, mime: file.mime },
    });
  });
  return getApplication(ctx, id);
}

export async function removeApplicationFile(ctx: Ctx, id: string, fileId: string): Promise<ApplicationDetailDto> {
  await requireApplication(ctx, id);
  await writeTx(ctx, async (tx, audit) => {
    await editable(ctx, tx, id);
    const file = await tx
      .selectFrom('lifecycle_files')
      .selectAll()
      .where('id', '=', fileId)
      .where('owner_kind', '=', 'application')
      .where('owner_id', '=', id)
      .executeTakeFirst();
    if (!file) throw notFound('文件');
    await tx.deleteFrom('lifecycle_files').where('id', '=', fileId).execute();
    await audit.record({
      entity: 'application',
      entityId: id,
      action: 'remove_file',
      summary: `删除申报材料：${file.file_name}`,
      before: { file_id: file.id, purpose: file.purpose, file_name: file.file_name, sha256: file.sha256 },
    });
  });
  return getApplication(ctx, id);
}

export interface TransitionInput {
  version: number;
  reason?: string;
  opinion?: string;
}

export interface TransitionApplicationOptions {
  id: string;
  action: Exclude<ApplicationAction, 'approve'>;
  input: TransitionInput;
}

/** submit, withdraw, return, recommend, start_review, reject: the machine decides with the facts of this moment. */
export async function transitionApplication(
  ctx: Ctx,
  { id, action, input }: TransitionApplicationOptions,
): Promise<ApplicationDetailDto> {
  await writeTx(ctx, async (tx, audit) => {
    const before = await requireApplication(ctx, id, tx);
    if (before.version !== input.version) throw conflict('该申报书已被他人修改，请刷新后重试');
    const c = await contextOf(tx, before);
    const reason = input.reason ?? input.opinion ?? '';
    const facts = await factsOf(ctx, tx, { app: before, context: c, reason });
    if (action === 'submit' && !facts.complete) {
      const gaps = await gapsOf(tx, before, c);
      throw invalid(gaps, `申报材料不完整，共 ${gaps.length} 处需补全（第十条）`);
    }
    const d = decide({ machine: applicationMachine, from: before.status, action, role: ctx.actor!.role, facts });
    if (!d.ok) throw conflict(d.reason);
    const now = ctx.clock.now().toISOString();
    const set: Partial<ApplicationTable> = { status: d.to };
    if (action === 'submit') Object.assign(set, { submitted_at: now, return_reason: null });
    if (action === 'return') set.return_reason = reason.trim();
    if (action === 'recommend') Object.assign(set, { district_opinion: reason.trim(), recommended_at: now });
    if (action === 'reject') Object.assign(set, { decision_reason: reason.trim(), decided_at: now });
    await bump(tx, { before, set, now });
    const name = (JSON.parse(before.form_json) as ApplicationForm).stationName ?? '（未命名）';
    await audit.record({
      entity: 'application',
      entityId: id,
      action,
      summary: `${applicationMachine.actionLabels[action]}申报书“${name}”（${d.article}）${reason.trim() ? `：${reason.trim()}` : ''}`,
      before: { status: before.status },
      after: { status: d.to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
  });
  return getApplication(ctx, id);
}
