import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case runs several bin/qianqi or server processes one after another: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'qianqi-cli-'));
const dbFile = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function qianqi(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bin/qianqi', args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'silent', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The processes here name their own SQLite file (or no database): the PostgreSQL pass would only repeat them.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('bin/qianqi', () => {
  it('migrates, creates an administrator and verifies an intact audit chain', () => {
    expect(qianqi(['migrate']).code).toBe(0);
    const created = qianqi(['create-admin', 'root'], { QIANQI_PASSWORD: 'Str0ng-Passw0rd' });
    expect(created.code).toBe(0);
    expect(created.out).toContain('已创建账户 root');
    expect(created.out).toContain(`数据库：sqlite:${dbFile}`);
    const temp = qianqi(['create-admin', 'auditor1', '--role', 'audit_admin']);
    expect(temp.code).toBe(0);
    expect(temp.out).toMatch(/临时密码：\S+/);
    const db = new SQLite(dbFile, { readonly: true });
    const users = db.prepare('select username, role, must_change_password from users order by username').all();
    db.close();
    expect(users).toEqual([
      { username: 'auditor1', role: 'audit_admin', must_change_password: 1 },
      { username: 'root', role: 'sys_admin', must_change_password: 0 },
    ]);
    const ok = qianqi(['audit', 'verify']);
    expect(ok.code).toBe(0);
    // migrate loaded the reference data (the 2025 year, the Center, 17 district associations: 19 events), then two accounts.
    expect(ok.out).toContain('已校验 21 条记录');
  });

  it('refuses a weak password and a duplicate username', () => {
    const weak = qianqi(['create-admin', 'weak'], { QIANQI_PASSWORD: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('密码不符合要求');
    const dup = qianqi(['create-admin', 'root'], { QIANQI_PASSWORD: 'Str0ng-Passw0rd' });
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('已存在');
  });

  it('names the first tampered row of the audit chain', () => {
    const db = new SQLite(dbFile);
    // The database refuses the edit (decision 017); its owner can drop the trigger first, and verify still catches it.
    expect(() => db.prepare("update audit_events set summary = '被篡改' where seq = 2").run()).toThrow(/只能追加/);
    db.exec('drop trigger audit_events_no_update');
    db.prepare("update audit_events set summary = '被篡改' where seq = 2").run();
    db.close();
    const r = qianqi(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 2 条记录');
  });

  it('resets a password and unlocks the account, audited', () => {
    const db = new SQLite(dbFile);
    db.prepare(
      "update users set locked_until = '2999-01-01T00:00:00.000Z', failed_attempts = 3 where username = 'root'",
    ).run();
    db.close();
    const r = qianqi(['reset-password', 'root']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/临时密码：\S+/);
    const after = new SQLite(dbFile, { readonly: true });
    expect(
      after
        .prepare("select locked_until, failed_attempts, must_change_password from users where username = 'root'")
        .get(),
    ).toEqual({
      locked_until: null,
      failed_attempts: 0,
      must_change_password: 1,
    });
    expect(after.prepare('select action from audit_events order by seq desc limit 1').get()).toEqual({
      action: 'reset_password',
    });
    after.close();
    expect(qianqi(['reset-password', 'nobody']).code).toBe(1);
  });

  it('prints help and refuses an unknown command', () => {
    expect(qianqi(['--help']).out).toContain('bin/qianqi audit verify');
    const r = qianqi(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令');
  });

  it('setup lists what a new deployment still lacks, ticked from the data, and exits 0 only when all is done', () => {
    const r = qianqi(['setup']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^上线准备（\d{4}-\d{2}-\d{2}）：已完成 0\/4$/m);
    // root (sys_admin) and auditor1 (audit_admin) exist from the first test; the security administrator does not.
    expect(r.out).toContain('  ✓ 系统管理员（1 个）'.trim());
    expect(r.out).toContain('✓ 审计管理员（1 个）');
    expect(r.out).toContain('○ 安全管理员（0 个）：在服务器上运行 bin/qianqi create-admin 用户名 --role sec_admin');
    expect(r.out).toContain('○ 2. 登记依托单位');
    expect(r.out).toContain('由中心管理员、中心工作人员在网页“组织 → 批量导入”完成（第六条）');
    expect(qianqi(['create-admin', 'sec1', '--role', 'sec_admin']).out).toContain('下一步：用该账户登录网页');
    expect(qianqi(['setup']).out).toContain('✓ 安全管理员（1 个）');
  });
});
