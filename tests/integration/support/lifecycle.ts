// Helpers of the lifecycle tests (issue #4): a 2026 call opened through the API, complete application forms written
// from the year's policy, and host accounts for demo organisations that have none. They go through the API where
// the API is what is tested; accounts are inserted directly (their creation is tested elsewhere).
import { uuidv7 } from 'uuidv7';
import { policy2025 } from '../../../src/domain/policy';
import type { StationType } from '../../../src/domain/policy/types';
import { hashPassword } from '../../../src/server/auth/password';
import { demoBudget } from '../../../src/server/demo/seed-projects';
import type { ApplicationForm } from '../../../src/shared/schemas/application';
import { PASSWORD, type TestApp } from '../../setup/test-app';
import { rawRequest } from './fixtures';
import { DOCX, PNG } from './ledger-requests';

/** The test clock stands at 2025-06-15: the 2026 call is open from that day to 31 July. */
export async function openCall2026(t: TestApp, center: string): Promise<string> {
  const copy = await t.call(center, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
  if (copy.status !== 201) throw new Error(`copy year: ${copy.status} ${JSON.stringify(copy.json)}`);
  const c = await t.call(center, 'POST', '/api/v1/calls', {
    programYear: 2026,
    title: '2026年度“千人进千企”工作站点申报通知',
    opensOn: '2025-06-15',
    closesOn: '2025-07-31',
    stationTypes: ['district_a', 'district_b', 'iur'],
    requiredDocuments: ['application_form', 'work_plan'],
    minReviewers: 3,
    notice: '请按要求提交。',
  });
  if (c.status !== 201) throw new Error(`call: ${c.status} ${JSON.stringify(c.json)}`);
  const o = await t.call(center, 'POST', `/api/v1/calls/${c.json.id}/open`, { version: c.json.version });
  if (o.status !== 200) throw new Error(`open: ${o.status} ${JSON.stringify(o.json)}`);
  return c.json.id;
}

export function completeForm(type: StationType, districtCode: string | null, name: string): ApplicationForm {
  return {
    stationName: name,
    stationType: type,
    districtCode,
    leaderName: '王主任',
    leaderTitle: '秘书长',
    leaderPhone: '010-62345678',
    contactName: '李联系',
    contactPhone: '13800000000',
    contactEmail: '',
    publicInstitutionClass: null,
    hasOwnAssociation: type === 'iur' ? true : null,
    resources: '本单位拥有专家 300 余人，长期服务科技企业，设有专职工作人员 3 名，具备开展工作的场地条件。',
    targets: Object.fromEntries(policy2025.kpis[type].map((k) => [k.id, k.target])),
    activityPlan:
      '全年举办需求征集会和对接会不少于四场，组织产业特派员深入企业开展服务，推动校企合作项目落地，按季度总结报送工作进展。',
    schedule: [
      { month: '2026-03', content: '启动会，走访重点企业' },
      { month: '2026-06', content: '需求对接会' },
    ],
    budgetFen: demoBudget(policy2025.stationTypes[type].fundingFen),
    matchingFundsFen: 0,
    matchingFundsSource: '',
  };
}

export async function upload(t: TestApp, cookie: string, path: string, bytes: Uint8Array) {
  return rawRequest(t, 'POST', path, {
    cookie,
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

/** A host creates, completes (files included) and submits an application; returns its detail. */
export async function submitApplication(t: TestApp, cookie: string, callId: string, form: ApplicationForm) {
  const c = await t.call(cookie, 'POST', '/api/v1/applications', { callId, form });
  if (c.status !== 201) throw new Error(`create application: ${c.status} ${JSON.stringify(c.json)}`);
  const id = c.json.id as string;
  await upload(t, cookie, `/api/v1/applications/${id}/files?purpose=application_form&fileName=申报书.png`, PNG);
  const f = await upload(t, cookie, `/api/v1/applications/${id}/files?purpose=work_plan&fileName=工作方案.docx`, DOCX);
  const s = await t.call(cookie, 'POST', `/api/v1/applications/${id}/submit`, { version: f.json.version });
  if (s.status !== 200) throw new Error(`submit: ${s.status} ${JSON.stringify(s.json)}`);
  return s.json;
}

/** An auditor account besides the demo one, assigned to nothing; returns its id. */
export async function spareAuditor(t: TestApp): Promise<string> {
  const now = t.clock.now().toISOString();
  const id = uuidv7();
  await t.deps.db
    .insertInto('users')
    .values({
      id,
      username: 'auditor-spare',
      display_name: '备用审计人员',
      password_hash: await hashPassword(PASSWORD),
      role: 'auditor',
      organization_id: null,
      district_code: null,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      is_active: 1,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** A host account for a demo organisation (the seed has one host account only). */
export async function hostAccountFor(t: TestApp, orgId: string, username: string): Promise<string> {
  const now = t.clock.now().toISOString();
  await t.deps.db
    .insertInto('users')
    .values({
      id: uuidv7(),
      username,
      display_name: username,
      password_hash: await hashPassword(PASSWORD),
      role: 'host',
      organization_id: orgId,
      district_code: null,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      is_active: 1,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return t.login(username);
}

export async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
    .id;
}

/** Every assigned reviewer declares no conflict and scores; returns the totals given. */
export async function scoreAll(t: TestApp, applicationId: string, reviewers: string[], totals: number[]) {
  for (const [i, username] of reviewers.entries()) {
    const cookie = await t.login(username);
    const mine = await t.call(cookie, 'GET', `/api/v1/applications/${applicationId}/reviews`);
    const a = mine.json.items[0];
    const d = await t.call(cookie, 'POST', `/api/v1/review-assignments/${a.id}/declaration`, {
      version: a.version,
      hasConflict: false,
    });
    if (d.status !== 200) throw new Error(`declare: ${d.status} ${JSON.stringify(d.json)}`);
    const total = totals[i];
    const plan = Math.min(40, Math.max(0, total - 30));
    const scores = {
      basis: Math.min(30, total),
      plan,
      budget: Math.max(0, Math.min(20, total - 30 - plan)),
      feature: 0,
    };
    scores.feature = total - scores.basis - scores.plan - scores.budget;
    const s = await t.call(cookie, 'POST', `/api/v1/review-assignments/${a.id}/score`, {
      version: d.json.version,
      scores,
      comment: '方案可行，建议立项。',
    });
    if (s.status !== 200) throw new Error(`score: ${s.status} ${JSON.stringify(s.json)}`);
  }
}

export { uuidv7 };

/** The lifecycle rows the authorization matrix aims at, one per demo target (海淀, 朝阳, 北理工 IUR). */
export interface LifecycleTargets {
  applications: { haidian: string; chaoyang: string; iurBit: string };
  /** review assignments: `reviewer` on the 海淀 application, `reviewer2` on the 朝阳 one */
  reviews: { own: string; other: string };
  projects: { haidian: string; chaoyang: string; iurBit: string };
  changeRequests: { haidian: string; chaoyang: string; iurBit: string };
}

/**
 * Submitted applications of three hosts under an open 2026 call, each with a file and a site inspection with a photo;
 * review assignments; and a draft change request with its paper scan on each demo project. Inserted directly: the
 * matrix tests access, not these flows (tested in lifecycle.test.ts).
 */
export async function seedLifecycleTargets(
  t: TestApp,
  center: string,
  ids: {
    stations: { haidian: string; chaoyang: string; iurBit: string };
    orgs: { haidianHost: string; chaoyangHost: string; bit: string };
  },
): Promise<LifecycleTargets> {
  const callId = await openCall2026(t, center);
  const db = t.deps.db;
  const now = t.clock.now().toISOString();
  const blob = await t.deps.blobs.put(PNG);
  const file = async (kind: 'application' | 'site_visit' | 'change_request', ownerId: string, purpose: string) =>
    db
      .insertInto('lifecycle_files')
      .values({
        id: uuidv7(),
        owner_kind: kind,
        owner_id: ownerId,
        purpose,
        sha256: blob.sha256,
        size: blob.size,
        mime: 'image/png',
        file_name: `${purpose}.png`,
        created_at: now,
        created_by: null,
      })
      .execute();
  const app = async (org: string, type: StationType, district: string | null, name: string) => {
    const id = uuidv7();
    await db
      .insertInto('applications')
      .values({
        id,
        call_id: callId,
        program_year: 2026,
        host_org_id: org,
        station_type: type,
        district_code: district,
        status: 'submitted',
        form_json: JSON.stringify(completeForm(type, district, name)),
        district_opinion: null,
        return_reason: null,
        decision_reason: null,
        submitted_at: now,
        recommended_at: null,
        decided_at: null,
        station_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await file('application', id, 'application_form');
    const inspection = uuidv7();
    await db
      .insertInto('site_visits')
      .values({
        id: inspection,
        application_id: id,
        visited_on: '2025-06-10',
        participants: '中心 张三',
        district_participants: '区科协 李四',
        findings: '场地、人员与申报一致',
        created_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await file('site_visit', inspection, 'photo');
    return id;
  };
  const applications = {
    haidian: await app(ids.orgs.haidianHost, 'district_a', '110108', '海淀 2026 申报'),
    chaoyang: await app(ids.orgs.chaoyangHost, 'district_a', '110105', '朝阳 2026 申报'),
    iurBit: await app(ids.orgs.bit, 'iur', null, '北理工 2026 申报'),
  };
  const assign = async (applicationId: string, username: string) => {
    const id = uuidv7();
    await db
      .insertInto('review_assignments')
      .values({
        id,
        application_id: applicationId,
        reviewer_id: await userId(t, username),
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
      })
      .execute();
    return id;
  };
  const reviews = {
    own: await assign(applications.haidian, 'reviewer'),
    other: await assign(applications.chaoyang, 'reviewer2'),
  };
  const project = async (stationId: string) =>
    (await db.selectFrom('projects').select('id').where('station_id', '=', stationId).executeTakeFirstOrThrow()).id;
  const projects = {
    haidian: await project(ids.stations.haidian),
    chaoyang: await project(ids.stations.chaoyang),
    iurBit: await project(ids.stations.iurBit),
  };
  const cr = async (projectId: string) => {
    const v = await db
      .selectFrom('agreement_versions')
      .select('terms_json')
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    await db
      .insertInto('change_requests')
      .values({
        id,
        project_id: projectId,
        status: 'draft',
        title: '更换联系人',
        reason: '原联系人调岗，更换联系人',
        base_version_no: 1,
        proposed_terms_json: JSON.stringify({ ...JSON.parse(v.terms_json), contactName: '新联系人' }),
        effective_on: '2025-08-01',
        decision_reason: null,
        submitted_at: null,
        decided_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await file('change_request', id, 'paper_explanation');
    return id;
  };
  const changeRequests = {
    haidian: await cr(projects.haidian),
    chaoyang: await cr(projects.chaoyang),
    iurBit: await cr(projects.iurBit),
  };
  return { applications, reviews, projects, changeRequests };
}

/** What the audit-coverage cases carry from a setup to their requests. */
export const stash = {
  appId: '',
  appVersion: 0,
  fileId: '',
  assignmentId: '',
  assignmentVersion: 0,
  visitId: '',
  projectId: '',
  projectVersion: 0,
  changeRequestId: '',
  changeRequestVersion: 0,
  terms: {} as Record<string, unknown>,
  noticeId: '',
};

export type Stage =
  | 'draft'
  | 'complete'
  | 'submitted'
  | 'recommended'
  | 'assigned'
  | 'declared'
  | 'under_review'
  | 'scored'
  | 'approved'
  | 'scanned';

const ORDER: Stage[] = [
  'draft',
  'complete',
  'submitted',
  'recommended',
  'assigned',
  'declared',
  'under_review',
  'scored',
  'approved',
  'scanned',
];

/**
 * Drives the 海淀 host's 2026 application through the API up to a stage, keeping ids and versions in `stash`.
 * `assigned`: reviewer, reviewer2, reviewer3 assigned; `declared`: `reviewer` declared no conflict; `under_review`:
 * review started; `scored`: all three scored; `approved`: project created; `scanned`: its signed scan uploaded.
 */
export async function toStage(t: TestApp, stage: Stage): Promise<void> {
  const center = await t.login('center');
  const host = await t.login('host');
  const reach = (s: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);
  const callId = await openCall2026(t, center);
  const form = completeForm('district_a', '110108', '海淀区科技创新工作站');
  const c = await t.call(host, 'POST', '/api/v1/applications', {
    callId,
    form: reach('complete')
      ? form
      : { stationName: form.stationName, stationType: 'district_a', districtCode: '110108' },
  });
  stash.appId = c.json.id;
  stash.appVersion = c.json.version;
  if (reach('complete')) {
    await upload(
      t,
      host,
      `/api/v1/applications/${stash.appId}/files?purpose=application_form&fileName=申报书.png`,
      PNG,
    );
    const f = await upload(
      t,
      host,
      `/api/v1/applications/${stash.appId}/files?purpose=work_plan&fileName=方案.docx`,
      DOCX,
    );
    stash.appVersion = f.json.version;
    stash.fileId = f.json.files[0].id;
  } else {
    const f = await upload(
      t,
      host,
      `/api/v1/applications/${stash.appId}/files?purpose=other&fileName=草稿材料.png`,
      PNG,
    );
    stash.appVersion = f.json.version;
    stash.fileId = f.json.files[0].id;
  }
  const step = async (cookie: string, path: string, body: unknown) => {
    const r = await t.call(cookie, 'POST', path, body);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  if (reach('submitted'))
    stash.appVersion = (
      await step(host, `/api/v1/applications/${stash.appId}/submit`, { version: stash.appVersion })
    ).version;
  if (reach('recommended')) {
    const district = await t.login('haidian');
    stash.appVersion = (
      await step(district, `/api/v1/applications/${stash.appId}/recommend`, {
        version: stash.appVersion,
        opinion: '同意推荐',
      })
    ).version;
  }
  const reviewers = ['reviewer', 'reviewer2', 'reviewer3'];
  if (reach('assigned')) {
    await step(center, `/api/v1/applications/${stash.appId}/reviewers`, {
      reviewerIds: await Promise.all(reviewers.map((u) => userId(t, u))),
    });
    const mine = await t.call(await t.login('reviewer'), 'GET', '/api/v1/review-assignments');
    stash.assignmentId = mine.json.items[0].id;
    stash.assignmentVersion = mine.json.items[0].version;
  }
  if (reach('declared')) {
    const r = await step(await t.login('reviewer'), `/api/v1/review-assignments/${stash.assignmentId}/declaration`, {
      version: stash.assignmentVersion,
      hasConflict: false,
    });
    stash.assignmentVersion = r.version;
  }
  if (reach('under_review'))
    stash.appVersion = (
      await step(center, `/api/v1/applications/${stash.appId}/start-review`, { version: stash.appVersion })
    ).version;
  if (reach('scored')) {
    // `reviewer` has declared already: score it directly, then the two others.
    await step(await t.login('reviewer'), `/api/v1/review-assignments/${stash.assignmentId}/score`, {
      version: stash.assignmentVersion,
      scores: { basis: 25, plan: 30, budget: 15, feature: 5 },
      comment: '方案可行，建议立项。',
    });
    await scoreAll(t, stash.appId, ['reviewer2', 'reviewer3'], [80, 70]);
    stash.appVersion = (await t.call(center, 'GET', `/api/v1/applications/${stash.appId}`)).json.version;
  }
  if (reach('approved')) {
    const r = await step(center, '/api/v1/applications/approve', {
      items: [{ id: stash.appId, version: stash.appVersion }],
    });
    stash.projectId = r.approved[0].projectId;
    stash.projectVersion = (await t.call(center, 'GET', `/api/v1/projects/${stash.projectId}`)).json.version;
  }
  if (reach('scanned')) {
    const r = await upload(t, center, `/api/v1/projects/${stash.projectId}/signed-scan?fileName=协议.png`, PNG);
    stash.projectVersion = r.json.version;
  }
}

/** The 海淀 demo project (in progress, signed); with `reports`, its year-end reports are entered (and submitted). */
export async function demoProject(
  t: TestApp,
  stationId: string,
  opts: { reports?: boolean; submit?: boolean; changeRequest?: 'draft' | 'paper' | 'submitted' } = {},
): Promise<void> {
  const host = await t.login('host');
  const p = await t.deps.db
    .selectFrom('projects')
    .selectAll()
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow();
  stash.projectId = p.id;
  const detail = (await t.call(host, 'GET', `/api/v1/projects/${p.id}`)).json;
  stash.projectVersion = detail.version;
  stash.terms = detail.terms;
  if (opts.reports) {
    for (const [kind, title] of [
      ['summary', '年度总结'],
      ['final_accounts', '决算报告'],
    ]) {
      const r = await t.call(host, 'POST', `/api/v1/stations/${stationId}/reports`, {
        kind,
        title,
        submittedOn: '2025-06-15',
        text: '本年度工作情况如下。',
      });
      if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.json)}`);
    }
  }
  if (opts.submit) {
    const r = await t.call(host, 'POST', `/api/v1/projects/${p.id}/submit-reports`, { version: stash.projectVersion });
    if (r.status !== 200) throw new Error(`submit reports: ${r.status} ${JSON.stringify(r.json)}`);
    stash.projectVersion = r.json.version;
  }
  if (opts.changeRequest) {
    const c = await t.call(host, 'POST', `/api/v1/projects/${p.id}/change-requests`, {
      title: '更换联系人',
      reason: '原联系人调岗，更换联系人',
      effectiveOn: '2025-08-01',
      terms: { ...detail.terms, contactName: '新联系人' },
    });
    if (c.status !== 201) throw new Error(`change request: ${c.status} ${JSON.stringify(c.json)}`);
    stash.changeRequestId = c.json.id;
    stash.changeRequestVersion = c.json.version;
    if (opts.changeRequest !== 'draft') {
      const u = await upload(t, host, `/api/v1/change-requests/${c.json.id}/paper?fileName=说明.png`, PNG);
      stash.changeRequestVersion = u.json.version;
    }
    if (opts.changeRequest === 'submitted') {
      const s = await t.call(host, 'POST', `/api/v1/change-requests/${c.json.id}/submit`, {
        version: stash.changeRequestVersion,
      });
      if (s.status !== 200) throw new Error(`submit change: ${s.status} ${JSON.stringify(s.json)}`);
      stash.changeRequestVersion = s.json.version;
    }
  }
}
