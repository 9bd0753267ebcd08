import { conflict } from '../../shared/errors';
import type { Ctx } from '../context';
import type { Tx } from './database';

// A check-then-write inside a transaction (a budget not exceeded, a version not taken) holds only while nobody else
// writes between the check and the write. SQLite serialises writers already; on PostgreSQL the row the check
// depends on is locked (SELECT … FOR UPDATE) until the transaction ends.

type Lockable = 'stations' | 'inspections' | 'inspection_findings' | 'recovery_orders' | 'fund_payments';

/** Locks the row (PostgreSQL) and returns it; undefined when there is no such row. */
export async function lockedRow<T extends Lockable>(ctx: Pick<Ctx, 'engine'>, tx: Tx, table: T, id: string) {
  let q = tx
    .selectFrom(table as 'stations')
    .selectAll()
    .where('id', '=', id);
  if (ctx.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst() as Promise<import('./schema').DB[T] | undefined>;
}

/** Locks a station's row for a check over its records (budget, funding); throws when the station is gone. */
export async function lockStation(ctx: Pick<Ctx, 'engine'>, tx: Tx, stationId: string): Promise<void> {
  if (!(await lockedRow(ctx, tx, 'stations', stationId))) throw new Error(`station ${stationId} not found`);
}

type Versioned = 'applications' | 'projects';

/**
 * Compare-and-set on the version read before: the row takes `set` and the next version only if nobody wrote it in
 * between; otherwise 409 with `message`. Needs no lock on either engine.
 */
export async function versionedUpdate<T extends Versioned>(
  tx: Tx,
  table: T,
  before: { id: string; version: number },
  set: Partial<import('./schema').DB[T]>,
  now: string,
  message: string,
): Promise<void> {
  const res = await tx
    .updateTable(table as 'projects')
    .set({ ...(set as object), updated_at: now, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict(message);
}
