import { sql } from 'kysely';
import type { AgreementTerms, TermChange } from '../../../domain/lifecycle/agreement';
import { diffTerms } from '../../../domain/lifecycle/agreement';
import { decide } from '../../../domain/lifecycle/machine';
import { projectMachine } from '../../../domain/lifecycle/machines';
import {
  PROJECT_PHASE_ARTICLES,
  PROJECT_PHASE_LABELS,
  PROJECT_PHASES,
  projectPhase,
  reportsOverdue,
} from '../../../domain/lifecycle/project-phase';
import { formatYuan, yuanToFen } from '../../../domain/money';
import { districtByCode } from '../../../domain/policy';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { FINDING_LABELS, REPORT_KIND_LABELS, STATION_TYPE_LABELS } from '../../../shared/labels';
import {
  ACCEPTANCE_DECISIONS,
  type AcceptanceDecision,
  type ProjectAcceptanceSheetDto,
  type ProjectDetailDto,
  type ProjectSummaryDto,
} from '../../../shared/schemas/project';
import { writeTx } from '../../audit/audit';
import { acceptUpload } from '../../blobs/accept';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate, sortedBy, workflowRank } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import type { Database, Tx } from '../../db/database';
import { versionedUpdate } from '../../db/locks';
import type { ProjectTable, StationTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';
import { agreementInForce } from '../funds/budget';
import { getStationKpis } from '../kpis/kpis.service';
import { filesOf, storeLifecycleFile, toFileDto } from '../lifecycle-files/lifecycle-files';
import { acceptanceDocx, agreementDocx, targetText } from './documents';

// 项目 (issue #4): the agreement and its versions (第十条, 第十一条), signing, the year-end reports (第十二条) and
// acceptance (第十三条). A project is seen through its station's scope: the Center all, a district its district, a
// host its own, an assigned auditor its stations.

function base(ctx: Ctx, db: Database | Tx = ctx.db) {
  return db
    .selectFrom('projects')
    .innerJoin('stations', 'stations.id', 'projects.station_id')
    .innerJoin('organizations', 'organizations.id', 'stations.host_org_id')
    .selectAll('projects')
    .select([
      'stations.name as station_name',
      'stations.type as station_type',
      'stations.district_code',
      'stations.period_end as station_period_end',
      'organizations.name as host_name',
      (eb) =>
        eb
          .selectFrom('agreement_versions')
          .select((e) => e.fn.max('agreement_versions.version_no').as('v'))
          .whereRef('agreement_versions.project_id', '=', 'projects.id')
          .as('agreement_version'),
    ])
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())) as never);
}

type Row = ProjectTable & {
  station_name: string;
  station_type: StationTable['type'];
  district_code: string | null;
  station_period_end: string;
  host_name: string;
  agreement_version: number | null;
};

function toSummary(r: Row, today: string): ProjectSummaryDto {
  const calendar = { status: r.status, periodEnd: r.station_period_end, reportsDueOn: r.reports_due_on };
  const phase = projectPhase(calendar, today);
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    stationType: r.station_type,
    stationTypeLabel: STATION_TYPE_LABELS[r.station_type] ?? r.station_type,
    districtCode: r.district_code,
    hostName: r.host_name,
    programYear: r.program_year,
    status: r.status,
    statusLabel: PROJECT_PHASE_LABELS[phase],
    phase,
    phaseArticle: PROJECT_PHASE_ARTICLES[phase],
    reportsOverdue: reportsOverdue(calendar, today),
    reportsDueOn: r.reports_due_on,
    agreementVersion: Number(r.agreement_version ?? 1),
    version: r.version,
  };
}

/** `projectPhase` in SQL: the phase the list shows, so that sorting by it follows what the reader sees. */
function phaseOf(today: string) {
  const status = sql.ref('projects.status');
  return sql<string>`(case when ${status} = 'in_progress' and ${sql.ref('stations.period_end')} < ${today}
    then 'reports_due' else ${status} end)`;
}

export async function listProjects(
  ctx: Ctx,
  f: { year?: number; status?: string; q?: string; sort?: string },
  page: { page: number; pageSize: number },
): Promise<Page<ProjectSummaryDto>> {
  let qb = base(ctx);
  if (f.year) qb = qb.where('projects.program_year', '=', f.year);
  const today = shanghaiDate(ctx.clock.now());
  // The calendar's phases are filters too: 实施中 until the period ends, 待提交报告 after (第十二条).
  if (f.status === 'reports_due') {
    qb = qb.where('projects.status', '=', 'in_progress').where('stations.period_end', '<', today);
  } else if (f.status === 'in_progress') {
    qb = qb.where('projects.status', '=', 'in_progress').where('stations.period_end', '>=', today);
  } else if (f.status) qb = qb.where('projects.status', '=', f.status as ProjectTable['status']);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('stations.name', f.q!), containsCi('organizations.name', f.q!)]));
  return paginate(qb, {
    ...page,
    map: (r) => toSummary(r as Row, today),
    orderBy: (q) =>
      sortedBy(q, {
        sort: f.sort,
        columns: {
          station: 'stations.name',
          host: 'organizations.name',
          year: 'projects.program_year',
          reportsDueOn: 'projects.reports_due_on',
          status: workflowRank(phaseOf(today), PROJECT_PHASES),
        },
      })
        .orderBy('projects.program_year', 'desc')
        .orderBy('stations.name')
        .orderBy('projects.id'),
  });
}

export async function requireProject(ctx: Ctx, id: string, db: Database | Tx = ctx.db): Promise<Row> {
  const row = (await base(ctx, db).where('projects.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound('项目');
  return row;
}

export async function agreementVersions(db: Database | Tx, projectId: string) {
  return db
    .selectFrom('agreement_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('version_no')
    .execute();
}

export async function currentTerms(
  db: Database | Tx,
  projectId: string,
): Promise<{ no: number; terms: AgreementTerms }> {
  const v = await db
    .selectFrom('agreement_versions')
    .select(['version_no', 'terms_json'])
    .where('project_id', '=', projectId)
    .orderBy('version_no', 'desc')
    .executeTakeFirstOrThrow();
  return { no: v.version_no, terms: JSON.parse(v.terms_json) as AgreementTerms };
}

export async function getProject(ctx: Ctx, id: string): Promise<ProjectDetailDto> {
  const r = await requireProject(ctx, id);
  const versions = await agreementVersions(ctx.db, id);
  const files = (await filesOf(ctx.db, 'project', [id])).map(toFileDto);
  const role = ctx.actor!.role;
  const inForce = [...versions].reverse().find((v) => v.applied_at) ?? versions[0];
  const actions = projectMachine.rules
    .filter((x) => x.from.includes(r.status) && x.roles.includes(role))
    .map((x) => x.action);
  return {
    ...toSummary(r, shanghaiDate(ctx.clock.now())),
    hostSignedOn: r.host_signed_on,
    centerSignedOn: r.center_signed_on,
    signedFile: files.find((f) => f.id === r.signed_file_id) ?? null,
    files,
    returnReason: r.return_reason,
    acceptanceComment: r.acceptance_comment,
    decidedAt: r.decided_at,
    reportsSubmittedAt: r.reports_submitted_at,
    applicationId: r.application_id,
    terms: JSON.parse(versions[versions.length - 1].terms_json) as AgreementTerms,
    versions: versions.map((v) => ({
      versionNo: v.version_no,
      effectiveOn: v.effective_on,
      createdAt: v.created_at,
      changeRequestId: v.change_request_id,
      inForce: !!v.applied_at,
    })),
    inForceVersion: inForce.version_no,
    termsInForce: JSON.parse(inForce.terms_json) as AgreementTerms,
    actions,
    actionLabels: projectMachine.actionLabels,
  };
}

export async function agreementDocument(ctx: Ctx, id: string, versionNo?: number) {
  const r = await requireProject(ctx, id);
  const versions = await agreementVersions(ctx.db, id);
  const v = versionNo ? versions.find((x) => x.version_no === versionNo) : versions[versions.length - 1];
  if (!v) throw notFound('协议版本');
  const policy = await loadPolicy(ctx.db, r.program_year);
  const terms = JSON.parse(v.terms_json) as AgreementTerms;
  const bytes = await agreementDocx({
    terms,
    versionNo: v.version_no,
    effectiveOn: v.effective_on,
    programYear: r.program_year,
    hostName: r.host_name,
    policy,
    districtName: terms.districtCode ? (districtByCode(policy, terms.districtCode)?.fullName ?? null) : null,
  });
  return { bytes, fileName: `${r.station_name}-项目合作协议-第${v.version_no}版.docx` };
}

export interface VersionDiffOptions {
  id: string;
  /** the agreement version numbers compared */
  from: number;
  to: number;
}

export async function versionDiff(ctx: Ctx, { id, from, to }: VersionDiffOptions): Promise<TermChange[]> {
  const r = await requireProject(ctx, id);
  const versions = await agreementVersions(ctx.db, id);
  const a = versions.find((v) => v.version_no === from);
  const b = versions.find((v) => v.version_no === to);
  if (!a) throw invalid([{ path: 'from', message: `协议没有第 ${from} 版` }]);
  if (!b) throw invalid([{ path: 'to', message: `协议没有第 ${to} 版` }]);
  const policy = await loadPolicy(ctx.db, r.program_year);
  return diffTerms(JSON.parse(a.terms_json) as AgreementTerms, JSON.parse(b.terms_json) as AgreementTerms, policy);
}

interface BumpOptions {
  before: ProjectTable;
  set: Partial<ProjectTable>;
  now: string;
}

function bump(tx: Tx, { before, set, now }: BumpOptions) {
  return versionedUpdate(tx, { table: 'projects', before, set, now, message: '该项目已被他人修改，请刷新后重试' });
}

export interface AddSignedScanOptions {
  id: string;
  fileName: string;
  bytes: Uint8Array;
}

/** The signed agreement's scan (第十条), uploaded by the Center before it records the signing. */
export async function addSignedScan(ctx: Ctx, { id, fileName, bytes }: AddSignedScanOptions) {
  const before = await requireProject(ctx, id);
  const type = acceptUpload(ctx, bytes, ['pdf', 'jpeg', 'png']);
  await writeTx(ctx, async (tx, audit) => {
    const r = await requireProject(ctx, id, tx);
    if (r.version !== before.version || r.status !== 'agreement_pending')
      throw conflict('协议已登记签订或项目已变化，请刷新后重试');
    const f = await storeLifecycleFile(ctx, tx, {
      owner: { kind: 'project', id },
      purpose: 'signed_agreement',
      fileName,
      bytes,
      type,
    });
    await bump(tx, { before: r, set: { signed_file_id: f.id }, now: ctx.clock.now().toISOString() });
    await audit.record({
      entity: 'project',
      entityId: id,
      action: 'add_file',
      summary: `上传“${r.station_name}”签字盖章的协议扫描件：${f.file_name}（第十条）`,
      after: { file_id: f.id, file_name: f.file_name, sha256: f.sha256 },
    });
  });
  return getProject(ctx, id);
}

export async function signAgreement(
  ctx: Ctx,
  id: string,
  input: { version: number; hostSignedOn: string; centerSignedOn: string },
) {
  await writeTx(ctx, async (tx, audit) => {
    const r = await requireProject(ctx, id, tx);
    if (r.version !== input.version) throw conflict('该项目已被他人修改，请刷新后重试');
    const today = shanghaiDate(ctx.clock.now());
    const issues = [];
    if (input.hostSignedOn > today) issues.push({ path: 'hostSignedOn', message: '乙方签订日期不能晚于今天' });
    if (input.centerSignedOn > today) issues.push({ path: 'centerSignedOn', message: '甲方签订日期不能晚于今天' });
    if (issues.length) throw invalid(issues);
    const d = decide({
      machine: projectMachine,
      from: r.status,
      action: 'sign',
      role: ctx.actor!.role,
      facts: {
        signedScan: !!r.signed_file_id,
        summaryReport: false,
        finalAccounts: false,
        hasReason: false,
      },
    });
    if (!d.ok) throw conflict(d.reason);
    await bump(tx, {
      before: r,
      set: { status: d.to, host_signed_on: input.hostSignedOn, center_signed_on: input.centerSignedOn },
      now: ctx.clock.now().toISOString(),
    });
    await audit.record({
      entity: 'project',
      entityId: id,
      action: 'sign',
      summary: `登记“${r.station_name}”项目合作协议签订（乙方 ${input.hostSignedOn}，甲方 ${input.centerSignedOn}，${d.article}）`,
      before: { status: r.status },
      after: { status: d.to, host_signed_on: input.hostSignedOn, center_signed_on: input.centerSignedOn },
    });
  });
  return getProject(ctx, id);
}

async function reportFacts(db: Database | Tx, stationId: string) {
  const rows = await db
    .selectFrom('reports')
    .select(['kind', (eb) => eb.fn.max('word_count').as('words')])
    .where('station_id', '=', stationId)
    .groupBy('kind')
    .execute();
  const words = (k: string) => Number(rows.find((r) => r.kind === k)?.words ?? -1);
  return { summaryReport: words('summary') > 0, finalAccounts: words('final_accounts') >= 0, rows };
}

export interface TransitionProjectOptions {
  id: string;
  action: 'submit_reports' | 'return_reports' | AcceptanceDecision;
  input: { version: number; reason?: string };
}

/** submit_reports (host), return_reports (Center), and the three acceptance decisions (Center administrator). */
export async function transitionProject(ctx: Ctx, { id, action, input }: TransitionProjectOptions) {
  await writeTx(ctx, async (tx, audit) => {
    const r = await requireProject(ctx, id, tx);
    if (r.version !== input.version) throw conflict('该项目已被他人修改，请刷新后重试');
    const reason = (input.reason ?? '').trim();
    const rf = await reportFacts(tx, r.station_id);
    const d = decide({
      machine: projectMachine,
      from: r.status,
      action,
      role: ctx.actor!.role,
      facts: {
        signedScan: !!r.signed_file_id,
        summaryReport: rf.summaryReport,
        finalAccounts: rf.finalAccounts,
        hasReason: reason.length >= 2,
      },
    });
    if (!d.ok) throw conflict(d.reason);
    const now = ctx.clock.now().toISOString();
    const set: Partial<ProjectTable> = { status: d.to };
    if (action === 'submit_reports') Object.assign(set, { reports_submitted_at: now, return_reason: null });
    if (action === 'return_reports') set.return_reason = reason;
    if ((ACCEPTANCE_DECISIONS as readonly string[]).includes(action))
      Object.assign(set, { acceptance_comment: reason || null, decided_at: now });
    await bump(tx, { before: r, set, now });
    await audit.record({
      entity: 'project',
      entityId: id,
      action,
      summary: `${projectMachine.actionLabels[action]}：“${r.station_name}”（${d.article}）${reason ? `：${reason}` : ''}`,
      before: { status: r.status },
      after: { status: d.to, ...(reason ? { comment: reason } : {}) },
    });
  });
  return getProject(ctx, id);
}

/** The acceptance sheet (第十三条), computed: KPIs from the KPI engine, the reports with their 字数, open findings. */
export async function acceptanceSheet(ctx: Ctx, id: string): Promise<ProjectAcceptanceSheetDto> {
  const r = await requireProject(ctx, id);
  const kpis = await getStationKpis(ctx, r.station_id);
  // The sheet judges against the agreement in force (an approved version waits for its effective date, 第十一条).
  const { terms } = (await agreementInForce(ctx.db, r.station_id)) ?? (await currentTerms(ctx.db, id));
  const policy = await loadPolicy(ctx.db, r.program_year);
  const rf = await reportFacts(ctx.db, r.station_id);
  const reportKinds = [
    'summary',
    'final_accounts',
    ...kpis.kpis
      .filter((k) => k.id.startsWith('report_') && k.measure === 'words')
      .map((k) => k.id.slice('report_'.length)),
  ];
  return {
    project: toSummary(r, shanghaiDate(ctx.clock.now())),
    kpis: kpis.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      article: k.article,
      target: k.target,
      agreementTarget: terms.targets[k.id] ?? k.target,
      targetText: targetText(policy, terms, k.id),
      actual: k.actual,
      actualText:
        k.measure === 'share' ? `${Math.round(k.actual * 1000) / 10}%` : `${k.actual}${k.unit ? ` ${k.unit}` : ''}`,
      met: k.met,
      /** the drill-down of the station's KPI page lists the evidenced records behind the figure */
      evidenceLink: `/stations/${r.station_id}/kpis?kpi=${k.id}`,
    })),
    reports: [...new Set(reportKinds)].map((kind) => {
      const row = rf.rows.find((x) => x.kind === kind);
      return {
        kind,
        label: REPORT_KIND_LABELS[kind] ?? kind,
        present: !!row,
        wordCount: Number(row?.words ?? 0),
      };
    }),
    findings: kpis.findings.map((f) => ({ ...f, label: FINDING_LABELS[f.id] ?? f.id })),
    funds: kpis.funds ?? null,
    fundsNote: kpis.funds
      ? `资助经费 ${formatYuan(yuanToFen(kpis.funds.granted), { symbol: false })} 元，已支出 ${formatYuan(yuanToFen(kpis.funds.spentGrant), { symbol: false })} 元，执行率 ${(kpis.funds.executionRate * 100).toFixed(2)}%（第十五条）；配套经费支出 ${formatYuan(yuanToFen(kpis.funds.spentMatching), { symbol: false })} 元（第十四条）。经费发现见下方“待处理问题”，明细见项目决算报告（第十二条）。`
      : '尚无经费预算：经费执行情况以依托单位提交的项目决算报告为准（第十二条）。',
    metCount: kpis.metCount,
    decision: r.decided_at ? projectMachine.stateLabels[r.status] : null,
    comment: r.acceptance_comment,
    decidedAt: r.decided_at,
    status: r.status,
  };
}

export async function acceptanceDocument(ctx: Ctx, id: string) {
  const s = await acceptanceSheet(ctx, id);
  const bytes = await acceptanceDocx({
    stationName: s.project.stationName,
    hostName: s.project.hostName,
    programYear: s.project.programYear,
    typeName: s.project.stationTypeLabel,
    kpis: s.kpis.map((k) => ({
      name: k.name,
      article: k.article,
      target: k.targetText,
      actual: k.actualText,
      met: k.met,
    })),
    reports: s.reports,
    findings: s.findings.map((f) => ({ label: f.label, article: f.article, ref: f.ref, severity: f.severity })),
    fundsNote: s.fundsNote,
    decision: s.decision,
    comment: s.comment,
    decidedAt: s.decidedAt,
    generatedAt: shanghaiDate(ctx.clock.now()),
  });
  return { bytes, fileName: `${s.project.stationName}-验收表.docx` };
}
