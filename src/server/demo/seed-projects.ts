import { uuidv7 } from 'uuidv7';
import type { AgreementTerms } from '../../domain/lifecycle/agreement';
import { EXPENSE_CATEGORIES, type ExpenseCategory, policy2025 } from '../../domain/policy/index';
import { writeTx } from '../audit/audit';
import type { Ctx } from '../context';
import { samplePng } from './sample-png';

// The demo year's stations were registered by the Center before the platform; each gets its project with a signed
// agreement (version 1, built from the station and the year's targets), so the agreement, change-request and
// acceptance pages have something to show. Shares of the fixed funding by category, adding up exactly.
const SHARES: Record<ExpenseCategory, number> = { consulting: 40, labour: 20, activity: 25, meeting: 10, other: 5 };

export function demoBudget(fundingFen: number): Record<ExpenseCategory, number> {
  const out = {} as Record<ExpenseCategory, number>;
  let rest = fundingFen;
  for (const c of EXPENSE_CATEGORIES.slice(0, -1)) {
    out[c] = Math.floor((fundingFen * SHARES[c]) / 100);
    rest -= out[c];
  }
  out.other = rest;
  return out;
}

export async function seedDemoProjects(ctx: Ctx): Promise<void> {
  const stations = await ctx.db
    .selectFrom('stations')
    .selectAll()
    .where('program_year', '=', policy2025.year)
    .execute();
  const scan = await ctx.blobs.put(samplePng(120, 160, 30));
  const now = ctx.clock.now().toISOString();
  await writeTx(ctx, async (tx, audit) => {
    for (const s of stations) {
      const projectId = uuidv7();
      const fileId = uuidv7();
      const terms: AgreementTerms = {
        stationName: s.name,
        stationType: s.type,
        districtCode: s.district_code,
        periodStart: s.period_start,
        periodEnd: s.period_end,
        leaderName: s.leader_name,
        leaderPhone: s.leader_phone,
        contactName: s.contact_name,
        contactPhone: s.contact_phone,
        targets: Object.fromEntries(policy2025.kpis[s.type].map((k) => [k.id, k.target])),
        budgetFen: demoBudget(policy2025.stationTypes[s.type].fundingFen),
        matchingFundsFen: 0,
        activityPlan:
          '按季度举办需求征集会和对接会，组织产业特派员走访重点企业，推动合作项目落地，年底提交总结报告和决算报告。',
      };
      await tx
        .insertInto('lifecycle_files')
        .values({
          id: fileId,
          owner_kind: 'project',
          owner_id: projectId,
          purpose: 'signed_agreement',
          sha256: scan.sha256,
          size: scan.size,
          mime: 'image/png',
          file_name: '协议签字页.png',
          created_at: now,
          created_by: null,
        })
        .execute();
      const project = {
        id: projectId,
        station_id: s.id,
        application_id: null,
        program_year: s.program_year,
        status: 'in_progress' as const,
        host_signed_on: '2025-03-20',
        center_signed_on: '2025-03-25',
        signed_file_id: fileId,
        reports_due_on: `${s.program_year}-12-31`,
        reports_submitted_at: null,
        return_reason: null,
        acceptance_comment: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await tx.insertInto('projects').values(project).execute();
      await tx
        .insertInto('agreement_versions')
        .values({
          id: uuidv7(),
          project_id: projectId,
          version_no: 1,
          terms_json: JSON.stringify(terms),
          change_request_id: null,
          effective_on: s.period_start,
          created_at: now,
          created_by: null,
          applied_at: now,
        })
        .execute();
      await audit.record({
        entity: 'project',
        entityId: projectId,
        action: 'create',
        summary: `演示数据：“${s.name}”的项目与合作协议（第 1 版，已签订）`,
        after: { ...project, agreement: terms },
      });
    }
  });
}
