import { type Kysely, sql } from 'kysely';

// 考察 is a site visit (第十条), not a 监督检查 inspection (第二十三条): the glossary's name for the table, its date
// column and the owner kind of its photos (issue #12). Audit rows written before this keep `entity = 'inspection'`:
// they are append-only and hashed (migration 012), so the audit list reads such a row as a site visit when its id is
// one (audit-events.service.ts) instead of rewriting it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('site_inspections_app_idx').execute();
  await db.schema.alterTable('site_inspections').renameTo('site_visits').execute();
  await db.schema.alterTable('site_visits').renameColumn('inspected_on', 'visited_on').execute();
  await db.schema.createIndex('site_visits_app_idx').on('site_visits').column('application_id').execute();
  await sql`update lifecycle_files set owner_kind = 'site_visit' where owner_kind = 'inspection'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update lifecycle_files set owner_kind = 'inspection' where owner_kind = 'site_visit'`.execute(db);
  await db.schema.dropIndex('site_visits_app_idx').execute();
  await db.schema.alterTable('site_visits').renameColumn('visited_on', 'inspected_on').execute();
  await db.schema.alterTable('site_visits').renameTo('site_inspections').execute();
  await db.schema.createIndex('site_inspections_app_idx').on('site_inspections').column('application_id').execute();
}
