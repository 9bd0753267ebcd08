import type { Kysely } from 'kysely';

// 定额事前直接支付 (第十五条, issue #5): the Center records the advance payment of a station's fixed funding, with
// the date, the amount (integer fen) and the voucher (a station attachment).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fund_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('voucher_attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_payments_station_idx').on('fund_payments').column('station_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fund_payments').ifExists().execute();
}
