import { uuidv7 } from 'uuidv7';
import { policy2025 } from '../domain/policy/index';
import { usccCheckChar } from '../domain/uscc';
import type { Role } from '../shared/permissions';
import { writeTx } from './audit/audit';
import { hashPassword } from './auth/password';
import type { Ctx } from './context';
import type { OrganizationTable, StationTable, UserTable } from './db/schema';
import { seedDemoLedgers } from './demo/seed-ledgers';
import { seedDemoProjects } from './demo/seed-projects';
import { ensureReferenceData } from './reference-data';

/** The demo password of every demo account; printed on the console, never used when NODE_ENV=production. */
export const DEMO_PASSWORD = 'Qianqi@2025';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  note: string;
}

function uscc(prefix: string, n: number): string {
  const first17 = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

// Plausible hosts (第六条: 学会、协会、联盟、园区科协, public institutions; universities' 科协 for IUR).
const DISTRICT_HOSTS: Record<string, { name: string; kind: string }> = {
  etown: { name: '北京经济技术开发区高端制造产业联盟', kind: 'alliance' },
  '110106': { name: '北京市丰台区科技企业协会', kind: 'association' },
  '110108': { name: '中关村智能制造创新学会', kind: 'society' },
  '110114': { name: '未来科学城园区科协', kind: 'park_association' },
  '110105': { name: '北京市朝阳区数字经济产业协会', kind: 'association' },
  '110112': { name: '北京城市副中心科技服务联盟', kind: 'alliance' },
  '110113': { name: '北京市顺义区航空产业学会', kind: 'society' },
  '110111': { name: '北京市房山区新材料产业协会', kind: 'association' },
  '110115': { name: '大兴生物医药产业基地园区科协', kind: 'park_association' },
  '110117': { name: '北京市平谷区农业科技学会', kind: 'society' },
  '110116': { name: '怀柔科学城科技服务中心', kind: 'public_institution' },
  '110118': { name: '北京市密云区生态科技协会', kind: 'association' },
  '110119': { name: '北京市延庆区冰雪产业联盟', kind: 'alliance' },
  '110101': { name: '北京市东城区文化科技融合协会', kind: 'association' },
  '110102': { name: '北京金融科技学会', kind: 'society' },
  '110109': { name: '北京市门头沟区科技成果转化中心', kind: 'public_institution' },
  '110107': { name: '石景山区数字创意产业联盟', kind: 'alliance' },
};
const IUR_HOSTS = [
  '北京理工大学科协',
  '北京航空航天大学科协',
  '北京工业大学科协',
  '北京化工大学科协',
  '中国科学院自动化研究所科协',
  '北京邮电大学科协',
];

/**
 * Seeds the demo into a database that has no users and no stations: on top of the reference data (the 2025 year,
 * the Center, 17 district associations), 23 hosts and stations with a year of ledgers and agreements, and one demo
 * account per role. All of it in ONE transaction: a kill during seeding leaves the database as it was, and the next
 * start seeds again instead of finding a half-seeded database that looks seeded.
 *
 * `ledgers: 'few'` gives a year of ledger only to the stations the tests aim at (海淀, 朝阳, the BIT IUR station), which
 * keeps a fresh test database quick; the app and the benchmark seed every station.
 */
export async function seedDemo(ctx: Ctx, opts: { ledgers?: 'all' | 'few' } = {}): Promise<DemoAccount[]> {
  if (await hasOwnData(ctx)) return [];
  return ctx.db.transaction().execute(async (tx) => {
    const inTx: Ctx = { ...ctx, db: tx };
    // Checked again inside the transaction: two processes starting on one empty database seed once.
    if (await hasOwnData(inTx)) return [];
    return seedDemoInto(inTx, opts);
  });
}

/** Accounts or stations: the deployment's own data, never overwritten by the demo. */
export async function hasOwnData(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  const user = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const station = await ctx.db.selectFrom('stations').select('id').limit(1).executeTakeFirst();
  return !!(user || station);
}

async function seedDemoInto(ctx: Ctx, opts: { ledgers?: 'all' | 'few' }): Promise<DemoAccount[]> {
  await ensureReferenceData(ctx);
  const now = ctx.clock.now().toISOString();
  const year = policy2025.year;
  const org = (o: Partial<OrganizationTable> & Pick<OrganizationTable, 'kind' | 'name'>): OrganizationTable => ({
    id: uuidv7(),
    host_kind: null,
    uscc: null,
    district_code: null,
    contact_name: null,
    contact_phone: null,
    address: null,
    is_active: 1,
    created_at: now,
    updated_at: now,
    version: 1,
    ...o,
  });
  const associations = await ctx.db
    .selectFrom('organizations')
    .selectAll()
    .where('kind', '=', 'district_association')
    .execute();
  const center = await ctx.db
    .selectFrom('organizations')
    .selectAll()
    .where('kind', '=', 'center')
    .executeTakeFirstOrThrow();
  const hosts: OrganizationTable[] = [];
  const stations: StationTable[] = [];
  let n = 1;
  for (const d of policy2025.districts) {
    const h = DISTRICT_HOSTS[d.code];
    const host = org({
      kind: 'host',
      host_kind: h.kind,
      name: h.name,
      uscc: uscc(h.kind === 'public_institution' ? '12110000' : '51110000', 1000 + n),
      district_code: d.code,
      contact_name: '王老师',
      contact_phone: `010-6${String(1000000 + n * 7919).slice(-7)}`,
    });
    hosts.push(host);
    stations.push({
      id: uuidv7(),
      program_year: year,
      type: d.stationType,
      district_code: d.code,
      host_org_id: host.id,
      name: `${d.name}“千人进千企”工作站点`,
      period_start: '2025-04-01',
      period_end: '2025-12-31',
      leader_name: ['张伟', '李娜', '王强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'][n % 8],
      leader_phone: `139${String(10000000 + n * 1234567).slice(-8)}`,
      contact_name: ['孙丽', '周杰', '吴昊', '郑爽', '冯婷', '何平'][n % 6],
      contact_phone: `010-8${String(2000000 + n * 4271).slice(-7)}`,
      created_at: now,
      updated_at: now,
      version: 1,
      ledger_version: 0,
    });
    n += 1;
  }
  for (const name of IUR_HOSTS) {
    const host = org({
      kind: 'host',
      host_kind: 'university_association',
      name,
      uscc: uscc('12100000', 2000 + n),
      district_code: '110108',
    });
    hosts.push(host);
    stations.push({
      id: uuidv7(),
      program_year: year,
      type: 'iur',
      district_code: null,
      host_org_id: host.id,
      name: `${name.replace('科协', '')}产学研合作站点`,
      period_start: '2025-04-01',
      period_end: '2025-12-31',
      leader_name: '钱教授',
      leader_phone: `138${String(20000000 + n * 7654321).slice(-8)}`,
      contact_name: '郭老师',
      contact_phone: `010-6${String(3000000 + n * 3331).slice(-7)}`,
      created_at: now,
      updated_at: now,
      version: 1,
      ledger_version: 0,
    });
    n += 1;
  }

  const haidianHost = hosts.find((h) => h.district_code === '110108' && h.host_kind !== 'university_association')!;
  const chaoyangStation = stations.find((s) => s.district_code === '110105')!;
  const haidianAssoc = associations.find((a) => a.district_code === '110108')!;
  const accounts: Array<DemoAccount & { organizationId: string | null; districtCode: string | null }> = [
    {
      username: 'center',
      role: 'center_admin',
      displayName: '中心管理员',
      note: '创新服务中心，全部数据',
      organizationId: center.id,
      districtCode: null,
    },
    {
      username: 'staff',
      role: 'center_staff',
      displayName: '中心工作人员',
      note: '创新服务中心，全部数据',
      organizationId: center.id,
      districtCode: null,
    },
    {
      username: 'haidian',
      role: 'district',
      displayName: '海淀区科协',
      note: '仅海淀区站点',
      organizationId: haidianAssoc.id,
      districtCode: '110108',
    },
    {
      username: 'host',
      role: 'host',
      displayName: '依托单位用户',
      note: `仅“${haidianHost.name}”的站点`,
      organizationId: haidianHost.id,
      districtCode: null,
    },
    {
      username: 'reviewer',
      role: 'reviewer',
      displayName: '评审专家',
      note: '分配给其的申报书',
      organizationId: null,
      districtCode: null,
    },
    // More reviewers, so a review has the three the call asks for (第十条); reviewer4 works for the 海淀 host and
    // is refused for its application automatically.
    ...[2, 3, 4, 5].map((i) => ({
      username: `reviewer${i}`,
      role: 'reviewer' as const,
      displayName: `评审专家${['', '', '二', '三', '四', '五'][i]}`,
      note: i === 4 ? `任职于“${haidianHost.name}”（评审该单位时自动回避）` : '分配给其的申报书',
      organizationId: null,
      districtCode: null,
    })),
    {
      username: 'auditor',
      role: 'auditor',
      displayName: '审计人员',
      note: '只读，朝阳区站点（已分配）',
      organizationId: null,
      districtCode: null,
    },
    {
      username: 'sysadmin',
      role: 'sys_admin',
      displayName: '系统管理员',
      note: '账户管理，无业务数据',
      organizationId: null,
      districtCode: null,
    },
    {
      username: 'secadmin',
      role: 'sec_admin',
      displayName: '安全管理员',
      note: '角色与安全策略',
      organizationId: null,
      districtCode: null,
    },
    {
      username: 'auditadmin',
      role: 'audit_admin',
      displayName: '审计管理员',
      note: '仅操作日志',
      organizationId: null,
      districtCode: null,
    },
    {
      username: 'newcomer',
      role: 'unassigned',
      displayName: '新同事',
      note: '待分配角色：只能修改自己的密码',
      organizationId: null,
      districtCode: null,
    },
  ];
  const hash = await hashPassword(DEMO_PASSWORD);
  const users: UserTable[] = accounts.map((a) => ({
    id: uuidv7(),
    username: a.username,
    display_name: a.displayName,
    password_hash: hash,
    role: a.role,
    organization_id: a.organizationId,
    district_code: a.districtCode,
    must_change_password: 0,
    failed_attempts: 0,
    locked_until: null,
    is_active: 1,
    last_login_at: null,
    password_changed_at: now,
    employer_name: a.role === 'reviewer' ? (a.username === 'reviewer4' ? haidianHost.name : '北京工业大学') : null,
    employer_uscc: a.username === 'reviewer4' ? haidianHost.uscc : null,
    created_at: now,
    updated_at: now,
    version: 1,
  }));

  await writeTx(ctx, async (tx, audit) => {
    for (const o of hosts) {
      await tx.insertInto('organizations').values(o).execute();
      await audit.record({
        entity: 'organization',
        entityId: o.id,
        action: 'create',
        summary: `演示数据：新建“${o.name}”`,
        after: { ...o },
      });
    }
    for (const s of stations) {
      await tx.insertInto('stations').values(s).execute();
      await audit.record({
        entity: 'station',
        entityId: s.id,
        action: 'create',
        summary: `演示数据：新建“${s.name}”`,
        after: { ...s },
      });
    }
    for (const u of users) {
      await tx.insertInto('users').values(u).execute();
      await audit.record({
        entity: 'user',
        entityId: u.id,
        action: 'create',
        summary: `演示数据：新建账户 ${u.username}`,
        after: { ...u },
      });
    }
    const auditor = users.find((u) => u.role === 'auditor')!;
    await tx
      .insertInto('user_stations')
      .values({
        user_id: auditor.id,
        station_id: chaoyangStation.id,
        valid_from: null,
        valid_to: null,
        created_at: now,
      })
      .execute();
    await audit.record({
      entity: 'user',
      entityId: auditor.id,
      action: 'assign_station',
      summary: `演示数据：审计人员分配到“${chaoyangStation.name}”`,
      after: { station_id: chaoyangStation.id },
    });
  });
  await seedDemoLedgers(ctx, opts.ledgers ?? 'all');
  await seedDemoProjects(ctx);
  return accounts.map(({ username, role, displayName, note }) => ({ username, role, displayName, note }));
}
