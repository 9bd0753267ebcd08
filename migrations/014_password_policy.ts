import type { Kysely } from 'kysely';

// 口令策略 (issue #11, decision 019): the hashes of the passwords an account's holder set, newest kept, so that a new
// password cannot be an old one again. The policy's numbers live in `settings` (key `security_policy`), written by the
// security administrator; no row there means the environment's values.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_user_idx')
    .on('password_history')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_history').ifExists().execute();
}
