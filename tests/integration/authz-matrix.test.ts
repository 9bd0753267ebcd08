// The authorization matrix (issue #2): every route the router registers × every role × records in and out of the
// role's data scope. Routes come from `createApp().routes`, so a route added later is covered without editing this
// file; a Hono route registered without a RouteMeta (and so without a declared permission) fails the first test.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { RouteMeta } from '../../src/server/http/router';
import { can, PERMISSIONS, ROLE_SCOPE, ROLES, type Role } from '../../src/shared/permissions';
import { RECORD_KINDS, type RecordKind } from '../../src/shared/schemas/ledger-records';
import { createTestApp, type TestApp } from '../setup/test-app';
import { expenseOf, freshExpense, freshVoucher, validExpenseBody } from './support/expenses';
import { CHAOYANG, DEMO_USERS, demoIds, HAIDIAN, rawRequest } from './support/fixtures';
import {
  attachmentOf,
  DOCX,
  evidenceOf,
  ledgerFor,
  ledgerXlsx,
  PNG,
  recordOf,
  validRecordBody,
} from './support/ledger-requests';
import { completeForm, seedLifecycleTargets, spareAuditor, userId } from './support/lifecycle';
import { freshFinding, seedInspection } from './support/supervision';

const t: TestApp = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
const ids = await demoIds(t);
// The lifecycle (issue #4): applications of three hosts, review assignments, the demo projects' change requests.
const lc = await seedLifecycleTargets(t, await t.login('center'), ids);
const SPARE_AUDITOR = await spareAuditor(t);
afterAll(() => t.close());

/** An id no record has: the answer for it is what an out-of-scope id must look like. */
const MISSING_ID = '01900000-0000-7000-8000-000000000000';
/** Values for path parameters that name no scoped record. */
// 监督检查 (issue #5): the Center's inspection pages read a real inspection.
const INSPECTION_ID = await seedInspection(t, [ids.stations.haidian, ids.stations.chaoyang]);
const PLAIN_PARAMS: Record<string, string> = { year: '2025', inspectionId: INSPECTION_ID };
/** Query strings for GET routes that need one (default: the demo year). */
const GET_QUERY: Record<string, string> = {
  '/api/v1/projects/{projectId}/diff': 'from=1&to=1',
  '/api/v1/enterprises/lookup': `uscc=${(await t.deps.db.selectFrom('enterprises').select('uscc').executeTakeFirstOrThrow()).uscc}`,
};
const DEFAULT_GET_QUERY = 'year=2025';

// ---------------------------------------------------------------------------------------------------------------
// The expected data scope, written from the rules (ROLE_SCOPE and the demo rows), not from the server's SQL.

interface Account {
  role: Role;
  userId: string;
  organizationId: string | null;
  districtCode: string | null;
  assignedStations: Set<string>;
}

const accounts = {} as Record<Role, Account>;
const allStations = await t.deps.db.selectFrom('stations').selectAll().execute();
const allOrgs = await t.deps.db.selectFrom('organizations').selectAll().execute();
{
  const users = await t.deps.db.selectFrom('users').selectAll().execute();
  const assignments = await t.deps.db.selectFrom('user_stations').selectAll().execute();
  for (const role of ROLES) {
    const u = users.find((x) => x.username === DEMO_USERS[role]);
    if (!u || u.role !== role) throw new Error(`demo account for ${role} missing`);
    accounts[role] = {
      role,
      userId: u.id,
      organizationId: u.organization_id,
      districtCode: u.district_code,
      assignedStations: new Set(assignments.filter((a) => a.user_id === u.id).map((a) => a.station_id)),
    };
  }
}

function stationVisible(a: Account, stationId: string): boolean {
  const s = allStations.find((x) => x.id === stationId);
  if (!s) return false;
  switch (ROLE_SCOPE[a.role]) {
    case 'all':
      return true;
    case 'district':
      return s.district_code === a.districtCode;
    case 'station':
      return a.role === 'host' ? s.host_org_id === a.organizationId : a.assignedStations.has(s.id);
    default:
      return false;
  }
}

/** Organisations: all for the Center and the account administrator (who picks a host for a host account);
 * otherwise the account's own organisation, its district's association, and the hosts of stations it sees. */
function organizationVisible(a: Account, orgId: string): boolean {
  const o = allOrgs.find((x) => x.id === orgId);
  if (!o) return false;
  if (ROLE_SCOPE[a.role] === 'all' || a.role === 'sys_admin') return true;
  if (o.id === a.organizationId) return true;
  if (a.role === 'district' && o.kind === 'district_association' && o.district_code === a.districtCode) return true;
  return allStations.some((s) => s.host_org_id === o.id && stationVisible(a, s.id));
}

/** Accounts have no data scope: whoever may read accounts reads all of them. */
function userVisible(_a: Account, userId: string): boolean {
  return userId !== MISSING_ID;
}

interface Target {
  label: string;
  id: string;
}

const APPLICATIONS = [
  { id: lc.applications.haidian, org: ids.orgs.haidianHost, district: HAIDIAN as string | null },
  { id: lc.applications.chaoyang, org: ids.orgs.chaoyangHost, district: CHAOYANG as string | null },
  { id: lc.applications.iurBit, org: ids.orgs.bit, district: null },
];

/** Applications: the Center all; a district its district's; a host its own; a reviewer those assigned to it. */
function applicationVisible(a: Account, id: string): boolean {
  const app = APPLICATIONS.find((x) => x.id === id);
  if (!app) return false;
  if (ROLE_SCOPE[a.role] === 'all') return true;
  if (a.role === 'district') return app.district !== null && app.district === a.districtCode;
  if (a.role === 'host') return app.org === a.organizationId;
  if (a.role === 'reviewer') return id === lc.applications.haidian;
  return false;
}

const PROJECT_STATION: Record<string, string> = {
  [lc.projects.haidian]: ids.stations.haidian,
  [lc.projects.chaoyang]: ids.stations.chaoyang,
  [lc.projects.iurBit]: ids.stations.iurBit,
  [lc.changeRequests.haidian]: ids.stations.haidian,
  [lc.changeRequests.chaoyang]: ids.stations.chaoyang,
  [lc.changeRequests.iurBit]: ids.stations.iurBit,
};

const TARGETS: Record<string, { targets: Target[]; visible: (a: Account, id: string) => boolean }> = {
  station: {
    targets: [
      { label: '海淀区站点', id: ids.stations.haidian },
      { label: '朝阳区站点（另一区）', id: ids.stations.chaoyang },
      { label: '产学研站点（同在海淀、另一依托单位）', id: ids.stations.iurBit },
    ],
    visible: stationVisible,
  },
  organization: {
    targets: [
      { label: '创新服务中心', id: ids.orgs.center },
      { label: '海淀区科协', id: ids.orgs.haidianAssociation },
      { label: '朝阳区科协（另一区）', id: ids.orgs.chaoyangAssociation },
      { label: '海淀依托单位', id: ids.orgs.haidianHost },
      { label: '朝阳依托单位（另一区）', id: ids.orgs.chaoyangHost },
      { label: '北理工科协（另一站点）', id: ids.orgs.bit },
    ],
    visible: organizationVisible,
  },
  application: {
    targets: [
      { label: '海淀申报书', id: lc.applications.haidian },
      { label: '朝阳申报书（另一区）', id: lc.applications.chaoyang },
      { label: '北理工产学研申报书（无区、另一依托单位）', id: lc.applications.iurBit },
    ],
    visible: applicationVisible,
  },
  review: {
    targets: [
      { label: '本人的评审任务', id: lc.reviews.own },
      { label: '他人的评审任务', id: lc.reviews.other },
    ],
    visible: (a, id) => a.role === 'reviewer' && id === lc.reviews.own,
  },
  project: {
    targets: [
      { label: '海淀站点的项目', id: lc.projects.haidian },
      { label: '朝阳站点的项目（另一区）', id: lc.projects.chaoyang },
      { label: '北理工产学研项目', id: lc.projects.iurBit },
    ],
    visible: (a, id) => !!PROJECT_STATION[id] && stationVisible(a, PROJECT_STATION[id]),
  },
  'change-request': {
    targets: [
      { label: '海淀项目的调整申请', id: lc.changeRequests.haidian },
      { label: '朝阳项目的调整申请（另一区）', id: lc.changeRequests.chaoyang },
      { label: '北理工项目的调整申请', id: lc.changeRequests.iurBit },
    ],
    visible: (a, id) => !!PROJECT_STATION[id] && stationVisible(a, PROJECT_STATION[id]),
  },
  user: {
    targets: [
      { label: '账户 center', id: ids.users.center.id },
      { label: '账户 haidian', id: ids.users.haidian.id },
      { label: '账户 secadmin', id: ids.users.secadmin.id },
    ],
    visible: userVisible,
  },
};

// ---------------------------------------------------------------------------------------------------------------

const cookies = {} as Record<Role, string>;
beforeAll(async () => {
  for (const role of ROLES) cookies[role] = await t.login(DEMO_USERS[role]);
});

/** A mutating call may have ended the session (logout routes): sign in again so the next call tests access. */
async function keepSignedIn(role: Role): Promise<void> {
  const me = await t.call(cookies[role], 'GET', '/api/v1/me');
  if (me.status === 401) cookies[role] = await t.login(DEMO_USERS[role]);
  else expect(me.status, `GET /api/v1/me as ${role}`).toBe(200);
}

function keyOf(r: Pick<RouteMeta, 'method' | 'path'>): string {
  return `${r.method.toUpperCase()} ${r.path}`;
}

function urlFor(route: RouteMeta, scopedId?: string, params: Record<string, string> = {}): string {
  let path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (route.scoped?.param === name) return encodeURIComponent(scopedId ?? MISSING_ID);
    return encodeURIComponent(params[name] ?? PLAIN_PARAMS[name] ?? 'x');
  });
  if (route.method === 'get') path += `?${GET_QUERY[route.path] ?? DEFAULT_GET_QUERY}`;
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Ledger routes (issue #3) name records inside a station: their other path parameters are resolved from the target
// station's own records, and writes carry a valid body, so that an answer proves the scope, not a validation error.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected loosely, as t.call returns them
type RawJson = any;

interface StationRequest {
  params: Record<string, string>;
  query?: string;
  body?: unknown;
  bytes?: Uint8Array;
}

const RECORD_KIND_OF = (path: string): RecordKind | null => {
  const m = /\/stations\/\{id\}\/([a-z-]+)/.exec(path);
  return m && (RECORD_KINDS as readonly string[]).includes(m[1]) ? (m[1] as RecordKind) : null;
};

async function stationRequest(route: RouteMeta, stationId: string): Promise<StationRequest> {
  const params: Record<string, string> = {};
  const kind = RECORD_KIND_OF(route.path);
  if (route.path.includes('{recordId}') && kind) {
    const ev = route.path.includes('/evidence') ? await evidenceOf(t, stationId) : null;
    params.recordId = ev?.eventId ?? (await recordOf(t, kind, stationId))?.id ?? MISSING_ID;
    if (ev) params.evidenceId = ev.evidenceId;
  }
  if (route.path.includes('{attachmentId}')) params.attachmentId = (await attachmentOf(t, stationId)) ?? MISSING_ID;
  if (route.path.includes('{kpiId}')) params.kpiId = 'events';
  if (route.path.includes('{kind}')) params.kind = 'summary';
  if (route.path.includes('{expenseId}'))
    params.expenseId =
      route.method === 'delete'
        ? await freshExpense(t, stationId)
        : ((await expenseOf(t, stationId))?.id ?? MISSING_ID);
  const key = keyOf(route);
  // 对接 (issue #15): the suggestions of a page's demands name them.
  if (key === 'GET /api/v1/stations/{id}/demand-suggestions') {
    const d = await recordOf(t, 'demands', stationId);
    return { params, query: `ids=${d?.id ?? MISSING_ID}` };
  }
  if (route.method === 'get') return { params };
  if (key === 'POST /api/v1/stations/{id}/ledger')
    return { params, body: { ledger: await ledgerFor(t, stationId), dryRun: true } };
  if (key === 'POST /api/v1/stations/{id}/events/{recordId}/evidence')
    return { params, query: 'kind=photo&fileName=现场照片.png', bytes: PNG };
  if (key === 'POST /api/v1/stations/{id}/ledger/xlsx')
    return { params, query: 'dryRun=1', bytes: await ledgerXlsx(t, stationId) };
  if (key === 'POST /api/v1/stations/{id}/reports/docx')
    return { params, query: `kind=summary&title=${encodeURIComponent('年度总结')}&fileName=summary.docx`, bytes: DOCX };
  if (key === 'POST /api/v1/stations/{id}/experts/{recordId}/reveal')
    return { params, body: { field: 'idCard', reason: '核对专家身份信息' } };
  if (key.startsWith('DELETE') && key.endsWith('/evidence/{evidenceId}')) return { params };
  // 第三方审计 (issue #5): a second auditor account (not the demo one, whose scope the matrix relies on) is assigned
  // for a window that covers today, and removed again.
  if (key === 'POST /api/v1/stations/{id}/auditors')
    return { params, body: { userId: SPARE_AUDITOR, validFrom: '2025-01-01', validTo: '2025-12-31' } };
  if (key === 'DELETE /api/v1/stations/{id}/auditors/{userId}') {
    // Each call removes it: put it back so that every role's call aims at an existing assignment.
    await t.deps.db
      .insertInto('user_stations')
      .values({
        user_id: SPARE_AUDITOR,
        station_id: stationId,
        valid_from: '2025-01-01',
        valid_to: '2025-12-31',
        created_at: '2025-06-15T00:00:00Z',
      })
      .onConflict((oc) => oc.columns(['user_id', 'station_id']).doNothing())
      .execute();
    return { params: { ...params, userId: SPARE_AUDITOR } };
  }
  // 经费拨付 (issue #5): the Center's payment with its voucher; the delete aims at the station's own payment.
  if (key === 'POST /api/v1/stations/{id}/payments')
    return { params, query: 'paidOn=2025-04-10&amountFen=100&fileName=拨款凭证.png', bytes: PNG };
  if (key === 'DELETE /api/v1/stations/{id}/payments/{paymentId}') {
    const p = await t.deps.db
      .selectFrom('fund_payments')
      .select(['id', 'version'])
      .where('station_id', '=', stationId)
      .executeTakeFirst();
    return { params: { ...params, paymentId: p?.id ?? MISSING_ID }, query: `version=${p?.version ?? 1}` };
  }
  // 支出台账 (issue #5): each booking and edit links its own fresh voucher; the delete aims at a fresh expense.
  if (key === 'POST /api/v1/stations/{id}/expense-vouchers')
    return { params, query: `fileName=${encodeURIComponent('发票.png')}`, bytes: PNG };
  if (key === 'POST /api/v1/stations/{id}/expenses')
    return { params, body: validExpenseBody(await freshVoucher(t, stationId)) };
  if (key === 'PUT /api/v1/stations/{id}/expenses/{expenseId}') {
    const x = await expenseOf(t, stationId);
    return { params, body: { ...validExpenseBody(await freshVoucher(t, stationId)), version: x?.version ?? 1 } };
  }
  if (key === 'DELETE /api/v1/stations/{id}/expenses/{expenseId}') return { params, query: 'version=1' };
  if (key === 'POST /api/v1/stations/{id}/final-accounts') return { params };
  if (key === 'POST /api/v1/stations/{id}/findings/{findingId}/response') {
    const findingId = await freshFinding(t, INSPECTION_ID, stationId);
    return { params: { ...params, findingId }, body: { version: 1, response: '已补齐活动佐证材料并上传' } };
  }
  // 对接 (issue #15): a page's demands, and an acceptance whose body passes validation, so that the scope is proven.
  if (key === 'POST /api/v1/stations/{id}/demands/{recordId}/match')
    return { params, body: { kind: 'expert', targetId: MISSING_ID, version: 1 } };
  if (kind && route.method === 'post') return { params, body: validRecordBody(kind) };
  if (kind && (route.method === 'put' || route.method === 'delete')) {
    const rec = await recordOf(t, kind, stationId);
    const version = String(rec?.version ?? 1);
    if (route.method === 'delete') return { params, query: `version=${version}` };
    return { params, body: { version: Number(version), record: validRecordBody(kind) } };
  }
  throw new Error(`${key}: no valid request for the matrix; add one to stationRequest`);
}

const HAS_STATION_REQUEST = (route: RouteMeta) =>
  route.scoped?.entity === 'station' && route.path.startsWith('/api/v1/stations/{id}/');

const LIFECYCLE_ENTITIES = ['application', 'review', 'project', 'change-request'];
const HAS_LIFECYCLE_REQUEST = (route: RouteMeta) => !!route.scoped && LIFECYCLE_ENTITIES.includes(route.scoped.entity);

/** The first lifecycle file of an owner, or the missing id. */
async function fileOf(kind: 'application' | 'site_visit' | 'project' | 'change_request', ownerId: string) {
  const f = await t.deps.db
    .selectFrom('lifecycle_files')
    .select('id')
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .executeTakeFirst();
  return f?.id ?? MISSING_ID;
}

const versionOf = async (table: 'applications' | 'projects' | 'change_requests' | 'review_assignments', id: string) =>
  (await t.deps.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())?.version ?? 1;

/**
 * A valid request for a lifecycle route aimed at one record (issue #4): the other path parameters are that record's
 * own files and site visits, and writes carry a valid body with the record's current version, so the answer proves
 * the scope. A missing record borrows the 海淀 record's request.
 */
async function lifecycleRequest(route: RouteMeta, id: string): Promise<StationRequest> {
  const entity = route.scoped!.entity;
  const params: Record<string, string> = {};
  const p = route.path;
  if (entity === 'application') {
    if (p.includes('{visitId}')) {
      const visit = await t.deps.db
        .selectFrom('site_visits')
        .select('id')
        .where('application_id', '=', id)
        .executeTakeFirst();
      params.visitId = visit?.id ?? MISSING_ID;
      if (p.includes('{fileId}')) params.fileId = await fileOf('site_visit', params.visitId);
    } else if (p.includes('{fileId}')) params.fileId = await fileOf('application', id);
  }
  if (entity === 'project' && p.includes('{fileId}')) params.fileId = await fileOf('project', id);
  if (entity === 'change-request' && p.includes('{fileId}')) params.fileId = await fileOf('change_request', id);
  if (route.method === 'get' || route.method === 'delete') return { params };
  const key = keyOf(route);
  const appVersion = async () => versionOf('applications', id);
  const projectTerms = async () => {
    const v = await t.deps.db
      .selectFrom('agreement_versions')
      .select('terms_json')
      .where('project_id', '=', id)
      .orderBy('version_no', 'desc')
      .executeTakeFirst();
    return { ...(v ? JSON.parse(v.terms_json) : {}), contactName: '调整后联系人' };
  };
  switch (key) {
    case 'PUT /api/v1/applications/{applicationId}':
      return {
        params,
        body: { version: await appVersion(), form: completeForm('district_a', HAIDIAN, '修改后的站点') },
      };
    case 'POST /api/v1/applications/{applicationId}/files':
      return { params, query: 'purpose=other&fileName=补充材料.png', bytes: PNG };
    case 'POST /api/v1/applications/{applicationId}/return':
    case 'POST /api/v1/applications/{applicationId}/reject':
      return { params, body: { version: await appVersion(), reason: '请补充合作企业名单' } };
    case 'POST /api/v1/applications/{applicationId}/recommend':
      return { params, body: { version: await appVersion(), opinion: '同意推荐' } };
    case 'POST /api/v1/applications/{applicationId}/reviewers':
      return { params, body: { reviewerIds: [await userId(t, 'reviewer3')] } };
    case 'POST /api/v1/applications/{applicationId}/site-visits':
      return {
        params,
        body: {
          visitedOn: '2025-06-12',
          participants: '中心 王五',
          districtParticipants: '区科协 赵六',
          findings: '条件具备，人员到位',
        },
      };
    case 'POST /api/v1/applications/{applicationId}/site-visits/{visitId}/photos':
      return { params, query: 'fileName=现场.png', bytes: PNG };
    case 'POST /api/v1/review-assignments/{assignmentId}/declaration':
      return { params, body: { version: await versionOf('review_assignments', id), hasConflict: false } };
    case 'POST /api/v1/review-assignments/{assignmentId}/score':
      return {
        params,
        body: {
          version: await versionOf('review_assignments', id),
          scores: { basis: 25, plan: 30, budget: 15, feature: 5 },
          comment: '方案可行，建议立项。',
        },
      };
    case 'POST /api/v1/projects/{projectId}/signed-scan':
      return { params, query: 'fileName=协议.png', bytes: PNG };
    case 'POST /api/v1/projects/{projectId}/sign':
      return {
        params,
        body: { version: await versionOf('projects', id), hostSignedOn: '2025-06-01', centerSignedOn: '2025-06-01' },
      };
    case 'POST /api/v1/projects/{projectId}/return-reports':
      return { params, body: { version: await versionOf('projects', id), reason: '请补充决算报告' } };
    case 'POST /api/v1/projects/{projectId}/acceptance':
      return { params, body: { version: await versionOf('projects', id), decision: 'accept', comment: '' } };
    case 'POST /api/v1/projects/{projectId}/change-requests':
      return {
        params,
        body: {
          title: '更换联系人',
          reason: '原联系人调岗，更换联系人',
          effectiveOn: '2025-08-01',
          terms: await projectTerms(),
        },
      };
    case 'PUT /api/v1/change-requests/{changeRequestId}': {
      const cr = await t.deps.db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return {
        params,
        body: {
          version: cr?.version ?? 1,
          title: '更换联系人（修改）',
          reason: '原联系人调岗，更换联系人',
          effectiveOn: '2025-08-01',
          terms: cr ? JSON.parse(cr.proposed_terms_json) : await projectTerms(),
        },
      };
    }
    case 'POST /api/v1/change-requests/{changeRequestId}/paper':
      return { params, query: 'fileName=纸质说明.png', bytes: PNG };
    case 'POST /api/v1/change-requests/{changeRequestId}/approve':
    case 'POST /api/v1/change-requests/{changeRequestId}/reject':
      return { params, body: { version: await versionOf('change_requests', id), reason: '同意调整' } };
  }
  const table =
    entity === 'application'
      ? 'applications'
      : entity === 'project'
        ? 'projects'
        : entity === 'review'
          ? 'review_assignments'
          : 'change_requests';
  // submit, withdraw, start-review, submit-reports: the version is the whole body.
  return { params, body: { version: await versionOf(table, id) } };
}

const HAIDIAN_OF: Record<string, string> = {
  application: lc.applications.haidian,
  review: lc.reviews.own,
  project: lc.projects.haidian,
  'change-request': lc.changeRequests.haidian,
};

/** Hono routes (method + path) that no RouteMeta declares; middleware (`ALL /…*`) is not a route. */
function undeclaredRoutes(app: TestApp['app'], routes: readonly RouteMeta[]): string[] {
  const declared = new Set(routes.map(keyOf));
  const served = app.routes
    .filter((r) => !(r.method === 'ALL' && r.path.endsWith('*')))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  return [...new Set(served.filter((k) => !declared.has(k)))];
}

describe('route table', () => {
  it('every route Hono serves has a RouteMeta, and every RouteMeta is served', () => {
    expect(undeclaredRoutes(t.app, t.routes)).toEqual([]);
    const served = new Set(t.app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(t.routes.map(keyOf).filter((k) => !served.has(k))).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(30);
  });

  it('detects a route registered behind the router’s back (the check above can fail)', () => {
    const rogue = createApp(t.deps);
    rogue.app.get('/api/v1/rogue', (c) => c.json({ leaked: true }));
    expect(undeclaredRoutes(rogue.app, rogue.routes)).toEqual(['GET /api/v1/rogue']);
  });

  it('every route declares a known access, scoped params name a path parameter, no route twice', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of t.routes) {
      const k = keyOf(r);
      if (seen.has(k)) problems.push(`${k}: registered twice`);
      seen.add(k);
      const a = r.access as unknown;
      const ok =
        a === 'public' ||
        a === 'authenticated' ||
        (typeof a === 'object' &&
          a !== null &&
          (PERMISSIONS as readonly string[]).includes((a as { permission: string }).permission));
      if (!ok) problems.push(`${k}: access ${JSON.stringify(a)} is not public, authenticated or a known permission`);
      if (r.scoped) {
        if (!r.path.includes(`{${r.scoped.param}}`)) problems.push(`${k}: scoped param ${r.scoped.param} not in path`);
        if (!TARGETS[r.scoped.entity]) problems.push(`${k}: no test targets for scoped entity ${r.scoped.entity}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('only sign-in, the session probe, host registration, the health check and the API document are public', () => {
    expect(
      t.routes
        .filter((r) => r.access === 'public')
        .map(keyOf)
        .sort(),
    ).toEqual([
      'GET /api/health',
      'GET /api/v1/host-registrations/window',
      'GET /api/v1/openapi.json',
      // The web's session probe: `me: null` when signed out (issue #10 §6).
      'GET /api/v1/sessions/current',
      // A new host organisation registers itself during an open call (issue #4); it stays inactive until approved.
      'POST /api/v1/host-registrations',
      'POST /api/v1/sessions',
    ]);
  });
});

// GET routes first: mutating calls (sign-out, lock) come after every read.
const ordered = [...t.routes].sort((a, b) => Number(a.method !== 'get') - Number(b.method !== 'get'));

describe('not signed in', () => {
  for (const route of ordered) {
    it(`${keyOf(route)} — ${route.access === 'public' ? 'public' : '401 without a session'}`, async () => {
      for (const cookie of [null, 'qianqi_sid=forged-or-expired-token']) {
        const r = await t.call(cookie, route.method.toUpperCase(), urlFor(route, ids.stations.haidian));
        if (route.access === 'public') {
          expect([401, 403], `${keyOf(route)} is public`).not.toContain(r.status);
          expect(r.status).toBeLessThan(500);
        } else {
          expect(r.status, `${keyOf(route)} with cookie ${cookie}`).toBe(401);
          expect(r.json?.error?.code).toBe('unauthenticated');
        }
      }
    });
  }
});

describe('each role', () => {
  for (const route of ordered) {
    it(`${keyOf(route)} — ${typeof route.access === 'object' ? route.access.permission : route.access}${
      route.scoped ? ` (scoped by ${route.scoped.entity})` : ''
    }`, async () => {
      const method = route.method.toUpperCase();
      const mismatches: string[] = [];
      const scopedChecks: string[] = [];
      for (const role of ROLES) {
        const a = accounts[role];
        const permitted =
          route.access === 'public' || route.access === 'authenticated' || can(role, route.access.permission);
        const call = async (id?: string) => {
          let r: { status: number; json: RawJson };
          if (HAS_STATION_REQUEST(route) || HAS_LIFECYCLE_REQUEST(route)) {
            // A missing record borrows the 海淀 request, so that only the record differs.
            const req = HAS_STATION_REQUEST(route)
              ? await stationRequest(route, id && id !== MISSING_ID ? id : ids.stations.haidian)
              : await lifecycleRequest(route, id && id !== MISSING_ID ? id : HAIDIAN_OF[route.scoped!.entity]);
            const path =
              urlFor(route, id, req.params) + (req.query ? `${method === 'GET' ? '&' : '?'}${req.query}` : '');
            r = req.bytes
              ? await rawRequest(t, method, path, {
                  cookie: cookies[role],
                  headers: { 'content-type': 'application/octet-stream' },
                  body: req.bytes,
                })
              : await t.call(cookies[role], method, path, req.body);
          } else {
            r = await t.call(cookies[role], method, urlFor(route, id));
          }
          if (method !== 'GET') await keepSignedIn(role);
          return r;
        };
        if (!route.scoped) {
          const r = await call();
          const where = `${role}`;
          if (!permitted) {
            if (r.status !== 403 || r.json?.error?.code !== 'forbidden')
              mismatches.push(`${where}: ${r.status}, want 403`);
          } else if ([401, 403].includes(r.status) || r.status >= 500) {
            mismatches.push(`${where}: refused or failed with ${r.status} ${JSON.stringify(r.json)}`);
          } else if (method === 'GET' && r.status !== 200) {
            mismatches.push(`${where}: ${r.status}, want 200 (${JSON.stringify(r.json)})`);
          }
          continue;
        }
        const spec = TARGETS[route.scoped.entity];
        const missing = await call(MISSING_ID);
        if (!permitted) {
          for (const target of [...spec.targets, { label: '不存在的 id', id: MISSING_ID }]) {
            const r = target.id === MISSING_ID ? missing : await call(target.id);
            if (r.status !== 403 || r.json?.error?.code !== 'forbidden') {
              mismatches.push(`${role} → ${target.label}: ${r.status}, want 403`);
            }
          }
          continue;
        }
        if (method === 'GET' && missing.status !== 404) mismatches.push(`${role} → missing id: ${missing.status}`);
        if (
          method !== 'GET' &&
          route.scoped.entity !== 'user' &&
          ROLE_SCOPE[role] !== 'all' &&
          !HAS_STATION_REQUEST(route) &&
          !HAS_LIFECYCLE_REQUEST(route)
        ) {
          // The dummy body stops at validation, which proves nothing about the scope of a write.
          mismatches.push(
            `${role} may call ${keyOf(route)} with a limited data scope: give this matrix a valid body for it, to prove an out-of-scope write answers 404`,
          );
        }
        let visibleCount = 0;
        for (const target of spec.targets) {
          const r = await call(target.id);
          const where = `${role} → ${target.label}`;
          if (spec.visible(a, target.id)) {
            visibleCount += 1;
            if ([401, 403, 404].includes(r.status) || r.status >= 500) {
              mismatches.push(`${where} (in scope): ${r.status} ${JSON.stringify(r.json)}`);
            } else if (method === 'GET' && r.status !== 200) {
              mismatches.push(`${where} (in scope): ${r.status}, want 200`);
            }
          } else {
            scopedChecks.push(where);
            // Out of scope must look exactly like a missing record: same status, same body, never 403.
            if (r.status !== missing.status || JSON.stringify(r.json) !== JSON.stringify(missing.json)) {
              mismatches.push(
                `${where} (out of scope): ${r.status} ${JSON.stringify(r.json)} ≠ missing ${missing.status} ${JSON.stringify(missing.json)}`,
              );
            }
            if (method === 'GET' && r.status !== 404) mismatches.push(`${where} (out of scope): ${r.status}, want 404`);
          }
        }
        if (ROLE_SCOPE[role] !== 'none' && route.scoped.entity !== 'user' && visibleCount === 0) {
          mismatches.push(`${role}: no target in scope — the matrix would test nothing for this role`);
        }
      }
      expect(mismatches).toEqual([]);
      // Scoped reads must actually exercise out-of-scope ids for the roles that have a data scope.
      if (route.scoped && route.scoped.entity !== 'user' && method === 'GET') {
        expect(scopedChecks.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('lists show only rows in the role’s scope', () => {
  const readers = (p: 'read:station' | 'read:organization') => ROLES.filter((r) => can(r, p));

  async function xlsxFirstColumn(res: Response, column: number): Promise<string[]> {
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const out: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push(String(row.getCell(column).value ?? ''));
    });
    return out.sort();
  }

  it('GET /api/v1/stations: district haidian sees only 110108, host only its organisation’s, auditor only 110105', async () => {
    const h = await t.call(cookies.district, 'GET', '/api/v1/stations?pageSize=200');
    expect(h.status).toBe(200);
    expect(h.json.items.length).toBeGreaterThan(0);
    expect(h.json.items.every((s: { districtCode: string }) => s.districtCode === HAIDIAN)).toBe(true);
    expect(h.json.total).toBe(allStations.filter((s) => s.district_code === HAIDIAN).length);

    const host = await t.call(cookies.host, 'GET', '/api/v1/stations?pageSize=200');
    expect(host.json.items.map((s: { id: string }) => s.id)).toEqual([ids.stations.haidian]);
    expect(host.json.items[0].hostOrgId).toBe(accounts.host.organizationId);
    expect(host.json.total).toBe(1);

    const aud = await t.call(cookies.auditor, 'GET', '/api/v1/stations?pageSize=200');
    expect(aud.json.items.map((s: { districtCode: string }) => s.districtCode)).toEqual([CHAOYANG]);
    expect(aud.json.total).toBe(1);

    const all = await t.call(cookies.center_admin, 'GET', '/api/v1/stations?pageSize=200');
    expect(all.json.total).toBe(allStations.length);
    expect(allStations.length).toBe(23);
  });

  it('every station reader’s list, Excel export and overview hold exactly its scope', async () => {
    for (const role of readers('read:station')) {
      const want = allStations
        .filter((s) => stationVisible(accounts[role], s.id))
        .map((s) => s.id)
        .sort();
      const list = await t.call(cookies[role], 'GET', '/api/v1/stations?pageSize=200');
      expect(list.json.items.map((s: { id: string }) => s.id).sort(), role).toEqual(want);
      expect(list.json.total, role).toBe(want.length);
      // A filter cannot widen the scope.
      const filtered = await t.call(cookies[role], 'GET', `/api/v1/stations?districtCode=${CHAOYANG}&pageSize=200`);
      expect(filtered.json.items.map((s: { id: string }) => s.id).sort(), role).toEqual(
        want.filter((id) => allStations.find((s) => s.id === id)!.district_code === CHAOYANG),
      );

      const exp = await t.call(cookies[role], 'GET', '/api/v1/stations/export');
      expect(exp.status, role).toBe(200);
      const names = await xlsxFirstColumn(exp.res, 2);
      expect(names, role).toEqual(
        allStations
          .filter((s) => want.includes(s.id))
          .map((s) => s.name)
          .sort(),
      );

      const ov = await t.call(cookies[role], 'GET', '/api/v1/home/overview?year=2025');
      expect(ov.status, role).toBe(200);
      const total = ov.json.byType.reduce((n: number, x: { stations: number }) => n + x.stations, 0);
      expect(total, role).toBe(want.length);
    }
  });

  it('GET /api/v1/organizations and its export hold exactly the role’s scope', async () => {
    for (const role of readers('read:organization')) {
      const want = allOrgs
        .filter((o) => organizationVisible(accounts[role], o.id))
        .map((o) => o.id)
        .sort();
      const list = await t.call(cookies[role], 'GET', '/api/v1/organizations?pageSize=200');
      expect(list.status, role).toBe(200);
      expect(list.json.items.map((o: { id: string }) => o.id).sort(), role).toEqual(want);
      const exp = await t.call(cookies[role], 'GET', '/api/v1/organizations/export');
      const names = await xlsxFirstColumn(exp.res, 1);
      expect(names, role).toEqual(
        allOrgs
          .filter((o) => want.includes(o.id))
          .map((o) => o.name)
          .sort(),
      );
    }
    const host = await t.call(cookies.host, 'GET', '/api/v1/organizations?pageSize=200');
    expect(host.json.items.map((o: { id: string }) => o.id)).toEqual([ids.orgs.haidianHost]);
    const hd = await t.call(cookies.district, 'GET', '/api/v1/organizations?pageSize=200');
    expect(hd.json.items.map((o: { id: string }) => o.id).sort()).toEqual(
      [ids.orgs.haidianAssociation, ids.orgs.haidianHost].sort(),
    );
  });

  it('GET /api/v1/applications and /api/v1/projects hold exactly the role’s scope (issue #4)', async () => {
    for (const role of ROLES.filter((r) => can(r, 'read:application'))) {
      const want = APPLICATIONS.filter((x) => applicationVisible(accounts[role], x.id))
        .map((x) => x.id)
        .sort();
      const list = await t.call(cookies[role], 'GET', '/api/v1/applications?pageSize=200');
      expect(list.status, role).toBe(200);
      expect(list.json.items.map((a: { id: string }) => a.id).sort(), role).toEqual(want);
    }
    for (const role of ROLES.filter((r) => can(r, 'read:project'))) {
      // Every demo station has its project.
      const want = allStations
        .filter((s) => stationVisible(accounts[role], s.id))
        .map((s) => s.id)
        .sort();
      const list = await t.call(cookies[role], 'GET', '/api/v1/projects?pageSize=200');
      expect(list.status, role).toBe(200);
      expect(list.json.items.map((p: { stationId: string }) => p.stationId).sort(), role).toEqual(want);
    }
  });
});
