// Several instances on one database, bursts, and a full disk (issue #11, decision 016): a scheduled job acts once
// whichever instance runs it, sign-in limits hold across instances, ledger numbers do not collide under load, and a
// full database or storage volume is a 507 the user can read, with the real cause in the log — on both engines.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgreementTerms } from '../../src/domain/lifecycle/agreement';
import { createApp } from '../../src/server/app';
import type { BlobStorage } from '../../src/server/blobs/storage';
import { openDatabase } from '../../src/server/db/database';
import { applyDueAgreementVersions } from '../../src/server/features/projects/change-requests.service';
import { runScheduledJobs, runStorageCleanup } from '../../src/server/jobs';
import { logger } from '../../src/server/logger';
import { createTestApp, type TestApp } from '../setup/test-app';
import { demoIds, validUscc } from './support/fixtures';
import { PNG } from './support/ledger-requests';

// The second instance is a process of its own: starting it (tsx) takes a few seconds on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const isPg = !!process.env.TEST_DATABASE_URL;
const ROOT = resolve('.');

let t: TestApp | null = null;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
  await t?.close();
  t = null;
});

/** Another instance of the app on the same database (tests/integration/support/job-instance.ts). */
async function secondInstance(app: TestApp) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      join(ROOT, 'node_modules/tsx/dist/loader.mjs'),
      join(ROOT, 'tests/integration/support/job-instance.ts'),
      app.databaseUrl,
      app.blobDir,
    ],
    { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test' } },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const waiting: Array<(v: Record<string, unknown>) => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const next = () =>
    new Promise<Record<string, unknown>>((ok, fail) => {
      waiting.push(ok);
      child.once('exit', () => fail(new Error(`second instance exited: ${stderr}`)));
    });
  await next(); // ready
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.stdin!.write(`${JSON.stringify({ cmd: 'exit' })}\n`);
      await new Promise((ok) => child.once('exit', ok));
    }
  });
  return {
    run(cmd: 'jobs' | 'apply', now: Date) {
      const answer = next();
      child.stdin!.write(`${JSON.stringify({ cmd, now: now.toISOString() })}\n`);
      return answer;
    },
  };
}

describe('scheduled jobs on two instances', () => {
  it('apply every due agreement version exactly once, through the job (lease) and the step alone (row claim)', async () => {
    t = await createTestApp();
    const app = t;
    const db = app.deps.db;
    const projects = await db.selectFrom('projects').select(['id', 'station_id']).orderBy('id').limit(5).execute();
    expect(projects.length).toBeGreaterThanOrEqual(3);
    const other = await secondInstance(app);
    const inForce = async () =>
      (
        await db
          .selectFrom('audit_events')
          .select(['entity_id', 'summary'])
          .where('action', '=', 'agreement_in_force')
          .execute()
      ).map((r) => `${r.entity_id} ${r.summary}`);
    const before = await inForce();
    const made: Array<{ id: string; stationId: string; no: number; leader: string }> = [];
    const rounds = 12;
    for (let round = 0; round < rounds; round++) {
      const today = app.clock.now().toISOString().slice(0, 10);
      for (const p of projects) {
        const last = await db
          .selectFrom('agreement_versions')
          .select(['version_no', 'terms_json'])
          .where('project_id', '=', p.id)
          .orderBy('version_no', 'desc')
          .executeTakeFirstOrThrow();
        const terms = JSON.parse(last.terms_json) as AgreementTerms;
        const leader = `负责人${round}`;
        const id = uuidv7();
        await db
          .insertInto('agreement_versions')
          .values({
            id,
            project_id: p.id,
            version_no: last.version_no + 1,
            terms_json: JSON.stringify({ ...terms, leaderName: leader }),
            change_request_id: null,
            effective_on: today,
            created_at: app.clock.now().toISOString(),
            created_by: null,
            applied_at: null,
          })
          .execute();
        made.push({ id, stationId: p.station_id, no: last.version_no + 1, leader });
      }
      // Even rounds run the whole job as the hourly timer does; odd rounds the step alone, as if the lease had
      // expired under a slow holder: the row claim alone must still apply each version once.
      const cmd = round % 2 === 0 ? 'jobs' : 'apply';
      const [, theirs] = await Promise.all([
        cmd === 'jobs' ? runScheduledJobs(app.deps) : applyDueAgreementVersions(app.ctx),
        other.run(cmd, app.clock.now()),
      ]);
      expect(theirs.error, `round ${round}`).toBeUndefined();
      app.clock.advance(61 * 60_000);
    }
    const added = (await inForce()).filter((r) => !before.includes(r));
    expect(added).toHaveLength(made.length);
    for (const v of made) {
      const rows = added.filter((r) => r.startsWith(`${v.stationId} 项目合作协议第 ${v.no} 版`));
      expect(rows, `version ${v.no} of station ${v.stationId}`).toHaveLength(1);
    }
    const pending = await db.selectFrom('agreement_versions').select('id').where('applied_at', 'is', null).execute();
    expect(pending.filter((p) => made.some((m) => m.id === p.id))).toEqual([]);
    const stations = await db
      .selectFrom('stations')
      .select(['id', 'leader_name'])
      .where(
        'id',
        'in',
        projects.map((p) => p.station_id),
      )
      .execute();
    for (const s of stations) expect(s.leader_name).toBe(`负责人${rounds - 1}`);
  });
});

describe('the daily storage clean-up on two instances', () => {
  it('runs once a day across instances, not once per instance', async () => {
    t = await createTestApp();
    const app = t;
    const handle = openDatabase(app.databaseUrl);
    cleanups.push(() => handle.close());
    // Both instances share the storage volume, as they must to serve each other's files.
    const a = { ...app.deps, env: { ...app.deps.env, STORAGE_DIR: app.blobDir } };
    const b = { ...a, db: handle.db };
    const leftover = (): string => {
      const bytes = randomBytes(64);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const path = join(app.blobDir, sha.slice(0, 2), sha.slice(2, 4), sha);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      // Older than the grace period by the app's clock: an upload that was never referenced.
      const old = new Date(app.clock.now().getTime() - 3 * 24 * 3_600_000);
      utimesSync(path, old, old);
      return path;
    };
    const first = leftover();
    expect((await runStorageCleanup(a)).removed).toBe(1);
    expect(existsSync(first)).toBe(false);
    // Later the same day the other instance's timer fires: the clean-up has been done today.
    const second = leftover();
    app.clock.advance(3 * 3_600_000);
    expect((await runStorageCleanup(b)).removed).toBe(0);
    expect(existsSync(second)).toBe(true);
    app.clock.advance(21 * 3_600_000);
    expect((await runStorageCleanup(b)).removed).toBe(1);
    expect(existsSync(second)).toBe(false);
    const audited = await app.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'clean_storage')
      .execute();
    expect(audited).toHaveLength(2);
  });
});

describe('sign-in limits across instances', () => {
  it('two instances on one database share the per-address rate limit: 40 attempts → 20 refused with 429', async () => {
    t = await createTestApp(); // LOGIN_RATE_PER_MINUTE: 20
    const app = t;
    const handle = openDatabase(app.databaseUrl);
    cleanups.push(() => handle.close());
    const b = createApp({ ...app.deps, db: handle.db }).app;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const target = i % 2 === 0 ? app.app : b;
      const res = await target.request('/api/v1/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `nobody${i}`, password: 'Wrong#Pass1' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(20).fill(429));
    // The burst shows in the audit log once per window and address, whichever instance refused first.
    const limited = await app.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'login_rate_limited')
      .execute();
    expect(limited).toHaveLength(1);
    app.clock.advance(61_000);
    const again = await b.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'Wrong#Pass1' }),
    });
    expect(again.status).toBe(401);
  });
});

describe('ledger numbers under load', () => {
  it('200 demands created at once in one station are all 201 and numbered on from the existing ones', async () => {
    t = await createTestApp();
    const app = t;
    const ids = await demoIds(app);
    const host = await app.login('host');
    const station = ids.stations.haidian;
    const existing = await app.deps.db.selectFrom('demands').select('ref').where('station_id', '=', station).execute();
    const n0 = existing.length;
    expect(existing.map((r) => r.ref).sort()).toEqual(Array.from({ length: n0 }, (_, i) => `D${i + 1}`).sort());
    const rs = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        app.call(host, 'POST', `/api/v1/stations/${station}/demands`, {
          uscc: validUscc(7000 + i, '91110108'),
          title: `并发需求${i}`,
          collectedOn: '2025-06-01',
          status: 'collected',
        }),
      ),
    );
    const failed = rs.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.json)}`);
    expect(failed).toEqual([]);
    const refs = rs.map((r) => r.json.ref as string);
    expect(new Set(refs).size).toBe(200);
    expect(refs.map((r) => Number(r.slice(1))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => n0 + 1 + i),
    );
  });
});

describe('a full disk', () => {
  const FULL = '服务器存储空间不足，本次提交未保存，请联系管理员';

  it('an upload whose file cannot be stored (ENOSPC) is 507 with a Chinese message, and nothing is recorded', async () => {
    t = await createTestApp();
    const app = t;
    const ids = await demoIds(app);
    const full: BlobStorage = {
      ...app.deps.blobs,
      put: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      },
    };
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const broken = createApp({ ...app.deps, blobs: full }).app;
    const host = await app.login('host');
    const rows = async () => ({
      attachments: (await app.deps.db.selectFrom('attachments').select('id').execute()).length,
      audit: (await app.deps.db.selectFrom('audit_events').select('id').execute()).length,
    });
    const before = await rows();
    const res = await broken.request(`/api/v1/stations/${ids.stations.haidian}/expense-vouchers?fileName=发票.png`, {
      method: 'POST',
      headers: { cookie: host, 'content-type': 'application/octet-stream', 'content-length': String(PNG.byteLength) },
      body: PNG as BodyInit,
    });
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({ error: { code: 'insufficient_storage', message: FULL } });
    expect(await rows()).toEqual(before);
    // The operator learns the real cause from the log.
    expect(errors).toHaveBeenCalled();
    const logged = errors.mock.calls.map((c) => (c[0] as { err?: { code?: string } }).err?.code);
    expect(logged).toContain('ENOSPC');
  });

  it.skipIf(isPg)(
    'SQLite at its size limit: a write is 507 and the log carries SQLITE_FULL, not the failed rollback',
    async () => {
      t = await createTestApp();
      const app = t;
      const ids = await demoIds(app);
      const host = await app.login('host');
      const db = app.deps.db;
      // One SQLite connection per handle: the pragma holds for every query the app sends through it.
      const pages = Number(
        (await sql<{ n: number }>`select page_count as n from pragma_page_count()`.execute(db)).rows[0].n,
      );
      await sql`pragma max_page_count = ${sql.raw(String(pages + 16))}`.execute(db);
      await sql`create table filler (b blob)`.execute(db);
      let filled = false;
      for (let i = 0; i < 1000 && !filled; i++) {
        try {
          await sql`insert into filler (b) values (randomblob(3000))`.execute(db);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('SQLITE_FULL');
          filled = true;
        }
      }
      expect(filled).toBe(true);
      const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
      const r = await app.call(host, 'POST', `/api/v1/stations/${ids.stations.haidian}/reports`, {
        kind: 'summary',
        title: '年度总结',
        text: '本年度站点工作总结。'.repeat(3000),
      });
      expect(r.status).toBe(507);
      expect(r.json).toEqual({ error: { code: 'insufficient_storage', message: FULL } });
      const logged = errors.mock.calls.map((c) => (c[0] as { err?: { code?: string; message?: string } }).err);
      expect(logged.map((e) => e?.code)).toContain('SQLITE_FULL');
      expect(logged.map((e) => e?.message ?? '').join(' ')).not.toContain('cannot rollback');
      // Space freed, the same handle writes again: the failed transaction left nothing half-open.
      await sql`drop table filler`.execute(db);
      await sql`pragma max_page_count = 1073741823`.execute(db);
      const ok = await app.call(host, 'POST', `/api/v1/stations/${ids.stations.haidian}/reports`, {
        kind: 'summary',
        title: '年度总结',
        text: '本年度站点工作总结。',
      });
      expect(ok.status).toBe(201);
    },
  );
});
