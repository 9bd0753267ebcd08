import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, fsyncSync, openSync, realpathSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { createLocalDiskStorage } from '../blobs/local-disk';
import { BlobNotFoundError, sha256Hex } from '../blobs/storage';
import type { Database, Engine, Tx } from '../db/database';
import { insertOrder, listTables, type TableInfo } from './tables';
import { TarWriter } from './tar';

// One archive holds a consistent copy of everything the system keeps (issue #10): the database read in ONE snapshot
// transaction, then the files that snapshot refers to. Files are content-addressed and never rewritten, so every
// file the snapshot names is still there afterwards; the other order (files, then database) loses the files
// uploaded in between — measured: 177 of 1,307 attachments missing. A manifest of SHA-256s comes last.

export const BACKUP_FORMAT = 'qianqi-backup/1';
/** Rows per query and bytes per archive entry: memory stays small on a database of millions of rows. */
const PAGE_ROWS = 2000;
const CHUNK_BYTES = 4 * 1024 * 1024;

/** The tables whose rows name a stored file, by its SHA-256. */
export const FILE_COLUMNS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'attachments', column: 'sha256' },
  { table: 'lifecycle_files', column: 'sha256' },
  { table: 'ledger_snapshots', column: 'sha256' },
];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: Engine;
  migrations: string[];
  /** in insert order: parents before children */
  tables: Array<{ name: string; columns: string[] }>;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  rows: Record<string, number>;
  files: number;
  /** files the snapshot refers to that the storage did not have (or had altered): the archive lacks them */
  missingFiles: string[];
  entries: Array<{ path: string; size: number; sha256: string }>;
}

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  files: number;
  missingFiles: string[];
  bytes: number;
  manifestSha256: string;
}

export class BackupError extends Error {}

export function blobEntryPath(sha256: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Refuses a target that would overwrite the live database or land among the stored files. */
export function checkBackupTarget(file: string, opts: { liveFiles: string[]; storageDir: string }): string {
  const target = resolve(file);
  const targetReal = join(realOrResolved(dirname(target)), basename(target));
  for (const live of opts.liveFiles) {
    for (const f of [live, `${live}-wal`, `${live}-shm`, `${live}-journal`]) {
      if (realOrResolved(f) === targetReal || resolve(f) === target) {
        throw new BackupError(`不能把备份写到正在使用的数据库文件上：${file}`);
      }
    }
  }
  const rel = relative(realOrResolved(opts.storageDir), targetReal);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new BackupError(`不能把备份写到文件存储目录（STORAGE_DIR）之内：${file}`);
  }
  if (existsSync(target)) throw new BackupError(`备份文件已存在，不会覆盖：${file}`);
  if (!existsSync(dirname(target))) throw new BackupError(`备份文件所在目录不存在：${dirname(target)}`);
  return target;
}

interface DumpTableOptions {
  table: TableInfo;
  tar: TarWriter;
  /** called with each stored file the table's rows refer to */
  onFile: (sha256: string) => void;
}

async function dumpTable(tx: Tx, { table, tar, onFile }: DumpTableOptions): Promise<number> {
  const fileColumn = FILE_COLUMNS.find((f) => f.table === table.name)?.column;
  const order = table.primaryKey.length ? table.primaryKey : table.columns;
  let last: unknown[] | null = null;
  let rows = 0;
  let chunkNo = 0;
  let lines: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!lines.length) return;
    chunkNo += 1;
    await tar.add(`db/${table.name}/${String(chunkNo).padStart(6, '0')}.ndjson`, Buffer.from(lines.join(''), 'utf8'));
    lines = [];
    bytes = 0;
  };
  for (;;) {
    // Keyset paging on the primary key: each page is an index range scan, not an ever-growing OFFSET.
    const after: ReturnType<typeof sql> | null = last
      ? sql`where (${sql.join(order.map((c) => sql.ref(c)))}) > (${sql.join(last)})`
      : null;
    const page: Array<Record<string, unknown>> = (
      await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} ${after ?? sql``} order by ${sql.join(
        order.map((c) => sql.ref(c)),
      )} limit ${PAGE_ROWS}`.execute(tx)
    ).rows;
    for (const row of page) {
      const line = `${JSON.stringify(table.columns.map((c) => row[c] ?? null))}\n`;
      lines.push(line);
      bytes += Buffer.byteLength(line);
      if (fileColumn && typeof row[fileColumn] === 'string') onFile(row[fileColumn] as string);
      if (bytes >= CHUNK_BYTES) await flush();
    }
    rows += page.length;
    if (page.length < PAGE_ROWS) break;
    const lastRow: Record<string, unknown> = page[page.length - 1];
    last = order.map((c): unknown => lastRow[c]);
  }
  await flush();
  return rows;
}

export interface BackupOptions {
  db: Database;
  engine: Engine;
  storageDir: string;
  file: string;
  /** the live SQLite file(s), which the archive must never overwrite */
  liveFiles: string[];
  now: Date;
  progress?: (message: string) => void;
}

export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const target = checkBackupTarget(opts.file, opts);
  const progress = opts.progress ?? (() => {});
  const partial = `${target}.${process.pid}.partial`;
  const out = createWriteStream(partial, { flags: 'wx' });
  const gzip = createGzip({ level: 6 });
  const piped = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
    gzip.on('error', fail);
  });
  gzip.pipe(out);
  const tar = new TarWriter(gzip, opts.now);
  try {
    const files = new Set<string>();
    const rows: Record<string, number> = {};

    const snapshot = async (tx: Tx) => {
      const migrations = (
        await sql<{ name: string }>`select name from kysely_migration order by name`.execute(tx)
      ).rows.map((r) => r.name);
      const tables = await listTables(tx, opts.engine);
      const order = await insertOrder(
        tx,
        opts.engine,
        tables.map((t) => t.name),
      );
      const byName = new Map(tables.map((t) => [t.name, t]));
      const ordered = order.map((n) => byName.get(n) as TableInfo);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        createdAt: opts.now.toISOString(),
        engine: opts.engine,
        migrations,
        tables: ordered.map((t) => ({ name: t.name, columns: t.columns })),
      };
      await tar.add('backup.json', Buffer.from(`${JSON.stringify(header, null, 2)}\n`, 'utf8'));
      for (const [i, t] of ordered.entries()) {
        rows[t.name] = await dumpTable(tx, { table: t, tar, onFile: (sha) => files.add(sha) });
        progress(`导出数据表 ${i + 1}/${ordered.length}：${t.name}（${rows[t.name]} 行）`);
      }
    };
    if (opts.engine === 'postgres') {
      // One snapshot for every table: REPEATABLE READ sees the database as of the first query, whatever commits later.
      await opts.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(snapshot);
    } else {
      // SQLite in WAL mode: a read transaction sees one snapshot while other connections keep writing.
      await opts.db.transaction().execute(snapshot);
    }

    const store = createLocalDiskStorage(opts.storageDir);
    const missingFiles: string[] = [];
    const shas = [...files].sort();
    for (const [i, sha] of shas.entries()) {
      try {
        const bytes = await store.get(sha);
        if (sha256Hex(bytes) !== sha) missingFiles.push(sha);
        else await tar.add(blobEntryPath(sha), bytes);
      } catch (err) {
        if (!(err instanceof BlobNotFoundError) && !(err instanceof TypeError)) throw err;
        missingFiles.push(sha);
      }
      if ((i + 1) % 200 === 0 || i + 1 === shas.length) progress(`复制文件 ${i + 1}/${shas.length}`);
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: opts.now.toISOString(),
      rows,
      files: shas.length - missingFiles.length,
      missingFiles,
      entries: [...tar.written],
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await tar.add('manifest.json', manifestBytes);
    await tar.finish();
    await piped;
    // Durable before it takes its final name: a crash never leaves a complete-looking, truncated backup.
    const fd = openSync(partial, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    await rename(partial, target);
    const { size } = await stat(target);
    return {
      file: target,
      tables: Object.keys(rows).length,
      rows: Object.values(rows).reduce((a, b) => a + b, 0),
      files: manifest.files,
      missingFiles,
      bytes: size,
      manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
    };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await unlink(partial).catch(() => {});
    throw err;
  }
}
