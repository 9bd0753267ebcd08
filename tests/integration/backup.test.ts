// Backup and restore (issue #10): one archive each way, and nothing acknowledged is lost — the backup is taken while
// the app keeps writing records and uploading files, then restored onto an empty database and compared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { BackupError, createBackup } from '../../src/server/backup/backup';
import { RestoreError, restoreBackup } from '../../src/server/backup/restore';
import { listTables, NOT_BACKED_UP } from '../../src/server/backup/tables';
import { createLocalDiskStorage } from '../../src/server/blobs/local-disk';
import type { Ctx } from '../../src/server/context';
import { openDatabase } from '../../src/server/db/database';
import { createTestApp, freshDatabase, type TestApp } from '../setup/test-app';
import { demoIds, rawRequest } from './support/fixtures';
import { PNG, validRecordBody } from './support/ledger-requests';

const work = mkdtempSync(join(tmpdir(), 'qianqi-backup-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

let n = 0;
const archivePath = () => join(work, `backup-${++n}.tar.gz`);

async function app(): Promise<TestApp> {
  const t = await createTestApp();
  cleanups.push(() => t.close());
  return t;
}

/** A second connection to the app's database, as the `qianqi backup` process has. */
function secondHandle(t: TestApp) {
  const h = openDatabase(t.databaseUrl);
  cleanups.push(() => h.close());
  return h;
}

async function emptyTarget(t: TestApp): Promise<{ ctx: Ctx; storageDir: string }> {
  const fresh = await freshDatabase();
  cleanups.push(() => fresh.drop());
  const storageDir = join(work, `storage-${++n}`);
  const ctx: Ctx = {
    db: fresh.handle.db,
    engine: fresh.handle.engine,
    clock: t.clock,
    env: t.deps.env,
    blobs: createLocalDiskStorage(storageDir),
    actor: null,
    ip: null,
  };
  return { ctx, storageDir };
}

/** Every table's rows in a canonical order (the engines order text differently). */
async function contents(db: Ctx['db'], engine: Ctx['engine']) {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(db, engine)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db)).rows;
    out[table.name] = rows.map((r) => JSON.stringify(table.columns.map((c) => r[c] ?? null))).sort();
  }
  return out;
}

/** Offset of the first tar header whose name starts with files/ (headers sit on 512-byte blocks). */
function fileEntryOffset(tar: Buffer): number {
  for (let at = 0; at < tar.length; at += 512) {
    if (tar.subarray(at, at + 6).toString('ascii') === 'files/') return at;
  }
  throw new Error('no file entry in the archive');
}

async function backupOf(t: TestApp, file = archivePath()) {
  const h = secondHandle(t);
  const r = await createBackup({
    db: h.db,
    engine: h.engine,
    storageDir: t.blobDir,
    file,
    liveFiles: h.engine === 'sqlite' ? [t.databaseUrl.slice('sqlite:'.length)] : [],
    now: new Date(),
  });
  return r;
}

describe('backup and restore', () => {
  it('restores onto an empty database every row, every file and an intact audit chain', async () => {
    const t = await app();
    const before = await contents(t.deps.db, t.deps.engine);
    const r = await backupOf(t);
    expect(r.missingFiles).toEqual([]);
    expect(r.files).toBeGreaterThan(0);
    // A plain .tar.gz that the system's tar lists: the data, the files, a manifest last.
    const listing = spawnSync('tar', ['-tzf', r.file], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    const names = listing.stdout.trim().split('\n');
    expect(names[0]).toBe('backup.json');
    expect(names.at(-1)).toBe('manifest.json');
    expect(names.filter((x) => x.startsWith('files/'))).toHaveLength(r.files);

    const target = await emptyTarget(t);
    const restored = await restoreBackup({ ctx: target.ctx, storageDir: target.storageDir, archive: r.file });
    expect(restored.rows).toBe(r.rows);
    expect(restored.files).toBe(r.files);

    const after = await contents(target.ctx.db, target.ctx.engine);
    for (const [table, rows] of Object.entries(before)) {
      if (NOT_BACKED_UP.has(table)) continue;
      // The restore appends its own audit event to the chain it restored.
      if (table === 'audit_events' || table === 'audit_head') continue;
      expect(after[table], table).toEqual(rows);
    }
    const events = await target.ctx.db.selectFrom('audit_events').select(['seq', 'action']).orderBy('seq').execute();
    expect(events.length).toBe(before.audit_events.length + 1);
    expect(events.at(-1)?.action).toBe('restore');
    expect((await verifyAuditChain(target.ctx.db, auditKey(target.ctx.env))).ok).toBe(true);

    // Every stored file is back, byte for byte, and the restored app serves it.
    const files = await target.ctx.db.selectFrom('attachments').select('sha256').execute();
    for (const f of files) {
      expect(await target.ctx.blobs.get(f.sha256)).toEqual(await t.deps.blobs.get(f.sha256));
    }
  });

  it('loses nothing acknowledged while records are written and files uploaded during the backup', async () => {
    const t = await app();
    const ids = await demoIds(t);
    const cookie = await t.login('host');
    const station = ids.stations.haidian;
    const acked: Array<{ eventId: string; evidenceId: string }> = [];
    let writing = true;
    let i = 0;
    const writer = (async () => {
      while (writing) {
        i += 1;
        const ev = await t.call(cookie, 'POST', `/api/v1/stations/${station}/events`, {
          ...validRecordBody('events'),
          title: `备份期间的活动 ${i}`,
        });
        expect(ev.status).toBe(201);
        // A different picture each time: a new file in the storage, not a deduplicated one.
        const png = Buffer.concat([Buffer.from(PNG), Buffer.from(`#${i}`)]);
        const up = await rawRequest(
          t,
          'POST',
          `/api/v1/stations/${station}/events/${ev.json.id}/evidence?kind=photo&fileName=${encodeURIComponent(`照片${i}.png`)}`,
          { cookie, headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(png) },
        );
        expect(up.status, JSON.stringify(up.json)).toBe(201);
        acked.push({ eventId: ev.json.id, evidenceId: up.json.id });
      }
    })();
    // Some writes land before the backup starts, more while it runs.
    while (acked.length < 3) await new Promise((r) => setTimeout(r, 5));
    const ackedBefore = acked.length;
    const r = await backupOf(t);
    const ackedDuring = acked.length - ackedBefore;
    writing = false;
    await writer;
    expect(r.missingFiles).toEqual([]);

    const target = await emptyTarget(t);
    await restoreBackup({ ctx: target.ctx, storageDir: target.storageDir, archive: r.file });
    const restoredEvents = new Set(
      (await target.ctx.db.selectFrom('events').select('id').where('station_id', '=', station).execute()).map(
        (e) => e.id,
      ),
    );
    // Everything acknowledged before the backup began is in it…
    for (const a of acked.slice(0, ackedBefore)) expect(restoredEvents.has(a.eventId), a.eventId).toBe(true);
    // …and whatever of the concurrent writes made it into the snapshot has its files (the restore checked them all).
    const evidence = await target.ctx.db
      .selectFrom('event_evidence as v')
      .innerJoin('attachments as a', 'a.id', 'v.attachment_id')
      .select(['v.event_id', 'a.sha256'])
      .execute();
    for (const e of evidence) expect(await target.ctx.blobs.has(e.sha256)).toBe(true);
    const restoredWithPhoto = new Set(evidence.map((e) => e.event_id));
    for (const a of acked.slice(0, ackedBefore)) expect(restoredWithPhoto.has(a.eventId)).toBe(true);
    // The test proves something only if writes really ran while the snapshot was being read.
    expect(ackedDuring, 'writes acknowledged while the backup ran').toBeGreaterThan(0);
  });

  it('refuses to write onto the live database file, into the storage, or over an existing file', async () => {
    const t = await app();
    if (t.deps.engine === 'sqlite') {
      const live = t.databaseUrl.slice('sqlite:'.length);
      await expect(backupOf(t, live)).rejects.toThrow(BackupError);
      await expect(backupOf(t, `${live}-wal`)).rejects.toThrow('正在使用的数据库文件');
    }
    await expect(backupOf(t, join(t.blobDir, 'b.tar.gz'))).rejects.toThrow('STORAGE_DIR');
    const existing = join(work, 'existing.tar.gz');
    writeFileSync(existing, 'keep me');
    await expect(backupOf(t, existing)).rejects.toThrow('已存在');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('restores nothing onto a database that has data, or from an altered archive', async () => {
    const t = await app();
    const r = await backupOf(t);
    // Onto the live, seeded database: refused before anything is written.
    const before = await t.deps.db.selectFrom('audit_events').select('seq').execute();
    await expect(restoreBackup({ ctx: t.ctx, storageDir: join(work, 'unused'), archive: r.file })).rejects.toThrow(
      '目标数据库不是空的',
    );
    expect((await t.deps.db.selectFrom('audit_events').select('seq').execute()).length).toBe(before.length);

    // One byte changed inside a stored file: the manifest names it, and the target stays empty.
    const tar = gunzipSync(readFileSync(r.file));
    const at = fileEntryOffset(tar);
    tar[at + 512 + 10] ^= 0xff; // after the 512-byte header, the file's own bytes
    const altered = join(work, 'altered.tar.gz');
    writeFileSync(altered, gzipSync(tar));
    const target = await emptyTarget(t);
    const err = await restoreBackup({ ctx: target.ctx, storageDir: target.storageDir, archive: altered }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RestoreError);
    expect((err as Error).message).toMatch(/被修改：files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}/);
    const tables = await target.ctx.db.introspection.getTables();
    expect(tables).toEqual([]);
    expect(existsSync(target.storageDir)).toBe(false);

    // A truncated archive is refused the same way.
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, readFileSync(r.file).subarray(0, 4000));
    await expect(restoreBackup({ ctx: target.ctx, storageDir: target.storageDir, archive: truncated })).rejects.toThrow(
      RestoreError,
    );
  });
});
