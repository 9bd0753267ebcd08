// 口令策略 (issue #11, decision 019): common and guessable passwords refused, the last passwords not set again, the
// administrators' passwords aged, and the numbers set by the security administrator in the database.
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD_PROBLEMS } from '../../src/domain/password-policy';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { cookieOf } from './support/fixtures';

const DAY = 86_400_000;

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});
async function fresh(env: Record<string, string> = {}): Promise<TestApp> {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000', ...env } });
  return t;
}

const change = (app: TestApp, cookie: string, currentPassword: string, newPassword: string) =>
  app.call(cookie, 'PUT', '/api/v1/me/password', { currentPassword, newPassword });

async function setPolicy(app: TestApp, patch: Record<string, number>) {
  const sec = await app.login('secadmin');
  const now = await app.call(sec, 'GET', '/api/v1/security-settings');
  const { loginMaxFailures, loginLockMinutes, passwordHistoryCount, adminPasswordMaxAgeDays, version } = now.json;
  const r = await app.call(sec, 'PUT', '/api/v1/security-settings', {
    loginMaxFailures,
    loginLockMinutes,
    passwordHistoryCount,
    adminPasswordMaxAgeDays,
    ...patch,
    version,
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

describe('a new password', () => {
  it('may not be a common password in disguise, a keyboard walk or the system’s name; the account is unchanged', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    const before = await app.deps.db.selectFrom('users').selectAll().where('username', '=', 'staff').execute();
    const cases: Array<[string, string]> = [
      ['P@ssw0rd', PASSWORD_PROBLEMS.common],
      ['Password1', PASSWORD_PROBLEMS.common],
      ['Qwerty123!', PASSWORD_PROBLEMS.common],
      ['Abc@2025', PASSWORD_PROBLEMS.walk],
      ['1qaz@WSX', PASSWORD_PROBLEMS.walk],
      ['Qianqi#2026', PASSWORD_PROBLEMS.context],
    ];
    for (const [pw, message] of cases) {
      const r = await change(app, c, PASSWORD, pw);
      expect(r.status, pw).toBe(400);
      expect(r.json.error.issues, pw).toEqual([{ path: 'newPassword', message }]);
    }
    expect(await app.deps.db.selectFrom('users').selectAll().where('username', '=', 'staff').execute()).toEqual(before);
    // The demo accounts were seeded with the demo password, which is not checked at sign-in: they still sign in.
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'staff', password: PASSWORD })).status).toBe(
      201,
    );
    expect((await change(app, c, PASSWORD, 'Hutong7#Lantern')).status).toBe(200);
  });

  it('may not be one of the last 5 the holder set; the sixth-last may be used again', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    const pw = (n: number) => `Lantern#${n}Hutong`;
    let current = PASSWORD;
    for (let n = 1; n <= 5; n++) {
      const r = await change(app, c, current, pw(n));
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      current = pw(n);
    }
    // Passwords 1–5 are the last five (5 is the one in force); the demo password has dropped out of the history.
    for (const n of [1, 2, 3, 4]) {
      const r = await change(app, c, current, pw(n));
      expect(r.status, pw(n)).toBe(400);
      expect(r.json.error.issues).toEqual([{ path: 'newPassword', message: '新密码不能与最近 5 次使用过的密码相同' }]);
    }
    const user = await app.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'staff')
      .executeTakeFirstOrThrow();
    const kept = await app.deps.db.selectFrom('password_history').selectAll().where('user_id', '=', user.id).execute();
    expect(kept).toHaveLength(5);
    // Only argon2 hashes are kept, never the passwords.
    for (const k of kept) expect(k.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(kept)).not.toContain('Lantern#');

    expect((await change(app, c, current, pw(6))).status).toBe(200);
    expect((await change(app, c, pw(6), pw(1))).status).toBe(200);
    expect((await app.call(null, 'POST', '/api/v1/sessions', { username: 'staff', password: pw(1) })).status).toBe(201);
  });

  it('follows the number the security administrator set: 0 checks no history (the one in force still not)', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    expect((await change(app, c, PASSWORD, 'Lantern#1Hutong')).status).toBe(200);
    expect((await change(app, c, 'Lantern#1Hutong', 'Lantern#2Hutong')).status).toBe(200);
    await setPolicy(app, { passwordHistoryCount: 1 });
    expect((await change(app, c, 'Lantern#2Hutong', 'Lantern#1Hutong')).status).toBe(200);
    await setPolicy(app, { passwordHistoryCount: 0 });
    const same = await change(app, c, 'Lantern#1Hutong', 'Lantern#1Hutong');
    expect(same.json.error.issues).toEqual([{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
    expect((await change(app, c, 'Lantern#1Hutong', 'Lantern#2Hutong')).status).toBe(200);
  });
});

describe('the age limit of administrator passwords (等保 定期更换)', () => {
  it('an administrator whose password is older than the limit must change it before anything else', async () => {
    const app = await fresh();
    await setPolicy(app, { adminPasswordMaxAgeDays: 90 });
    const early = await app.login('sysadmin');
    expect((await app.call(early, 'GET', '/api/v1/me')).json.me).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });
    expect((await app.call(early, 'GET', '/api/v1/users')).status).toBe(200);

    app.clock.advance(91 * DAY);
    const signIn = await app.call(null, 'POST', '/api/v1/sessions', { username: 'sysadmin', password: PASSWORD });
    expect(signIn.status).toBe(201);
    expect(signIn.json.me).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const c = cookieOf(signIn.res);
    const users = await app.call(c, 'GET', '/api/v1/users');
    expect(users.status).toBe(403);
    expect(users.json.error.code).toBe('password_change_required');
    // A business account's password does not age.
    const center = await app.call(null, 'POST', '/api/v1/sessions', { username: 'center', password: PASSWORD });
    expect(center.json.me).toMatchObject({ mustChangePassword: false, passwordExpired: false });

    expect((await change(app, c, PASSWORD, 'Hutong7#Lantern')).status).toBe(200);
    expect((await app.call(c, 'GET', '/api/v1/me')).json.me).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });
    expect((await app.call(c, 'GET', '/api/v1/users')).status).toBe(200);
  });

  it('is off at 0, the default', async () => {
    const app = await fresh();
    app.clock.advance(3650 * DAY);
    const r = await app.call(null, 'POST', '/api/v1/sessions', { username: 'secadmin', password: PASSWORD });
    expect(r.json.me).toMatchObject({ mustChangePassword: false, passwordExpired: false });
  });
});

describe('the security policy in the database', () => {
  it('starts from the environment’s values and is saved by the security administrator, version-checked and audited', async () => {
    const app = await fresh({ LOGIN_MAX_FAILURES: '7', LOGIN_LOCK_MINUTES: '20' });
    const sec = await app.login('secadmin');
    const first = await app.call(sec, 'GET', '/api/v1/security-settings');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      loginMaxFailures: 7,
      loginLockMinutes: 20,
      passwordHistoryCount: 5,
      adminPasswordMaxAgeDays: 0,
      version: null,
    });
    const body = { loginMaxFailures: 5, loginLockMinutes: 30, passwordHistoryCount: 6, adminPasswordMaxAgeDays: 90 };
    const saved = await app.call(sec, 'PUT', '/api/v1/security-settings', { ...body, version: null });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({ ...body, version: 1 });
    expect((await app.call(sec, 'GET', '/api/v1/security-settings')).json).toMatchObject({ ...body, version: 1 });

    const audit = await app.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'setting')
      .where('entity_id', '=', 'security_policy')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', actor_name: 'secadmin' });
    expect(audit[0].summary).toContain('连续登录失败锁定阈值 7 → 5');
    expect(audit[0].summary).toContain('管理员密码最长使用期限（天） 0 → 90');

    // Saved by someone else since it was read: refused, nothing changes.
    const stale = await app.call(sec, 'PUT', '/api/v1/security-settings', {
      ...body,
      passwordHistoryCount: 3,
      version: null,
    });
    expect(stale.status).toBe(409);
    const again = await app.call(sec, 'PUT', '/api/v1/security-settings', {
      ...body,
      passwordHistoryCount: 3,
      version: 1,
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ passwordHistoryCount: 3, version: 2 });
  });

  it('refuses values out of range, naming the setting', async () => {
    const app = await fresh();
    const sec = await app.login('secadmin');
    const ok = { loginMaxFailures: 5, loginLockMinutes: 15, passwordHistoryCount: 5, adminPasswordMaxAgeDays: 90 };
    const tries: Array<[Record<string, unknown>, string, string]> = [
      [{ loginMaxFailures: 0 }, 'loginMaxFailures', '连续登录失败锁定阈值不能少于 1 次'],
      [{ loginLockMinutes: 2000 }, 'loginLockMinutes', '锁定时长不能超过 1440 分钟'],
      [{ passwordHistoryCount: 11 }, 'passwordHistoryCount', '不得重复使用的近期密码个数不能超过 10 个'],
      [{ adminPasswordMaxAgeDays: 1.5 }, 'adminPasswordMaxAgeDays', '管理员密码最长使用期限应为整数'],
    ];
    for (const [patch, path, message] of tries) {
      const r = await app.call(sec, 'PUT', '/api/v1/security-settings', { ...ok, ...patch, version: null });
      expect(r.status, path).toBe(400);
      expect(r.json.error.issues, path).toContainEqual({ path, message });
    }
    expect(await app.deps.db.selectFrom('settings').selectAll().where('key', '=', 'security_policy').execute()).toEqual(
      [],
    );
  });

  it('only the security administrator may change it', async () => {
    const app = await fresh();
    const body = { loginMaxFailures: 3, loginLockMinutes: 15, passwordHistoryCount: 5, adminPasswordMaxAgeDays: 0 };
    for (const who of ['sysadmin', 'auditadmin', 'center']) {
      const c = await app.login(who);
      const r = await app.call(c, 'PUT', '/api/v1/security-settings', { ...body, version: null });
      expect(r.status, who).toBe(403);
    }
    expect(await app.deps.db.selectFrom('settings').selectAll().where('key', '=', 'security_policy').execute()).toEqual(
      [],
    );
  });
});
