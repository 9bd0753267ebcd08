import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { sql } from 'kysely';
import { termFrequencies, termsOf } from '../../../domain/matching/terms';
import type { Database, Engine } from '../../db/database';
import type { MatchDocTable, MatchTermTable } from '../../db/schema';

// The term index of a program year's experts, achievements and demands (decision 026). It is derived data, kept per
// station: a station whose `ledger_version` moved since it was indexed (every ledger write raises it, in the same
// transaction) is indexed again before the next suggestion is read, so an edit, an import or a merge is seen at once
// and no request rebuilds more than the stations that changed.

let segmenter: Jieba | null = null;
/** jieba's dictionary takes ~150 ms to load: once per process, on first use. */
function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** The terms of a text (search-mode segmentation: 锂电池 also yields 锂电 and 电池, so shorter words meet). */
export function segmentTerms(text: string): string[] {
  if (!text.trim()) return [];
  return termsOf(jieba().cutForSearch(text, true));
}

/** The text a record is matched by: its title counts twice, being the densest statement of what it is about. */
export function docText(parts: { title?: string | null; body?: string | null }): string {
  const t = parts.title ?? '';
  return `${t}\n${t}\n${parts.body ?? ''}`;
}

type DocKind = MatchDocTable['kind'];
export const docKey = (kind: DocKind, id: string) => `${kind}:${id}`;

interface StaleStation {
  id: string;
  ledger_version: number;
  type: string;
  district_code: string | null;
  program_year: number;
}

/** Indexes again every station of the year whose ledger changed since; returns how many it indexed. */
export async function refreshMatchIndex(
  { db, engine }: { db: Database; engine: Engine },
  programYear: number,
): Promise<number> {
  const stale = (await db
    .selectFrom('stations as s')
    .leftJoin('match_index_state as m', 'm.station_id', 's.id')
    .select(['s.id', 's.ledger_version', 's.type', 's.district_code', 's.program_year'])
    .where('s.program_year', '=', programYear)
    .where((eb) =>
      eb.or([eb('m.ledger_version', 'is', null), eb('m.ledger_version', '!=', eb.ref('s.ledger_version'))]),
    )
    .execute()) as StaleStation[];
  for (const s of stale) await indexStation({ db, engine }, s);
  return stale.length;
}

async function indexStation({ db, engine }: { db: Database; engine: Engine }, s: StaleStation): Promise<void> {
  // The version is read before the records: a write landing in between is indexed at the next look, never lost.
  const docs: MatchDocTable[] = [];
  const terms: MatchTermTable[] = [];
  const add = (kind: DocKind, id: string, o: { text: string; industry: string | null }) => {
    const list = segmentTerms(o.text);
    const key = docKey(kind, id);
    docs.push({
      doc_key: key,
      kind,
      record_id: id,
      station_id: s.id,
      program_year: s.program_year,
      station_type: s.type,
      industry: o.industry,
      district_code: s.district_code,
      length: list.length,
    });
    for (const [term, tf] of termFrequencies(list)) {
      terms.push({
        doc_key: key,
        program_year: s.program_year,
        station_id: s.id,
        station_type: s.type,
        kind,
        term,
        tf,
        doc_length: list.length,
      });
    }
  };
  const experts = await db
    .selectFrom('experts')
    .select(['id', 'title', 'employer', 'expertise', 'industry'])
    .where('station_id', '=', s.id)
    .execute();
  for (const x of experts) {
    // Without 专业领域 an expert has no text to be matched by: a title and an employer say too little.
    if (!x.expertise?.trim()) continue;
    add('expert', x.id, { text: docText({ body: x.expertise }), industry: x.industry });
  }
  const achievements = await db
    .selectFrom('achievements')
    .select(['id', 'title', 'summary', 'industry'])
    .where('station_id', '=', s.id)
    .execute();
  for (const a of achievements)
    add('achievement', a.id, { text: docText({ title: a.title, body: a.summary }), industry: a.industry });
  const demands = await db
    .selectFrom('demands as d')
    .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
    .select(['d.id', 'd.title', 'd.description', 'd.industry', 'e.industry as e_industry'])
    .where('d.station_id', '=', s.id)
    .execute();
  for (const d of demands) {
    // A demand without its own 行业 takes its enterprise's, from the registry.
    add('demand', d.id, {
      text: docText({ title: d.title, body: d.description }),
      industry: d.industry ?? d.e_industry,
    });
  }

  await db.transaction().execute(async (tx) => {
    // One indexer per station at a time: the term counts below are kept by difference, so two indexers of the same
    // station must not both subtract the old postings. The state row is locked (PostgreSQL; SQLite serialises
    // writers), and whoever comes second finds the station done and stops.
    await tx
      .insertInto('match_index_state')
      .values({ station_id: s.id, ledger_version: -1 })
      .onConflict((oc) => oc.column('station_id').doNothing())
      .execute();
    let lock = tx.selectFrom('match_index_state').select('ledger_version').where('station_id', '=', s.id);
    if (engine === 'postgres') lock = lock.forUpdate();
    const state = await lock.executeTakeFirstOrThrow();
    if (Number(state.ledger_version) === Number(s.ledger_version)) return;

    const delta = new Map<string, { kind: DocKind; term: string; df: number }>();
    const bump = (kind: DocKind, term: string, by: number) => {
      const k = `${kind}\u0000${term}`;
      const d = delta.get(k) ?? { kind, term, df: 0 };
      d.df += by;
      delta.set(k, d);
    };
    const stats = new Map<DocKind, { docs: number; length: number }>();
    const stat = (kind: DocKind, docs: number, length: number) => {
      const st = stats.get(kind) ?? { docs: 0, length: 0 };
      st.docs += docs;
      st.length += length;
      stats.set(kind, st);
    };
    const oldTerms = await tx
      .selectFrom('match_terms')
      .select((eb) => ['kind', 'term', eb.fn.countAll<number>().as('n')])
      .where('station_id', '=', s.id)
      .groupBy(['kind', 'term'])
      .execute();
    for (const r of oldTerms) bump(r.kind, r.term, -Number(r.n));
    const oldDocs = await tx
      .selectFrom('match_docs')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('length').as('len')])
      .where('station_id', '=', s.id)
      .groupBy('kind')
      .execute();
    for (const r of oldDocs) stat(r.kind, -Number(r.n), -Number(r.len ?? 0));
    for (const t of terms) bump(t.kind, t.term, 1);
    for (const d of docs) stat(d.kind, 1, d.length);

    await tx.deleteFrom('match_terms').where('station_id', '=', s.id).execute();
    await tx.deleteFrom('match_docs').where('station_id', '=', s.id).execute();
    for (let i = 0; i < docs.length; i += 500) {
      await tx
        .insertInto('match_docs')
        .values(docs.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < terms.length; i += 1000) {
      await tx
        .insertInto('match_terms')
        .values(terms.slice(i, i + 1000))
        .execute();
    }
    const changed = [...delta.values()].filter((d) => d.df !== 0);
    for (let i = 0; i < changed.length; i += 1000) {
      await tx
        .insertInto('match_df')
        .values(changed.slice(i, i + 1000).map((d) => ({ program_year: s.program_year, ...d })))
        .onConflict((oc) =>
          oc.columns(['program_year', 'kind', 'term']).doUpdateSet({ df: sql`match_df.df + excluded.df` }),
        )
        .execute();
    }
    for (const [kind, st] of stats) {
      if (!st.docs && !st.length) continue;
      await tx
        .insertInto('match_stats')
        .values({ program_year: s.program_year, kind, docs: st.docs, total_length: st.length })
        .onConflict((oc) =>
          oc.columns(['program_year', 'kind']).doUpdateSet({
            docs: sql`match_stats.docs + excluded.docs`,
            total_length: sql`match_stats.total_length + excluded.total_length`,
          }),
        )
        .execute();
    }
    await tx
      .updateTable('match_index_state')
      .set({ ledger_version: s.ledger_version })
      .where('station_id', '=', s.id)
      .execute();
  });
}

/** Drops the index of one year (a test or the benchmark measuring a cold start). */
export async function dropMatchIndex(db: Database, programYear: number): Promise<void> {
  await db
    .deleteFrom('match_index_state')
    .where('station_id', 'in', db.selectFrom('stations').select('id').where('program_year', '=', programYear))
    .execute();
  await sql`delete from match_terms where program_year = ${programYear}`.execute(db);
  await sql`delete from match_docs where program_year = ${programYear}`.execute(db);
  await sql`delete from match_df where program_year = ${programYear}`.execute(db);
  await sql`delete from match_stats where program_year = ${programYear}`.execute(db);
}
