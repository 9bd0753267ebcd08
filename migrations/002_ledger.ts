import type { CreateTableBuilder, Kysely } from 'kysely';

// Station ledger (issue #3, docs/ledger-format.md). Portable subset as in 001. Derived values the KPI SQL needs (字数, whether a
// cooperation has content) are computed by the domain functions at write time and stored, so SQL never re-implements
// a rule that JavaScript and SQL would read differently (trim of U+3000, Word's 字数).

type Builder = CreateTableBuilder<string, string>;

/** Columns every station record has. Ids are UUIDv7, monotonic in a process: ordering by id keeps the ledger order
 * (refs like `contacts[9]` are 0-based indexes in that order). */
function recordColumns(t: Builder): Builder {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'));
}
function stamps(t: Builder): Builder {
  return t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The system-wide enterprise registry (第七条), keyed by the normalised, valid USCC.
  await stamps(
    db.schema
      .createTable('enterprises')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('uscc', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('district_code', 'text', (c) => c.notNull())
      .addColumn('has_association', 'integer', (c) => c.notNull())
      .addColumn('srdi', 'text', (c) => c.notNull()),
  ).execute();
  // A change of the registry's flags keeps its history (who, when, what it was).
  await db.schema
    .createTable('enterprise_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('has_association', 'integer', (c) => c.notNull())
    .addColumn('srdi', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_history_idx').on('enterprise_history').column('enterprise_id').execute();

  // A station's listing of an enterprise (its district's enterprises it serves) and whether it is key-served.
  await stamps(
    recordColumns(db.schema.createTable('station_enterprises'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('key_served', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('station_enterprises_uq')
    .on('station_enterprises')
    .columns(['station_id', 'enterprise_id'])
    .unique()
    .execute();

  await stamps(
    recordColumns(db.schema.createTable('contacts'))
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('people', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('contacts_station_idx').on('contacts').columns(['station_id', 'date']).execute();
  await db.schema.createIndex('contacts_uscc_idx').on('contacts').column('uscc').execute();

  await stamps(
    recordColumns(db.schema.createTable('demands'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('collected_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('matched_kind', 'text')
      .addColumn('matched_to', 'text')
      .addColumn('matched_on', 'text')
      .addColumn('docked_on', 'text')
      .addColumn('resolved_on', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('demands_station_idx').on('demands').columns(['station_id', 'collected_on']).execute();
  await db.schema.createIndex('demands_ref_uq').on('demands').columns(['station_id', 'ref']).unique().execute();

  // Experts and 产业特派员. ID card and bank account are sensitive personal information (PIPL 第二十八条): stored
  // encrypted, with a masked copy for lists so that reading never needs the key.
  await stamps(
    recordColumns(db.schema.createTable('experts'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('employer', 'text')
      .addColumn('title', 'text')
      .addColumn('grade', 'text')
      .addColumn('phone', 'text')
      .addColumn('host_staff', 'integer', (c) => c.notNull())
      .addColumn('fiscally_supported', 'integer', (c) => c.notNull())
      .addColumn('id_card_enc', 'text')
      .addColumn('id_card_masked', 'text')
      .addColumn('bank_account_enc', 'text')
      .addColumn('bank_account_masked', 'text')
      .addColumn('bank_name', 'text'),
  ).execute();
  await db.schema.createIndex('experts_ref_uq').on('experts').columns(['station_id', 'ref']).unique().execute();

  await stamps(
    recordColumns(db.schema.createTable('events'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('place', 'text'),
  ).execute();
  await db.schema.createIndex('events_station_idx').on('events').columns(['station_id', 'date']).execute();
  await db.schema.createIndex('events_ref_uq').on('events').columns(['station_id', 'ref']).unique().execute();
  await db.schema
    .createTable('event_experts')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addPrimaryKeyConstraint('event_experts_pk', ['event_id', 'expert_id'])
    .execute();
  await db.schema.createIndex('event_experts_expert_idx').on('event_experts').column('expert_id').execute();
  await db.schema
    .createTable('event_enterprises')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_enterprises_pk', ['event_id', 'uscc'])
    .execute();

  // Files (evidence, report sources): bytes live in the blob store, content-addressed by SHA-256.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('attachments_station_idx').on('attachments').column('station_id').execute();
  await db.schema.createIndex('attachments_sha_idx').on('attachments').column('sha256').execute();

  // An event's evidence of each kind (第十三条); an imported ledger declares kinds without files (attachment null).
  await db.schema
    .createTable('event_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_evidence_event_idx').on('event_evidence').columns(['event_id', 'kind']).execute();

  await stamps(
    recordColumns(db.schema.createTable('press_releases'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('url', 'text'),
  ).execute();
  await db.schema
    .createIndex('press_releases_station_idx')
    .on('press_releases')
    .columns(['station_id', 'date'])
    .execute();

  await stamps(
    recordColumns(db.schema.createTable('cooperations'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('parties_json', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('has_content', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('cooperations_station_idx').on('cooperations').columns(['station_id', 'date']).execute();

  await stamps(
    recordColumns(db.schema.createTable('outcomes'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text')
      .addColumn('golden_bridge', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('outcomes_station_idx').on('outcomes').columns(['station_id', 'date']).execute();

  await stamps(
    recordColumns(db.schema.createTable('achievements'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('university', 'text', (c) => c.notNull())
      .addColumn('collected_on', 'text', (c) => c.notNull())
      .addColumn('promoted', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('achievements_station_idx')
    .on('achievements')
    .columns(['station_id', 'collected_on'])
    .execute();

  await stamps(
    recordColumns(db.schema.createTable('reports'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('word_count', 'integer', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.references('attachments.id')),
  ).execute();
  await db.schema.createIndex('reports_station_idx').on('reports').columns(['station_id', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'reports',
    'achievements',
    'outcomes',
    'cooperations',
    'press_releases',
    'event_evidence',
    'attachments',
    'event_enterprises',
    'event_experts',
    'events',
    'experts',
    'demands',
    'contacts',
    'station_enterprises',
    'enterprise_history',
    'enterprises',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
