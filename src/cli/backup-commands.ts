import { writeTx } from '../server/audit/audit';
import { createBackup } from '../server/backup/backup';
import { restoreBackup } from '../server/backup/restore';
import { createLocalDiskStorage } from '../server/blobs/local-disk';
import { cleanStorage, DEFAULT_GRACE_MS, describeStorageReport, scanStorage } from '../server/blobs/storage-scan';
import { type Ctx, systemClock } from '../server/context';
import { type DbHandle, openDatabase } from '../server/db/database';
import { type Env, sqliteFile } from '../server/env';
import { describeDatabaseError, maskUrl } from '../server/startup';
import type { CliIo } from './evaluate';

// `qianqi backup | restore | storage check` (issue #10): one command each way. Progress goes to stderr, the result
// to stdout; exit 1 when the result is not whole (files missing, a check failed).

const CLI_ACTOR = { id: null, name: 'cli', role: null };

/** Known failures print their Chinese message alone; anything else keeps its message too. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function open(env: Env, io: CliIo): Promise<DbHandle | null> {
  let h: DbHandle | null = null;
  try {
    h = openDatabase(env.DATABASE_URL);
    await h.db.selectFrom('audit_head').select('id').limit(1).execute();
    return h;
  } catch (err) {
    await h?.close().catch(() => {});
    const missing = /no such table|does not exist/i.test(messageOf(err));
    io.err(
      missing
        ? `数据库中没有千企的数据表（DATABASE_URL=${maskUrl(env.DATABASE_URL)}）：请确认连接的是千企的数据库`
        : describeDatabaseError(env.DATABASE_URL, err),
    );
    return null;
  }
}

function ctxOf(h: DbHandle, env: Env): Ctx {
  return {
    db: h.db,
    engine: h.engine,
    clock: systemClock,
    env,
    blobs: createLocalDiskStorage(env.STORAGE_DIR),
    actor: null,
    ip: null,
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function runBackup(opts: { file: string; env: Env }, io: CliIo): Promise<number> {
  const h = await open(opts.env, io);
  if (!h) return 1;
  try {
    const live = h.engine === 'sqlite' ? sqliteFile(opts.env.DATABASE_URL) : null;
    const r = await createBackup({
      db: h.db,
      engine: h.engine,
      storageDir: opts.env.STORAGE_DIR,
      file: opts.file,
      liveFiles: live ? [live] : [],
      now: systemClock.now(),
      progress: (m) => io.err(m),
    });
    // Who took a copy of everything, and which copy: the manifest's hash identifies the archive later.
    await writeTx(ctxOf(h, opts.env), async (_tx, audit) => {
      await audit.record({
        entity: 'system',
        action: 'backup',
        summary: `命令行备份到 ${r.file}（${r.rows} 行数据、${r.files} 个文件，清单 SHA-256 ${r.manifestSha256.slice(0, 16)}…）`,
        after: { ...r },
        actorOverride: CLI_ACTOR,
      });
    });
    io.out(
      `已备份到 ${r.file}：${r.tables} 张表 ${r.rows} 行数据、${r.files} 个文件，共 ${mb(r.bytes)}\n清单 SHA-256：${r.manifestSha256}\n`,
    );
    if (r.missingFiles.length) {
      io.err(
        `警告：数据库登记的 ${r.missingFiles.length} 个文件在 STORAGE_DIR 中缺失或已损坏，未能备份：${r.missingFiles.slice(0, 10).join('、')}`,
      );
      return 1;
    }
    return 0;
  } catch (err) {
    io.err(`备份失败：${messageOf(err)}`);
    return 1;
  } finally {
    await h.close();
  }
}

export async function runRestore(opts: { archive: string; env: Env }, io: CliIo): Promise<number> {
  let h: DbHandle;
  try {
    h = openDatabase(opts.env.DATABASE_URL);
    await h.db.selectNoFrom((e) => e.lit(1).as('one')).execute();
  } catch (err) {
    io.err(describeDatabaseError(opts.env.DATABASE_URL, err));
    return 1;
  }
  try {
    const r = await restoreBackup({
      ctx: ctxOf(h, opts.env),
      storageDir: opts.env.STORAGE_DIR,
      archive: opts.archive,
      progress: (m) => io.err(m),
    });
    io.out(
      [
        `已从备份恢复（备份时间 ${r.createdAt}）：${r.tables} 张表 ${r.rows} 行数据、${r.files} 个文件`,
        r.migrationsRun.length ? `已执行数据库迁移：${r.migrationsRun.join('、')}` : '',
        `校验通过：行数与备份一致，所有登记的文件都在，操作日志哈希链完整（${r.auditChecked} 条）`,
        '',
      ]
        .filter((l, i, a) => l !== '' || i === a.length - 1)
        .join('\n'),
    );
    return 0;
  } catch (err) {
    io.err(`恢复失败：${messageOf(err)}`);
    return 1;
  } finally {
    await h.close();
  }
}

export async function runStorageCheck(opts: { clean: boolean; env: Env }, io: CliIo): Promise<number> {
  const h = await open(opts.env, io);
  if (!h) return 1;
  try {
    const now = systemClock.now();
    const report = await scanStorage(h.db, opts.env.STORAGE_DIR);
    io.out(`${describeStorageReport(report, now).join('\n')}\n`);
    if (opts.clean) {
      const r = await cleanStorage(h.db, report, { now, graceMs: DEFAULT_GRACE_MS });
      if (r.removedBlobs + r.removedTemp) {
        await writeTx(ctxOf(h, opts.env), async (_tx, audit) => {
          await audit.record({
            entity: 'system',
            action: 'clean_storage',
            summary: `命令行清理文件存储：删除 ${r.removedBlobs} 个未被引用的文件、${r.removedTemp} 个临时文件`,
            after: { ...r },
            actorOverride: CLI_ACTOR,
          });
        });
      }
      io.out(
        `已清理：删除 ${r.removedBlobs} 个未被引用的文件、${r.removedTemp} 个临时文件，释放 ${mb(r.bytes)}；宽限期内保留 ${r.keptRecent} 个\n`,
      );
    }
    return report.missing.length ? 1 : 0;
  } catch (err) {
    io.err(`检查失败：${messageOf(err)}`);
    return 1;
  } finally {
    await h.close();
  }
}
