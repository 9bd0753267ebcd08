import { uuidv7 } from 'uuidv7';
import { checkPassword } from '../domain/password-policy';
import { verifyAuditChain, writeTx } from '../server/audit/audit';
import { hashPassword } from '../server/auth/password';
import { createLocalDiskStorage } from '../server/blobs/local-disk';
import { systemClock } from '../server/context';
import { type DbHandle, migrateToLatest, openDatabase } from '../server/db/database';
import { loadEnv } from '../server/env';
import { temporaryPassword } from '../server/features/users/users.service';
import { ROLE_LABELS, roleNeeds } from '../shared/permissions';
import { isRole } from '../shared/roles';

const HELP = `qianqi — 千企命令行工具

用法：
  bin/qianqi migrate                         执行数据库迁移
  bin/qianqi create-admin USERNAME [--role ROLE] [--name 姓名]
                                             创建管理员账户（默认 sys_admin）；
                                             密码从环境变量 QIANQI_PASSWORD 读取，未设置时生成临时密码，首次登录须修改
  bin/qianqi reset-password USERNAME        重置账户密码并解除锁定（三员账户只能这样重置）；
                                             新密码从 QIANQI_PASSWORD 读取，未设置时生成临时密码，首次登录须修改
  bin/qianqi audit verify                    校验操作日志哈希链，指出第一条被篡改的记录
  bin/qianqi evaluate FILE [--on 日期]        按 docs/ledger-format.md 评价台账文件（JSON 输出到标准输出；输入有误时退出码 2）
  bin/qianqi import FILE [--replace]          导入台账 JSON 到数据库（站点、依托单位不存在时新建；--replace 替换已有台账）
  bin/qianqi export --station ID             导出站点台账（JSON 输出到标准输出）
  bin/qianqi kpis --station ID [--on 日期]   由数据库计算站点考核指标、经费发现和经费执行（与 evaluate 导出台账的结果相同）
  bin/qianqi verify-package FILE             校验第三方审计包：逐一核对清单中的 SHA-256，指出被修改、缺失或多出的文件
  bin/qianqi backup FILE                     在线备份 SQLite 数据库到 FILE（PostgreSQL 请用 pg_dump）

数据库由环境变量 DATABASE_URL 指定（默认 sqlite:./data/qianqi.db）。`;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const h = openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(h.db);
    return await fn(h);
  } finally {
    await h.close();
  }
}

/** QIANQI_PASSWORD when set (it must meet the policy), else a temporary one the holder must change. */
function chosenPassword(username: string): { password: string | null; given: boolean } {
  const given = process.env.QIANQI_PASSWORD;
  if (given === undefined) return { password: temporaryPassword(), given: false };
  const problems = checkPassword(given, { username });
  if (problems.length) {
    console.error(`密码不符合要求：${problems.join('；')}`);
    return { password: null, given: true };
  }
  return { password: given, given: true };
}

async function createAdmin(args: string[]): Promise<number> {
  const username = args[0];
  if (!username || username.startsWith('--')) {
    console.error('缺少用户名：bin/qianqi create-admin USERNAME');
    return 2;
  }
  const role = arg(args, '--role') ?? 'sys_admin';
  if (!isRole(role)) {
    console.error(`角色无效：${role}。可选：${Object.keys(ROLE_LABELS).join(', ')}`);
    return 2;
  }
  if (roleNeeds(role)) {
    console.error(`${ROLE_LABELS[role]}账户须指定所属区或单位，请在系统中由管理员创建`);
    return 2;
  }
  const { password, given } = chosenPassword(username);
  if (!password) return 2;
  const env = loadEnv();
  return withDb(async (h) => {
    const exists = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) {
      console.error(`用户名 ${username} 已存在`);
      return 1;
    }
    const now = systemClock.now().toISOString();
    const id = uuidv7();
    const ctx = {
      db: h.db,
      engine: h.engine,
      clock: systemClock,
      env,
      blobs: createLocalDiskStorage(env.STORAGE_DIR),
      actor: null,
      ip: null,
    };
    const hash = await hashPassword(password);
    await writeTx(ctx, async (tx, audit) => {
      const row = {
        id,
        username,
        display_name: arg(args, '--name') ?? ROLE_LABELS[role],
        password_hash: hash,
        role,
        organization_id: null,
        district_code: null,
        must_change_password: given ? 0 : 1,
        failed_attempts: 0,
        locked_until: null,
        is_active: 1,
        last_login_at: null,
        password_changed_at: given ? now : null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await tx.insertInto('users').values(row).execute();
      await audit.record({
        entity: 'user',
        entityId: id,
        action: 'create',
        summary: `命令行创建账户 ${username}（${ROLE_LABELS[role]}）`,
        after: row,
        actorOverride: { id: null, name: 'cli', role: null },
      });
    });
    console.log(`已创建账户 ${username}（${ROLE_LABELS[role]}）`);
    if (!given) console.log(`临时密码：${password}（首次登录须修改）`);
    return 0;
  });
}

async function resetPassword(args: string[]): Promise<number> {
  const username = args[0];
  if (!username) {
    console.error('缺少用户名：bin/qianqi reset-password USERNAME');
    return 2;
  }
  const { password, given } = chosenPassword(username);
  if (!password) return 2;
  const env = loadEnv();
  return withDb(async (h) => {
    const user = await h.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) {
      console.error(`用户名 ${username} 不存在`);
      return 1;
    }
    const ctx = {
      db: h.db,
      engine: h.engine,
      clock: systemClock,
      env,
      blobs: createLocalDiskStorage(env.STORAGE_DIR),
      actor: null,
      ip: null,
    };
    const hash = await hashPassword(password);
    const now = systemClock.now().toISOString();
    await writeTx(ctx, async (tx, audit) => {
      const patch = {
        password_hash: hash,
        must_change_password: given ? 0 : 1,
        failed_attempts: 0,
        locked_until: null,
        password_changed_at: now,
        updated_at: now,
        version: user.version + 1,
      };
      await tx.updateTable('users').set(patch).where('id', '=', user.id).execute();
      await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await audit.record({
        entity: 'user',
        entityId: user.id,
        action: 'reset_password',
        summary: `命令行重置账户 ${username} 的密码`,
        before: { ...user },
        after: { ...user, ...patch },
        actorOverride: { id: null, name: 'cli', role: null },
      });
    });
    console.log(`已重置账户 ${username} 的密码，并解除锁定`);
    if (!given) console.log(`临时密码：${password}（首次登录须修改）`);
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'migrate':
      return withDb(async () => {
        console.log('数据库已迁移到最新版本');
        return 0;
      });
    case 'create-admin':
      return createAdmin(rest);
    case 'reset-password':
      return resetPassword(rest);
    case 'audit': {
      if (rest[0] !== 'verify') break;
      return withDb(async (h) => {
        const r = await verifyAuditChain(h.db);
        if (r.ok) {
          console.log(`操作日志哈希链完整：已校验 ${r.checked} 条记录`);
          return 0;
        }
        console.error(`操作日志哈希链校验失败：第 ${r.firstBadSeq} 条记录 — ${r.reason}（此前 ${r.checked} 条完好）`);
        return 1;
      });
    }
    case 'backup': {
      const file = rest[0];
      if (!file) {
        console.error('缺少备份文件路径：bin/qianqi backup FILE');
        return 2;
      }
      return withDb(async (h) => {
        if (h.engine !== 'sqlite' || !h.sqlite) {
          console.error(
            'PostgreSQL 请使用 pg_dump 备份，例如：pg_dump --format=custom --file=qianqi.dump "$DATABASE_URL"',
          );
          return 2;
        }
        await h.sqlite.backup(file);
        console.log(`已备份到 ${file}`);
        return 0;
      });
    }
    case 'verify-package': {
      const { runVerifyPackage } = await import('./verify-package');
      return runVerifyPackage(rest, { out: (x) => process.stdout.write(x), err: (x) => console.error(x) });
    }
    case 'evaluate': {
      const { runEvaluate } = await import('./evaluate');
      return runEvaluate(rest, { out: (s) => process.stdout.write(s), err: (s) => console.error(s) });
    }
    case 'import':
    case 'export':
    case 'kpis': {
      const io = { out: (x: string) => process.stdout.write(x), err: (x: string) => console.error(x) };
      const m = await import('./ledger-commands');
      const env = loadEnv();
      return withDb(async (h) => {
        const ctx = {
          db: h.db,
          engine: h.engine,
          clock: systemClock,
          env,
          blobs: createLocalDiskStorage(env.STORAGE_DIR),
          actor: null,
          ip: null,
        };
        if (cmd === 'import') return m.runImport(ctx, rest, io);
        if (cmd === 'export') return m.runExport(ctx, arg(rest, '--station'), io);
        return m.runKpis(ctx, rest, io);
      });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
  }
  console.error(`未知命令：${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
