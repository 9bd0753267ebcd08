// Accounts and 三员分立 (等保 2.0): the system administrator makes business accounts, only the security administrator
// gives roles (the three administrator roles included), nobody changes their own role, and passwords are temporary
// until their holder changes them.
import { afterEach, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/domain/password-policy';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { CHAOYANG, cookieOf, demoIds, snapshot } from './support/fixtures';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});
async function fresh(): Promise<TestApp> {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  return t;
}

const chaoyangAccount = { username: 'chaoyang', displayName: '朝阳区科协', role: 'district', districtCode: CHAOYANG };

describe('accounts', () => {
  it('the system administrator creates a district account with a one-time password that meets the policy', async () => {
    const app = await fresh();
    const sys = await app.login('sysadmin');
    const r = await app.call(sys, 'POST', '/api/v1/users', chaoyangAccount);
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({
      username: 'chaoyang',
      role: 'district',
      roleLabel: '区科协',
      districtCode: CHAOYANG,
      organizationName: '北京市朝阳区科学技术协会',
      mustChangePassword: true,
      isActive: true,
      isLocked: false,
    });
    expect(checkPassword(r.json.temporaryPassword, { username: 'chaoyang' })).toEqual([]);
    const list = await app.call(sys, 'GET', '/api/v1/users?q=chao');
    expect(list.json.items.map((u: { username: string }) => u.username)).toEqual(['chaoyang']);
    // No password material ever leaves the server in an account listing.
    const all = await app.call(sys, 'GET', '/api/v1/users?pageSize=200');
    // nine demo accounts, four more reviewers (issue #4) and the one just created
    expect(all.json.total).toBe(14);
    expect(JSON.stringify(all.json)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('the system administrator cannot create any of the three administrators (三员分立)', async () => {
    const app = await fresh();
    const sys = await app.login('sysadmin');
    const before = await snapshot(app);
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin']) {
      const r = await app.call(sys, 'POST', '/api/v1/users', { username: `x${role}`, displayName: '管理员', role });
      expect(r.status, role).toBe(400);
      expect(r.json.error.issues).toHaveLength(1);
      expect(r.json.error.issues[0].path).toBe('role');
      expect(r.json.error.issues[0].message).toContain('三员分立');
    }
    expect(await snapshot(app)).toEqual(before);
  });

  it('needs the scope a role implies, and a free, well-formed user name', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sys = await app.login('sysadmin');
    const before = await snapshot(app);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...chaoyangAccount, districtCode: undefined }, 'districtCode', '区科协账户须选择所属区'],
      [{ ...chaoyangAccount, districtCode: '110199' }, 'districtCode', '该区没有对应的区科协'],
      [
        { username: 'hostx', displayName: '依托单位乙', role: 'host', organizationId: ids.orgs.haidianAssociation },
        'organizationId',
        '所选单位不是依托单位',
      ],
      [{ username: 'hosty', displayName: '依托单位丙', role: 'host' }, 'organizationId', '依托单位账户须选择所属单位'],
      [{ ...chaoyangAccount, username: 'haidian' }, 'username', '用户名已存在'],
      [{ ...chaoyangAccount, username: '1chaoyang' }, 'username', '用户名须以字母开头，只能包含字母、数字和 _ . -'],
    ];
    for (const [body, path, message] of cases) {
      const r = await app.call(sys, 'POST', '/api/v1/users', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.issues).toEqual([{ path, message }]);
    }
    expect(await snapshot(app)).toEqual(before);
  });

  it('the security administrator assigns roles; the account’s sessions end and its new scope applies', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const reviewer = await app.login('reviewer');
    expect((await app.call(reviewer, 'GET', '/api/v1/stations')).status).toBe(403);
    const sec = await app.login('secadmin');
    const r = await app.call(sec, 'PUT', `/api/v1/users/${ids.users.reviewer.id}/role`, {
      version: ids.users.reviewer.version,
      role: 'host',
      organizationId: ids.orgs.bit,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ role: 'host', organizationId: ids.orgs.bit, organizationName: '北京理工大学科协' });
    expect((await app.call(reviewer, 'GET', '/api/v1/me')).status).toBe(401);

    const again = await app.login('reviewer');
    const stations = await app.call(again, 'GET', '/api/v1/stations');
    expect(stations.status).toBe(200);
    expect(stations.json.items.map((s: { id: string }) => s.id)).toEqual([ids.stations.iurBit]);

    // The three administrator roles are the security administrator's to give.
    const sysToAudit = await app.call(sec, 'PUT', `/api/v1/users/${ids.users.auditor.id}/role`, {
      version: ids.users.auditor.version,
      role: 'audit_admin',
    });
    expect(sysToAudit.status).toBe(200);
    expect(sysToAudit.json.role).toBe('audit_admin');

    const audit = await app.deps.db
      .selectFrom('audit_events')
      .select(['actor_name', 'summary'])
      .where('action', '=', 'assign_role')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { actor_name: 'secadmin', summary: '账户 reviewer 的角色设为依托单位' },
      { actor_name: 'secadmin', summary: '账户 auditor 的角色设为审计管理员' },
    ]);
  });

  it('nobody changes their own role, and the role duties stay apart', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sec = await app.login('secadmin');
    const sys = await app.login('sysadmin');
    const auditadmin = await app.login('auditadmin');
    const before = await snapshot(app);
    const self = await app.call(sec, 'PUT', `/api/v1/users/${ids.users.secadmin.id}/role`, {
      version: ids.users.secadmin.version,
      role: 'sys_admin',
    });
    expect(self.status).toBe(403);
    expect(self.json.error.message).toBe('不能修改自己的角色');
    // The system administrator cannot give roles, not even to others…
    const sysAssign = await app.call(sys, 'PUT', `/api/v1/users/${ids.users.sysadmin.id}/role`, {
      version: ids.users.sysadmin.version,
      role: 'sec_admin',
    });
    expect(sysAssign.status).toBe(403);
    // …the security administrator cannot create accounts…
    expect((await app.call(sec, 'POST', '/api/v1/users', chaoyangAccount)).status).toBe(403);
    // …the system administrator cannot switch itself off…
    const off = await app.call(sys, 'PUT', `/api/v1/users/${ids.users.sysadmin.id}`, {
      version: ids.users.sysadmin.version,
      displayName: '系统管理员',
      isActive: false,
    });
    expect(off.status).toBe(403);
    expect(off.json.error.message).toBe('不能停用自己的账户');
    // …and none of the administrators reads business data or the audit log but the audit administrator.
    for (const c of [sec, sys]) {
      expect((await app.call(c, 'GET', '/api/v1/stations')).status).toBe(403);
      expect((await app.call(c, 'GET', '/api/v1/audit-events')).status).toBe(403);
    }
    expect((await app.call(auditadmin, 'GET', '/api/v1/users')).status).toBe(403);
    const business = [
      'program_years',
      'organizations',
      'stations',
      'users',
      'user_stations',
      'sessions',
      'settings',
    ] as const;
    const after = await snapshot(app, business);
    for (const table of business) expect(after[table]).toEqual(before[table]);
    // Each refusal by permission is in the audit log as a security event.
    const denied = await app.deps.db
      .selectFrom('audit_events')
      .select(['actor_name', 'summary'])
      .where('action', '=', 'access_denied')
      .orderBy('seq')
      .execute();
    expect(denied.map((d) => d.actor_name)).toEqual([
      'sysadmin',
      'secadmin',
      'secadmin',
      'secadmin',
      'sysadmin',
      'sysadmin',
      'auditadmin',
    ]);
    expect(denied[0].summary).toContain('assign:role');
  });

  it('the system administrator cannot reset, unlock or disable the security or audit administrator (三员分立)', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sys = await app.login('sysadmin');
    const before = await snapshot(app, ['users', 'sessions']);
    for (const target of ['secadmin', 'auditadmin'] as const) {
      const u = ids.users[target];
      const calls = [
        app.call(sys, 'POST', `/api/v1/users/${u.id}/password-reset`, { version: u.version }),
        app.call(sys, 'POST', `/api/v1/users/${u.id}/unlock`, { version: u.version }),
        app.call(sys, 'PUT', `/api/v1/users/${u.id}`, { version: u.version, displayName: '改名', isActive: false }),
      ];
      for (const r of await Promise.all(calls)) {
        expect(r.status).toBe(403);
        expect(r.json.error.message).toContain('三员分立');
      }
    }
    expect(await snapshot(app, ['users', 'sessions'])).toEqual(before);
    // The temporary-password path to a second administrator role is closed: secadmin still signs in with its own.
    expect(
      (await app.call(null, 'POST', '/api/v1/sessions', { username: 'secadmin', password: PASSWORD })).status,
    ).toBe(201);
  });

  it('a password reset gives a temporary password: the old one and the old sessions stop working', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const haidian = await app.login('haidian');
    const sys = await app.login('sysadmin');
    const r = await app.call(sys, 'POST', `/api/v1/users/${ids.users.haidian.id}/password-reset`, {
      version: ids.users.haidian.version,
    });
    expect(r.status).toBe(200);
    expect(r.json.user.mustChangePassword).toBe(true);
    expect((await app.call(haidian, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD })).status).toBe(
      401,
    );
    const temp = await app.call(null, 'POST', '/api/v1/sessions', {
      username: 'haidian',
      password: r.json.temporaryPassword,
    });
    expect(temp.status).toBe(201);
    const c = cookieOf(temp.res);
    expect((await app.call(c, 'GET', '/api/v1/stations')).json.error.code).toBe('password_change_required');
  });

  it('unlocking ends a lockout at once', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    for (let i = 0; i < 5; i++) {
      await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: `Wrong#Pass${i}` });
    }
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD })).status).toBe(
      423,
    );
    const sys = await app.login('sysadmin');
    const locked = await app.call(sys, 'GET', `/api/v1/users/${ids.users.haidian.id}`);
    expect(locked.json.isLocked).toBe(true);
    const r = await app.call(sys, 'POST', `/api/v1/users/${ids.users.haidian.id}/unlock`, {
      version: locked.json.version,
    });
    expect(r.status).toBe(200);
    expect(r.json.isLocked).toBe(false);
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD })).status).toBe(
      201,
    );
  });
});
