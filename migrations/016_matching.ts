import type { Kysely } from 'kysely';

// 对接 (issue #15, 第七条、第八条): the texts a match is made from, an industry on each side, the target a demand was
// matched with, and a term index over a program year's experts and achievements (decision 026). The index is derived
// data: it may be dropped and is rebuilt per station from `stations.ledger_version`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('experts').addColumn('expertise', 'text').execute();
  await db.schema.alterTable('experts').addColumn('industry', 'text').execute();
  await db.schema.alterTable('demands').addColumn('description', 'text').execute();
  await db.schema.alterTable('demands').addColumn('industry', 'text').execute();
  // The record a suggestion was accepted with (an expert or an achievement, perhaps another station's).
  await db.schema.alterTable('demands').addColumn('match_target_id', 'text').execute();
  await db.schema.alterTable('demands').addColumn('match_station_id', 'text').execute();
  await db.schema.alterTable('achievements').addColumn('summary', 'text').execute();
  await db.schema.alterTable('achievements').addColumn('industry', 'text').execute();
  await db.schema.alterTable('enterprises').addColumn('industry', 'text').execute();
  await db.schema.createIndex('demands_match_target_idx').on('demands').column('match_target_id').execute();

  await db.schema
    .createTable('match_docs')
    .addColumn('doc_key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('station_type', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('district_code', 'text')
    .addColumn('length', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_docs_station_idx').on('match_docs').column('station_id').execute();
  // covering: the corpus size and mean length are read per suggestion
  await db.schema
    .createIndex('match_docs_year_idx')
    .on('match_docs')
    .columns(['program_year', 'kind', 'length'])
    .execute();
  // A posting carries what the score and the pool need (the document's station, its type and length), so that the
  // score is summed from one covering index without a join per posting (decision 026).
  await db.schema
    .createTable('match_terms')
    .addColumn('doc_key', 'text', (c) => c.notNull())
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('station_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('tf', 'integer', (c) => c.notNull())
    .addColumn('doc_length', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_terms_pk', ['doc_key', 'term'])
    .execute();
  await db.schema
    .createIndex('match_terms_term_idx')
    .on('match_terms')
    .columns(['program_year', 'term', 'kind', 'station_type', 'station_id', 'doc_key', 'tf', 'doc_length'])
    .execute();
  await db.schema.createIndex('match_terms_station_idx').on('match_terms').column('station_id').execute();
  // Document frequencies and corpus sizes, kept by difference as stations are indexed: read per suggestion, they
  // would otherwise be counted over tens of thousands of postings each time.
  await db.schema
    .createTable('match_df')
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('df', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_df_pk', ['program_year', 'kind', 'term'])
    .execute();
  await db.schema
    .createTable('match_stats')
    .addColumn('program_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .addColumn('total_length', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_stats_pk', ['program_year', 'kind'])
    .execute();
  await db.schema
    .createTable('match_index_state')
    .addColumn('station_id', 'text', (c) => c.primaryKey())
    .addColumn('ledger_version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('match_index_state').execute();
  await db.schema.dropTable('match_stats').execute();
  await db.schema.dropTable('match_df').execute();
  await db.schema.dropTable('match_terms').execute();
  await db.schema.dropTable('match_docs').execute();
  await db.schema.dropIndex('demands_match_target_idx').execute();
  for (const [table, column] of [
    ['enterprises', 'industry'],
    ['achievements', 'industry'],
    ['achievements', 'summary'],
    ['demands', 'match_station_id'],
    ['demands', 'match_target_id'],
    ['demands', 'industry'],
    ['demands', 'description'],
    ['experts', 'industry'],
    ['experts', 'expertise'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
