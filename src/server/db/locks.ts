import type { Ctx } from '../context';
import type { Tx } from './database';

// A check-then-write inside a transaction (a budget not exceeded, a version not taken) holds only while nobody else
// writes between the check and the write. SQLite serialises writers already; on PostgreSQL the row the check
// depends on is locked (SELECT … FOR UPDATE) until the transaction ends.

type Lockable = 'stations' | 'inspections' | 'inspection_findings' | 'recovery_orders';

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
