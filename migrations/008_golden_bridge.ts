import type { Kysely } from 'kysely';

// 金桥工程-助推计划 (第九条, issue #5): hosts mark a district station's landed outcome as a candidate in the ledger;
// the Center's review of each candidate is kept here. No foreign key to the outcome: a ledger replaced by an import
// gets new outcome ids, and its old reviews then simply drop out of the list (inner join).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('golden_bridge_reviews')
    .addColumn('outcome_id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('recommended', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('golden_bridge_reviews').ifExists().execute();
}
