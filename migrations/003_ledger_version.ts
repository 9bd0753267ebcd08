import { type Kysely, sql } from 'kysely';

// A counter per station that every write to its ledger raises (in the same transaction): a station's computed KPIs
// can be kept while it is unchanged, and any process sees a change through the database.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table stations add column ledger_version integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table stations drop column ledger_version`.execute(db);
}
