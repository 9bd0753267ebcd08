// Audit coverage (issue #2, Convention 8): every mutating route, called successfully, leaves at least one new audit
// row naming who did it; a refused or failed call leaves none and changes nothing. The table of valid requests is
// keyed by `METHOD path` and a mutating route without an entry fails, so a new route must be added here.
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { loadEnv } from '../../src/server/env';
import type { RouteMeta } from '../../src/server/http/router';
import { AUDIT_FIELD_LABELS } from '../../src/shared/audit-field-labels';
import { can, ROLES, type Role } from '../../src/shared/permissions';
import { RECORD_KINDS, type RecordKind } from '../../src/shared/schemas/ledger-records';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { hostWorkbook } from './support/empty-install';
import { expenseOf, freshExpense, freshVoucher, validExpenseBody } from './support/expenses';
import {
  badCheckUscc,
  CHAOYANG,
  DEMO_USERS,
  type DemoIds,
  demoIds,
  FANGSHAN,
  HAIDIAN,
  lastAuditSeq,
  rawRequest,
  snapshot,
  stationBody,
  TABLES,
  validUscc,
} from './support/fixtures';
import { DOCX, evidenceOf, ledgerFor, ledgerXlsx, PNG, validRecordBody } from './support/ledger-requests';
import { completeForm, demoProject, stash as lc, openCall2026, toStage, userId } from './support/lifecycle';
import { freshFinding, freshOrder, seedInspection } from './support/supervision';

// Every test below runs on a database of its own, dropped when it closes: the keys of its audit diffs (the seeded
// demo's, the setup's, the route's) are collected just before, for the last test to check that each has a Chinese name.
const diffKeys = vi.hoisted(() => new Set<string>());
vi.mock('../setup/test-app', async (importOriginal) => {
  const real = await importOriginal<typeof import('../setup/test-app')>();
  return {
    ...real,
    createTestApp: async (...args: Parameters<typeof real.createTestApp>) => {
      const t = await real.createTestApp(...args);
      const close = t.close;
      t.close = async () => {
        try {
          const rows = await t.deps.db.selectFrom('audit_events').select('diff_json').execute();
          for (const r of rows) for (const k of Object.keys(JSON.parse(r.diff_json))) diffKeys.add(k);
        } finally {
          await close();
        }
      };
      return t;
    },
  };
});

const snapshotOf = (snap: Record<string, unknown[]>, tables: readonly string[]) =>
  Object.fromEntries(tables.map((t) => [t, snap[t]]));

interface Req {
  /** Full path with parameters (and query) filled in. */
  path: string;
  body?: unknown;
  /** A body that is not JSON at all (for routes that take no input). */
  rawBody?: { contentType: string; text?: string; bytes?: Uint8Array };
}

interface Case {
  /** Demo username that calls the route (must hold the route's permission). */
  as: string | null;
  /** State the call needs (done through the API; its own audit rows happen before the count). */
  setup?: (t: TestApp, ids: DemoIds, cookie: string | null) => Promise<void>;
  valid: (t: TestApp, ids: DemoIds) => Req;
  /** A failing call: wrong input (400) or a conflict (409). */
  invalid: (t: TestApp, ids: DemoIds) => Req & { status: 400 | 409 | 415 };
}

const notJson = { contentType: 'text/plain', text: 'logout' };

async function copy2026(t: TestApp, cookie: string | null): Promise<void> {
  const r = await t.call(cookie, 'POST', '/api/v1/program-years', { fromYear: 2025, year: 2026 });
  expect(r.status).toBe(201);
}

let emptyStationId = '';

/** the expert a demand's accepted suggestion names (对接) */
let matchTarget = '';
let resetStash = { id: '', version: 0 };
/** The system administrator's request to reset an account's password, waiting for the security administrator. */
async function requestReset(t: TestApp, userId: string): Promise<{ id: string; version: number }> {
  const r = await t.call(await t.login('sysadmin'), 'POST', `/api/v1/users/${userId}/password-reset-requests`, {
    reason: '本人来电称忘记密码',
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { id: r.json.id, version: r.json.version };
}

const CASES: Record<string, Case> = {
  'POST /api/v1/sessions': {
    as: null,
    valid: () => ({ path: '/api/v1/sessions', body: { username: 'center', password: PASSWORD } }),
    invalid: () => ({ path: '/api/v1/sessions', body: { username: '', password: '' }, status: 400 }),
  },
  'DELETE /api/v1/sessions/current': {
    as: 'staff',
    valid: () => ({ path: '/api/v1/sessions/current' }),
    invalid: () => ({ path: '/api/v1/sessions/current', rawBody: notJson, status: 415 }),
  },
  'DELETE /api/v1/sessions': {
    as: 'staff',
    valid: () => ({ path: '/api/v1/sessions' }),
    invalid: () => ({ path: '/api/v1/sessions', rawBody: notJson, status: 415 }),
  },
  'PUT /api/v1/me/password': {
    as: 'staff',
    valid: () => ({ path: '/api/v1/me/password', body: { currentPassword: PASSWORD, newPassword: 'Nova#2026x' } }),
    invalid: () => ({
      path: '/api/v1/me/password',
      body: { currentPassword: PASSWORD, newPassword: 'weakpass' },
      status: 400,
    }),
  },
  'POST /api/v1/program-years': {
    as: 'center',
    valid: () => ({ path: '/api/v1/program-years', body: { fromYear: 2025, year: 2026 } }),
    invalid: () => ({ path: '/api/v1/program-years', body: { fromYear: 2025, year: 2025 }, status: 400 }),
  },
  'PUT /api/v1/program-years/{year}': {
    as: 'center',
    // Not 2025: its seeded projects have signed agreements, so its policy changes only by change request (第十一条).
    setup: (t, _ids, cookie) => copy2026(t, cookie),
    valid: () => ({ path: '/api/v1/program-years/2026', body: { version: 1, title: '2026年度工作站点政策（修订）' } }),
    invalid: () => ({
      path: '/api/v1/program-years/2026',
      body: { version: 1, stationTypes: { district_a: { quota: 8 } } },
      status: 400,
    }),
  },
  'POST /api/v1/program-years/{year}/lock': {
    as: 'center',
    setup: async (t, _ids, cookie) => {
      await copy2026(t, cookie);
      const r = await t.call(cookie, 'POST', '/api/v1/program-years/2026/lock', { version: 1 });
      expect(r.status).toBe(200);
    },
    valid: () => ({ path: '/api/v1/program-years/2025/lock', body: { version: 1 } }),
    invalid: () => ({ path: '/api/v1/program-years/2026/lock', body: { version: 2 }, status: 409 }),
  },
  'POST /api/v1/organizations': {
    as: 'staff',
    valid: () => ({
      path: '/api/v1/organizations',
      body: { name: '北京市测试科技学会', hostKind: 'society', uscc: validUscc(9001), districtCode: CHAOYANG },
    }),
    invalid: () => ({
      path: '/api/v1/organizations',
      body: { name: '北京市测试科技学会', hostKind: 'society', uscc: badCheckUscc(9001) },
      status: 400,
    }),
  },
  'PUT /api/v1/organizations/{id}': {
    as: 'staff',
    valid: (_t, ids) => ({
      path: `/api/v1/organizations/${ids.orgs.haidianHost}`,
      body: {
        version: 1,
        name: '中关村智能制造创新学会',
        hostKind: 'society',
        uscc: validUscc(9002),
        districtCode: HAIDIAN,
        contactName: '新联系人',
      },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/organizations/${ids.orgs.haidianHost}`,
      body: { version: 7, name: '中关村智能制造创新学会', hostKind: 'society', uscc: validUscc(9002) },
      status: 409,
    }),
  },
  'POST /api/v1/stations': {
    as: 'staff',
    setup: async (t) => copy2026(t, await t.login('center')),
    valid: (_t, ids) => ({ path: '/api/v1/stations', body: stationBody({ hostOrgId: ids.orgs.haidianHost }) }),
    invalid: (_t, ids) => ({
      // 房山区 is a B-class district: an A-class station there breaks 第三条.
      path: '/api/v1/stations',
      body: stationBody({ hostOrgId: ids.orgs.haidianHost, districtCode: FANGSHAN }),
      status: 400,
    }),
  },
  'PUT /api/v1/stations/{id}': {
    as: 'staff',
    valid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.chaoyang}`,
      body: {
        version: 1,
        station: stationBody({
          programYear: 2025,
          districtCode: CHAOYANG,
          hostOrgId: ids.orgs.chaoyangHost,
          name: '朝阳区“千人进千企”工作站点',
          periodStart: '2025-04-01',
          periodEnd: '2025-12-31',
          leaderName: '新负责人',
        }),
      },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.chaoyang}`,
      body: {
        version: 2,
        station: stationBody({ programYear: 2025, districtCode: CHAOYANG, hostOrgId: ids.orgs.chaoyangHost }),
      },
      status: 409,
    }),
  },
  'DELETE /api/v1/stations/{id}': {
    // A station with ledger records cannot be deleted: delete a new, empty one of a copied year.
    as: 'center',
    setup: async (t, ids, cookie) => {
      await copy2026(t, cookie);
      const r = await t.call(cookie, 'POST', '/api/v1/stations', stationBody({ hostOrgId: ids.orgs.haidianHost }));
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      emptyStationId = r.json.id;
    },
    valid: () => ({ path: `/api/v1/stations/${emptyStationId}?version=1` }),
    invalid: () => ({ path: `/api/v1/stations/${emptyStationId}?version=3`, status: 409 }),
  },
  'POST /api/v1/users': {
    as: 'sysadmin',
    valid: () => ({ path: '/api/v1/users', body: { username: 'chaoyang', displayName: '朝阳区科协' } }),
    invalid: () => ({
      path: '/api/v1/users',
      body: { username: 'sec2', displayName: '第二安全管理员', role: 'sec_admin' },
      status: 400,
    }),
  },
  'PUT /api/v1/users/{id}': {
    as: 'sysadmin',
    valid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.haidian.id}`,
      body: { version: ids.users.haidian.version, displayName: '海淀区科协（张）', isActive: true },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.haidian.id}`,
      body: { version: ids.users.haidian.version, displayName: '海', isActive: true },
      status: 400,
    }),
  },
  // Alone, the system administrator resets only an account without a role (decision 018).
  'POST /api/v1/users/{id}/password-reset': {
    as: 'sysadmin',
    valid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.newcomer.id}/password-reset`,
      body: { version: ids.users.newcomer.version },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.newcomer.id}/password-reset`,
      body: { version: ids.users.newcomer.version + 5 },
      status: 409,
    }),
  },
  // 密码重置双人复核 (decision 018): request, confirm or refuse, collect.
  'POST /api/v1/users/{id}/password-reset-requests': {
    as: 'sysadmin',
    valid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.haidian.id}/password-reset-requests`,
      body: { reason: '本人来电称忘记密码' },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.haidian.id}/password-reset-requests`,
      body: { reason: '' },
      status: 400,
    }),
  },
  'POST /api/v1/password-resets/{resetId}/approve': {
    as: 'secadmin',
    setup: async (t, ids) => {
      resetStash = await requestReset(t, ids.users.haidian.id);
    },
    valid: () => ({ path: `/api/v1/password-resets/${resetStash.id}/approve`, body: { version: resetStash.version } }),
    invalid: () => ({
      path: `/api/v1/password-resets/${resetStash.id}/approve`,
      body: { version: resetStash.version + 5 },
      status: 409,
    }),
  },
  'POST /api/v1/password-resets/{resetId}/reject': {
    as: 'secadmin',
    setup: async (t, ids) => {
      resetStash = await requestReset(t, ids.users.haidian.id);
    },
    valid: () => ({
      path: `/api/v1/password-resets/${resetStash.id}/reject`,
      body: { version: resetStash.version, reason: '未能与本人核实' },
    }),
    invalid: () => ({
      path: `/api/v1/password-resets/${resetStash.id}/reject`,
      body: { version: resetStash.version, reason: '' },
      status: 400,
    }),
  },
  'POST /api/v1/password-resets/{resetId}/issue': {
    as: 'sysadmin',
    setup: async (t, ids) => {
      const asked = await requestReset(t, ids.users.haidian.id);
      const ok = await t.call(await t.login('secadmin'), 'POST', `/api/v1/password-resets/${asked.id}/approve`, {
        version: asked.version,
      });
      expect(ok.status, JSON.stringify(ok.json)).toBe(200);
      resetStash = { id: asked.id, version: ok.json.version };
    },
    valid: () => ({ path: `/api/v1/password-resets/${resetStash.id}/issue`, body: { version: resetStash.version } }),
    invalid: () => ({
      path: `/api/v1/password-resets/${resetStash.id}/issue`,
      body: { version: resetStash.version + 5 },
      status: 409,
    }),
  },
  'POST /api/v1/users/{id}/unlock': {
    as: 'sysadmin',
    valid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.haidian.id}/unlock`,
      body: { version: ids.users.haidian.version },
    }),
    invalid: (_t, ids) => ({ path: `/api/v1/users/${ids.users.haidian.id}/unlock`, body: {}, status: 400 }),
  },
  'PUT /api/v1/users/{id}/role': {
    as: 'secadmin',
    valid: (_t, ids) => ({
      path: `/api/v1/users/${ids.users.reviewer.id}/role`,
      body: { version: ids.users.reviewer.version, role: 'center_staff' },
    }),
    invalid: (_t, ids) => ({
      // A district account must name its district.
      path: `/api/v1/users/${ids.users.reviewer.id}/role`,
      body: { version: ids.users.reviewer.version, role: 'district' },
      status: 400,
    }),
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Ledger routes (issue #3): one valid and one failing request per route, generated per kind of record. The host of
// the 海淀 station writes; `setup` creates the record a PUT or DELETE works on, through the API.

const HD = (ids: DemoIds) => `/api/v1/stations/${ids.stations.haidian}`;
const octet = (bytes: Uint8Array) => ({ contentType: 'application/octet-stream', bytes });
let stash: { id: string; version: number; evidenceId?: string; ledger?: unknown } = { id: '', version: 0 };

async function createVia(t: TestApp, cookie: string | null, ids: DemoIds, kind: RecordKind): Promise<void> {
  const r = await t.call(cookie, 'POST', `${HD(ids)}/${kind}`, validRecordBody(kind));
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  stash = { id: r.json.id, version: r.json.version };
}

for (const kind of RECORD_KINDS) {
  CASES[`POST /api/v1/stations/{id}/${kind}`] = {
    as: 'host',
    valid: (_t, ids) => ({ path: `${HD(ids)}/${kind}`, body: validRecordBody(kind) }),
    invalid: (_t, ids) => ({ path: `${HD(ids)}/${kind}`, body: {}, status: 400 }),
  };
  CASES[`PUT /api/v1/stations/{id}/${kind}/{recordId}`] = {
    as: 'host',
    setup: (t, ids, cookie) => createVia(t, cookie, ids, kind),
    valid: (_t, ids) => ({
      path: `${HD(ids)}/${kind}/${stash.id}`,
      body: { version: stash.version, record: validRecordBody(kind) },
    }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/${kind}/${stash.id}`,
      body: { version: stash.version + 5, record: validRecordBody(kind) },
      status: 409,
    }),
  };
  CASES[`DELETE /api/v1/stations/{id}/${kind}/{recordId}`] = {
    as: 'host',
    setup: (t, ids, cookie) => createVia(t, cookie, ids, kind),
    valid: (_t, ids) => ({ path: `${HD(ids)}/${kind}/${stash.id}?version=${stash.version}` }),
    invalid: (_t, ids) => ({ path: `${HD(ids)}/${kind}/${stash.id}?version=${stash.version + 5}`, status: 409 }),
  };
}
Object.assign(CASES, {
  'POST /api/v1/stations/{id}/ledger': {
    as: 'host',
    setup: async (t, ids) => {
      stash = { id: '', version: 0, ledger: await ledgerFor(t, ids.stations.haidian) };
    },
    valid: (_t, ids) => ({ path: `${HD(ids)}/ledger`, body: { ledger: stash.ledger, replace: true } }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/ledger`,
      body: { ledger: { ...(stash.ledger as object), programYear: 1999 }, replace: true },
      status: 400,
    }),
  },
  'POST /api/v1/stations/{id}/ledger/xlsx': {
    as: 'host',
    setup: async (t, ids) => {
      stash = { id: '', version: 0, ledger: await ledgerXlsx(t, ids.stations.haidian) };
    },
    valid: (_t, ids) => ({ path: `${HD(ids)}/ledger/xlsx?replace=1`, rawBody: octet(stash.ledger as Uint8Array) }),
    invalid: (_t, ids) => ({ path: `${HD(ids)}/ledger/xlsx?replace=1`, rawBody: octet(PNG), status: 400 }),
  },
  'POST /api/v1/stations/{id}/events/{recordId}/evidence': {
    as: 'host',
    setup: (t, ids, cookie) => createVia(t, cookie, ids, 'events'),
    valid: (_t, ids) => ({
      path: `${HD(ids)}/events/${stash.id}/evidence?kind=photo&fileName=${encodeURIComponent('照片.png')}`,
      rawBody: octet(PNG),
    }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/events/${stash.id}/evidence?kind=photo&fileName=x.png`,
      rawBody: octet(new TextEncoder().encode('<html>not an image</html>')),
      status: 415,
    }),
  },
  'DELETE /api/v1/stations/{id}/events/{recordId}/evidence/{evidenceId}': {
    as: 'host',
    setup: async (t, ids) => {
      const ev = await evidenceOf(t, ids.stations.haidian);
      stash = { id: ev!.eventId, version: 0, evidenceId: ev!.evidenceId };
    },
    valid: (_t, ids) => ({ path: `${HD(ids)}/events/${stash.id}/evidence/${stash.evidenceId}` }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/events/${stash.id}/evidence/${stash.evidenceId}`,
      rawBody: notJson,
      status: 415,
    }),
  },
  'POST /api/v1/stations/{id}/reports/docx': {
    as: 'host',
    valid: (_t, ids) => ({
      path: `${HD(ids)}/reports/docx?kind=summary&title=${encodeURIComponent('年度总结')}&fileName=a.docx`,
      rawBody: octet(DOCX),
    }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/reports/docx?kind=summary&title=${encodeURIComponent('年度总结')}&fileName=a.docx`,
      rawBody: octet(PNG),
      status: 415,
    }),
  },
  // 对接 (issue #15): the host accepts a suggestion for a demand of its own (a registered expert of its station).
  'POST /api/v1/stations/{id}/demands/{recordId}/match': {
    as: 'host',
    setup: async (t, ids, cookie) => {
      const x = await t.call(cookie, 'POST', `${HD(ids)}/experts`, {
        ...validRecordBody('experts'),
        expertise: '工业视觉检测与缺陷识别',
      });
      expect(x.status, JSON.stringify(x.json)).toBe(201);
      matchTarget = x.json.id;
      await createVia(t, cookie, ids, 'demands');
    },
    valid: (_t, ids) => ({
      path: `${HD(ids)}/demands/${stash.id}/match`,
      body: { kind: 'expert', targetId: matchTarget, version: stash.version },
    }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/demands/${stash.id}/match`,
      body: { kind: 'expert', targetId: matchTarget, version: stash.version + 5 },
      status: 409,
    }),
  },
  'POST /api/v1/stations/{id}/experts/{recordId}/reveal': {
    as: 'host',
    setup: (t, ids, cookie) => createVia(t, cookie, ids, 'experts'),
    valid: (_t, ids) => ({
      path: `${HD(ids)}/experts/${stash.id}/reveal`,
      body: { field: 'idCard', reason: '发放专家咨询费核对身份' },
    }),
    invalid: (_t, ids) => ({
      path: `${HD(ids)}/experts/${stash.id}/reveal`,
      body: { field: 'idCard', reason: '' },
      status: 400,
    }),
  },
} satisfies Record<string, Case>);

// 申报通知 (issue #4): the Center administrator writes the 2026 call of a copied year.
const callBody = (over: Record<string, unknown> = {}) => ({
  programYear: 2026,
  title: '2026年度申报通知',
  opensOn: '2025-06-15',
  closesOn: '2025-07-31',
  stationTypes: ['district_a', 'district_b', 'iur'],
  requiredDocuments: ['application_form', 'work_plan'],
  minReviewers: 3,
  notice: '',
  ...over,
});
async function draftCall(t: TestApp, cookie: string | null, open = false): Promise<void> {
  await copy2026(t, cookie);
  const r = await t.call(cookie, 'POST', '/api/v1/calls', callBody());
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  stash = { id: r.json.id, version: r.json.version };
  if (open) {
    const o = await t.call(cookie, 'POST', `/api/v1/calls/${stash.id}/open`, { version: stash.version });
    expect(o.status).toBe(200);
    stash.version = o.json.version;
  }
}
Object.assign(CASES, {
  'POST /api/v1/calls': {
    as: 'center',
    setup: (t, _ids, cookie) => copy2026(t, cookie),
    valid: () => ({ path: '/api/v1/calls', body: callBody() }),
    invalid: () => ({ path: '/api/v1/calls', body: callBody({ minReviewers: 1 }), status: 400 }),
  },
  'PUT /api/v1/calls/{callId}': {
    as: 'center',
    setup: (t, _ids, cookie) => draftCall(t, cookie),
    valid: () => ({
      path: `/api/v1/calls/${stash.id}`,
      body: { version: stash.version, call: callBody({ title: '2026年度申报通知（修订）' }) },
    }),
    invalid: () => ({
      path: `/api/v1/calls/${stash.id}`,
      body: { version: stash.version + 3, call: callBody() },
      status: 409,
    }),
  },
  'POST /api/v1/calls/{callId}/open': {
    as: 'center',
    setup: (t, _ids, cookie) => draftCall(t, cookie),
    valid: () => ({ path: `/api/v1/calls/${stash.id}/open`, body: { version: stash.version } }),
    invalid: () => ({ path: `/api/v1/calls/${stash.id}/open`, body: { version: stash.version + 3 }, status: 409 }),
  },
  'POST /api/v1/calls/{callId}/close': {
    as: 'center',
    setup: (t, _ids, cookie) => draftCall(t, cookie, true),
    valid: () => ({ path: `/api/v1/calls/${stash.id}/close`, body: { version: stash.version } }),
    invalid: () => ({ path: `/api/v1/calls/${stash.id}/close`, body: {}, status: 400 }),
  },
} satisfies Record<string, Case>);

// The project lifecycle (issue #4): each case drives the 海淀 application or project to the state its route needs.
const png = (path: string): Req => ({ path, rawBody: { contentType: 'application/octet-stream', bytes: PNG } });
const text = (path: string): Req => ({ path, rawBody: { contentType: 'text/plain', text: 'not a file' } });
const app = (suffix = '') => `/api/v1/applications/${lc.appId}${suffix}`;
const project = (suffix = '') => `/api/v1/projects/${lc.projectId}${suffix}`;
const cr = (suffix = '') => `/api/v1/change-requests/${lc.changeRequestId}${suffix}`;
const reviewerIds: Record<string, string> = {};
const registration = (over: Record<string, unknown> = {}) => ({
  organizationName: '北京市新材料学会',
  hostKind: 'society',
  uscc: validUscc(7002),
  districtCode: HAIDIAN,
  address: '北京市海淀区学院路 1 号',
  contactName: '周老师',
  contactPhone: '010-62000000',
  username: 'xincailiao',
  password: 'Xin#Cailiao2026',
  ...over,
});
const demoAt = (opts: Parameters<typeof demoProject>[2]) => (t: TestApp, ids: DemoIds) =>
  demoProject(t, ids.stations.haidian, opts);
Object.assign(CASES, {
  'POST /api/v1/applications': {
    as: 'host',
    setup: async (t) => {
      lc.appId = await openCall2026(t, await t.login('center'));
    },
    valid: () => ({
      path: '/api/v1/applications',
      body: { callId: lc.appId, form: { stationName: '海淀区站点', stationType: 'district_a', districtCode: HAIDIAN } },
    }),
    invalid: () => ({ path: '/api/v1/applications', body: { callId: 'no-such-call', form: {} }, status: 400 }),
  },
  'PUT /api/v1/applications/{applicationId}': {
    as: 'host',
    setup: (t) => toStage(t, 'draft'),
    valid: () => ({
      path: app(),
      body: { version: lc.appVersion, form: completeForm('district_a', HAIDIAN, '海淀区科技创新工作站') },
    }),
    invalid: () => ({ path: app(), body: { version: lc.appVersion + 3, form: {} }, status: 409 }),
  },
  'POST /api/v1/applications/{applicationId}/files': {
    as: 'host',
    setup: (t) => toStage(t, 'draft'),
    valid: () => png(app('/files?purpose=work_plan&fileName=方案.png')),
    invalid: () => ({ ...png(app('/files?purpose=nonsense&fileName=方案.png')), status: 400 }),
  },
  'DELETE /api/v1/applications/{applicationId}/files/{fileId}': {
    as: 'host',
    setup: (t) => toStage(t, 'draft'),
    valid: () => ({ path: app(`/files/${lc.fileId}`) }),
    invalid: () => ({ path: app(`/files/${'x'.repeat(65)}`), status: 400 }),
  },
  'POST /api/v1/applications/{applicationId}/submit': {
    as: 'host',
    setup: (t) => toStage(t, 'complete'),
    valid: () => ({ path: app('/submit'), body: { version: lc.appVersion } }),
    invalid: () => ({ path: app('/submit'), body: { version: lc.appVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/applications/{applicationId}/withdraw': {
    as: 'host',
    setup: (t) => toStage(t, 'draft'),
    valid: () => ({ path: app('/withdraw'), body: { version: lc.appVersion } }),
    invalid: () => ({ path: app('/withdraw'), body: { version: lc.appVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/applications/{applicationId}/return': {
    as: 'haidian',
    setup: (t) => toStage(t, 'submitted'),
    valid: () => ({ path: app('/return'), body: { version: lc.appVersion, reason: '请补充合作企业名单' } }),
    invalid: () => ({ path: app('/return'), body: { version: lc.appVersion, reason: '' }, status: 409 }),
  },
  'POST /api/v1/applications/{applicationId}/recommend': {
    as: 'haidian',
    setup: (t) => toStage(t, 'submitted'),
    valid: () => ({ path: app('/recommend'), body: { version: lc.appVersion, opinion: '同意推荐' } }),
    invalid: () => ({ path: app('/recommend'), body: { version: lc.appVersion }, status: 400 }),
  },
  'POST /api/v1/applications/{applicationId}/reviewers': {
    as: 'staff',
    setup: async (t) => {
      await toStage(t, 'recommended');
      reviewerIds.ok = await userId(t, 'reviewer');
      reviewerIds.blocked = await userId(t, 'reviewer4');
    },
    valid: () => ({ path: app('/reviewers'), body: { reviewerIds: [reviewerIds.ok] } }),
    // reviewer4 works for the applicant (第十条).
    invalid: () => ({ path: app('/reviewers'), body: { reviewerIds: [reviewerIds.blocked] }, status: 400 }),
  },
  'POST /api/v1/review-assignments/{assignmentId}/declaration': {
    as: 'reviewer',
    setup: (t) => toStage(t, 'assigned'),
    valid: () => ({
      path: `/api/v1/review-assignments/${lc.assignmentId}/declaration`,
      body: { version: lc.assignmentVersion, hasConflict: true, note: '曾在申报单位兼职' },
    }),
    invalid: () => ({
      path: `/api/v1/review-assignments/${lc.assignmentId}/declaration`,
      body: { version: lc.assignmentVersion, hasConflict: true, note: '' },
      status: 400,
    }),
  },
  'POST /api/v1/review-assignments/{assignmentId}/score': {
    as: 'reviewer',
    setup: (t) => toStage(t, 'under_review'),
    valid: () => ({
      path: `/api/v1/review-assignments/${lc.assignmentId}/score`,
      body: {
        version: lc.assignmentVersion,
        scores: { basis: 25, plan: 30, budget: 15, feature: 5 },
        comment: '方案可行，建议立项。',
      },
    }),
    invalid: () => ({
      path: `/api/v1/review-assignments/${lc.assignmentId}/score`,
      body: {
        version: lc.assignmentVersion,
        scores: { basis: 31, plan: 30, budget: 15, feature: 5 },
        comment: '方案可行，建议立项。',
      },
      status: 400,
    }),
  },
  'POST /api/v1/applications/{applicationId}/start-review': {
    as: 'staff',
    setup: (t) => toStage(t, 'declared'),
    valid: () => ({ path: app('/start-review'), body: { version: lc.appVersion } }),
    invalid: () => ({ path: app('/start-review'), body: { version: lc.appVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/applications/{applicationId}/reject': {
    as: 'center',
    setup: (t) => toStage(t, 'under_review'),
    valid: () => ({ path: app('/reject'), body: { version: lc.appVersion, reason: '方案不具体' } }),
    invalid: () => ({ path: app('/reject'), body: { version: lc.appVersion, reason: '' }, status: 409 }),
  },
  'POST /api/v1/applications/approve': {
    as: 'center',
    setup: (t) => toStage(t, 'scored'),
    valid: () => ({
      path: '/api/v1/applications/approve',
      body: { items: [{ id: lc.appId, version: lc.appVersion }] },
    }),
    invalid: () => ({ path: '/api/v1/applications/approve', body: { items: [] }, status: 400 }),
  },
  'POST /api/v1/applications/{applicationId}/site-visits': {
    as: 'staff',
    setup: (t) => toStage(t, 'submitted'),
    valid: () => ({
      path: app('/site-visits'),
      body: {
        visitedOn: '2025-06-12',
        participants: '中心 王五',
        districtParticipants: '区科协 赵六',
        findings: '条件具备，人员到位',
      },
    }),
    invalid: () => ({
      path: app('/site-visits'),
      body: { visitedOn: '2025-06-12', participants: '中心 王五', findings: '条件具备，人员到位' },
      status: 400,
    }),
  },
  'POST /api/v1/applications/{applicationId}/site-visits/{visitId}/photos': {
    as: 'staff',
    setup: async (t) => {
      await toStage(t, 'submitted');
      const r = await t.call(await t.login('staff'), 'POST', app('/site-visits'), {
        visitedOn: '2025-06-12',
        participants: '中心 王五',
        districtParticipants: '区科协 赵六',
        findings: '条件具备，人员到位',
      });
      lc.visitId = r.json.id;
    },
    valid: () => png(app(`/site-visits/${lc.visitId}/photos?fileName=现场.png`)),
    invalid: () => ({ ...text(app(`/site-visits/${lc.visitId}/photos?fileName=现场.png`)), status: 415 }),
  },
  'POST /api/v1/projects/{projectId}/signed-scan': {
    as: 'staff',
    setup: (t) => toStage(t, 'approved'),
    valid: () => png(project('/signed-scan?fileName=协议.png')),
    invalid: () => ({ ...text(project('/signed-scan?fileName=协议.png')), status: 415 }),
  },
  'POST /api/v1/projects/{projectId}/sign': {
    as: 'staff',
    setup: (t) => toStage(t, 'scanned'),
    valid: () => ({
      path: project('/sign'),
      body: { version: lc.projectVersion, hostSignedOn: '2025-06-14', centerSignedOn: '2025-06-15' },
    }),
    invalid: () => ({
      path: project('/sign'),
      body: { version: lc.projectVersion, hostSignedOn: '2025-06-14', centerSignedOn: '2025-09-15' },
      status: 400,
    }),
  },
  'POST /api/v1/projects/{projectId}/submit-reports': {
    as: 'host',
    setup: demoAt({ reports: true }),
    valid: () => ({ path: project('/submit-reports'), body: { version: lc.projectVersion } }),
    invalid: () => ({ path: project('/submit-reports'), body: { version: lc.projectVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/projects/{projectId}/return-reports': {
    as: 'staff',
    setup: demoAt({ reports: true, submit: true }),
    valid: () => ({ path: project('/return-reports'), body: { version: lc.projectVersion, reason: '决算报告缺附表' } }),
    invalid: () => ({
      path: project('/return-reports'),
      body: { version: lc.projectVersion, reason: '' },
      status: 409,
    }),
  },
  'POST /api/v1/projects/{projectId}/acceptance': {
    as: 'center',
    setup: demoAt({ reports: true, submit: true }),
    valid: () => ({ path: project('/acceptance'), body: { version: lc.projectVersion, decision: 'accept' } }),
    invalid: () => ({
      path: project('/acceptance'),
      body: { version: lc.projectVersion, decision: 'fail_acceptance' },
      status: 409,
    }),
  },
  'POST /api/v1/projects/{projectId}/change-requests': {
    as: 'host',
    setup: demoAt({}),
    valid: () => ({
      path: project('/change-requests'),
      body: {
        title: '更换联系人',
        reason: '原联系人调岗，更换联系人',
        effectiveOn: '2025-08-01',
        terms: { ...lc.terms, contactName: '新联系人' },
      },
    }),
    // Moving money out of the fixed funding is refused (第十五条).
    invalid: () => ({
      path: project('/change-requests'),
      body: {
        title: '增加预算',
        reason: '希望增加预算总额',
        effectiveOn: '2025-08-01',
        terms: { ...lc.terms, budgetFen: { ...(lc.terms.budgetFen as object), other: 1 } },
      },
      status: 400,
    }),
  },
  'PUT /api/v1/change-requests/{changeRequestId}': {
    as: 'host',
    setup: demoAt({ changeRequest: 'draft' }),
    valid: () => ({
      path: cr(),
      body: {
        version: lc.changeRequestVersion,
        title: '更换联系人（修改）',
        reason: '原联系人调岗，更换联系人',
        effectiveOn: '2025-08-02',
        terms: { ...lc.terms, contactName: '另一位联系人' },
      },
    }),
    invalid: () => ({
      path: cr(),
      body: {
        version: lc.changeRequestVersion + 3,
        title: '更换联系人（修改）',
        reason: '原联系人调岗，更换联系人',
        effectiveOn: '2025-08-02',
        terms: { ...lc.terms, contactName: '另一位联系人' },
      },
      status: 409,
    }),
  },
  'POST /api/v1/change-requests/{changeRequestId}/paper': {
    as: 'host',
    setup: demoAt({ changeRequest: 'draft' }),
    valid: () => png(cr('/paper?fileName=说明.png')),
    invalid: () => ({ ...text(cr('/paper?fileName=说明.png')), status: 415 }),
  },
  'POST /api/v1/change-requests/{changeRequestId}/submit': {
    as: 'host',
    setup: demoAt({ changeRequest: 'paper' }),
    valid: () => ({ path: cr('/submit'), body: { version: lc.changeRequestVersion } }),
    invalid: () => ({ path: cr('/submit'), body: { version: lc.changeRequestVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/change-requests/{changeRequestId}/withdraw': {
    as: 'host',
    setup: demoAt({ changeRequest: 'draft' }),
    valid: () => ({ path: cr('/withdraw'), body: { version: lc.changeRequestVersion } }),
    invalid: () => ({ path: cr('/withdraw'), body: { version: lc.changeRequestVersion + 3 }, status: 409 }),
  },
  'POST /api/v1/change-requests/{changeRequestId}/approve': {
    as: 'center',
    setup: demoAt({ changeRequest: 'submitted' }),
    valid: () => ({ path: cr('/approve'), body: { version: lc.changeRequestVersion, reason: '同意' } }),
    invalid: () => ({
      path: cr('/approve'),
      body: { version: lc.changeRequestVersion + 3, reason: '同意' },
      status: 409,
    }),
  },
  'POST /api/v1/change-requests/{changeRequestId}/reject': {
    as: 'center',
    setup: demoAt({ changeRequest: 'submitted' }),
    valid: () => ({ path: cr('/reject'), body: { version: lc.changeRequestVersion, reason: '理由不充分' } }),
    invalid: () => ({ path: cr('/reject'), body: { version: lc.changeRequestVersion, reason: '' }, status: 409 }),
  },
  'POST /api/v1/host-registrations': {
    as: null,
    setup: async (t) => {
      await openCall2026(t, await t.login('center'));
    },
    valid: () => ({ path: '/api/v1/host-registrations', body: registration() }),
    invalid: () => ({
      path: '/api/v1/host-registrations',
      body: registration({ uscc: badCheckUscc(7002) }),
      status: 400,
    }),
  },
  'POST /api/v1/host-registrations/{registrationId}/decision': {
    as: 'staff',
    setup: async (t) => {
      await openCall2026(t, await t.login('center'));
      const r = await t.call(null, 'POST', '/api/v1/host-registrations', registration());
      lc.noticeId = r.json.id;
    },
    valid: () => ({ path: `/api/v1/host-registrations/${lc.noticeId}/decision`, body: { version: 1, approve: true } }),
    invalid: () => ({
      path: `/api/v1/host-registrations/${lc.noticeId}/decision`,
      body: { version: 1, approve: false },
      status: 400,
    }),
  },
  'POST /api/v1/stations/{id}/payments': {
    as: 'center',
    valid: (_t, ids) =>
      png(
        `/api/v1/stations/${ids.stations.haidian}/payments?paidOn=2025-04-10&amountFen=15000000&fileName=拨款凭证.png`,
      ),
    invalid: (_t, ids) => ({
      ...png(
        `/api/v1/stations/${ids.stations.haidian}/payments?paidOn=2025-04-10&amountFen=15000001&fileName=拨款凭证.png`,
      ),
      status: 409,
    }),
  },
  'DELETE /api/v1/stations/{id}/payments/{paymentId}': {
    as: 'center',
    setup: async (t, ids, cookie) => {
      const r = await rawRequest(
        t,
        'POST',
        `/api/v1/stations/${ids.stations.haidian}/payments?paidOn=2025-04-10&amountFen=100&fileName=凭证.png`,
        { cookie, headers: { 'content-type': 'application/octet-stream' }, body: PNG },
      );
      lc.noticeId = r.json.payments[0].id;
    },
    valid: (_t, ids) => ({ path: `/api/v1/stations/${ids.stations.haidian}/payments/${lc.noticeId}?version=1` }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/payments/${lc.noticeId}?version=x`,
      status: 400,
    }),
  },
  'POST /api/v1/golden-bridge/{outcomeId}/review': {
    as: 'staff',
    setup: async (t, ids) => {
      const o = await t.deps.db
        .selectFrom('outcomes')
        .select('id')
        .where('station_id', '=', ids.stations.haidian)
        .executeTakeFirstOrThrow();
      await t.deps.db.updateTable('outcomes').set({ golden_bridge: 1 }).where('id', '=', o.id).execute();
      lc.noticeId = o.id;
    },
    valid: () => ({
      path: `/api/v1/golden-bridge/${lc.noticeId}/review`,
      body: { recommend: true, comment: '成果显著', version: null },
    }),
    invalid: () => ({
      path: `/api/v1/golden-bridge/${lc.noticeId}/review`,
      body: { recommend: 'yes', version: null },
      status: 400,
    }),
  },
  'POST /api/v1/golden-bridge/reviews/batch': {
    as: 'staff',
    setup: async (t, ids) => {
      const o = await t.deps.db
        .selectFrom('outcomes')
        .select('id')
        .where('station_id', '=', ids.stations.haidian)
        .executeTakeFirstOrThrow();
      await t.deps.db.updateTable('outcomes').set({ golden_bridge: 1 }).where('id', '=', o.id).execute();
      lc.noticeId = o.id;
    },
    valid: () => ({
      path: '/api/v1/golden-bridge/reviews/batch',
      body: { items: [{ id: lc.noticeId, version: null }], recommend: true, comment: '成果显著' },
    }),
    // 第九条: a 不推荐 without its reason.
    invalid: () => ({
      path: '/api/v1/golden-bridge/reviews/batch',
      body: { items: [{ id: lc.noticeId, version: null }], recommend: false, comment: '' },
      status: 400,
    }),
  },
  'POST /api/v1/stations/{id}/auditors': {
    as: 'staff',
    setup: async (t) => {
      lc.noticeId = await userId(t, 'auditor');
    },
    valid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/auditors`,
      body: { userId: lc.noticeId, validFrom: '2025-06-01', validTo: '2025-12-31' },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/auditors`,
      body: { userId: lc.noticeId, validFrom: '2025-12-31', validTo: '2025-06-01' },
      status: 400,
    }),
  },
  'DELETE /api/v1/stations/{id}/auditors/{userId}': {
    as: 'staff',
    setup: async (t) => {
      lc.noticeId = await userId(t, 'auditor');
    },
    // The demo auditor is assigned to the 朝阳 station by the seed.
    valid: (_t, ids) => ({ path: `/api/v1/stations/${ids.stations.chaoyang}/auditors/${lc.noticeId}` }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.chaoyang}/auditors/${'x'.repeat(65)}`,
      status: 400,
    }),
  },
  // 支出台账 (issue #5): the host books through the compliance engine; a refused booking (a meal, 第十七条; a
  // consulting fee to its own staff, 第十六条) is a 409 that changes nothing.
  'POST /api/v1/stations/{id}/expense-vouchers': {
    as: 'host',
    valid: (_t, ids) => png(`/api/v1/stations/${ids.stations.haidian}/expense-vouchers?fileName=发票.png`),
    invalid: (_t, ids) => ({
      ...text(`/api/v1/stations/${ids.stations.haidian}/expense-vouchers?fileName=发票.txt`),
      rawBody: { contentType: 'application/octet-stream', bytes: new TextEncoder().encode('not a voucher') },
      status: 415,
    }),
  },
  'POST /api/v1/stations/{id}/expenses': {
    as: 'host',
    setup: async (t, ids) => {
      lc.fileId = await freshVoucher(t, ids.stations.haidian);
    },
    valid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/expenses`,
      body: validExpenseBody(lc.fileId),
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/expenses`,
      body: { ...validExpenseBody(lc.fileId), category: 'other', item: 'meals', purpose: '参会人员用餐' },
      status: 409,
    }),
  },
  'PUT /api/v1/stations/{id}/expenses/{expenseId}': {
    as: 'host',
    setup: async (t, ids) => {
      lc.fileId = await freshVoucher(t, ids.stations.haidian);
      const x = await expenseOf(t, ids.stations.haidian);
      lc.noticeId = x!.id;
      lc.appVersion = x!.version;
    },
    valid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/expenses/${lc.noticeId}`,
      body: { ...validExpenseBody(lc.fileId), version: lc.appVersion },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/expenses/${lc.noticeId}`,
      body: {
        ...validExpenseBody(lc.fileId),
        category: 'consulting',
        item: 'expert_consulting',
        payee: { kind: 'person', name: '本会职工', hostStaff: true },
        version: lc.appVersion,
      },
      status: 409,
    }),
  },
  'DELETE /api/v1/stations/{id}/expenses/{expenseId}': {
    as: 'host',
    setup: async (t, ids) => {
      lc.noticeId = await freshExpense(t, ids.stations.haidian);
    },
    valid: (_t, ids) => ({ path: `/api/v1/stations/${ids.stations.haidian}/expenses/${lc.noticeId}?version=1` }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/expenses/${lc.noticeId}?version=2`,
      status: 409,
    }),
  },
  'POST /api/v1/stations/{id}/final-accounts': {
    as: 'host',
    valid: (_t, ids) => ({ path: `/api/v1/stations/${ids.stations.haidian}/final-accounts` }),
    invalid: () => ({ path: `/api/v1/stations/${'x'.repeat(65)}/final-accounts`, status: 400 }),
  },
  // 监督检查与追回经费 (issue #5, 第十八条、第十九条).
  'POST /api/v1/inspections': {
    as: 'staff',
    valid: (_t, ids) => ({
      path: '/api/v1/inspections',
      body: {
        programYear: 2025,
        title: '年中经费抽查',
        kind: 'unannounced',
        plannedOn: '2025-06-20',
        stationIds: [ids.stations.haidian],
        sampleExpenses: 2,
      },
    }),
    invalid: () => ({
      path: '/api/v1/inspections',
      body: { programYear: 2025, title: '年中经费抽查', kind: 'unannounced', plannedOn: '2025-06-20', stationIds: [] },
      status: 400,
    }),
  },
  'POST /api/v1/inspections/{inspectionId}/findings': {
    as: 'staff',
    setup: async (t, ids) => {
      lc.noticeId = await seedInspection(t, [ids.stations.haidian]);
    },
    valid: (_t, ids) => ({
      path: `/api/v1/inspections/${lc.noticeId}/findings`,
      body: {
        stationId: ids.stations.haidian,
        kind: 'rectification',
        description: '台账记录不全',
        dueOn: '2025-07-31',
      },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/inspections/${lc.noticeId}/findings`,
      body: { stationId: ids.stations.haidian, kind: 'violation', description: '挪用经费' },
      status: 400,
    }),
  },
  'POST /api/v1/inspections/{inspectionId}/complete': {
    as: 'staff',
    setup: async (t, ids) => {
      lc.noticeId = await seedInspection(t, [ids.stations.haidian]);
    },
    valid: () => ({
      path: `/api/v1/inspections/${lc.noticeId}/complete`,
      body: { version: 1, summary: '检查完毕，经费使用总体规范' },
    }),
    invalid: () => ({
      path: `/api/v1/inspections/${lc.noticeId}/complete`,
      body: { version: 1, summary: '' },
      status: 409,
    }),
  },
  'POST /api/v1/inspection-findings/{findingId}/close': {
    as: 'staff',
    setup: async (t, ids) => {
      lc.fileId = await freshFinding(t, await seedInspection(t, [ids.stations.haidian]), ids.stations.haidian);
    },
    valid: () => ({ path: `/api/v1/inspection-findings/${lc.fileId}/close`, body: { version: 1, note: '已整改到位' } }),
    invalid: () => ({
      path: `/api/v1/inspection-findings/${lc.fileId}/close`,
      body: { version: 1, note: '' },
      status: 409,
    }),
  },
  'POST /api/v1/inspection-findings/{findingId}/reopen': {
    as: 'staff',
    setup: async (t, ids) => {
      lc.fileId = await freshFinding(t, await seedInspection(t, [ids.stations.haidian]), ids.stations.haidian);
      await t.deps.db
        .updateTable('inspection_findings')
        .set({ status: 'responded', response: '已整改' })
        .where('id', '=', lc.fileId)
        .execute();
    },
    valid: () => ({
      path: `/api/v1/inspection-findings/${lc.fileId}/reopen`,
      body: { version: 1, note: '佐证材料仍不完整' },
    }),
    invalid: () => ({
      path: `/api/v1/inspection-findings/${lc.fileId}/reopen`,
      body: { version: 1, note: '' },
      status: 409,
    }),
  },
  'POST /api/v1/recoveries': {
    as: 'center',
    setup: async (t, ids) => {
      const inspection = await seedInspection(t, [ids.stations.haidian]);
      lc.fileId = await freshFinding(t, inspection, ids.stations.haidian, 'violation');
    },
    valid: () => ({
      path: '/api/v1/recoveries',
      body: { findingId: lc.fileId, amountFen: 100_000, dueOn: '2025-08-31', responsiblePerson: '王建国' },
    }),
    invalid: () => ({
      path: '/api/v1/recoveries',
      body: { findingId: lc.fileId, amountFen: 0, dueOn: '2025-08-31', responsiblePerson: '王建国' },
      status: 400,
    }),
  },
  'POST /api/v1/recoveries/{orderId}/payments': {
    as: 'center',
    setup: async (t, ids) => {
      const inspection = await seedInspection(t, [ids.stations.haidian]);
      const finding = await freshFinding(t, inspection, ids.stations.haidian, 'violation');
      lc.fileId = await freshOrder(t, finding, ids.stations.haidian);
    },
    valid: () => ({
      path: `/api/v1/recoveries/${lc.fileId}/payments`,
      body: { version: 1, paidOn: '2025-06-12', amountFen: 40_000 },
    }),
    invalid: () => ({
      path: `/api/v1/recoveries/${lc.fileId}/payments`,
      body: { version: 1, paidOn: '2025-06-12', amountFen: 100_001 },
      status: 400,
    }),
  },
  'POST /api/v1/recoveries/{orderId}/close': {
    as: 'center',
    setup: async (t, ids) => {
      const inspection = await seedInspection(t, [ids.stations.haidian]);
      const finding = await freshFinding(t, inspection, ids.stations.haidian, 'violation');
      lc.fileId = await freshOrder(t, finding, ids.stations.haidian);
      await t.deps.db
        .updateTable('recovery_orders')
        .set({ status: 'paid', paid_fen: 100_000 })
        .where('id', '=', lc.fileId)
        .execute();
    },
    valid: () => ({
      path: `/api/v1/recoveries/${lc.fileId}/close`,
      body: { version: 1, note: '已全部退回，结案' },
    }),
    invalid: () => ({
      path: `/api/v1/recoveries/${lc.fileId}/close`,
      body: { version: 1, note: '' },
      status: 409,
    }),
  },
  'POST /api/v1/stations/{id}/findings/{findingId}/response': {
    as: 'host',
    setup: async (t, ids) => {
      lc.fileId = await freshFinding(t, await seedInspection(t, [ids.stations.haidian]), ids.stations.haidian);
    },
    valid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/findings/${lc.fileId}/response`,
      body: { version: 1, response: '已补齐活动佐证材料' },
    }),
    invalid: (_t, ids) => ({
      path: `/api/v1/stations/${ids.stations.haidian}/findings/${lc.fileId}/response`,
      body: { version: 1, response: '' },
      status: 409,
    }),
  },
  'PUT /api/v1/security-settings': {
    as: 'secadmin',
    valid: () => ({
      path: '/api/v1/security-settings',
      body: {
        loginMaxFailures: 5,
        loginLockMinutes: 15,
        passwordHistoryCount: 5,
        adminPasswordMaxAgeDays: 90,
        version: null,
      },
    }),
    invalid: () => ({
      path: '/api/v1/security-settings',
      body: {
        loginMaxFailures: 0,
        loginLockMinutes: 15,
        passwordHistoryCount: 5,
        adminPasswordMaxAgeDays: 90,
        version: null,
      },
      status: 400,
    }),
  },
  'PUT /api/v1/reminder-settings': {
    as: 'center',
    valid: () => ({ path: '/api/v1/reminder-settings', body: { days: 5, version: null } }),
    invalid: () => ({ path: '/api/v1/reminder-settings', body: { days: 0, version: null }, status: 400 }),
  },
  'POST /api/v1/notices': {
    as: 'staff',
    valid: () => ({
      path: '/api/v1/notices',
      body: { kind: 'result', title: '2026年度立项结果公告', body: '经评审，以下站点立项。' },
    }),
    invalid: () => ({
      path: '/api/v1/notices',
      body: { kind: 'result', title: '', body: '经评审，以下站点立项。' },
      status: 400,
    }),
  },
  'DELETE /api/v1/notices/{noticeId}': {
    as: 'center',
    setup: async (t) => {
      const r = await t.call(await t.login('center'), 'POST', '/api/v1/notices', {
        kind: 'general',
        title: '系统维护通知',
        body: '本周六系统维护。',
      });
      lc.noticeId = r.json.id;
    },
    valid: () => ({ path: `/api/v1/notices/${lc.noticeId}` }),
    invalid: () => ({ path: `/api/v1/notices/${'x'.repeat(65)}`, status: 400 }),
  },
} satisfies Record<string, Case>);

// 依托单位批量导入 (issue #10 §3): the Center imports new hosts from Excel, one audit event each; a file with a bad
// 统一社会信用代码 is refused as a whole.
let hostFiles: { good: Uint8Array; bad: Uint8Array } | null = null;
Object.assign(CASES, {
  'POST /api/v1/organizations/import': {
    as: 'staff',
    setup: async () => {
      const row = (n: number, uscc: string) => [`北京市导入审计测试学会${n}`, uscc, '学会', '海淀区', '', '', ''];
      hostFiles = {
        good: await hostWorkbook([row(1, validUscc(9101)), row(2, validUscc(9102))]),
        bad: await hostWorkbook([row(1, validUscc(9101)), row(2, badCheckUscc(9102))]),
      };
    },
    valid: () => ({ path: '/api/v1/organizations/import', rawBody: octet(hostFiles!.good) }),
    invalid: () => ({ path: '/api/v1/organizations/import', rawBody: octet(hostFiles!.bad), status: 400 }),
  },
} satisfies Record<string, Case>);

// 官方名单 (issue #15 §4): the Center imports a list; the preview's token is the version the import applies to.
const OFFICIAL_QUERY = `kind=srdi_municipal&name=${encodeURIComponent('2025年度市级专精特新企业名单')}&effectiveOn=2025-03-01&fileName=list.xlsx`;
let officialList: { file: Uint8Array; bad: Uint8Array; token: string } | null = null;
async function officialWorkbook(codes: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('官方名单');
  ws.addRow(['统一社会信用代码', '企业名称']);
  for (const c of codes) ws.addRow([c, '北京审计测试科技有限公司']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
Object.assign(CASES, {
  'POST /api/v1/official-lists/import': {
    as: 'staff',
    setup: async (t, _ids, cookie) => {
      const e = await t.deps.db
        .selectFrom('enterprises')
        .select('uscc')
        .where('srdi', '=', 'none')
        .executeTakeFirstOrThrow();
      const file = await officialWorkbook([e.uscc]);
      const preview = await rawRequest(t, 'POST', `/api/v1/official-lists/import?${OFFICIAL_QUERY}&dryRun=1`, {
        cookie,
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      });
      officialList = { file, bad: await officialWorkbook([badCheckUscc(9301)]), token: preview.json.token };
    },
    valid: () => ({
      path: `/api/v1/official-lists/import?${OFFICIAL_QUERY}&token=${officialList!.token}`,
      rawBody: octet(officialList!.file),
    }),
    invalid: () => ({
      path: `/api/v1/official-lists/import?${OFFICIAL_QUERY}&token=${officialList!.token}`,
      rawBody: octet(officialList!.bad),
      status: 400,
    }),
  },
} satisfies Record<string, Case>);

// The route list, from a router that is never served (no database is touched when routes register).
const { routes } = createApp({
  db: null as never,
  engine: 'sqlite',
  clock: { now: () => new Date() },
  env: loadEnv({ NODE_ENV: 'test' }),
  blobs: null as never,
});
const keyOf = (r: Pick<RouteMeta, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;
const mutating = routes.filter((r) => r.method !== 'get');

async function send(t: TestApp, cookie: string | null, method: string, req: Req) {
  if (req.rawBody) {
    return rawRequest(t, method, req.path, {
      cookie,
      headers: { 'content-type': req.rawBody.contentType },
      body: req.rawBody.bytes ?? req.rawBody.text,
    });
  }
  return t.call(cookie, method, req.path, req.body);
}

function roleOf(username: string): Role {
  const role = ROLES.find((r) => DEMO_USERS[r] === username);
  if (!role) throw new Error(`${username} is not a demo account`);
  return role;
}

describe('the table of valid requests', () => {
  it('has an entry for every mutating route, and none for a route that no longer exists', () => {
    expect(mutating.length).toBeGreaterThan(10);
    expect(mutating.map(keyOf).filter((k) => !CASES[k])).toEqual([]);
    const known = new Set(mutating.map(keyOf));
    expect(Object.keys(CASES).filter((k) => !known.has(k))).toEqual([]);
  });

  it('calls each route as a role that holds its permission', () => {
    for (const r of mutating) {
      const c = CASES[keyOf(r)];
      if (!c || typeof r.access !== 'object') continue;
      expect(c.as, keyOf(r)).not.toBeNull();
      expect(can(roleOf(c.as!), r.access.permission), `${keyOf(r)} as ${c.as}`).toBe(true);
    }
  });
});

describe('every mutating route', () => {
  for (const route of mutating) {
    const key = keyOf(route);
    it(`${key}: a failed call changes nothing; a successful one leaves an audit row naming the actor`, async () => {
      const c = CASES[key];
      expect(c, `no valid request for ${key}: add one to CASES`).toBeDefined();
      const t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '10000' } });
      try {
        const ids = await demoIds(t);
        const cookie = c.as ? await t.login(c.as) : null;
        await c.setup?.(t, ids, cookie);
        const method = route.method.toUpperCase();

        const good = c.valid(t, ids);
        const access = route.access;
        const outsider = typeof access === 'object' ? ROLES.find((r) => !can(r, access.permission)) : undefined;
        const outsiderCookie = outsider ? await t.login(DEMO_USERS[outsider]) : null;
        const before = await snapshot(t);

        // 1. A failed call: the wanted status, no audit row, no table changed.
        const bad = c.invalid(t, ids);
        const failed = await send(t, cookie, method, bad);
        expect(failed.status, `${key} invalid: ${JSON.stringify(failed.json)}`).toBe(bad.status);
        expect(failed.json.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(await snapshot(t)).toEqual(before);

        // 2. Refused calls (not signed in; a role without the permission) change nothing either.
        if (access !== 'public') {
          const anon = await send(t, null, method, good);
          expect(anon.status).toBe(401);
        }
        expect(await snapshot(t)).toEqual(before);
        if (outsider) {
          // A refused attempt is a security event (等保 2.0 安全审计): one access_denied row, nothing else changes.
          const seqBefore = await lastAuditSeq(t);
          const refused = await send(t, outsiderCookie, method, good);
          expect(refused.status, `${key} as ${outsider}`).toBe(403);
          const denied = await t.deps.db.selectFrom('audit_events').selectAll().where('seq', '>', seqBefore).execute();
          expect(denied.map((r) => [r.action, r.actor_name])).toEqual([['access_denied', DEMO_USERS[outsider]]]);
          const business = TABLES.filter((x) => x !== 'audit_events' && x !== 'audit_head');
          expect(await snapshot(t, business)).toEqual(await snapshotOf(before, business));
        }

        // 3. The successful call.
        const seq = await lastAuditSeq(t);
        const ok = await send(t, cookie, method, good);
        expect(ok.status, `${key} valid: ${JSON.stringify(ok.json)}`).toBeGreaterThanOrEqual(200);
        expect(ok.status).toBeLessThan(300);
        const rows = await t.deps.db.selectFrom('audit_events').selectAll().where('seq', '>', seq).execute();
        expect(rows.length, `${key} left no audit row`).toBeGreaterThanOrEqual(1);
        const actor = c.as ?? (good.body as { username: string }).username;
        for (const row of rows) {
          expect(row.actor_name).toBe(actor);
          expect(row.summary).toMatch(/[\u4e00-\u9fff]/);
        }
        expect((await verifyAuditChain(t.deps.db, auditKey(t.deps.env))).ok).toBe(true);
      } finally {
        await t.close();
      }
    });
  }

  // Issue 12: the audit page shows each diff field by its Chinese name (src/shared/audit-field-labels.ts).
  it('leaves no audit diff field without a Chinese name', () => {
    expect(
      diffKeys.size,
      'the keys are collected as the tests above close their apps: run the whole file',
    ).toBeGreaterThan(0);
    expect([...diffKeys].filter((k) => !(k in AUDIT_FIELD_LABELS)).sort()).toEqual([]);
  });
});
