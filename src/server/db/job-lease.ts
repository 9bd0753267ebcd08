import { uuidv7 } from 'uuidv7';
import type { Clock } from '../context';
import type { Database } from './database';

// One instance at a time runs a scheduled job (decision 016). A lease row rather than a PostgreSQL advisory lock:
// the same code and the same test on both engines (two processes may share a SQLite file, e.g. while a restart
// overlaps), it needs no connection held for the job's whole run (an advisory lock lives and dies with one pooled
// connection, and the storage clean-up walks the disk for minutes), and a holder that dies leaves a lease that
// simply expires. The lease is an economy, not the guarantee: every step of a job is idempotent on its own.

const EPOCH = '1970-01-01T00:00:00.000Z';

export interface JobLeaseOptions<T> {
  /** the job's name, its lease row */
  name: string;
  ttlMs: number;
  minIntervalMs?: number;
  work: () => Promise<T>;
}

/**
 * Runs `work` if this caller gets the job's lease, else skips it (`ran: false`). The lease is taken by one
 * compare-and-set UPDATE — a write first, so two SQLite processes queue on the write lock instead of failing on a
 * stale read — and lasts `ttlMs` (longer than a run takes: the next holder may start once it has passed).
 * `minIntervalMs` also skips the run when any instance finished it that recently (a daily job on N instances runs
 * once a day, not N times).
 */
export async function withJobLease<T>(
  deps: { db: Database; clock: Clock },
  { name, ttlMs, minIntervalMs, work }: JobLeaseOptions<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const { db, clock } = deps;
  await db
    .insertInto('job_leases')
    .values({ name, holder: null, expires_at: EPOCH, finished_at: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const now = clock.now();
  const holder = uuidv7();
  let take = db
    .updateTable('job_leases')
    .set({ holder, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('name', '=', name)
    .where('expires_at', '<=', now.toISOString());
  if (minIntervalMs) {
    const since = new Date(now.getTime() - minIntervalMs).toISOString();
    take = take.where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '<=', since)]));
  }
  const res = await take.executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { ran: false };
  let ok = false;
  try {
    const result = await work();
    ok = true;
    return { ran: true, result };
  } finally {
    const end = clock.now().toISOString();
    // Only our own lease is released: after an overrun another instance may hold it now. A failed run does not
    // count as finished, so the next instance retries without waiting out the interval.
    await db
      .updateTable('job_leases')
      .set(ok ? { holder: null, expires_at: EPOCH, finished_at: end } : { holder: null, expires_at: EPOCH })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }
}
