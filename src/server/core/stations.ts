import { notFound } from '../../shared/errors';
import type { Ctx } from '../context';
import type { StationTable } from '../db/schema';
import { shanghaiDate, stationScope } from '../scope';

/**
 * The station a ledger call is about, within the actor's data scope (Convention 7). Out of scope and missing are the
 * same 404, so a URL does not reveal whether a station exists.
 */
export async function requireStation(ctx: Ctx, stationId: string): Promise<StationTable> {
  const row = await ctx.db
    .selectFrom('stations')
    .selectAll()
    .where('stations.id', '=', stationId)
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())))
    .executeTakeFirst();
  if (!row) throw notFound('工作站点');
  return row;
}
