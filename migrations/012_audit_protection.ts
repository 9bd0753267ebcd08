import { type Kysely, PostgresAdapter, sql } from 'kysely';

// 等保 2.0 审计记录保护 (issue #11, decision 017). Three things the application alone could not promise:
// - the chain is keyed (HMAC with AUDIT_KEY) from `audit_head.keyed_from` on: 1 on a new database; on an existing one
//   the row after the current head, so rows written with plain SHA-256 before this migration keep verifying;
// - audit rows and replaced-ledger snapshots are append-only in the database itself, whatever the app does;
// - the head only moves forward, and only onto a row that exists with that hash.
// Triggers are necessarily engine-specific; everything else stays in the portable subset.

const APPEND_ONLY = '操作日志只能追加，不能修改或删除（等保 审计记录保护）';
const SNAPSHOT_ONLY = '台账替换留档只能新增，不能修改或删除（等保 审计记录保护）';
const HEAD_FORWARD = '操作日志链尾只能前移到已写入的记录（等保 审计记录保护）';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('keyed_from', 'bigint').execute();
  await sql`update audit_head set keyed_from = seq + 1`.execute(db);

  // A copy of a station's ledger as it was before an import replaced it (第十三条: 台账是考核和审计的依据). No
  // foreign key to stations: the copy outlives the station row it describes, as the audit row naming it does.
  await db.schema
    .createTable('ledger_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('ledger_snapshots_station_idx').on('ledger_snapshots').column('station_id').execute();

  if (isPostgres(db)) {
    await sql`create function qianqi_refuse_audit_change() returns trigger language plpgsql as $$
      begin raise exception using errcode = 'insufficient_privilege', message = ${sql.lit(APPEND_ONLY)}; end $$`.execute(
      db,
    );
    await sql`create function qianqi_refuse_snapshot_change() returns trigger language plpgsql as $$
      begin raise exception using errcode = 'insufficient_privilege', message = ${sql.lit(SNAPSHOT_ONLY)}; end $$`.execute(
      db,
    );
    // keyed_from may be set only on an empty chain: a restore carries the backup's value onto a new database.
    await sql`create function qianqi_audit_head_forward() returns trigger language plpgsql as $$
      begin
        if new.id <> old.id or new.seq <= old.seq
          or (new.keyed_from is distinct from old.keyed_from and old.seq <> 0)
          or not exists (select 1 from audit_events e where e.seq = new.seq and e.hash = new.hash) then
          raise exception using errcode = 'insufficient_privilege', message = ${sql.lit(HEAD_FORWARD)};
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function qianqi_refuse_audit_change()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function qianqi_refuse_audit_change()`.execute(db);
    await sql`create trigger audit_head_no_delete before delete on audit_head
      for each row execute function qianqi_refuse_audit_change()`.execute(db);
    await sql`create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function qianqi_refuse_audit_change()`.execute(db);
    await sql`create trigger audit_head_forward_only before update on audit_head
      for each row execute function qianqi_audit_head_forward()`.execute(db);
    await sql`create trigger ledger_snapshots_append_only before update or delete on ledger_snapshots
      for each row execute function qianqi_refuse_snapshot_change()`.execute(db);
    await sql`create trigger ledger_snapshots_no_truncate before truncate on ledger_snapshots
      for each statement execute function qianqi_refuse_snapshot_change()`.execute(db);
    return;
  }
  // SQLite has no TRUNCATE; a DELETE without WHERE fires the trigger (triggers turn off the truncate optimisation).
  const refuse = (message: string) => sql.raw(`select raise(abort, '${message}');`);
  await sql`create trigger audit_events_no_update before update on audit_events begin ${refuse(APPEND_ONLY)} end`.execute(
    db,
  );
  await sql`create trigger audit_events_no_delete before delete on audit_events begin ${refuse(APPEND_ONLY)} end`.execute(
    db,
  );
  await sql`create trigger audit_head_no_delete before delete on audit_head begin ${refuse(APPEND_ONLY)} end`.execute(
    db,
  );
  await sql`create trigger audit_head_forward_only before update on audit_head
    when new.id <> old.id or new.seq <= old.seq
      or (new.keyed_from is not old.keyed_from and old.seq <> 0)
      or not exists (select 1 from audit_events e where e.seq = new.seq and e.hash = new.hash)
    begin ${refuse(HEAD_FORWARD)} end`.execute(db);
  await sql`create trigger ledger_snapshots_no_update before update on ledger_snapshots begin ${refuse(SNAPSHOT_ONLY)} end`.execute(
    db,
  );
  await sql`create trigger ledger_snapshots_no_delete before delete on ledger_snapshots begin ${refuse(SNAPSHOT_ONLY)} end`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const [trigger, table] of [
      ['audit_events_append_only', 'audit_events'],
      ['audit_events_no_truncate', 'audit_events'],
      ['audit_head_no_delete', 'audit_head'],
      ['audit_head_no_truncate', 'audit_head'],
      ['audit_head_forward_only', 'audit_head'],
      ['ledger_snapshots_append_only', 'ledger_snapshots'],
      ['ledger_snapshots_no_truncate', 'ledger_snapshots'],
    ]) {
      await sql`drop trigger if exists ${sql.id(trigger)} on ${sql.table(table)}`.execute(db);
    }
    for (const f of ['qianqi_refuse_audit_change', 'qianqi_refuse_snapshot_change', 'qianqi_audit_head_forward']) {
      await sql`drop function if exists ${sql.id(f)}()`.execute(db);
    }
  } else {
    for (const trigger of [
      'audit_events_no_update',
      'audit_events_no_delete',
      'audit_head_no_delete',
      'audit_head_forward_only',
      'ledger_snapshots_no_update',
      'ledger_snapshots_no_delete',
    ]) {
      await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
    }
  }
  await db.schema.dropTable('ledger_snapshots').ifExists().execute();
  await db.schema.alterTable('audit_head').dropColumn('keyed_from').execute();
}
