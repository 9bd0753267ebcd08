import type { Kysely } from 'kysely';

// The project lifecycle (issue #4): applications, their review, the projects they become, agreement versions, change
// requests, and the notice board. Lists and structured forms are JSON text (portable subset); money is integer fen
// inside the JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The year's review rubric (criteria with weights) and the due date of year-end reports (第十二条) belong to the call.
  await db.schema.alterTable('calls').addColumn('rubric_json', 'text').execute();
  await db.schema.alterTable('calls').addColumn('reports_due_on', 'text').execute();
  // A reviewer's employer: a reviewer employed by the applicant is blocked from its review (第十条).
  await db.schema.alterTable('users').addColumn('employer_name', 'text').execute();
  await db.schema.alterTable('users').addColumn('employer_uscc', 'text').execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('host_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('station_type', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_json', 'text', (c) => c.notNull())
    .addColumn('district_opinion', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('recommended_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('station_id', 'text', (c) => c.references('stations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('applications_year_status_idx')
    .on('applications')
    .columns(['program_year', 'status'])
    .execute();
  await db.schema.createIndex('applications_host_idx').on('applications').column('host_org_id').execute();

  // Files of the lifecycle that belong to no station yet (application attachments, inspection photos) or to a
  // project's paperwork (signed agreement scans, paper explanations of change requests).
  await db.schema
    .createTable('lifecycle_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('lifecycle_files_owner_idx')
    .on('lifecycle_files')
    .columns(['owner_kind', 'owner_id'])
    .execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('conflict_note', 'text')
    .addColumn('declared_at', 'text')
    .addColumn('scores_json', 'text')
    .addColumn('total_score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('review_assignments_app_reviewer_uq', ['application_id', 'reviewer_id'])
    .execute();
  await db.schema
    .createIndex('review_assignments_reviewer_idx')
    .on('review_assignments')
    .column('reviewer_id')
    .execute();

  await db.schema
    .createTable('site_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('district_participants', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_inspections_app_idx').on('site_inspections').column('application_id').execute();

  // A project comes from an approved application; stations registered by the Center before the platform (the demo
  // year) have a project without one.
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().unique().references('stations.id'))
    .addColumn('application_id', 'text', (c) => c.unique().references('applications.id'))
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('host_signed_on', 'text')
    .addColumn('center_signed_on', 'text')
    .addColumn('signed_file_id', 'text')
    .addColumn('reports_due_on', 'text', (c) => c.notNull())
    .addColumn('reports_submitted_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('acceptance_comment', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  // Every version of an agreement is kept (第十一条): version 1 comes from the approval, each approved change adds one.
  await db.schema
    .createTable('agreement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('change_request_id', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('agreement_versions_project_no_uq', ['project_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('base_version_no', 'integer', (c) => c.notNull())
    .addColumn('proposed_terms_json', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_requests_project_idx').on('change_requests').column('project_id').execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('program_year', 'integer')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .execute();
  await db.schema.createIndex('notices_published_idx').on('notices').column('published_at').execute();

  // Reminders written by the in-process job, once per item and due date (the key), so a restart never repeats one.
  await db.schema
    .createTable('reminders')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('audience_role', 'text', (c) => c.notNull())
    .addColumn('audience_org_id', 'text')
    .addColumn('audience_district', 'text')
    .addColumn('audience_user_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminders_due_idx').on('reminders').column('due_on').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'reminders',
    'notices',
    'change_requests',
    'agreement_versions',
    'projects',
    'site_inspections',
    'review_assignments',
    'lifecycle_files',
    'applications',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
