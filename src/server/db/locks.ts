import { conflict } from '../../shared/errors';
import type { Ctx } from '../context';
import type { Tx } from './database';
import type { DB } from './schema';

// A check-then-write inside a transaction (a budget not exceeded, a version not taken) holds only while nobody else
// writes between the check and the write. SQLite serialises writers already; on PostgreSQL the row the check
// depends on is locked (SELECT … FOR UPDATE) until the transaction ends.

type Lockable = 'stations' | 'inspections' | 'inspection_findings' | 'recovery_orders' | 'fund_payments';

export interface LockedRowOptions<T extends Lockable> {
  table: T;
  id: string;
}

/** Locks the row (PostgreSQL) and returns it; undefined when there is no such row. */
export async function lockedRow<T extends Lockable>(
  ctx: Pick<Ctx, 'engine'>,
  tx: Tx,
  { table, id }: LockedRowOptions<T>,
) {
  let q = tx
    .selectFrom(table as 'stations')
    .selectAll()
    .where('id', '=', id);
  if (ctx.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst() as Promise<DB[T] | undefined>;
}

/** Locks a station's row for a check over its records (budget, funding); throws when the station is gone. */
export async function lockStation(ctx: Pick<Ctx, 'engine'>, tx: Tx, stationId: string): Promise<void> {
  if (!(await lockedRow(ctx, tx, { table: 'stations', id: stationId })))
    throw new Error(`station ${stationId} not found`);
}

/** The tables written by compare-and-set on `version` that also stamp `updated_at`. */
type Stamped =
  | 'applications'
  | 'projects'
  | 'organizations'
  | 'stations'
  | 'users'
  | 'inspections'
  | 'inspection_findings'
  | 'recovery_orders';
/** The tables written by compare-and-set on `version`; password_resets has no `updated_at`. */
type Versioned = Stamped | 'password_resets';

export type VersionedUpdateOptions<T extends Versioned> = {
  table: T;
  /** the row as read: its id and the version the caller saw */
  before: { id: string; version: number };
  set: Partial<DB[T]>;
  /** 409 text when someone wrote the row in between */
  message: string;
} & (T extends Stamped
  ? {
      /** the row's new `updated_at` */
      now: string;
    }
  : { now?: never });

/**
 * Compare-and-set on the version read before: the row takes `set` and the next version (and `now` as its
 * `updated_at` where the table has one) only if nobody wrote it in between; otherwise 409 with `message`. Needs no
 * lock on either engine.
 */
export async function versionedUpdate<T extends Versioned>(
  tx: Tx,
  { table, before, set, now, message }: VersionedUpdateOptions<T>,
): Promise<void> {
  const stamp = now === undefined ? {} : { updated_at: now };
  const res = await tx
    .updateTable(table as 'projects')
    .set({ ...(set as object), ...stamp, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict(message);
}
