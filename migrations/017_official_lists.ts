import type { Kysely } from 'kysely';

// 官方名单 (issue 15 §4, 第七条): the official lists the Center imports (专精特新 municipal / national, enterprises with a
// 企业科协), each with its rows, and the list a change of the enterprise registry came from, so that a flag can be
// traced to its source. A row whose code no station lists yet is kept (enterprise_id null): 未在台账中.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('official_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await db.schema.createIndex('official_lists_kind_idx').on('official_lists').columns(['kind', 'created_at']).execute();
  await db.schema.createIndex('official_lists_created_idx').on('official_lists').column('created_at').execute();

  await db.schema
    .createTable('official_list_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_id', 'text', (c) => c.notNull().references('official_lists.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // The registry's flags before the import (null when not registered): the list's page shows before → after.
    .addColumn('srdi', 'text')
    .addColumn('has_association', 'integer')
    .execute();
  await db.schema
    .createIndex('official_list_entries_list_idx')
    .on('official_list_entries')
    .columns(['list_id', 'row_no'])
    .execute();
  await db.schema.createIndex('official_list_entries_uscc_idx').on('official_list_entries').column('uscc').execute();

  // No foreign key on the added column: SQLite cannot drop a column that is one, and the down migration drops it.
  await db.schema.alterTable('enterprise_history').addColumn('source_list_id', 'text').execute();
  await db.schema
    .createIndex('enterprise_history_source_idx')
    .on('enterprise_history')
    .column('source_list_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprise_history_source_idx').execute();
  await db.schema.alterTable('enterprise_history').dropColumn('source_list_id').execute();
  await db.schema.dropTable('official_list_entries').execute();
  await db.schema.dropTable('official_lists').execute();
}
