import { sql } from 'kysely';
import type { Tx } from '../../db/database';

// Every write to a station's ledger raises its `ledger_version` in the same transaction (migration 003), so computed
// KPIs can be reused while it is unchanged. A change of the shared enterprise registry touches every station that
// lists the enterprise: its KPIs depend on the registry's flags.

export async function touchStations(tx: Tx, stationIds: readonly string[]): Promise<void> {
  if (!stationIds.length) return;
  await tx
    .updateTable('stations')
    .set({ ledger_version: sql`ledger_version + 1` })
    .where('id', 'in', [...new Set(stationIds)])
    .execute();
}

export async function touchStationsListing(tx: Tx, enterpriseIds: readonly string[]): Promise<void> {
  if (!enterpriseIds.length) return;
  await tx
    .updateTable('stations')
    .set({ ledger_version: sql`ledger_version + 1` })
    .where(
      'id',
      'in',
      tx
        .selectFrom('station_enterprises')
        .select('station_id')
        .where('enterprise_id', 'in', [...new Set(enterpriseIds)]),
    )
    .execute();
}
