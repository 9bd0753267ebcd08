// Sign-in, sessions and request hygiene as 等保 2.0 (GB/T 22239-2019 身份鉴别、访问控制、安全审计) asks of them.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../src/server/app';
import { signInVerifications } from '../../src/server/features/auth/auth.service';
import { createRouter } from '../../src/server/http/router';
import { createTestApp, PASSWORD, type TestApp } from '../setup/test-app';
import { assignRoleAsSec } from './support/accounts';
import { CHAOYANG, CHINESE, cookieOf, demoIds, rawRequest, snapshot, validUscc } from './support/fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});
async function fresh(env: Record<string, string> = {}): Promise<TestApp> {
  t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '1000', ...env } });
  return t;
}

/** Every refused sign-in — unknown name, wrong password, locked account — gets this one answer (decision 016). */
const REFUSED = {
  error: {
    code: 'unauthenticated',
    message: '用户名或密码错误，或账户已锁定（连续输错 5 次锁定 15 分钟，可联系系统管理员解锁）',
  },
};

const login = (app: TestApp, username: string, password: string) =>
  app.call(null, 'POST', '/api/v1/sessions', { username, password });

async function auditActions(app: TestApp, username: string): Promise<string[]> {
  const rows = await app.deps.db
    .selectFrom('audit_events')
    .select('action')
    .where('actor_name', '=', username)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('sign-in', () => {
  it('refuses a wrong password with 401 用户名或密码错误 and records login_failed', async () => {
    const app = await fresh();
    const r = await login(app, 'haidian', 'Wrong#Pass1');
    expect(r.status).toBe(401);
    expect(r.json).toEqual(REFUSED);
    expect(r.res.headers.get('set-cookie')).toBeNull();
    expect(await auditActions(app, 'haidian')).toEqual(['login_failed']);
    // An unknown username gets the very same answer, so the form does not tell which accounts exist.
    const unknown = await login(app, 'nobody', 'Wrong#Pass1');
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(r.json);
    // Recorded, but with the typed name masked: people type passwords into the username box.
    expect(await auditActions(app, 'no***y')).toEqual(['login_failed']);
    expect(await auditActions(app, 'nobody')).toEqual([]);
  });

  it('signs in with the right password: 201, the account, a session cookie and a login audit row', async () => {
    const app = await fresh();
    const r = await login(app, 'haidian', PASSWORD);
    expect(r.status).toBe(201);
    expect(r.json.me).toMatchObject({ username: 'haidian', role: 'district', districtCode: '110108' });
    const me = await app.call(cookieOf(r.res), 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json.me.username).toBe('haidian');
    expect(await auditActions(app, 'haidian')).toEqual(['login']);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/, for 12 h, and stores only a hash of it', async () => {
    const app = await fresh();
    const r = await login(app, 'center', PASSWORD);
    const header = r.res.headers.get('set-cookie')!;
    const parts = header.split(';').map((p) => p.trim());
    expect(parts[0]).toMatch(/^qianqi_sid=[A-Za-z0-9_-]{40,}$/);
    expect(parts).toContain('HttpOnly');
    expect(parts).toContain('SameSite=Strict');
    expect(parts).toContain('Path=/');
    expect(parts).toContain('Max-Age=43200');
    expect(parts).not.toContain('Secure');
    const token = parts[0].split('=')[1];
    const sessions = await app.deps.db.selectFrom('sessions').select('id').execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].id).not.toContain(token);

    const secure = await createTestApp({ env: { COOKIE_SECURE: '1' } });
    try {
      const s = await login(secure, 'center', PASSWORD);
      expect(s.res.headers.get('set-cookie')).toMatch(/;\s*Secure/);
    } finally {
      await secure.close();
    }
  });

  it('locks the account for 15 minutes after 5 failures, refusing even the right password meanwhile', async () => {
    const app = await fresh();
    for (let i = 1; i <= 4; i++) expect((await login(app, 'haidian', `Wrong#Pass${i}`)).status).toBe(401);
    const fifth = await login(app, 'haidian', 'Wrong#Pass5');
    expect(fifth.status).toBe(401);
    expect(fifth.json).toEqual(REFUSED);
    const locked = await app.deps.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'haidian')
      .executeTakeFirstOrThrow();
    expect(locked.locked_until).toBe(new Date(app.clock.now().getTime() + 15 * MINUTE).toISOString());

    const right = await login(app, 'haidian', PASSWORD);
    expect(right.status).toBe(401);
    expect(right.json).toEqual(REFUSED);
    expect(right.res.headers.get('set-cookie')).toBeNull();

    app.clock.advance(14 * MINUTE);
    expect((await login(app, 'haidian', PASSWORD)).status).toBe(401);
    app.clock.advance(MINUTE + 1000);
    // A lock that has run out starts a new series: one more wrong password is the first of five, not the sixth.
    expect((await login(app, 'haidian', 'Wrong#Pass6')).status).toBe(401);
    const after = await login(app, 'haidian', PASSWORD);
    expect(after.status).toBe(201);
    expect(await auditActions(app, 'haidian')).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'lockout',
      'login_refused_locked',
      'login_refused_locked',
      'login_failed',
      'login',
    ]);
    // Other accounts were never locked.
    expect((await login(app, 'host', PASSWORD)).status).toBe(201);
  });

  it('limits sign-in attempts per minute (429), the right password included, until the minute passes', async () => {
    const app = await fresh({ LOGIN_RATE_PER_MINUTE: '3' });
    expect((await login(app, 'staff', 'Wrong#Pass1')).status).toBe(401);
    expect((await login(app, 'staff', 'Wrong#Pass2')).status).toBe(401);
    expect((await login(app, 'center', PASSWORD)).status).toBe(201);
    const limited = await login(app, 'center', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(limited.json.error.message).toMatch(CHINESE);
    expect(limited.res.headers.get('set-cookie')).toBeNull();
    expect(await app.deps.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // The brute force shows in the audit log once per minute and address, not once per attempt.
    expect((await login(app, 'center', PASSWORD)).status).toBe(429);
    const limitedRows = await app.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'login_rate_limited')
      .execute();
    expect(limitedRows).toHaveLength(1);
    app.clock.advance(61_000);
    expect((await login(app, 'center', PASSWORD)).status).toBe(201);
  });

  it('a burst of 20 wrong passwords at once gets 5 password checks, no more, and locks the account', async () => {
    const app = await fresh();
    const checks = { ...signInVerifications };
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(app, 'staff', `Wrong#Pass${i}`)));
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(401));
    for (const r of burst) expect(r.json).toEqual(REFUSED);
    // Each attempt is counted before its check: the 5th locks, the other 15 are refused unchecked (against the
    // dummy hash, so that they take as long).
    expect(signInVerifications.account - checks.account).toBe(5);
    expect(signInVerifications.dummy - checks.dummy).toBe(15);
    const actions = await auditActions(app, 'staff');
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'lockout')).toHaveLength(1);
    expect(actions.filter((a) => a === 'login_refused_locked')).toHaveLength(15);
    const right = await login(app, 'staff', PASSWORD);
    expect(right.status).toBe(401);
    expect(right.json).toEqual(REFUSED);
  });

  it('a locked account and a wrong password answer alike, each after one argon2 verification', async () => {
    const app = await fresh();
    for (let i = 1; i <= 5; i++) await login(app, 'staff', `Wrong#Pass${i}`);
    const answers = [];
    for (const [username, password, kind] of [
      ['staff', PASSWORD, 'dummy'], // locked: the right password is not even checked
      ['staff', 'Wrong#Pass6', 'dummy'],
      ['host', 'Wrong#Pass1', 'account'], // an unlocked account, wrong password
      ['nobody', 'Wrong#Pass1', 'dummy'], // no such account
    ] as const) {
      const before = { ...signInVerifications };
      const r = await login(app, username, password);
      const ran = {
        account: signInVerifications.account - before.account,
        dummy: signInVerifications.dummy - before.dummy,
      };
      expect(ran, `${username} ${password}`).toEqual({
        account: kind === 'account' ? 1 : 0,
        dummy: kind === 'dummy' ? 1 : 0,
      });
      answers.push({
        status: r.status,
        body: r.json,
        cookie: r.res.headers.get('set-cookie'),
        type: r.res.headers.get('content-type'),
      });
    }
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 401, body: REFUSED, cookie: null });
    // The lock is still recorded: the refused attempts are in the audit log under the account.
    expect((await auditActions(app, 'staff')).filter((a) => a === 'login_refused_locked')).toHaveLength(2);
  });

  it('a wrong current password when changing it counts toward the lockout, and the lock ends the session', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    for (let i = 1; i <= 4; i++) {
      const r = await app.call(c, 'PUT', '/api/v1/me/password', {
        currentPassword: `Guess#${i}x`,
        newPassword: 'New#Pass2026',
      });
      expect(r.status).toBe(400);
    }
    const fifth = await app.call(c, 'PUT', '/api/v1/me/password', {
      currentPassword: 'Guess#5x',
      newPassword: 'New#Pass2026',
    });
    expect(fifth.status).toBe(401);
    expect(fifth.json.error.message).toContain('已锁定');
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await login(app, 'staff', PASSWORD)).status).toBe(401);
    const actions = await auditActions(app, 'staff');
    expect(actions.filter((a) => a === 'change_password_failed')).toHaveLength(5);
    expect(actions).toContain('lockout');
  });

  it('behind a trusted proxy takes the address the proxy appended, not one the client wrote', async () => {
    const app = await fresh({ TRUST_PROXY: '1' });
    const r = await rawRequest(app, 'POST', '/api/v1/sessions', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9, 203.0.113.7' },
      body: JSON.stringify({ username: 'staff', password: 'Wrong#Pass1' }),
    });
    expect(r.status).toBe(401);
    const row = await app.deps.db
      .selectFrom('audit_events')
      .select('ip')
      .where('action', '=', 'login_failed')
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('203.0.113.7');
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    const app = await fresh();
    const ids = await demoIds(app);
    const haidian = await app.login('haidian');
    const sys = await app.login('sysadmin');
    const off = await app.call(sys, 'PUT', `/api/v1/users/${ids.users.haidian.id}`, {
      version: ids.users.haidian.version,
      displayName: '海淀区科协',
      isActive: false,
    });
    expect(off.status).toBe(200);
    expect((await app.call(haidian, 'GET', '/api/v1/me')).status).toBe(401);
    // The right password learns that the account is disabled, and it counts as no failure (no lockout by others).
    const again = await login(app, 'haidian', PASSWORD);
    expect(again.status).toBe(403);
    expect(again.json.error.message).toBe('该账户已停用，请联系系统管理员');
    expect(await auditActions(app, 'haidian')).toContain('login_refused_inactive');
    const wrong = await login(app, 'haidian', 'Wrong-pass-1');
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(REFUSED);
    const row = await app.deps.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('username', '=', 'haidian')
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(1);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes; activity keeps it alive', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    app.clock.advance(29 * MINUTE);
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(200);
    app.clock.advance(29 * MINUTE);
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(200);
    app.clock.advance(30 * MINUTE + 1000);
    const idle = await app.call(c, 'GET', '/api/v1/stations');
    expect(idle.status).toBe(401);
    expect(idle.json.error.code).toBe('unauthenticated');
    // The session is gone for good, not merely refused once.
    app.clock.advance(-10 * MINUTE);
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('ends 12 hours after sign-in even with steady activity', async () => {
    const app = await fresh();
    const c = await app.login('staff');
    let elapsed = 0;
    while (elapsed + 20 * MINUTE < 12 * HOUR) {
      app.clock.advance(20 * MINUTE);
      elapsed += 20 * MINUTE;
      expect((await app.call(c, 'GET', '/api/v1/me')).status, `after ${elapsed / MINUTE} min`).toBe(200);
    }
    app.clock.advance(12 * HOUR - elapsed);
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('logout ends this session only and clears the cookie', async () => {
    const app = await fresh();
    const a = await app.login('staff');
    const b = await app.login('staff');
    const out = await app.call(a, 'DELETE', '/api/v1/sessions/current');
    expect(out.status).toBe(200);
    const cleared = out.res.headers.get('set-cookie')!;
    expect(cleared).toMatch(/^qianqi_sid=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await app.call(a, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await app.call(b, 'GET', '/api/v1/me')).status).toBe(200);
    expect(await auditActions(app, 'staff')).toEqual(['login', 'login', 'logout']);
  });

  it('logout everywhere ends every session of that account and no other', async () => {
    const app = await fresh();
    const mine = [await app.login('staff'), await app.login('staff'), await app.login('staff')];
    const other = await app.login('center');
    const out = await app.call(mine[1], 'DELETE', '/api/v1/sessions');
    expect(out.status).toBe(200);
    expect(out.json.ended).toBe(3);
    for (const c of mine) expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await app.call(other, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('changing the password ends the account’s other sessions', async () => {
    const app = await fresh();
    const a = await app.login('staff');
    const b = await app.login('staff');
    const r = await app.call(a, 'PUT', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Nova#2026x' });
    expect(r.status).toBe(200);
    expect((await app.call(a, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await app.call(b, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await login(app, 'staff', PASSWORD)).status).toBe(401);
    expect((await login(app, 'staff', 'Nova#2026x')).status).toBe(201);
  });
});

describe('first sign-in of an account made by the system administrator', () => {
  it('must change the password: every business route answers 403 password_change_required until it does', async () => {
    const app = await fresh();
    const sys = await app.login('sysadmin');
    const created = await app.call(sys, 'POST', '/api/v1/users', { username: 'chaoyang', displayName: '朝阳区科协' });
    expect(created.status).toBe(201);
    const temp: string = created.json.temporaryPassword;
    expect(created.json.user.mustChangePassword).toBe(true);

    const first = await login(app, 'chaoyang', temp);
    expect(first.status).toBe(201);
    expect(first.json.me.mustChangePassword).toBe(true);
    const c = cookieOf(first.res);

    // Exempt are only the account's own routes (/api/v1/me, /api/v1/me/…) and signing out (/api/v1/sessions…).
    const exempt = (path: string) => /^\/api\/v1\/(me|sessions)(\/|$)/.test(path);
    const business = app.routes.filter((r) => r.access !== 'public' && !exempt(r.path));
    expect(business.length).toBeGreaterThan(20);
    for (const route of business) {
      const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === 'year' ? '2025' : 'x'));
      const r = await app.call(c, route.method.toUpperCase(), path);
      expect(r.status, `${route.method} ${route.path}`).toBe(403);
      expect(r.json.error.code, `${route.method} ${route.path}`).toBe('password_change_required');
    }
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(200);
    // A later route whose path merely starts like an exempt one (/api/v1/me…) is not exempt.
    const later = createApp(app.deps);
    createRouter(later.app, app.deps).route({
      method: 'get',
      path: '/api/v1/meetings',
      tag: '测试',
      summary: '会议（测试用）',
      access: { permission: 'read:station' },
      response: z.object({ items: z.array(z.string()) }),
      handler: async (_ctx, { json }) => json({ items: [] }),
    });
    const meetings = await later.app.request('/api/v1/meetings', { headers: { cookie: c } });
    expect(meetings.status).toBe(403);
    expect(((await meetings.json()) as { error: { code: string } }).error.code).toBe('password_change_required');

    // The policy (≥ 8 characters, 3 of 4 classes, not the user name) answers with field errors.
    const tries: Array<[string, string]> = [
      ['Ab1!xyz', '密码长度不能少于 8 位'],
      ['abcdefgh12', '密码须包含小写字母、大写字母、数字、特殊字符中的至少三类'],
      ['Chaoyang#2026', '密码不能包含用户名'],
    ];
    const userBefore = await app.deps.db.selectFrom('users').selectAll().where('username', '=', 'chaoyang').execute();
    for (const [pw, message] of tries) {
      const r = await app.call(c, 'PUT', '/api/v1/me/password', { currentPassword: temp, newPassword: pw });
      expect(r.status, pw).toBe(400);
      expect(r.json.error.issues, pw).toEqual([{ path: 'newPassword', message }]);
    }
    const wrongCurrent = await app.call(c, 'PUT', '/api/v1/me/password', {
      currentPassword: 'Not#The1Temp',
      newPassword: 'Qy#2026-new',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.json.error.issues).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    // A wrong current password counts toward the lockout (a stolen session must not be a guessing oracle);
    // nothing else about the account changes.
    const userAfter = await app.deps.db.selectFrom('users').selectAll().where('username', '=', 'chaoyang').execute();
    expect(userAfter).toEqual([{ ...userBefore[0], failed_attempts: userBefore[0].failed_attempts + 1 }]);
    expect((await app.call(c, 'GET', '/api/v1/stations')).json.error.code).toBe('password_change_required');

    const ok = await app.call(c, 'PUT', '/api/v1/me/password', { currentPassword: temp, newPassword: 'Qy#2026-new' });
    expect(ok.status).toBe(200);
    // Its own password now, but no role yet (decision 018): the security administrator gives it one.
    expect((await app.call(c, 'GET', '/api/v1/stations')).status).toBe(403);
    await assignRoleAsSec(app, created.json.user.id, { role: 'district', districtCode: CHAOYANG });
    expect((await login(app, 'chaoyang', temp)).status).toBe(401);
    const again = await login(app, 'chaoyang', 'Qy#2026-new');
    expect(again.status).toBe(201);
    expect(again.json.me.mustChangePassword).toBe(false);
    const stations = await app.call(cookieOf(again.res), 'GET', '/api/v1/stations');
    expect(stations.status).toBe(200);
    expect(stations.json.items.map((s: { districtCode: string }) => s.districtCode)).toEqual([CHAOYANG]);
  });
});

describe('cross-site and malformed requests', () => {
  const newOrg = { name: '北京市跨站测试学会', hostKind: 'society', uscc: validUscc(8001) };

  it('refuses a POST from another origin (403) and changes nothing', async () => {
    const app = await fresh();
    const c = await app.login('center');
    const before = await snapshot(app);
    const evil = await rawRequest(app, 'POST', '/api/v1/organizations', {
      cookie: c,
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify(newOrg),
    });
    expect(evil.status).toBe(403);
    expect(evil.json.error).toEqual({ code: 'forbidden', message: '拒绝跨站请求' });
    const fetchSite = await rawRequest(app, 'POST', '/api/v1/organizations', {
      cookie: c,
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(newOrg),
    });
    expect(fetchSite.status).toBe(403);
    // Signing out from another site is refused too (the session stays), and so is a sign-in (login CSRF).
    const logout = await rawRequest(app, 'DELETE', '/api/v1/sessions/current', {
      cookie: c,
      headers: { origin: 'https://evil.example' },
    });
    expect(logout.status).toBe(403);
    const signIn = await rawRequest(app, 'POST', '/api/v1/sessions', {
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'center', password: PASSWORD }),
    });
    expect(signIn.status).toBe(403);
    expect(await snapshot(app)).toEqual(before);
    expect((await app.call(c, 'GET', '/api/v1/me')).status).toBe(200);

    // The same request from our own origin goes through: the check refuses other sites, not every Origin.
    const own = await rawRequest(app, 'POST', '/api/v1/organizations', {
      cookie: c,
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(newOrg),
    });
    expect(own.status).toBe(201);
  });

  it('accepts its own HTTPS origin behind a trusted TLS proxy, and still refuses other sites there', async () => {
    // README: production runs behind an HTTPS reverse proxy with TRUST_PROXY=1; the app itself sees plain http.
    const app = await fresh({ TRUST_PROXY: '1', COOKIE_SECURE: '1' });
    const viaProxy = (origin: string) =>
      rawRequest(app, 'POST', 'http://qianqi.example.cn/api/v1/sessions', {
        headers: {
          host: 'qianqi.example.cn',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '203.0.113.7',
          'content-type': 'application/json',
          origin,
        },
        body: JSON.stringify({ username: 'center', password: PASSWORD }),
      });
    const own = await viaProxy('https://qianqi.example.cn');
    expect(own.status, JSON.stringify(own.json)).toBe(201);
    expect(own.res.headers.get('set-cookie')).toMatch(/;\s*Secure/);
    const session = await app.deps.db.selectFrom('sessions').select('ip').executeTakeFirstOrThrow();
    expect(session.ip).toBe('203.0.113.7');
    expect((await viaProxy('https://evil.example')).status).toBe(403);
    expect((await viaProxy('http://qianqi.example.cn')).status).toBe(403);
  });

  it('does not trust X-Forwarded-Proto without a trusted proxy', async () => {
    const app = await fresh();
    const r = await rawRequest(app, 'POST', 'http://qianqi.example.cn/api/v1/sessions', {
      headers: {
        host: 'qianqi.example.cn',
        'x-forwarded-proto': 'https',
        'content-type': 'application/json',
        origin: 'https://qianqi.example.cn',
      },
      body: JSON.stringify({ username: 'center', password: PASSWORD }),
    });
    expect(r.status).toBe(403);
  });

  it('refuses a body that is not JSON (a form post) and changes nothing', async () => {
    const app = await fresh();
    const c = await app.login('center');
    const before = await snapshot(app);
    const plain = await rawRequest(app, 'POST', '/api/v1/organizations', {
      cookie: c,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(newOrg),
    });
    expect(plain.status).toBe(415);
    expect(plain.json.error.message).toContain('application/json');
    const form = await rawRequest(app, 'POST', '/api/v1/sessions', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=center&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(415);
    expect(form.res.headers.get('set-cookie')).toBeNull();
    const none = await rawRequest(app, 'POST', '/api/v1/organizations', { cookie: c, body: JSON.stringify(newOrg) });
    expect(none.status).toBe(415);
    expect(await snapshot(app)).toEqual(before);
  });

  it('answers unknown API paths with a JSON 404 and sets protective headers', async () => {
    const app = await fresh();
    const r = await app.call(null, 'GET', '/api/v1/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
    expect(r.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.res.headers.get('x-frame-options')).toBe('DENY');
    expect(r.res.headers.get('cache-control')).toBe('no-store');
  });
});
