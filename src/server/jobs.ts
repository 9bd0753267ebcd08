import { writeTx } from './audit/audit';
import { purgeRateLimits } from './auth/rate-limit';
import { cleanStorage, scanStorage } from './blobs/storage-scan';
import type { AppDeps } from './context';
import { withJobLease } from './db/job-lease';
import { runReminderSweep } from './features/inbox/inbox.service';
import { refreshMatchIndex } from './features/matching/matching.index';
import { applyDueAgreementVersions } from './features/projects/change-requests.service';

// In-process scheduled work (issue #4): approved agreement changes take effect on their date (第十一条), and
// reminders are written a configured number of days before each due date. Every instance runs the timers; a lease
// row lets one at a time do the work (decision 016), and every step is idempotent besides (a version is claimed under
// its row lock, reminders are keyed rows), so an expired lease, a restart or a second process does no harm.

const MINUTE = 60_000;

export async function runScheduledJobs(deps: AppDeps): Promise<{ applied: number; reminders: number }> {
  const run = await withJobLease(deps, {
    name: 'hourly',
    ttlMs: 10 * MINUTE,
    work: async () => {
      const ctx = { ...deps, actor: null, ip: null };
      const applied = await applyDueAgreementVersions(ctx);
      const reminders = await runReminderSweep(deps);
      await purgeRateLimits(deps);
      return { applied, reminders };
    },
  });
  return run.ran ? run.result : { applied: 0, reminders: 0 };
}

/**
 * Daily: removes what crashes and abandoned uploads left in STORAGE_DIR (temp files, unreferenced blobs) once they are
 * older than the grace period (issue #10). One instance a day does it: two at once would each take the other's
 * half-deleted files (`.deleting`) for leftovers, and each audit the same removals.
 */
export async function runStorageCleanup(deps: AppDeps): Promise<{ removed: number; bytes: number }> {
  const run = await withJobLease(deps, {
    name: 'storage-cleanup',
    ttlMs: 60 * MINUTE,
    minIntervalMs: 20 * 60 * MINUTE,
    work: () => cleanOnce(deps),
  });
  return run.ran ? run.result : { removed: 0, bytes: 0 };
}

async function cleanOnce(deps: AppDeps): Promise<{ removed: number; bytes: number }> {
  const report = await scanStorage(deps.db, deps.env.STORAGE_DIR);
  const r = await cleanStorage(deps.db, report, { now: deps.clock.now() });
  const removed = r.removedBlobs + r.removedTemp;
  if (removed) {
    await writeTx({ ...deps, actor: null, ip: null }, async (_tx, audit) => {
      await audit.record({
        entity: 'system',
        action: 'clean_storage',
        summary: `清理文件存储：删除 ${r.removedBlobs} 个未被引用的文件、${r.removedTemp} 个临时文件（超过宽限期）`,
        after: { ...r },
      });
    });
  }
  return { removed, bytes: r.bytes };
}

/**
 * Keeps the 对接 term index of every year up to date (decision 026) away from requests: a suggestion indexes the
 * stations changed since, but the first look after a start or a large import would otherwise wait for all of them
 * (at 100× Beijing a cold index takes minutes). One instance at a time.
 */
export async function runMatchIndexRefresh(deps: AppDeps): Promise<number> {
  const run = await withJobLease(deps, {
    name: 'match-index',
    ttlMs: 60 * MINUTE,
    work: async () => {
      const years = await deps.db.selectFrom('stations').select('program_year').distinct().execute();
      let stations = 0;
      for (const y of years) stations += await refreshMatchIndex(deps, y.program_year);
      return stations;
    },
  });
  return run.ran ? run.result : 0;
}

/**
 * Runs the jobs now and then every `everyMs`; the timer does not keep the process alive. `stop` waits for a run in
 * progress, so that shutting down never closes the database under a job's transaction.
 */
export function startScheduledJobs(
  deps: AppDeps,
  log: (msg: string, err?: unknown) => void,
  everyMs = 3_600_000,
): () => Promise<void> {
  let stopped = false;
  /** One run at a time: a tick that finds the last run still going skips; `done` is the run in progress, if any. */
  const singleFlight = <T>(work: () => Promise<T>, report: (r: T) => void, failure: string) => {
    let current: Promise<void> | null = null;
    return {
      start: () => {
        if (stopped || current) return;
        current = work()
          .then(report, (err) => log(failure, err))
          .finally(() => {
            current = null;
          });
      },
      done: () => current,
    };
  };
  const jobs = singleFlight(
    () => runScheduledJobs(deps),
    (r) => {
      if (r.applied) log(`定时任务：${r.applied} 个协议新版本已生效`);
      if (r.reminders) log(`定时任务：新增 ${r.reminders} 条截止前提醒`);
    },
    '定时任务失败',
  );
  const cleanup = singleFlight(
    () => runStorageCleanup(deps),
    (r) => {
      if (r.removed) log(`定时任务：清理文件存储，删除 ${r.removed} 个遗留文件`);
    },
    '清理文件存储失败',
  );
  const indexing = singleFlight(
    () => runMatchIndexRefresh(deps),
    (n) => {
      if (n) log(`定时任务：对接推荐索引已更新 ${n} 个站点`);
    },
    '更新对接推荐索引失败',
  );
  jobs.start();
  const timer = setInterval(jobs.start, everyMs);
  // Shortly after start (not in the way of the start itself), then every quarter of an hour.
  const firstIndex = setTimeout(indexing.start, 5_000);
  firstIndex.unref();
  const indexTimer = setInterval(indexing.start, 15 * 60_000);
  indexTimer.unref();
  timer.unref();
  // Not at start (a restart loop must not walk the whole storage each time): first after ten minutes, then daily.
  const firstClean = setTimeout(cleanup.start, 10 * 60_000);
  firstClean.unref();
  const cleanTimer = setInterval(cleanup.start, 24 * 3_600_000);
  cleanTimer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(firstClean);
    clearInterval(cleanTimer);
    clearTimeout(firstIndex);
    clearInterval(indexTimer);
    await jobs.done();
    await cleanup.done();
    await indexing.done();
  };
}
