import type { Kysely } from 'kysely';

// Supervision (issue #5, 第十八条, 第十九条): the Center's inspections with the stations (and, when sampled, the
// expenses) they cover, their findings — a rectification request with a due date, or a violation typed by a ground
// of 第十八条 — and the recovery orders with their payments. Money in integer fen.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_year', 'integer', (c) => c.notNull().references('program_years.year'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sample_note', 'text')
    .addColumn('summary', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('inspection_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('expense_id', 'text', (c) => c.references('expenses.id'))
    .execute();
  await db.schema.createIndex('inspection_targets_idx').on('inspection_targets').column('inspection_id').execute();
  await db.schema.createIndex('inspection_targets_station_idx').on('inspection_targets').column('station_id').execute();
  await db.schema
    .createTable('inspection_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ground', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('expense_id', 'text', (c) => c.references('expenses.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_findings_idx').on('inspection_findings').column('inspection_id').execute();
  await db.schema
    .createIndex('inspection_findings_station_idx')
    .on('inspection_findings')
    .column('station_id')
    .execute();
  await db.schema
    .createTable('recovery_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('inspection_findings.id'))
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closing_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_orders_station_idx').on('recovery_orders').column('station_id').execute();
  await db.schema
    .createTable('recovery_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('recovery_orders.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('recovery_payments_order_idx').on('recovery_payments').column('order_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['recovery_payments', 'recovery_orders', 'inspection_findings', 'inspection_targets', 'inspections'])
    await db.schema.dropTable(t).ifExists().execute();
}
