import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index';
import { auditKey, makeRecorder, sealAuditKeying, verifyAuditChain } from '../audit/audit';
import { createLocalDiskStorage } from '../blobs/local-disk';
import type { Ctx } from '../context';
import type { Database, Engine, Tx } from '../db/database';
import { migrateToLatest } from '../db/database';
import { BACKUP_FORMAT, type BackupHeader, type BackupManifest, blobEntryPath, FILE_COLUMNS } from './backup';
import { listTables } from './tables';
import { readTar } from './tar';

// Restore (issue #10): the archive is checked whole against its manifest BEFORE anything is written; then, onto an
// empty target only, the schema is brought to the backup's migration, the rows go in in one transaction (parents
// first), the files are put back by content address, the newer migrations run, and the result is checked: row
// counts, every referenced file present, the audit chain intact. A failure leaves the database as it was.

export class RestoreError extends Error {}

function entries(archive: string) {
  return readTar(createReadStream(archive).pipe(createGunzip()));
}

interface Verified {
  header: BackupHeader;
  manifest: BackupManifest;
}

/** Reads the archive once, hashing every entry; names every entry that is altered, missing or added. */
export async function verifyArchive(archive: string): Promise<Verified> {
  if (!existsSync(archive)) throw new RestoreError(`备份文件不存在：${archive}`);
  const seen = new Map<string, { size: number; sha256: string }>();
  let header: BackupHeader | null = null;
  let manifest: BackupManifest | null = null;
  try {
    for await (const e of entries(archive)) {
      if (e.path === 'manifest.json') {
        manifest = JSON.parse(e.body.toString('utf8')) as BackupManifest;
        continue;
      }
      if (e.path === 'backup.json') header = JSON.parse(e.body.toString('utf8')) as BackupHeader;
      seen.set(e.path, { size: e.body.length, sha256: createHash('sha256').update(e.body).digest('hex') });
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new RestoreError(`无法读取备份文件（不是千企备份，或已损坏、被截断）：${why}`);
  }
  if (!manifest || !header) throw new RestoreError('备份文件缺少 backup.json 或 manifest.json：不是完整的千企备份');
  if (header.format !== BACKUP_FORMAT || manifest.format !== BACKUP_FORMAT) {
    throw new RestoreError(`不支持的备份格式：${header.format}（本版本读取 ${BACKUP_FORMAT}）`);
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const m of manifest.entries) {
    listed.add(m.path);
    const got = seen.get(m.path);
    if (!got) problems.push(`缺失：${m.path}`);
    else if (got.sha256 !== m.sha256 || got.size !== m.size) problems.push(`被修改：${m.path}`);
  }
  for (const p of seen.keys()) if (!listed.has(p)) problems.push(`多出：${p}`);
  if (problems.length) {
    throw new RestoreError(`备份文件与其清单不符，未恢复任何数据：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return { header, manifest };
}

/** What a target holds besides what migrations put there; empty means nothing to lose. */
async function targetContents(db: Database, engine: Engine): Promise<string[]> {
  const found: string[] = [];
  for (const t of await listTables(db, engine)) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (t.name === 'audit_head') {
      const head = await sql<{ seq: number }>`select seq from audit_head`.execute(db);
      if (head.rows.some((h) => Number(h.seq) > 0)) found.push('audit_head（已有操作日志）');
    } else if (n > 0) found.push(`${t.name}（${n} 行）`);
  }
  return found;
}

async function storageContents(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  if (!(await stat(dir)).isDirectory()) throw new RestoreError(`文件存储目录不是目录（STORAGE_DIR=${dir}）`);
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.write-test-'));
  return names.length;
}

interface InsertRowsOptions {
  table: string;
  columns: string[];
  /** the backup's NDJSON lines, one row each */
  lines: string[];
}

async function insertRows(tx: Tx, { table, columns, lines }: InsertRowsOptions): Promise<void> {
  // Below both engines' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535).
  const perBatch = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
  for (let i = 0; i < lines.length; i += perBatch) {
    const rows = lines.slice(i, i + perBatch).map((line) => {
      const values = JSON.parse(line) as unknown[];
      if (values.length !== columns.length) throw new RestoreError(`数据表 ${table} 的一行列数不符，备份已损坏`);
      return values;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(
      rows.map((v) => sql`(${sql.join(v)})`),
    )}`.execute(tx);
  }
}

async function moveHead(tx: Tx, columns: string[], line: string): Promise<void> {
  const values = JSON.parse(line) as unknown[];
  if (values.length !== columns.length) throw new RestoreError('数据表 audit_head 的一行列数不符，备份已损坏');
  const row = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  if (Number(row.id) !== 1) throw new RestoreError('备份中的 audit_head 不是第 1 行，备份已损坏');
  if (Number(row.seq) === 0) return;
  const set = columns.filter((c) => c !== 'id');
  await sql`update audit_head set ${sql.join(set.map((c) => sql`${sql.ref(c)} = ${row[c]}`))} where id = 1`.execute(tx);
}

export interface RestoreOptions {
  ctx: Ctx;
  storageDir: string;
  archive: string;
  progress?: (message: string) => void;
}

export interface RestoreResult {
  createdAt: string;
  rows: number;
  tables: number;
  files: number;
  auditChecked: number;
  migrationsRun: string[];
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const { ctx } = opts;
  const progress = opts.progress ?? (() => {});
  progress('正在校验备份文件……');
  const { header, manifest } = await verifyArchive(opts.archive);

  const known = Object.keys(migrations).sort();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new RestoreError(
      `备份来自更新版本的千企（含本版本没有的数据库迁移 ${unknown.join('、')}）：请用相同或更新的版本恢复`,
    );
  }
  const contents = await targetContents(ctx.db, ctx.engine);
  if (contents.length) {
    throw new RestoreError(
      `目标数据库不是空的，未恢复任何数据：${contents.slice(0, 5).join('、')}${contents.length > 5 ? ' 等' : ''}。请恢复到新建的空数据库（DATABASE_URL）`,
    );
  }
  const stored = await storageContents(opts.storageDir);
  if (stored) {
    throw new RestoreError(`文件存储目录不是空的（STORAGE_DIR=${opts.storageDir}），未恢复任何数据：请指定新的空目录`);
  }

  // The rows fit the schema of the migration they were taken at; later migrations then carry them forward.
  const last = header.migrations[header.migrations.length - 1];
  const migrator = new Migrator({ db: ctx.db, provider: { getMigrations: async () => migrations } });
  const to = last ? await migrator.migrateTo(last) : { error: undefined };
  if (to.error) throw to.error instanceof Error ? to.error : new Error(String(to.error));

  const store = createLocalDiskStorage(opts.storageDir);
  const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
  const target = new Map((await listTables(ctx.db, ctx.engine)).map((t) => [t.name, new Set(t.columns)]));
  for (const t of header.tables) {
    const have = target.get(t.name);
    const lacking = have ? t.columns.filter((c) => !have.has(c)) : t.columns;
    if (!have || lacking.length) {
      throw new RestoreError(
        `目标数据库的表结构与备份不符（${t.name}${lacking.length ? `：缺少 ${lacking.join('、')}` : ''}）`,
      );
    }
  }

  let files = 0;
  let rows = 0;
  const restoredAt = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    // Belt and braces on SQLite: foreign keys are checked at commit, so order within the archive cannot trip them.
    if (ctx.engine === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(tx);
    let head: { columns: string[]; line: string } | null = null;
    let current = '';
    for await (const e of entries(opts.archive)) {
      if (e.path.startsWith('db/')) {
        const table = e.path.split('/')[1];
        const columns = columnsOf.get(table);
        if (!columns) throw new RestoreError(`备份中有未声明的数据表：${table}`);
        const lines = e.body.toString('utf8').split('\n').filter(Boolean);
        // The head row exists already (migration 001) and may only move forward (migration 012): it is set, once
        // every audit row is in, instead of being deleted and inserted.
        if (table === 'audit_head') {
          if (lines.length !== 1 || head) throw new RestoreError('备份中的 audit_head 应恰有一行，备份已损坏');
          head = { columns, line: lines[0] };
        } else await insertRows(tx, { table, columns, lines });
        rows += lines.length;
        if (table !== current) {
          current = table;
          progress(`写入数据表：${table}`);
        }
      } else if (e.path.startsWith('files/')) {
        const ref = await store.put(e.body);
        if (blobEntryPath(ref.sha256) !== e.path) throw new RestoreError(`文件内容与其地址不符：${e.path}`);
        files += 1;
        if (files % 200 === 0) progress(`放回文件 ${files}/${manifest.files}`);
      }
    }
    if (head) await moveHead(tx, head.columns, head.line);
    for (const [table, expected] of Object.entries(manifest.rows)) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(tx);
      const n = Number(r.rows[0]?.n ?? 0);
      if (n !== expected) throw new RestoreError(`数据表 ${table} 恢复了 ${n} 行，备份中有 ${expected} 行`);
    }
  });

  progress('正在执行数据库迁移并校验……');
  const migrationsRun = await migrateToLatest(ctx.db);
  // Every file a row names must be back, byte for byte (put() addressed it by its own hash).
  const missing: string[] = [];
  for (const { table, column } of FILE_COLUMNS) {
    const shas = (
      await sql<{ sha: string }>`select distinct ${sql.ref(column)} as sha from ${sql.table(table)}`.execute(ctx.db)
    ).rows;
    for (const { sha } of shas) if (!(await store.has(sha))) missing.push(sha);
  }
  const expectedMissing = new Set(manifest.missingFiles);
  const unexpected = missing.filter((m) => !expectedMissing.has(m));
  if (unexpected.length)
    throw new RestoreError(`恢复后缺少 ${unexpected.length} 个文件：${unexpected.slice(0, 5).join('、')}`);

  // A backup from before migration 012: the chain is keyed from here on, once its plain part verifies.
  await sealAuditKeying(ctx, migrationsRun);
  const chain = await verifyAuditChain(ctx.db, auditKey(ctx.env));
  if (!chain.ok) {
    throw new RestoreError(`恢复后操作日志哈希链校验失败：第 ${chain.firstBadSeq} 条记录 — ${chain.reason}`);
  }
  await ctx.db.transaction().execute(async (tx) => {
    await makeRecorder(tx, ctx).record({
      entity: 'system',
      action: 'restore',
      summary: `从备份恢复（备份时间 ${header.createdAt}，${rows} 行数据、${files} 个文件）`,
      after: { createdAt: header.createdAt, rows, files, restoredAt: restoredAt.toISOString() },
    });
  });
  return {
    createdAt: header.createdAt,
    rows,
    tables: header.tables.length,
    files,
    auditChecked: chain.checked,
    migrationsRun,
  };
}
