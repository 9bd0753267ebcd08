// Accounts and 三员分立 (等保 2.0, decisions 004 and 018): the system administrator opens accounts without a role, the
// security administrator gives roles (never the three administrator roles, which come from the command line) and only
// to an account whose holder has set their own password, nobody changes their own role, and a business account's
// password is reset by two people: the system administrator asks, the security administrator confirms.
import { afterEach, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/domain/password-policy';
import { ROLES } from '../../src/shared/permissions';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { assignRoleAsSec, createUnassigned, HOLDER_PASSWORD, holderSetsPassword } from './support/accounts';
import { addAccount } from './support/empty-install';
import { CHAOYANG, cookieOf, demoIds, snapshot } from './support/fixtures';
import { ID_CARD } from './support/ledger-requests';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});
async function fresh(): Promise<TestApp> {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  return t;
}

const chaoyangAccount = { username: 'chaoyang', displayName: '朝阳区科协' };

describe('accounts', () => {
  it('the system administrator creates an account without a role, with a one-time password that meets the policy', async () => {
    const app = await fresh();
    const sys = await app.login('sysadmin');
    const r = await app.call(sys, 'POST', '/api/v1/users', chaoyangAccount);
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({
      username: 'chaoyang',
      role: 'unassigned',
      roleLabel: '待分配角色',
      districtCode: null,
      organizationName: null,
      mustChangePassword: true,
      passwordSetByHolder: false,
      isActive: true,
      isLocked: false,
    });
    expect(checkPassword(r.json.temporaryPassword, { username: 'chaoyang' })).toEqual([]);
    const list = await app.call(sys, 'GET', '/api/v1/users?q=chao');
    expect(list.json.items.map((u: { username: string }) => u.username)).toEqual(['chaoyang']);
    // No password material ever leaves the server in an account listing.
    const all = await app.call(sys, 'GET', '/api/v1/users?pageSize=200');
    // ten demo accounts, four more reviewers (issue #4) and the one just created
    expect(all.json.total).toBe(15);
    expect(JSON.stringify(all.json)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('the system administrator cannot give any role: not when creating an account, not afterwards (三员分立)', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sys = await app.login('sysadmin');
    const before = await snapshot(app, ['users', 'sessions']);
    for (const role of ROLES.filter((r) => r !== 'unassigned')) {
      const r = await app.call(sys, 'POST', '/api/v1/users', { username: `x${role}`, displayName: '某某', role });
      expect(r.status, role).toBe(400);
      expect(r.json.error.issues).toHaveLength(1);
      expect(r.json.error.issues[0].path).toBe('role');
      expect(r.json.error.issues[0].message).toContain('由安全管理员分配角色');
      const assign = await app.call(sys, 'PUT', `/api/v1/users/${ids.users.newcomer.id}/role`, {
        version: ids.users.newcomer.version,
        role,
        districtCode: CHAOYANG,
        organizationId: ids.orgs.haidianHost,
      });
      expect(assign.status, role).toBe(403);
    }
    expect(await snapshot(app, ['users', 'sessions'])).toEqual(before);
  });

  it('needs a free, well-formed user name', async () => {
    const app = await fresh();
    const sys = await app.login('sysadmin');
    const before = await snapshot(app);
    const cases: Array<[Record<string, unknown>, string, string]> = [
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

  it('a business role only once the holder has replaced the temporary password with their own', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const { id, temporaryPassword } = await createUnassigned(app, chaoyangAccount);
    const sec = await app.login('secadmin');
    const fresh1 = await app.call(sec, 'GET', `/api/v1/users/${id}`);
    const before = await snapshot(app, ['users', 'sessions']);
    for (const role of ['district', 'center_admin', 'host', 'reviewer']) {
      const r = await app.call(sec, 'PUT', `/api/v1/users/${id}/role`, {
        version: fresh1.json.version,
        role,
        districtCode: CHAOYANG,
        organizationId: ids.orgs.chaoyangHost,
      });
      expect(r.status, role).toBe(409);
      expect(r.json.error.message).toContain('尚未用临时密码登录并设置自己的密码');
    }
    expect(await snapshot(app, ['users', 'sessions'])).toEqual(before);

    // The holder signs in with the temporary password and sets their own.
    await holderSetsPassword(app, 'chaoyang', temporaryPassword);
    const ready = await app.call(sec, 'GET', `/api/v1/users/${id}`);
    expect(ready.json).toMatchObject({ mustChangePassword: false, passwordSetByHolder: true });
    // The role's scope is still required and checked.
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ role: 'district' }, 'districtCode', '区科协账户须选择所属区'],
      [{ role: 'district', districtCode: '110199' }, 'districtCode', '该区没有对应的区科协'],
      [{ role: 'host', organizationId: ids.orgs.haidianAssociation }, 'organizationId', '所选单位不是依托单位'],
      [{ role: 'host' }, 'organizationId', '依托单位账户须选择所属单位'],
    ];
    for (const [body, path, message] of cases) {
      const r = await app.call(sec, 'PUT', `/api/v1/users/${id}/role`, { version: ready.json.version, ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.issues).toEqual([{ path, message }]);
    }
    const done = await assignRoleAsSec(app, id, { role: 'district', districtCode: CHAOYANG });
    expect(done).toMatchObject({
      role: 'district',
      districtCode: CHAOYANG,
      organizationName: '北京市朝阳区科学技术协会',
    });
    const chaoyang = await app.login('chaoyang', HOLDER_PASSWORD);
    const stations = await app.call(chaoyang, 'GET', '/api/v1/stations');
    expect(stations.status).toBe(200);
    expect(stations.json.items.every((s: { districtCode: string }) => s.districtCode === CHAOYANG)).toBe(true);
  });

  it('an account without a role signs in, changes its password and reaches nothing else', async () => {
    const app = await fresh();
    const c = await app.login('newcomer');
    const me = await app.call(c, 'GET', '/api/v1/me');
    expect(me.json.me).toMatchObject({ username: 'newcomer', role: 'unassigned' });
    expect((await app.call(c, 'GET', '/api/v1/inbox')).json.tasks).toEqual([]);
    for (const path of ['/api/v1/stations', '/api/v1/users', '/api/v1/audit-events', '/api/v1/program-years']) {
      expect((await app.call(c, 'GET', path)).status, path).toBe(403);
    }
    const changed = await app.call(c, 'PUT', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Another#Pass2025',
    });
    expect(changed.status).toBe(200);
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

    const audit = await app.deps.db
      .selectFrom('audit_events')
      .select(['actor_name', 'summary'])
      .where('action', '=', 'assign_role')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([{ actor_name: 'secadmin', summary: '账户 reviewer 的角色设为依托单位' }]);
  });

  it('the three administrator roles come from the command line only; a 三员 account can only be retired (decision 018)', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sec = await app.login('secadmin');
    const before = await snapshot(app, ['users', 'sessions']);
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin']) {
      for (const target of ['auditor', 'newcomer', 'sysadmin'] as const) {
        const r = await app.call(sec, 'PUT', `/api/v1/users/${ids.users[target].id}/role`, {
          version: ids.users[target].version,
          role,
        });
        expect(r.status, `${target} → ${role}`).toBe(400);
        expect(r.json.error.issues[0]).toMatchObject({ path: 'role' });
        expect(r.json.error.issues[0].message).toContain('bin/qianqi create-admin');
      }
    }
    // The audit administrator cannot be turned into a business account…
    const toBusiness = await app.call(sec, 'PUT', `/api/v1/users/${ids.users.auditadmin.id}/role`, {
      version: ids.users.auditadmin.version,
      role: 'center_staff',
    });
    expect(toBusiness.status).toBe(400);
    expect(toBusiness.json.error.issues[0].message).toContain('只能改为“待分配角色”');
    expect(await snapshot(app, ['users', 'sessions'])).toEqual(before);
    // …only retired, after which the system administrator may disable it.
    const retired = await app.call(sec, 'PUT', `/api/v1/users/${ids.users.auditadmin.id}/role`, {
      version: ids.users.auditadmin.version,
      role: 'unassigned',
    });
    expect(retired.status).toBe(200);
    const sys = await app.login('sysadmin');
    const off = await app.call(sys, 'PUT', `/api/v1/users/${ids.users.auditadmin.id}`, {
      version: retired.json.version,
      displayName: '原审计管理员',
      isActive: false,
    });
    expect(off.status).toBe(200);
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

  it('the system administrator alone resets only an account without a role; the old password and sessions stop', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const newcomer = await app.login('newcomer');
    const sys = await app.login('sysadmin');
    const r = await app.call(sys, 'POST', `/api/v1/users/${ids.users.newcomer.id}/password-reset`, {
      version: ids.users.newcomer.version,
    });
    expect(r.status).toBe(200);
    expect(r.json.user.mustChangePassword).toBe(true);
    expect((await app.call(newcomer, 'GET', '/api/v1/me')).status).toBe(401);
    const old = { username: 'newcomer', password: PASSWORD };
    expect((await app.call(null, 'POST', '/api/v1/sessions', old)).status).toBe(401);
    const temp = await app.call(null, 'POST', '/api/v1/sessions', {
      username: 'newcomer',
      password: r.json.temporaryPassword,
    });
    expect(temp.status).toBe(201);
    const c = cookieOf(temp.res);
    expect((await app.call(c, 'GET', '/api/v1/inbox')).json.error.code).toBe('password_change_required');
  });

  it('the system administrator cannot reset a business account’s password alone (双人复核)', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sys = await app.login('sysadmin');
    const before = await snapshot(app, ['users', 'sessions', 'password_resets']);
    for (const target of ['center', 'haidian', 'host', 'reviewer', 'auditor', 'staff'] as const) {
      const u = ids.users[target];
      const r = await app.call(sys, 'POST', `/api/v1/users/${u.id}/password-reset`, { version: u.version });
      expect(r.status, target).toBe(403);
      expect(r.json.error.message).toContain('须经安全管理员确认');
    }
    expect(await snapshot(app, ['users', 'sessions', 'password_resets'])).toEqual(before);
  });

  it('a business account’s reset: requested, confirmed by the security administrator, collected once by the requester', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const haidian = await app.login('haidian');
    const sys = await app.login('sysadmin');
    const sec = await app.login('secadmin');
    const path = `/api/v1/users/${ids.users.haidian.id}/password-reset-requests`;
    expect((await app.call(sys, 'POST', path, { reason: '' })).status).toBe(400);
    const asked = await app.call(sys, 'POST', path, { reason: '本人来电称忘记密码' });
    expect(asked.status).toBe(201);
    expect(asked.json).toMatchObject({ username: 'haidian', status: 'pending', requestedByName: 'sysadmin' });
    const req = asked.json;
    // One open request per account.
    const again = await app.call(sys, 'POST', path, { reason: '再次申请' });
    expect(again.status).toBe(409);
    // Nothing changed for the account yet, and nothing can be collected before the confirmation.
    expect((await app.call(haidian, 'GET', '/api/v1/me')).status).toBe(200);
    const early = await app.call(sys, 'POST', `/api/v1/password-resets/${req.id}/issue`, { version: req.version });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('尚未经安全管理员确认');
    // The system administrator cannot confirm its own request; the security administrator sees it in its inbox.
    const selfApprove = await app.call(sys, 'POST', `/api/v1/password-resets/${req.id}/approve`, {
      version: req.version,
    });
    expect(selfApprove.status).toBe(403);
    const secInbox = await app.call(sec, 'GET', '/api/v1/inbox');
    expect(secInbox.json.tasks.map((x: { kind: string }) => x.kind)).toEqual(['confirm_password_reset']);
    expect(secInbox.json.tasks[0].title).toContain('haidian');
    // Confirmed: the security administrator never sees the password, and cannot collect it.
    const ok = await app.call(sec, 'POST', `/api/v1/password-resets/${req.id}/approve`, { version: req.version });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'approved', decidedByName: 'secadmin' });
    expect(JSON.stringify(ok.json)).not.toMatch(/temporaryPassword/);
    const secCollect = await app.call(sec, 'POST', `/api/v1/password-resets/${req.id}/issue`, {
      version: ok.json.version,
    });
    expect(secCollect.status).toBe(403);
    const sysInbox = await app.call(sys, 'GET', '/api/v1/inbox');
    expect(sysInbox.json.tasks.map((x: { kind: string }) => x.kind)).toEqual(['issue_password_reset']);
    // Collected by the requester: a temporary password, shown once; the account's sessions end.
    const issued = await app.call(sys, 'POST', `/api/v1/password-resets/${req.id}/issue`, { version: ok.json.version });
    expect(issued.status).toBe(200);
    expect(issued.json.user).toMatchObject({
      username: 'haidian',
      mustChangePassword: true,
      passwordSetByHolder: false,
    });
    expect(checkPassword(issued.json.temporaryPassword, { username: 'haidian' })).toEqual([]);
    expect((await app.call(haidian, 'GET', '/api/v1/me')).status).toBe(401);
    const oldPw = await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD });
    expect(oldPw.status).toBe(401);
    const temp = await app.login('haidian', issued.json.temporaryPassword);
    expect((await app.call(temp, 'GET', '/api/v1/stations')).json.error.code).toBe('password_change_required');
    const twice = await app.call(sys, 'POST', `/api/v1/password-resets/${req.id}/issue`, {
      version: issued.json.request.version,
    });
    expect(twice.status).toBe(409);
    expect((await app.call(sys, 'GET', '/api/v1/inbox')).json.tasks).toEqual([]);
    expect((await app.call(sys, 'GET', '/api/v1/password-resets')).json.items).toEqual([]);
    // Both administrators' steps are in the audit log, the password never.
    const audit = await app.deps.db
      .selectFrom('audit_events')
      .select(['actor_name', 'action', 'entity', 'diff_json'])
      .where((eb) => eb.or([eb('entity', '=', 'password_reset'), eb('entity_id', '=', ids.users.haidian.id)]))
      .where('entity', 'in', ['password_reset', 'user'])
      .where('action', '!=', 'create')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.actor_name, a.entity, a.action])).toEqual([
      ['sysadmin', 'password_reset', 'request_password_reset'],
      ['secadmin', 'password_reset', 'approve_password_reset'],
      ['sysadmin', 'user', 'reset_password'],
      ['sysadmin', 'password_reset', 'issue_password_reset'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(issued.json.temporaryPassword);
    expect(JSON.parse(audit[2].diff_json).password_hash).toEqual({ before: '***', after: '***' });
  });

  it('a refused request issues nothing; a confirmation lapses after 24 hours; only the requester collects', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const sys = await app.login('sysadmin');
    const sec = await app.login('secadmin');
    const ask = async (target: 'haidian' | 'host') => {
      const r = await app.call(sys, 'POST', `/api/v1/users/${ids.users[target].id}/password-reset-requests`, {
        reason: '本人来电称忘记密码',
      });
      expect(r.status).toBe(201);
      return r.json;
    };
    const users = await snapshot(app, ['users', 'sessions']);

    const refused = await ask('haidian');
    const noReason = await app.call(sec, 'POST', `/api/v1/password-resets/${refused.id}/reject`, {
      version: refused.version,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const rejected = await app.call(sec, 'POST', `/api/v1/password-resets/${refused.id}/reject`, {
      version: refused.version,
      reason: '未能与本人核实',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: 'rejected', decisionNote: '未能与本人核实' });
    const afterReject = await app.call(sys, 'POST', `/api/v1/password-resets/${refused.id}/issue`, {
      version: rejected.json.version,
    });
    expect(afterReject.status).toBe(409);
    const lateApprove = await app.call(sec, 'POST', `/api/v1/password-resets/${refused.id}/approve`, {
      version: rejected.json.version,
    });
    expect(lateApprove.status).toBe(409);
    expect(await snapshot(app, ['users', 'sessions'])).toEqual(users);
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD })).status).toBe(
      201,
    );

    // Another system administrator (made on the server, as 三员 accounts are) cannot collect it.
    const confirmed = await ask('host');
    const ok = await app.call(sec, 'POST', `/api/v1/password-resets/${confirmed.id}/approve`, {
      version: confirmed.version,
    });
    expect(ok.status).toBe(200);
    await addAccount(app, 'sysadmin2', 'sys_admin');
    const other = await app.login('sysadmin2');
    const notMine = await app.call(other, 'POST', `/api/v1/password-resets/${confirmed.id}/issue`, {
      version: ok.json.version,
    });
    expect(notMine.status).toBe(403);
    // A day later the confirmation has lapsed.
    app.clock.advance(24 * 3600_000 + 1000);
    const late = await app.call(await app.login('sysadmin'), 'POST', `/api/v1/password-resets/${confirmed.id}/issue`, {
      version: ok.json.version,
    });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('已失效');
    const host = await app.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'host')
      .executeTakeFirstOrThrow();
    expect(host.version).toBe(ids.users.host.version);
    // A fresh request is possible again.
    const anew = await app.call(
      await app.login('sysadmin'),
      'POST',
      `/api/v1/users/${ids.users.host.id}/password-reset-requests`,
      { reason: '重新申请' },
    );
    expect(anew.status).toBe(201);
  });

  it('the old path from account administration to an expert’s ID number is closed (decision 018)', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const expert = await app.deps.db
      .selectFrom('experts')
      .select(['id', 'station_id'])
      .where('id_card_enc', 'is not', null)
      .where('station_id', '=', ids.stations.haidian)
      .executeTakeFirst();
    const station = ids.stations.haidian;
    let expertId = expert?.id;
    if (!expertId) {
      const host = await app.login('host');
      const made = await app.call(host, 'POST', `/api/v1/stations/${station}/experts`, {
        name: '王测试',
        kind: 'expert',
        hostStaff: false,
        fiscallySupported: false,
        idCard: ID_CARD,
      });
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      expertId = made.json.id;
    }
    const reveal = (cookie: string) =>
      app.call(cookie, 'POST', `/api/v1/stations/${station}/experts/${expertId}/reveal`, {
        field: 'idCard',
        reason: '核对专家身份信息',
      });
    // The Center administrator may reveal it: the path this test walks does lead somewhere when it is open.
    expect((await reveal(await app.login('center'))).status).toBe(200);

    const sys = await app.login('sysadmin');
    // 1. An account with the Center administrator's role, made by the system administrator: refused.
    const direct = await app.call(sys, 'POST', '/api/v1/users', {
      username: 'shadow',
      displayName: '影子账户',
      role: 'center_admin',
    });
    expect(direct.status).toBe(400);
    // 2. An account without a role, whose temporary password the system administrator knows and uses itself…
    const made = await app.call(sys, 'POST', '/api/v1/users', { username: 'shadow', displayName: '影子账户' });
    expect(made.status).toBe(201);
    await holderSetsPassword(app, 'shadow', made.json.temporaryPassword, 'Mirror#Pass2025');
    const shadow = await app.login('shadow', 'Mirror#Pass2025');
    expect((await reveal(shadow)).status).toBe(403);
    // …cannot give it a role,
    const me = await app.call(sys, 'GET', `/api/v1/users/${made.json.user.id}`);
    const selfAssign = await app.call(sys, 'PUT', `/api/v1/users/${made.json.user.id}/role`, {
      version: me.json.version,
      role: 'center_admin',
    });
    expect(selfAssign.status).toBe(403);
    // 3. …nor take over the Center administrator's account by a reset: refused alone, and only a request otherwise.
    const reset = await app.call(sys, 'POST', `/api/v1/users/${ids.users.center.id}/password-reset`, {
      version: ids.users.center.version,
    });
    expect(reset.status).toBe(403);
    const req = await app.call(sys, 'POST', `/api/v1/users/${ids.users.center.id}/password-reset-requests`, {
      reason: '想用中心管理员账户',
    });
    expect(req.status).toBe(201);
    const collect = await app.call(sys, 'POST', `/api/v1/password-resets/${req.json.id}/issue`, {
      version: req.json.version,
    });
    expect(collect.status).toBe(409);
    // 4. The system administrator's own session reveals nothing either.
    expect((await reveal(sys)).status).toBe(403);
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'center', password: PASSWORD })).status).toBe(
      201,
    );
    const reveals = await app.deps.db
      .selectFrom('audit_events')
      .select('actor_name')
      .where('entity', '=', 'expert')
      .where('action', 'like', 'reveal%')
      .execute();
    expect(reveals.map((r) => r.actor_name)).toEqual(['center']);
  });

  it('unlocking ends a lockout at once', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    for (let i = 0; i < 5; i++) {
      await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: `Wrong#Pass${i}` });
    }
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'haidian', password: PASSWORD })).status).toBe(
      401,
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
