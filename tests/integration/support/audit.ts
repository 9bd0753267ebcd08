// What someone with the database owner's rights can do that the application cannot (decision 017): drop the
// append-only triggers, then rewrite, delete and re-chain audit rows directly.
import { sql } from 'kysely';
import { chainHash, GENESIS_HASH } from '../../../src/server/audit/audit';
import type { AuditEventTable } from '../../../src/server/db/schema';
import type { TestApp } from '../../setup/test-app';

const TRIGGERS: Array<[string, string]> = [
  ['audit_events_no_update', 'audit_events'],
  ['audit_events_no_delete', 'audit_events'],
  ['audit_events_append_only', 'audit_events'],
  ['audit_events_no_truncate', 'audit_events'],
  ['audit_head_no_delete', 'audit_head'],
  ['audit_head_no_truncate', 'audit_head'],
  ['audit_head_forward_only', 'audit_head'],
];

export async function dropAuditTriggers(t: Pick<TestApp, 'deps'>): Promise<void> {
  for (const [trigger, table] of TRIGGERS) {
    if (t.deps.engine === 'postgres') {
      await sql`drop trigger if exists ${sql.id(trigger)} on ${sql.table(table)}`.execute(t.deps.db);
    } else await sql`drop trigger if exists ${sql.id(trigger)}`.execute(t.deps.db);
  }
}

type Row = Omit<AuditEventTable, 'hash'>;

/**
 * Rewrites the rows from `fromSeq` on (to the end, or through `through`) with `hasher`, re-linking each to the one
 * before, and — when it went to the end — points the head at the result, as a forger who recomputes the chain would.
 * Triggers must be dropped first.
 */
export async function rechain(
  t: Pick<TestApp, 'deps'>,
  fromSeq: number,
  opts: { hasher?: (prev: string, row: Row) => string; edit?: (row: Row) => Row; through?: number } = {},
): Promise<void> {
  const { hasher = chainHash, edit = (r: Row) => r, through } = opts;
  const db = t.deps.db;
  const before = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', fromSeq - 1)
    .executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  let q = db.selectFrom('audit_events').selectAll().where('seq', '>=', fromSeq);
  if (through !== undefined) q = q.where('seq', '<=', through);
  const rows = await q.orderBy('seq').execute();
  for (const r of rows) {
    const { hash: _old, ...rest } = r;
    const row = edit({ ...rest, seq: Number(rest.seq), prev_hash: prev });
    const hash = hasher(prev, row);
    await db
      .updateTable('audit_events')
      .set({ ...row, hash })
      .where('seq', '=', row.seq)
      .execute();
    prev = hash;
  }
  if (through !== undefined) return;
  const last = rows.length ? Number(rows[rows.length - 1].seq) : fromSeq - 1;
  await db.updateTable('audit_head').set({ seq: last, hash: prev }).where('id', '=', 1).execute();
}
