import type { Kysely } from 'kysely';

// 申报通知 (issue #4): one annual call per program year (第三条: 年度项目制). Lists are JSON text (portable subset).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_year', 'integer', (c) => c.notNull().unique().references('program_years.year'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('station_types_json', 'text', (c) => c.notNull())
    .addColumn('required_documents_json', 'text', (c) => c.notNull())
    .addColumn('min_reviewers', 'integer', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calls').ifExists().execute();
}
