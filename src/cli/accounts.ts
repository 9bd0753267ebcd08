import { uuidv7 } from 'uuidv7';
import { checkPassword } from '../domain/password-policy';
import { writeTx } from '../server/audit/audit';
import { hashPassword } from '../server/auth/password';
import { temporaryPassword } from '../server/features/users/users.service';
import { ROLE_LABELS, type Role } from '../shared/permissions';
import type { CliIo } from './evaluate';
import { withDb } from './target';

// `qianqi create-admin | reset-password`: the way in for the first administrator and for the three administrators
// (三员), whom no one in the web may reset. Audited as the command line ('cli').

const CLI_ACTOR = { id: null, name: 'cli', role: null };

/** QIANQI_PASSWORD when set (it must meet the policy), else a temporary one the holder must change. */
function chosenPassword(username: string, io: CliIo): { password: string | null; given: boolean } {
  const given = process.env.QIANQI_PASSWORD;
  if (given === undefined) return { password: temporaryPassword(), given: false };
  const problems = checkPassword(given, { username });
  if (problems.length) {
    io.err(`QIANQI_PASSWORD 中的密码不符合要求：${problems.join('；')}`);
    return { password: null, given: true };
  }
  return { password: given, given: true };
}

export async function createAdmin(
  opts: { username: string; role: Role; name: string | undefined },
  io: CliIo,
): Promise<number> {
  const { username, role } = opts;
  const { password, given } = chosenPassword(username, io);
  if (!password) return 2;
  return withDb(io, async (ctx, where) => {
    const exists = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) {
      io.err(`用户名 ${username} 已存在（数据库：${where}）`);
      return 1;
    }
    const now = ctx.clock.now().toISOString();
    const id = uuidv7();
    const hash = await hashPassword(password);
    await writeTx(ctx, async (tx, audit) => {
      const row = {
        id,
        username,
        display_name: opts.name ?? ROLE_LABELS[role],
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
        actorOverride: CLI_ACTOR,
      });
    });
    io.out(`已创建账户 ${username}（${ROLE_LABELS[role]}），数据库：${where}\n`);
    if (!given) io.out(`临时密码：${password}（首次登录须修改）\n`);
    io.out('下一步：用该账户登录网页，首页“上线准备”列出其余各步；也可运行 bin/qianqi setup 查看。\n');
    return 0;
  });
}

export async function resetPassword(username: string, io: CliIo): Promise<number> {
  const { password, given } = chosenPassword(username, io);
  if (!password) return 2;
  return withDb(io, async (ctx, where) => {
    const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) {
      io.err(`用户名 ${username} 不存在（数据库：${where}）`);
      return 1;
    }
    const hash = await hashPassword(password);
    const now = ctx.clock.now().toISOString();
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
        actorOverride: CLI_ACTOR,
      });
    });
    io.out(`已重置账户 ${username} 的密码，并解除锁定（数据库：${where}）\n`);
    if (!given) io.out(`临时密码：${password}（首次登录须修改）\n`);
    return 0;
  });
}
