import type { Clock } from '../context';
import type { Database } from '../db/database';

// Fixed-window attempt counters (sign-in, registration) in the database, so that every instance behind a load
// balancer counts into the same window (decision 016): a limit per process let two instances take twice the attempts.

export interface RateLimitHit {
  allowed: boolean;
  /** the first refused attempt of the window: audited once, not once per attempt */
  first: boolean;
  /** seconds until the window ends */
  retryAfterS: number;
}

/**
 * Counts one attempt under `key` and says whether it is within `limit` per `windowMs`. One UPDATE … RETURNING both
 * counts and reads, so concurrent attempts (on any instance) each get their own number; a window that has passed
 * starts again at 1 in the same statement.
 */
export async function hitRateLimit(
  deps: { db: Database; clock: Clock },
  key: string,
  opts: { limit: number; windowMs: number },
): Promise<RateLimitHit> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const expired = new Date(now.getTime() - opts.windowMs).toISOString();
  await deps.db
    .insertInto('rate_limits')
    .values({ key, window_start: nowIso, hits: 0 })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Both CASEs read the row as it was before the UPDATE (SQL evaluates every SET expression on the old row).
  const row = await deps.db
    .updateTable('rate_limits')
    .set((eb) => ({
      hits: eb
        .case()
        .when('window_start', '<=', expired)
        .then(1)
        .else(eb('hits', '+', 1))
        .end(),
      window_start: eb.case().when('window_start', '<=', expired).then(nowIso).else(eb.ref('window_start')).end(),
    }))
    .where('key', '=', key)
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  const hits = Number(row.hits);
  const ends = new Date(row.window_start).getTime() + opts.windowMs;
  return {
    allowed: hits <= opts.limit,
    first: hits === opts.limit + 1,
    retryAfterS: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)),
  };
}

/** Windows that ended a day ago or more are of no use; the hourly job drops them so the table stays small. */
export async function purgeRateLimits(deps: { db: Database; clock: Clock }): Promise<void> {
  const dayAgo = new Date(deps.clock.now().getTime() - 24 * 3_600_000).toISOString();
  await deps.db.deleteFrom('rate_limits').where('window_start', '<', dayAgo).execute();
}
