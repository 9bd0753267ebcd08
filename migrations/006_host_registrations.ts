import { type Kysely, sql } from 'kysely';

// 依托单位注册 (issue #4), and the effective date of agreement versions: during an open call a new host organisation registers itself (validated by USCC); the
// organisation and its first account stay inactive until the Center approves.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('host_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().unique().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('host_registrations_status_idx').on('host_registrations').column('status').execute();

  // An approved change takes effect on its date (第十一条): until then the station keeps the terms in force. The
  // version rows written so far took effect when written.
  await db.schema.alterTable('agreement_versions').addColumn('applied_at', 'text').execute();
  await sql`update agreement_versions set applied_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreement_versions').dropColumn('applied_at').execute();
  await db.schema.dropTable('host_registrations').ifExists().execute();
}
