import type { Kysely } from 'kysely';

// The expense ledger (issue #5, 第十四条–第十七条). An expense is booked only through the compliance engine
// (src/domain/expenses/): a `block` finding refuses it, `warn` findings are stored with it (warnings_json) to be
// listed on the station. Money in integer fen: the amount charged (for a fee to an individual, the gross), and for
// such fees the net paid and the tax withheld as well (docs/fee-standards.md). Person-days are kept as the decimal
// text the user gave (0.5, 1), never a float column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('expenses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payee_kind', 'text', (c) => c.notNull())
    .addColumn('payee_name', 'text', (c) => c.notNull())
    .addColumn('payee_expert_id', 'text', (c) => c.references('experts.id'))
    .addColumn('payee_host_staff', 'integer', (c) => c.notNull())
    .addColumn('payee_fiscally_supported', 'integer', (c) => c.notNull())
    .addColumn('days', 'text')
    .addColumn('net_fen', 'bigint')
    .addColumn('tax_fen', 'bigint')
    .addColumn('purpose', 'text')
    .addColumn('warnings_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expenses_ref_uq').on('expenses').columns(['station_id', 'ref']).unique().execute();
  await db.schema
    .createIndex('expenses_station_idx')
    .on('expenses')
    .columns(['station_id', 'source', 'category'])
    .execute();

  // Vouchers (发票、收据、转账记录): station attachments linked to one expense each.
  await db.schema
    .createTable('expense_vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expense_id', 'text', (c) => c.notNull().references('expenses.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expense_vouchers_expense_idx').on('expense_vouchers').column('expense_id').execute();
  await db.schema
    .createIndex('expense_vouchers_attachment_uq')
    .on('expense_vouchers')
    .column('attachment_id')
    .unique()
    .execute();

  // The budget of a station that has no agreement (a station created by a ledger import, docs/ledger-format.md `funds`); a
  // station with a project takes its budget from the agreement version in force instead.
  await db.schema
    .createTable('station_budgets')
    .addColumn('station_id', 'text', (c) => c.primaryKey().references('stations.id'))
    .addColumn('granted_fen', 'bigint', (c) => c.notNull())
    .addColumn('budget_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('station_budgets').ifExists().execute();
  await db.schema.dropTable('expense_vouchers').ifExists().execute();
  await db.schema.dropTable('expenses').ifExists().execute();
}
