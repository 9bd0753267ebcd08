// Shared helpers of the integration tests: ids of the demo data, raw requests, table snapshots and valid bodies.
// They read the real database the app writes; nothing here re-implements a server rule.
import { sql } from 'kysely';
import { usccCheckChar } from '../../../src/domain/uscc';
import type { DB } from '../../../src/server/db/schema';
import type { TestApp } from '../../setup/test-app';

/** The ten demo accounts (seed.ts), one per role. */
export const DEMO_USERS = {
  center_admin: 'center',
  center_staff: 'staff',
  district: 'haidian',
  host: 'host',
  reviewer: 'reviewer',
  auditor: 'auditor',
  sys_admin: 'sysadmin',
  sec_admin: 'secadmin',
  audit_admin: 'auditadmin',
  unassigned: 'newcomer',
} as const;

export const HAIDIAN = '110108';
export const CHAOYANG = '110105';
export const FANGSHAN = '110111'; // a B-class district (第三条)

/** Ids of the demo records the tests aim at, looked up by their natural keys. */
export interface DemoIds {
  stations: {
    haidian: string;
    chaoyang: string;
    /** An IUR station whose host (北京理工大学科协) sits in 海淀区: no district, another host. */
    iurBit: string;
  };
  orgs: {
    center: string;
    haidianAssociation: string;
    chaoyangAssociation: string;
    /** 中关村智能制造创新学会 (a 学会), host of the 海淀区 station and the org of the `host` account. */
    haidianHost: string;
    chaoyangHost: string;
    bit: string;
    /** The six university 科协 hosting the six IUR stations of 2025. */
    universities: string[];
  };
  users: Record<string, { id: string; version: number }>;
}

export async function demoIds(t: TestApp): Promise<DemoIds> {
  const db = t.deps.db;
  const stations = await db.selectFrom('stations').selectAll().where('program_year', '=', 2025).execute();
  const orgs = await db.selectFrom('organizations').selectAll().execute();
  const users = await db.selectFrom('users').select(['id', 'username', 'version']).execute();
  const one = <T>(rows: T[], what: string): T => {
    if (rows.length !== 1) throw new Error(`demo data: expected one ${what}, found ${rows.length}`);
    return rows[0];
  };
  const bit = one(
    orgs.filter((o) => o.name === '北京理工大学科协'),
    'BIT host',
  );
  return {
    stations: {
      haidian: one(
        stations.filter((s) => s.district_code === HAIDIAN),
        'Haidian station',
      ).id,
      chaoyang: one(
        stations.filter((s) => s.district_code === CHAOYANG),
        'Chaoyang station',
      ).id,
      iurBit: one(
        stations.filter((s) => s.host_org_id === bit.id),
        'BIT station',
      ).id,
    },
    orgs: {
      center: one(
        orgs.filter((o) => o.kind === 'center'),
        'center',
      ).id,
      haidianAssociation: one(
        orgs.filter((o) => o.kind === 'district_association' && o.district_code === HAIDIAN),
        'Haidian association',
      ).id,
      chaoyangAssociation: one(
        orgs.filter((o) => o.kind === 'district_association' && o.district_code === CHAOYANG),
        'Chaoyang association',
      ).id,
      haidianHost: one(
        orgs.filter((o) => o.name === '中关村智能制造创新学会'),
        'Haidian host',
      ).id,
      chaoyangHost: one(
        orgs.filter((o) => o.name === '北京市朝阳区数字经济产业协会'),
        'Chaoyang host',
      ).id,
      bit: bit.id,
      universities: orgs
        .filter((o) => o.host_kind === 'university_association')
        .map((o) => o.id)
        .sort(),
    },
    users: Object.fromEntries(users.map((u) => [u.username, { id: u.id, version: u.version }])),
  };
}

/** A valid 统一社会信用代码 (GB 32100) for test number n. */
export function validUscc(n: number, prefix = '51110000'): string {
  const first17 = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character. */
export function badCheckUscc(n: number): string {
  const good = validUscc(n);
  const wrong = good[17] === '0' ? '1' : '0';
  return good.slice(0, 17) + wrong;
}

export function stationBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programYear: 2026,
    type: 'district_a',
    districtCode: HAIDIAN,
    hostOrgId: 'set-me',
    name: '海淀区“千人进千企”工作站点（测试）',
    periodStart: '2026-04-01',
    periodEnd: '2026-12-31',
    leaderName: '张伟',
    leaderPhone: '13900001111',
    contactName: '孙丽',
    contactPhone: '010-82001234',
    ...over,
  };
}

export interface RawResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field, as with t.call
  json: any;
  res: Response;
}

/** A request with full control of headers and body (t.call always sends JSON). */
export async function rawRequest(
  t: TestApp,
  method: string,
  path: string,
  opts: { cookie?: string | null; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  // A real HTTP client states the length of a body; app.request does not add it by itself.
  if (opts.body !== undefined) {
    headers['content-length'] ??= String(
      typeof opts.body === 'string' ? Buffer.byteLength(opts.body) : opts.body.byteLength,
    );
  }
  const res = await t.app.request(path, { method, headers, body: opts.body as BodyInit | undefined });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('application/json') ? await res.json() : null;
  return { status: res.status, json, res };
}

export const TABLES = [
  'program_years',
  'organizations',
  'stations',
  'users',
  'user_stations',
  'sessions',
  'audit_events',
  'audit_head',
  'settings',
  'enterprises',
  'enterprise_history',
  'official_lists',
  'official_list_entries',
  'station_enterprises',
  'contacts',
  'demands',
  'experts',
  'events',
  'event_experts',
  'event_enterprises',
  'attachments',
  'event_evidence',
  'press_releases',
  'cooperations',
  'outcomes',
  'achievements',
  'reports',
  'calls',
  'applications',
  'lifecycle_files',
  'review_assignments',
  'site_visits',
  'projects',
  'agreement_versions',
  'change_requests',
  'notices',
  'reminders',
  'host_registrations',
  'fund_payments',
  'golden_bridge_reviews',
  'expenses',
  'expense_vouchers',
  'station_budgets',
  'inspections',
  'inspection_targets',
  'inspection_findings',
  'recovery_orders',
  'recovery_payments',
  'password_resets',
  'password_history',
] as const satisfies ReadonlyArray<keyof DB>;

/** Every row of every table, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(
  t: TestApp,
  tables: ReadonlyArray<(typeof TABLES)[number]> = TABLES,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.deps.db);
    out[table] = rows.rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))))
      .sort();
  }
  return out;
}

export async function auditCount(t: TestApp): Promise<number> {
  const r = await t.deps.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function auditRowsAfter(t: TestApp, seq: number) {
  return t.deps.db.selectFrom('audit_events').selectAll().where('seq', '>', seq).orderBy('seq').execute();
}

export async function lastAuditSeq(t: TestApp): Promise<number> {
  const r = await t.deps.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(r.seq);
}

export async function count(t: TestApp, table: (typeof TABLES)[number]): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(t.deps.db);
  return Number(r.rows[0].n);
}

/** Chinese text in a user-facing message. */
export const CHINESE = /[\u4e00-\u9fff]/;

/** The set-cookie value to send back (name=value). */
export function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
