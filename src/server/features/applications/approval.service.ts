import { uuidv7 } from 'uuidv7';
import { type AgreementTerms, termsFromApplication } from '../../../domain/lifecycle/agreement';
import { decide } from '../../../domain/lifecycle/machine';
import { applicationMachine } from '../../../domain/lifecycle/machines';
import { conflict } from '../../../shared/errors';
import type { ApplicationApprovalDto, ApplicationForm } from '../../../shared/schemas/application';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import type { Tx } from '../../db/database';
import type { ApplicationTable } from '../../db/schema';
import { insertStation } from '../stations/stations.service';
import { bump, type Context, contextOf, factsOf, requireApplication } from './applications.service';

/**
 * 批准立项 (第十条), a batch in one transaction: each application passes the machine (reviews complete, the type's
 * quota not full); the station is created under the station rules (checked with the year's row locked, so two
 * approvals racing for the last place cannot both win); the project and agreement version 1 come with it.
 * One refusal refuses the batch and names the application.
 */
export async function approveApplications(
  ctx: Ctx,
  items: Array<{ id: string; version: number }>,
): Promise<ApplicationApprovalDto> {
  const approved: ApplicationApprovalDto['approved'] = [];
  await writeTx(ctx, async (tx, audit) => {
    for (const item of items) {
      const before = await requireApplication(ctx, item.id, tx);
      const form = JSON.parse(before.form_json) as ApplicationForm;
      const name = form.stationName ?? '（未命名）';
      if (before.version !== item.version) throw conflict(`申报书“${name}”已被他人修改，请刷新后重试`);
      // Lock the year's row first (PostgreSQL), so the quota count below is the committed one.
      let yq = tx.selectFrom('program_years').select('year').where('year', '=', before.program_year);
      if (ctx.engine === 'postgres') yq = yq.forUpdate();
      await yq.executeTakeFirstOrThrow();
      const c = await contextOf(tx, before);
      const facts = await factsOf(ctx, tx, { app: before, context: c, reason: '' });
      const d = decide({
        machine: applicationMachine,
        from: before.status,
        action: 'approve',
        role: ctx.actor!.role,
        facts,
      });
      if (!d.ok) throw conflict(`“${name}”：${d.reason}`);
      const r = await createProjectFor(ctx, tx, { audit, app: before, form, context: c });
      await bump(tx, {
        before,
        set: { status: 'approved', decided_at: ctx.clock.now().toISOString(), station_id: r.stationId },
        now: ctx.clock.now().toISOString(),
      });
      await audit.record({
        entity: 'application',
        entityId: before.id,
        action: 'approve',
        summary: `批准立项“${name}”（${d.article}）`,
        before: { status: before.status },
        after: { status: 'approved', station_id: r.stationId, project_id: r.projectId },
      });
      approved.push({ applicationId: before.id, ...r });
    }
  });
  return { approved };
}

interface CreateProjectOptions {
  audit: AuditRecorder;
  app: ApplicationTable;
  form: ApplicationForm;
  context: Context;
}

async function createProjectFor(
  ctx: Ctx,
  tx: Tx,
  { audit, app, form, context: c }: CreateProjectOptions,
): Promise<{ stationId: string; projectId: string }> {
  const y = app.program_year;
  const period = { start: `${y}-01-01`, end: `${y}-12-31` };
  const terms: AgreementTerms = termsFromApplication(form, period);
  const input = {
    programYear: y,
    type: app.station_type,
    districtCode: app.station_type === 'iur' ? null : app.district_code,
    hostOrgId: app.host_org_id,
    name: terms.stationName,
    periodStart: period.start,
    periodEnd: period.end,
    leaderName: terms.leaderName,
    leaderPhone: terms.leaderPhone,
    contactName: terms.contactName,
    contactPhone: terms.contactPhone,
  };
  const stationId = await insertStation(ctx, tx, {
    audit,
    input,
    summary: `立项设立工作站点“${input.name}”（第十条）`,
  });
  const now = ctx.clock.now().toISOString();
  const projectId = uuidv7();
  const project = {
    id: projectId,
    station_id: stationId,
    application_id: app.id,
    program_year: y,
    status: 'agreement_pending' as const,
    host_signed_on: null,
    center_signed_on: null,
    signed_file_id: null,
    reports_due_on: c.call.reports_due_on ?? `${y}-12-31`,
    reports_submitted_at: null,
    return_reason: null,
    acceptance_comment: null,
    decided_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await tx.insertInto('projects').values(project).execute();
  const agreement = {
    id: uuidv7(),
    project_id: projectId,
    version_no: 1,
    terms_json: JSON.stringify(terms),
    change_request_id: null,
    effective_on: period.start,
    created_at: now,
    created_by: ctx.actor?.userId ?? null,
    applied_at: now,
  };
  await tx.insertInto('agreement_versions').values(agreement).execute();
  await audit.record({
    entity: 'project',
    entityId: projectId,
    action: 'create',
    summary: `生成项目合作协议（第 1 版）：“${input.name}”（第十条）`,
    after: { ...project, agreement: terms },
  });
  return { stationId, projectId };
}
