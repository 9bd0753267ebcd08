import type { Kysely } from 'kysely';

// Several instances on one database (issue #11): what used to live in each process's memory moves here so that every
// instance sees the same value. `job_leases` lets one instance at a time run a scheduled job; `rate_limits` holds the
// fixed-window counters of sign-in and registration attempts per address. Rows are written on first use, never here:
// a restore into a freshly migrated database must find these tables empty.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    /** ISO instant; the lease is free once it has passed (a holder that died leaves it to expire) */
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('job_leases').execute();
}
