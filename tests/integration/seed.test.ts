// The demo seed is all or nothing (issue #10 §4): a failure midway — here the file store failing on the third file,
// as a full disk would — leaves no organisation, station or account of the demo, so the next start seeds again
// instead of finding a half-seeded database that looks seeded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKey, verifyAuditChain } from '../../src/server/audit/audit';
import { createLocalDiskStorage } from '../../src/server/blobs/local-disk';
import type { BlobStorage } from '../../src/server/blobs/storage';
import type { Ctx } from '../../src/server/context';
import { migrateToLatest } from '../../src/server/db/database';
import { loadEnv } from '../../src/server/env';
import { ensureReferenceData } from '../../src/server/reference-data';
import { hasOwnData, seedDemo } from '../../src/server/seed';
import { freshDatabase, testClock } from '../setup/test-app';

const dir = mkdtempSync(join(tmpdir(), 'qianqi-seed-'));
const db = await freshDatabase();
await migrateToLatest(db.handle.db);
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const disk = createLocalDiskStorage(dir);
function failingAfter(n: number): BlobStorage {
  let puts = 0;
  return {
    ...disk,
    put: async (bytes) => {
      puts += 1;
      if (puts > n) throw new Error('ENOSPC: no space left on device');
      return disk.put(bytes);
    },
  };
}
const ctx = (blobs: BlobStorage): Ctx => ({
  db: db.handle.db,
  engine: db.handle.engine,
  clock: testClock(),
  env: loadEnv({ NODE_ENV: 'test' }),
  blobs,
  actor: null,
  ip: null,
});
const count = async (table: 'organizations' | 'stations' | 'users' | 'events' | 'attachments') =>
  Number(
    (
      await db.handle.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the demo seed', () => {
  it('leaves nothing of the demo when it fails midway, and seeds whole the next time', async () => {
    await ensureReferenceData(ctx(disk));
    const reference = await count('organizations');
    const auditBefore = await verifyAuditChain(db.handle.db, auditKey(ctx(disk).env));

    // Two stations' photos are written, the third fails: by then hosts, stations, accounts and ledgers were inserted.
    await expect(seedDemo(ctx(failingAfter(2)), { ledgers: 'all' })).rejects.toThrow('ENOSPC');
    expect(await count('organizations')).toBe(reference);
    expect(await count('stations')).toBe(0);
    expect(await count('users')).toBe(0);
    expect(await count('events')).toBe(0);
    expect(await count('attachments')).toBe(0);
    expect(await hasOwnData(ctx(disk))).toBe(false);
    const auditAfter = await verifyAuditChain(db.handle.db, auditKey(ctx(disk).env));
    expect(auditAfter).toEqual(auditBefore);

    const accounts = await seedDemo(ctx(disk), { ledgers: 'few' });
    expect(accounts.map((a) => a.username)).toContain('center');
    expect(await count('stations')).toBe(23);
    expect(await count('users')).toBe(14);
    expect((await verifyAuditChain(db.handle.db, auditKey(ctx(disk).env))).ok).toBe(true);
    // Seeded is seeded: a second call writes nothing.
    expect(await seedDemo(ctx(disk))).toEqual([]);
  });
});
