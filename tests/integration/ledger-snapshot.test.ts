// Replacing a station's ledger by import keeps what it replaced (issue #11, decision 017): a single-record delete keeps
// its before-image in the audit row, so a whole-ledger replacement keeps the whole ledger — a JSON copy in the file
// store, named by a ledger_snapshots row that the import's audit row names. The storage clean-up never removes it,
// backups carry it, and the row cannot be changed or deleted.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { blobEntryPath, FILE_COLUMNS } from '../../src/server/backup/backup';
import { cleanStorage, scanStorage } from '../../src/server/blobs/storage-scan';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds } from './support/fixtures';
import { ledgerFor } from './support/ledger-requests';

const t: TestApp = await createTestApp();
afterAll(() => t.close());
const ids = await demoIds(t);
const station = ids.stations.haidian;

describe('import with replace', () => {
  it('stores the replaced ledger, as exported, and the audit row names it; the clean-up keeps it', async () => {
    const center = await t.login('center');
    const before = await t.call(center, 'GET', `/api/v1/stations/${station}/ledger`);
    expect(before.status).toBe(200);
    expect(before.json.events.length).toBeGreaterThan(0);

    const imported = await t.call(center, 'POST', `/api/v1/stations/${station}/ledger`, {
      ledger: await ledgerFor(t, station),
      replace: true,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(200);

    const row = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'import_ledger')
      .where('entity_id', '=', station)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const diff = JSON.parse(row.diff_json);
    const snapshotId = diff.ledger_snapshot_id?.after;
    expect(snapshotId).toEqual(expect.any(String));
    expect(row.summary).toContain(`原台账留档 ${snapshotId}`);
    const snap = await t.deps.db
      .selectFrom('ledger_snapshots')
      .selectAll()
      .where('id', '=', snapshotId)
      .executeTakeFirstOrThrow();
    expect(snap).toMatchObject({
      station_id: station,
      reason: 'import_replace',
      sha256: diff.ledger_snapshot_sha256.after,
    });
    expect(snap.created_by).toBe(ids.users.center.id);
    const stored = JSON.parse(Buffer.from(await t.deps.blobs.get(snap.sha256)).toString('utf8'));
    expect(stored).toEqual(before.json);
    expect(Number(snap.size)).toBe(Buffer.byteLength(JSON.stringify(before.json)));

    // Old enough for the clean-up to remove it if nothing named it.
    const path = join(t.blobDir, blobEntryPath(snap.sha256).slice('files/'.length));
    utimesSync(path, new Date('2020-01-01'), new Date('2020-01-01'));
    const report = await scanStorage(t.deps.db, t.blobDir);
    expect(report.unreferenced.map((b) => b.sha256)).not.toContain(snap.sha256);
    await cleanStorage(t.deps.db, report, { now: new Date('2030-01-01') });
    expect(await t.deps.blobs.has(snap.sha256)).toBe(true);
    // The backup takes the files this table names.
    expect(FILE_COLUMNS).toContainEqual({ table: 'ledger_snapshots', column: 'sha256' });
  });

  it('refuses UPDATE and DELETE of a snapshot row in the database', async () => {
    const snap = await t.deps.db.selectFrom('ledger_snapshots').selectAll().executeTakeFirstOrThrow();
    for (const statement of [
      sql`update ledger_snapshots set sha256 = ${'0'.repeat(64)} where id = ${snap.id}`,
      sql`delete from ledger_snapshots where id = ${snap.id}`,
    ]) {
      await expect(statement.execute(t.deps.db)).rejects.toThrow(/台账替换留档只能新增/);
    }
    expect(await t.deps.db.selectFrom('ledger_snapshots').selectAll().where('id', '=', snap.id).execute()).toEqual([
      snap,
    ]);
  });
});
