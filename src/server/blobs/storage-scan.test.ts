// Leftovers in STORAGE_DIR (issue #10 §4): what the clean-up removes, what it must never remove.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/setup/test-app';
import { migrateToLatest } from '../db/database';
import { createLocalDiskStorage } from './local-disk';
import { cleanStorage, describeStorageReport, scanStorage } from './storage-scan';

const dir = mkdtempSync(join(tmpdir(), 'qianqi-scan-'));
const store = createLocalDiskStorage(dir);
let db: Awaited<ReturnType<typeof freshDatabase>>;
const NOW = new Date();
const DAY = 24 * 3_600_000;
const old = new Date(NOW.getTime() - 2 * DAY);
const bytes = (s: string) => new TextEncoder().encode(s);
const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);

beforeAll(async () => {
  db = await freshDatabase();
  await migrateToLatest(db.handle.db);
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function reference(sha256: string) {
  await db.handle.db
    .insertInto('lifecycle_files')
    .values({
      id: sha256.slice(0, 12),
      owner_kind: 'project',
      owner_id: 'p',
      purpose: 'signed_agreement',
      sha256,
      size: 1,
      mime: 'image/png',
      file_name: 'a.png',
      created_at: NOW.toISOString(),
      created_by: null,
    })
    .execute();
}

describe('storage check and clean-up', () => {
  it('removes old leftovers only, and reports what the database names but the disk lacks', async () => {
    const kept = await store.put(bytes('referenced'));
    await reference(kept.sha256);
    const orphan = await store.put(bytes('orphan, old'));
    const recent = await store.put(bytes('orphan, recent'));
    const tmp = `${pathOf(orphan.sha256)}.5f1c.tmp`;
    writeFileSync(tmp, 'half');
    mkdirSync(join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'notes', 'README.txt'), 'an operator’s file');
    for (const p of [pathOf(kept.sha256), pathOf(orphan.sha256), tmp]) utimesSync(p, old, old);
    await reference('f'.repeat(64)); // a row whose file is gone

    const report = await scanStorage(db.handle.db, dir);
    expect(report.blobs).toBe(3);
    expect(report.missing).toEqual(['f'.repeat(64)]);
    expect(report.unreferenced.map((b) => b.sha256).sort()).toEqual([orphan.sha256, recent.sha256].sort());
    expect(report.temp.map((t) => t.path)).toEqual([tmp]);
    expect(report.unknown).toEqual([join(dir, 'notes')]);
    expect(describeStorageReport(report, NOW).join('\n')).toContain('缺失：数据库登记但目录中没有的文件 1 个');

    const r = await cleanStorage(db.handle.db, report, { now: NOW });
    expect(r).toMatchObject({ removedBlobs: 1, removedTemp: 1, keptRecent: 1 });
    expect(existsSync(pathOf(orphan.sha256))).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await store.has(recent.sha256)).toBe(true);
    expect(existsSync(join(dir, 'notes', 'README.txt'))).toBe(true);
  });

  it('keeps an old unreferenced file that an upload of the same bytes has just reused', async () => {
    const b = await store.put(bytes('uploaded twice'));
    utimesSync(pathOf(b.sha256), old, old);
    const report = await scanStorage(db.handle.db, dir);
    expect(report.unreferenced.some((u) => u.sha256 === b.sha256)).toBe(true);
    // Between the scan and the removal, the same bytes are uploaded again (deduplicated: no new write).
    await store.put(bytes('uploaded twice'));
    const r = await cleanStorage(db.handle.db, report, { now: NOW });
    expect(r.removedBlobs).toBe(0);
    expect(await store.get(b.sha256)).toEqual(bytes('uploaded twice'));
  });

  it('keeps an old file that a row came to name between the scan and the removal', async () => {
    const b = await store.put(bytes('linked late'));
    utimesSync(pathOf(b.sha256), old, old);
    const report = await scanStorage(db.handle.db, dir);
    await reference(b.sha256);
    expect((await cleanStorage(db.handle.db, report, { now: NOW })).removedBlobs).toBe(0);
    expect(await store.has(b.sha256)).toBe(true);
  });
});
