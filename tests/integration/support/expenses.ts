import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../setup/test-app';

// Valid expense requests for the matrix and audit coverage (issue #5): a voucher is a station attachment that no
// expense uses yet, made here directly so that each call has its own.

/** A fresh attachment of the station, usable once as a voucher. */
export async function freshVoucher(t: TestApp, stationId: string): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('attachments')
    .values({
      id,
      station_id: stationId,
      sha256: '0'.repeat(64),
      size: 100,
      mime: 'image/png',
      file_name: '发票.png',
      created_at: '2025-06-15T00:00:00Z',
      created_by: null,
    })
    .execute();
  return id;
}

/** A bookable expense: printing paid from matching funds (no budget involved), with one invoice. */
export function validExpenseBody(attachmentId: string) {
  return {
    date: '2025-06-01',
    category: 'activity',
    item: 'printing',
    amountFen: 12_345,
    amountIs: 'gross',
    source: 'matching',
    payee: { kind: 'organization', name: '北京某印务有限公司' },
    purpose: '宣传册印制',
    vouchers: [{ attachmentId, kind: 'invoice' }],
  };
}

/** The station's first expense (the demo ledgers have some), or null. */
export async function expenseOf(t: TestApp, stationId: string) {
  return (
    (await t.deps.db
      .selectFrom('expenses')
      .select(['id', 'version'])
      .where('station_id', '=', stationId)
      .orderBy('id')
      .executeTakeFirst()) ?? null
  );
}

/** A new expense row of the station (for a delete that removes it each time). */
export async function freshExpense(t: TestApp, stationId: string): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('expenses')
    .values({
      id,
      station_id: stationId,
      ref: `T${id.slice(-8)}`,
      date: '2025-06-01',
      category: 'activity',
      item: 'printing',
      amount_fen: 100,
      source: 'matching',
      payee_kind: 'organization',
      payee_name: '北京某印务有限公司',
      payee_expert_id: null,
      payee_host_staff: 0,
      payee_fiscally_supported: 0,
      days: null,
      net_fen: null,
      tax_fen: null,
      purpose: '宣传册印制',
      warnings_json: '[]',
      created_at: '2025-06-15T00:00:00Z',
      updated_at: '2025-06-15T00:00:00Z',
      created_by: null,
      version: 1,
    })
    .execute();
  return id;
}
