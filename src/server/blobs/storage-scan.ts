import { existsSync } from 'node:fs';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '../db/database';
import { isSha256 } from './storage';

// What a crash or an abandoned upload leaves in STORAGE_DIR (issue #10): temp files of writes that never finished,
// and blobs no row refers to (uploaded, then the transaction rolled back or the process died). `bin/qianqi storage
// check` reports them, with what the database names but the disk lacks; a daily job removes leftovers older than a
// grace period. Only files of our own naming are ever removed.

/** Uploads are put before the row that names them commits: a day leaves every in-flight upload alone. */
export const DEFAULT_GRACE_MS = 24 * 3_600_000;

/** Every column that names a stored file (by SHA-256). */
export const REFERENCES: ReadonlyArray<{ table: 'attachments' | 'lifecycle_files' | 'ledger_snapshots' }> = [
  { table: 'attachments' },
  { table: 'lifecycle_files' },
  { table: 'ledger_snapshots' },
];

export interface StorageFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface StorageReport {
  dir: string;
  blobs: number;
  bytes: number;
  /** named by the database, absent from the disk */
  missing: string[];
  unreferenced: Array<StorageFile & { sha256: string }>;
  temp: StorageFile[];
  /** files of a foreign naming: reported, never removed */
  unknown: string[];
}

async function walk(dir: string, depth: number, visit: (path: string, name: string, depth: number) => Promise<void>) {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (!st) continue;
    if (st.isDirectory() && depth < 2 && /^[0-9a-f]{2}$/.test(name)) await walk(path, depth + 1, visit);
    else await visit(path, name, depth);
  }
}

/** Of `shas`, those some row names; in batches, so a million blobs never make one giant query or set. */
async function referencedAmong(db: Database, shas: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < shas.length; i += 500) {
    const batch = shas.slice(i, i + 500);
    for (const { table } of REFERENCES) {
      const rows = await db.selectFrom(table).select('sha256').distinct().where('sha256', 'in', batch).execute();
      for (const r of rows) found.add(r.sha256);
    }
  }
  return found;
}

export async function scanStorage(db: Database, dir: string): Promise<StorageReport> {
  const root = resolve(dir);
  const report: StorageReport = { dir: root, blobs: 0, bytes: 0, missing: [], unreferenced: [], temp: [], unknown: [] };
  const blobs: Array<StorageFile & { sha256: string }> = [];
  await walk(root, 0, async (path, name, depth) => {
    const st = await stat(path).catch(() => null);
    if (!st?.isFile()) {
      if (st) report.unknown.push(path);
      return;
    }
    const file = { path, size: st.size, mtimeMs: st.mtimeMs };
    if (depth === 2 && isSha256(name)) {
      blobs.push({ ...file, sha256: name });
      report.blobs += 1;
      report.bytes += st.size;
    } else if (name.endsWith('.tmp') || name.endsWith('.deleting') || name.startsWith('.write-test-')) {
      report.temp.push(file);
    } else report.unknown.push(path);
  });
  const referenced = await referencedAmong(
    db,
    blobs.map((b) => b.sha256),
  );
  report.unreferenced = blobs.filter((b) => !referenced.has(b.sha256));

  // The other direction: every file a row names is on the disk.
  for (const { table } of REFERENCES) {
    let after = '';
    for (;;) {
      const page = await db
        .selectFrom(table)
        .select('sha256')
        .distinct()
        .where('sha256', '>', after)
        .orderBy('sha256')
        .limit(1000)
        .execute();
      for (const { sha256 } of page) {
        if (!isSha256(sha256)) report.missing.push(sha256);
        else if (!existsSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256))) report.missing.push(sha256);
      }
      if (page.length < 1000) break;
      after = page[page.length - 1].sha256;
    }
  }
  report.missing = [...new Set(report.missing)].sort();
  return report;
}

export interface CleanResult {
  removedBlobs: number;
  removedTemp: number;
  bytes: number;
  /** unreferenced but inside the grace period: left alone */
  keptRecent: number;
}

/**
 * Removes temp files and unreferenced blobs older than `graceMs`. A blob is first moved aside, then checked again —
 * still untouched and still unreferenced — before it is deleted; an upload of the same bytes in between either finds
 * the file gone and writes it anew, or renews its time, which puts it back.
 */
export async function cleanStorage(
  db: Database,
  report: StorageReport,
  opts: { now: Date; graceMs?: number },
): Promise<CleanResult> {
  const grace = opts.graceMs ?? DEFAULT_GRACE_MS;
  const cutoff = opts.now.getTime() - grace;
  const result: CleanResult = { removedBlobs: 0, removedTemp: 0, bytes: 0, keptRecent: 0 };
  for (const t of report.temp) {
    if (t.mtimeMs > cutoff) continue;
    await unlink(t.path).then(
      () => {
        result.removedTemp += 1;
        result.bytes += t.size;
      },
      () => {},
    );
  }
  for (const b of report.unreferenced) {
    if (b.mtimeMs > cutoff) {
      result.keptRecent += 1;
      continue;
    }
    const aside = `${b.path}.deleting`;
    try {
      await rename(b.path, aside);
    } catch {
      continue; // gone already (another instance cleaning)
    }
    const st = await stat(aside).catch(() => null);
    const stillUnreferenced = !(await referencedAmong(db, [b.sha256])).has(b.sha256);
    if (st && st.mtimeMs <= cutoff && stillUnreferenced) {
      await unlink(aside).catch(() => {});
      result.removedBlobs += 1;
      result.bytes += b.size;
    } else if (existsSync(b.path)) {
      await unlink(aside).catch(() => {}); // rewritten meanwhile by an upload: the new file is the same bytes
    } else {
      await rename(aside, b.path).catch(() => {});
    }
  }
  return result;
}

/** The report as lines an operator reads. */
export function describeStorageReport(r: StorageReport, now: Date, graceMs = DEFAULT_GRACE_MS): string[] {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const old = (f: StorageFile) => f.mtimeMs <= now.getTime() - graceMs;
  const hours = Math.round(graceMs / 3_600_000);
  const lines = [`文件存储目录：${r.dir}`, `  文件：${r.blobs} 个，共 ${mb(r.bytes)}`];
  lines.push(
    r.missing.length
      ? `  缺失：数据库登记但目录中没有的文件 ${r.missing.length} 个（需从备份恢复）：${r.missing.slice(0, 10).join('、')}${r.missing.length > 10 ? ' 等' : ''}`
      : '  缺失：无（数据库登记的文件都在）',
  );
  const unrefOld = r.unreferenced.filter(old);
  lines.push(
    `  未被引用的文件：${r.unreferenced.length} 个（超过 ${hours} 小时可清理 ${unrefOld.length} 个，${mb(unrefOld.reduce((a, f) => a + f.size, 0))}）`,
  );
  const tempOld = r.temp.filter(old);
  lines.push(`  中断写入留下的临时文件：${r.temp.length} 个（超过 ${hours} 小时可清理 ${tempOld.length} 个）`);
  if (r.unknown.length) lines.push(`  其他文件（不会自动删除）：${r.unknown.slice(0, 10).join('、')}`);
  return lines;
}
