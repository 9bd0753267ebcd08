import { type RawBuilder, sql } from 'kysely';
import { demandStepIssues } from '../../../domain/demand-lifecycle';
import type { Industry } from '../../../domain/ledger/codes';
import { BM25, idf, type MatchCandidate, rankMatches } from '../../../domain/matching/rank';
import { conflict, invalid, notFound } from '../../../shared/errors';
import { INDUSTRY_LABELS } from '../../../shared/labels';
import type {
  AcceptMatchInput,
  DemandMatchDto,
  DockingDto,
  MatchSuggestionDto,
  MatchSuggestionsDto,
  MatchTargetKind,
  UnmatchedDemandDto,
} from '../../../shared/schemas/matching';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import { requireStation } from '../../core/stations';
import type { Database } from '../../db/database';
import type { StationTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';
import { touchStations } from '../ledger/ledger-version';
import { docKey, refreshMatchIndex } from './matching.index';

// 对接 (issue #15): 第七条 asks district stations to dock enterprises' demands with experts and achievements, 第八条
// asks IUR stations to bring universities' achievements to the district stations' enterprises. A demand is compared
// with the program year's pool — its own station's experts and achievements, every station's experts, the IUR
// stations' achievements — by BM25 over the term index (summed in SQL), then ranked with industry, district and past
// dockings by `rankMatches` (decision 026).

type PoolKind = 'expert' | 'achievement' | 'demand';

/** A row of the SQL text score: a candidate document and its BM25 sum. */
interface ScoredDoc {
  doc_key: string;
  kind: PoolKind;
  record_id: string;
  station_id: string;
  industry: string | null;
  district_code: string | null;
  score: number | string;
}

const CANDIDATES = 40;
const num = (v: unknown) => Number(v ?? 0);

/** Who may be suggested to a station: which documents of the year its demands (or its records) are compared with. */
type Visibility = {
  kinds: PoolKind[];
  stationId: string;
  openOnly?: boolean;
  anyStation: 'experts_and_iur' | 'all' | 'own';
};

interface ScoreOptions {
  year: number;
  /** the subject's document (a demand, or an expert or achievement in reverse) */
  subjectKey: string;
  pool: Visibility;
}

/** BM25 of every visible document sharing a term with the subject, best first, with the corpus size. */
async function scoreDocs(
  db: Database,
  o: ScoreOptions,
): Promise<{ docs: ScoredDoc[]; poolSize: number; idfs: Map<string, number> }> {
  const q = await db.selectFrom('match_terms').select(['term', 'tf']).where('doc_key', '=', o.subjectKey).execute();
  // Corpus size, mean length and document frequencies are kept as stations are indexed (match_stats, match_df).
  const corpus = await db
    .selectFrom('match_stats')
    .select((eb) => [eb.fn.sum<number>('docs').as('n'), eb.fn.sum<number>('total_length').as('len')])
    .where('program_year', '=', o.year)
    .where('kind', 'in', o.pool.kinds)
    .executeTakeFirst();
  const n = num(corpus?.n);
  if (!q.length || n <= 0) return { docs: [], poolSize: Math.max(0, n), idfs: new Map() };
  const avgLength = num(corpus?.len) / n;
  const terms = q.map((r) => r.term);
  const dfs = await db
    .selectFrom('match_df')
    .select((eb) => ['term', eb.fn.sum<number>('df').as('df')])
    .where('program_year', '=', o.year)
    .where('kind', 'in', o.pool.kinds)
    .where('term', 'in', terms)
    .groupBy('term')
    .having((eb) => eb.fn.sum('df'), '>', 0)
    .execute();
  const idfs = new Map(dfs.map((r) => [r.term, idf(n, num(r.df))]));
  const weighted = [...idfs].filter(([, w]) => w > 0);
  if (!weighted.length) return { docs: [], poolSize: n, idfs };
  const avgdl = Math.max(1, avgLength);
  // Weights are our own numbers, written as literals: PostgreSQL cannot type a bare parameter inside CASE … THEN.
  const weight: RawBuilder<number> = sql`case t.term ${sql.join(
    weighted.map(([term, w]) => sql`when ${term} then ${sql.lit(Number(w.toFixed(6)))}`),
    sql` `,
  )} else 0 end`;
  const k1 = sql.lit(BM25.k1);
  const b = sql.lit(BM25.b);
  const score = sql<number>`sum(${weight} * (cast(t.tf as double precision) * ${sql.lit(BM25.k1 + 1)}) / (t.tf + ${k1} * (1 - ${b} + ${b} * t.doc_length / ${sql.lit(avgdl)})))`;
  // From the postings alone (one covering index, no join per posting): 100× Beijing has tens of thousands of them for
  // a demand's terms. The documents' own columns are read for the best few only.
  let qb = db
    .selectFrom('match_terms as t')
    .select(['t.doc_key', score.as('score')])
    .where('t.program_year', '=', o.year)
    .where(
      't.term',
      'in',
      weighted.map(([t]) => t),
    )
    .where('t.kind', 'in', o.pool.kinds)
    .where('t.doc_key', '!=', o.subjectKey);
  const own = o.pool.stationId;
  if (o.pool.anyStation === 'own') qb = qb.where('t.station_id', '=', own);
  if (o.pool.anyStation === 'experts_and_iur') {
    qb = qb.where((eb) =>
      eb.or([eb('t.station_id', '=', own), eb('t.kind', '=', 'expert'), eb('t.station_type', '=', 'iur')]),
    );
  }
  // Open demands only (the reverse): a wider cut, then the closed ones are dropped.
  const top = await qb
    .groupBy('t.doc_key')
    .orderBy('score', 'desc')
    .orderBy('t.doc_key')
    .limit(o.pool.openOnly ? CANDIDATES * 5 : CANDIDATES)
    .execute();
  if (!top.length) return { docs: [], poolSize: n, idfs };
  let rows = await db
    .selectFrom('match_docs')
    .select(['doc_key', 'kind', 'record_id', 'station_id', 'industry', 'district_code'])
    .where(
      'doc_key',
      'in',
      top.map((r) => r.doc_key),
    )
    .execute();
  if (o.pool.openOnly) {
    const open = new Set(
      (
        await db
          .selectFrom('demands')
          .select('id')
          .where(
            'id',
            'in',
            rows.map((r) => r.record_id),
          )
          .where('status', '=', 'collected')
          .execute()
      ).map((r) => r.id),
    );
    rows = rows.filter((r) => open.has(r.record_id));
  }
  const byKey = new Map(rows.map((r) => [r.doc_key, r]));
  const docs: ScoredDoc[] = top.flatMap((t) => {
    const d = byKey.get(t.doc_key);
    return d ? [{ ...d, score: t.score }] : [];
  });
  return { docs: docs.slice(0, CANDIDATES), poolSize: n, idfs };
}

/** The subject's terms each candidate shares, most telling (highest IDF) first. */
async function sharedTerms(db: Database, o: { subjectKey: string; docs: ScoredDoc[]; idfs: Map<string, number> }) {
  const out = new Map<string, string[]>();
  if (!o.docs.length) return out;
  const rows = await db
    .selectFrom('match_terms')
    .select(['doc_key', 'term'])
    .where(
      'doc_key',
      'in',
      o.docs.map((d) => d.doc_key),
    )
    .where('term', 'in', [...o.idfs.keys()])
    .execute();
  for (const r of rows) out.set(r.doc_key, [...(out.get(r.doc_key) ?? []), r.term]);
  for (const [k, list] of out)
    out.set(
      k,
      list.sort((a, b) => (o.idfs.get(b) ?? 0) - (o.idfs.get(a) ?? 0) || (a < b ? -1 : 1)),
    );
  return out;
}

async function labelsOf(db: Database, year: number) {
  const policy = await loadPolicy(db, year);
  const districts = new Map(policy.districts.map((d) => [d.code, d.name]));
  return {
    industryLabel: (c: string) => INDUSTRY_LABELS[c] ?? c,
    districtLabel: (c: string) => districts.get(c) ?? c,
  };
}

async function stationNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many demands have been matched with each record. */
async function dockingCounts(db: Database, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('demands')
    .select((eb) => ['match_target_id', eb.fn.countAll<number>().as('n')])
    .where('match_target_id', 'in', ids)
    .groupBy('match_target_id')
    .execute();
  return new Map(rows.map((r) => [r.match_target_id!, num(r.n)]));
}

interface Candidates {
  ranked: ReturnType<typeof rankMatches<MatchCandidate>>;
  poolSize: number;
}

async function rankFor(
  ctx: Ctx,
  o: { station: StationTable; subjectKey: string; pool: Visibility; limit: number },
): Promise<Candidates> {
  const db = ctx.db;
  const year = o.station.program_year;
  const subject = await db
    .selectFrom('match_docs')
    .select('industry')
    .where('doc_key', '=', o.subjectKey)
    .executeTakeFirst();
  const { docs, poolSize, idfs } = await scoreDocs(db, { year, subjectKey: o.subjectKey, pool: o.pool });
  const shared = await sharedTerms(db, { subjectKey: o.subjectKey, docs, idfs });
  const names = await stationNames(
    db,
    docs.map((d) => d.station_id),
  );
  const dockings = o.pool.kinds.includes('demand')
    ? new Map<string, number>()
    : await dockingCounts(
        db,
        docs.map((d) => d.record_id),
      );
  const candidates: MatchCandidate[] = docs.map((d) => ({
    kind: d.kind,
    id: d.record_id,
    text: num(d.score),
    shared: shared.get(d.doc_key) ?? [],
    industry: d.industry,
    districtCode: d.district_code,
    stationId: d.station_id,
    stationName: names.get(d.station_id) ?? '',
    dockings: dockings.get(d.record_id) ?? 0,
  }));
  const ranked = rankMatches(
    { industry: subject?.industry ?? null, districtCode: o.station.district_code, stationId: o.station.id },
    candidates,
    { limit: o.limit, ...(await labelsOf(db, year)) },
  );
  return { ranked, poolSize };
}

const cut = (v: string | null | undefined, n = 200) => (v ? (v.length > n ? `${v.slice(0, n)}…` : v) : null);

/** The suggestions' own fields: an expert's employer and 专业领域, an achievement's university and 简介 (no PII). */
async function describeTargets(db: Database, ranked: Candidates['ranked']): Promise<MatchSuggestionDto[]> {
  const ids = (k: string) => ranked.filter((r) => r.candidate.kind === k).map((r) => r.candidate.id);
  const experts = ids('expert').length
    ? await db
        .selectFrom('experts')
        .select(['id', 'name', 'employer', 'title', 'expertise'])
        .where('id', 'in', ids('expert'))
        .execute()
    : [];
  const achievements = ids('achievement').length
    ? await db
        .selectFrom('achievements')
        .select(['id', 'title', 'university', 'summary'])
        .where('id', 'in', ids('achievement'))
        .execute()
    : [];
  const ex = new Map(experts.map((x) => [x.id, x]));
  const ac = new Map(achievements.map((a) => [a.id, a]));
  const out: MatchSuggestionDto[] = [];
  for (const { candidate: c, score, reasons } of ranked) {
    const base = {
      id: c.id,
      industry: (c.industry as Industry | null) ?? null,
      stationId: c.stationId,
      stationName: c.stationName,
      score,
      reasons,
    };
    if (c.kind === 'expert') {
      const x = ex.get(c.id);
      if (!x) continue;
      const detail = [x.employer, x.title].filter(Boolean).join(' · ');
      out.push({ kind: 'expert', name: x.name, detail: detail || null, excerpt: cut(x.expertise), ...base });
    } else {
      const a = ac.get(c.id);
      if (!a) continue;
      out.push({ kind: 'achievement', name: a.title, detail: a.university, excerpt: cut(a.summary), ...base });
    }
  }
  return out;
}

const DEMAND_POOL = (stationId: string): Visibility => ({
  kinds: ['expert', 'achievement'],
  stationId,
  anyStation: 'experts_and_iur',
});

async function demandOf(ctx: Ctx, stationId: string, demandId: string) {
  const d = await ctx.db
    .selectFrom('demands')
    .selectAll()
    .where('id', '=', demandId)
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!d) throw notFound('企业需求');
  return d;
}

export interface SuggestOptions {
  stationId: string;
  demandId: string;
  limit?: number;
}

/** Ranked, explained suggestions for one of a station's demands. */
export async function suggestForDemand(ctx: Ctx, o: SuggestOptions): Promise<MatchSuggestionsDto> {
  const station = await requireStation(ctx, o.stationId);
  await demandOf(ctx, o.stationId, o.demandId);
  await refreshMatchIndex(ctx, station.program_year);
  const { ranked, poolSize } = await rankFor(ctx, {
    station,
    subjectKey: docKey('demand', o.demandId),
    pool: DEMAND_POOL(station.id),
    limit: o.limit ?? 10,
  });
  return { items: await describeTargets(ctx.db, ranked), poolSize };
}

/** The top suggestions of a page of a station's demands; only open (已征集) demands get any. */
export async function suggestForDemands(
  ctx: Ctx,
  o: { stationId: string; ids: string[]; limit: number },
): Promise<{ items: Array<{ demandId: string; suggestions: MatchSuggestionDto[] }> }> {
  const station = await requireStation(ctx, o.stationId);
  const open = await ctx.db
    .selectFrom('demands')
    .select('id')
    .where('station_id', '=', o.stationId)
    .where('id', 'in', o.ids)
    .where('status', '=', 'collected')
    .execute();
  if (!open.length) return { items: [] };
  await refreshMatchIndex(ctx, station.program_year);
  const items = [];
  for (const { id } of open) {
    const { ranked } = await rankFor(ctx, {
      station,
      subjectKey: docKey('demand', id),
      pool: DEMAND_POOL(station.id),
      limit: o.limit,
    });
    items.push({ demandId: id, suggestions: await describeTargets(ctx.db, ranked) });
  }
  return { items };
}

/** The reverse: open demands of the year that one of a station's experts or achievements could serve. */
export async function demandsForTarget(
  ctx: Ctx,
  o: { stationId: string; kind: MatchTargetKind; recordId: string },
): Promise<{ items: DemandMatchDto[] }> {
  const station = await requireStation(ctx, o.stationId);
  const table = o.kind === 'expert' ? 'experts' : 'achievements';
  const own = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', o.recordId)
    .where('station_id', '=', o.stationId)
    .executeTakeFirst();
  if (!own) throw notFound(o.kind === 'expert' ? '专家' : '高校创新成果');
  await refreshMatchIndex(ctx, station.program_year);
  // The mirror of a demand's pool: an expert serves any station's demand, an IUR station's achievement too; a
  // district station's achievement its own station's.
  const anyStation = o.kind === 'expert' || station.type === 'iur' ? 'all' : 'own';
  const { ranked } = await rankFor(ctx, {
    station,
    subjectKey: docKey(o.kind, o.recordId),
    pool: { kinds: ['demand'], stationId: station.id, anyStation, openOnly: true },
    limit: 10,
  });
  const ids = ranked.map((r) => r.candidate.id);
  const rows = ids.length
    ? await ctx.db
        .selectFrom('demands as d')
        .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
        .select(['d.id', 'd.ref', 'd.title', 'd.collected_on', 'e.name as e_name'])
        .where('d.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ranked.flatMap(({ candidate: c, score, reasons }) => {
      const d = byId.get(c.id);
      if (!d) return [];
      return [
        {
          id: d.id,
          ref: d.ref,
          title: d.title,
          enterpriseName: d.e_name ?? null,
          collectedOn: d.collected_on,
          industry: (c.industry as Industry | null) ?? null,
          stationId: c.stationId,
          stationName: c.stationName,
          score,
          reasons,
        },
      ];
    }),
  };
}

/**
 * Accepting a suggestion takes the demand to 已匹配 (第七条) with what it was matched with and today's date. The
 * target must be in the demand's pool; the demand must still be 已征集 at the version the user saw.
 */
export async function acceptMatch(
  ctx: Ctx,
  o: { stationId: string; demandId: string; input: AcceptMatchInput },
): Promise<void> {
  const station = await requireStation(ctx, o.stationId);
  const today = shanghaiDate(ctx.clock.now());
  await writeTx(ctx, async (tx, audit) => {
    const before = await tx
      .selectFrom('demands')
      .selectAll()
      .where('id', '=', o.demandId)
      .where('station_id', '=', o.stationId)
      .executeTakeFirst();
    if (!before) throw notFound('企业需求');
    if (Number(before.version) !== o.input.version) throw conflict('该企业需求已被他人修改，请刷新后重试');
    if (before.status !== 'collected') {
      throw conflict('只有“已征集”的需求可以采纳推荐：该需求已匹配或已关闭（第七条）');
    }
    const target =
      o.input.kind === 'expert'
        ? await tx
            .selectFrom('experts as x')
            .innerJoin('stations as s', 's.id', 'x.station_id')
            .select(['x.id', 'x.name as name', 'x.station_id', 's.name as station_name', 's.type', 's.program_year'])
            .where('x.id', '=', o.input.targetId)
            .executeTakeFirst()
        : await tx
            .selectFrom('achievements as a')
            .innerJoin('stations as s', 's.id', 'a.station_id')
            .select(['a.id', 'a.title as name', 'a.station_id', 's.name as station_name', 's.type', 's.program_year'])
            .where('a.id', '=', o.input.targetId)
            .executeTakeFirst();
    const inPool =
      !!target &&
      target.program_year === station.program_year &&
      (target.station_id === station.id || o.input.kind === 'expert' || target.type === 'iur');
    if (!inPool) {
      throw invalid([{ path: 'targetId', message: '匹配对象不在本年度可对接的专家和成果之中' }]);
    }
    const matchedTo = target.station_id === station.id ? target.name : `${target.name}（${target.station_name}）`;
    const steps = {
      ...stepsOf(before),
      status: 'matched' as const,
      matchedKind: o.input.kind,
      matchedTo,
      matchedOn: today,
    };
    const issues = demandStepIssues(steps);
    if (issues.length) throw invalid(issues);
    const now = ctx.clock.now().toISOString();
    const res = await tx
      .updateTable('demands')
      .set({
        status: 'matched',
        matched_kind: o.input.kind,
        matched_to: matchedTo.slice(0, 200),
        matched_on: today,
        match_target_id: target.id,
        match_station_id: target.station_id,
        updated_at: now,
        version: o.input.version + 1,
      })
      .where('id', '=', o.demandId)
      .where('version', '=', o.input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该企业需求已被他人修改，请刷新后重试');
    await touchStations(tx, [o.stationId]);
    const after = await tx.selectFrom('demands').selectAll().where('id', '=', o.demandId).executeTakeFirstOrThrow();
    await audit.record({
      entity: 'demand',
      entityId: o.demandId,
      action: 'accept_match',
      summary: `企业需求“${before.title}”采纳推荐，匹配${o.input.kind === 'expert' ? '专家' : '成果'}“${matchedTo}”（第七条）`,
      before,
      after,
    });
  });
}

function stepsOf(d: {
  collected_on: string;
  docked_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
}) {
  return { collectedOn: d.collected_on, dockedOn: d.docked_on, resolvedOn: d.resolved_on, closedOn: d.closed_on };
}

/** Other stations' demands matched with this station's experts or achievements: what it is asked to serve. */
export async function listDockings(ctx: Ctx, stationId: string): Promise<{ items: DockingDto[] }> {
  await requireStation(ctx, stationId);
  const rows = await ctx.db
    .selectFrom('demands as d')
    .innerJoin('stations as s', 's.id', 'd.station_id')
    .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
    .leftJoin('experts as x', 'x.id', 'd.match_target_id')
    .leftJoin('achievements as a', 'a.id', 'd.match_target_id')
    .select([
      'd.id',
      'd.title',
      'd.status',
      'd.matched_on',
      'd.matched_kind',
      'd.match_target_id',
      'd.station_id',
      's.name as station_name',
      'e.name as e_name',
      'x.name as x_name',
      'a.title as a_title',
    ])
    .where('d.match_station_id', '=', stationId)
    .where('d.station_id', '!=', stationId)
    .orderBy('d.matched_on', 'desc')
    .orderBy('d.id')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      demandId: r.id,
      demandTitle: r.title,
      enterpriseName: r.e_name ?? null,
      status: r.status as DockingDto['status'],
      matchedOn: r.matched_on,
      targetKind: r.matched_kind === 'achievement' ? 'achievement' : 'expert',
      targetId: r.match_target_id ?? '',
      targetName: r.x_name ?? r.a_title ?? '',
      stationId: r.station_id,
      stationName: r.station_name,
    })),
  };
}

/** Demands still 已征集 `days` after collection, in the reader's scope (the Center: every station). */
export async function listUnmatchedDemands(
  ctx: Ctx,
  f: { year?: number; days: number; districtCode?: string; q?: string; page: number; pageSize: number },
): Promise<Page<UnmatchedDemandDto>> {
  const today = shanghaiDate(ctx.clock.now());
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - f.days * 86_400_000).toISOString().slice(0, 10);
  let qb = ctx.db
    .selectFrom('demands as d')
    .innerJoin('stations', 'stations.id', 'd.station_id')
    .leftJoin('enterprises as e', 'e.uscc', 'd.uscc')
    .select([
      'd.id',
      'd.ref',
      'd.title',
      'd.collected_on',
      'd.station_id',
      'stations.name as station_name',
      'stations.district_code',
      'e.name as e_name',
    ])
    .where(stationScope(ctx.actor!, today) as never)
    .where('d.status', '=', 'collected')
    .where('d.collected_on', '<=', cutoff);
  if (f.districtCode) qb = qb.where('stations.district_code', '=', f.districtCode);
  if (f.q)
    qb = qb.where((eb) =>
      eb.or([containsCi('d.title', f.q!), containsCi('e.name', f.q!), containsCi('stations.name', f.q!)]),
    );
  return paginate(qb, {
    page: f.page,
    pageSize: f.pageSize,
    orderBy: (q) => q.orderBy('d.collected_on').orderBy('d.id'),
    map: (r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      enterpriseName: r.e_name ?? null,
      collectedOn: r.collected_on,
      daysWaiting: Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.collected_on}T00:00:00Z`)) / 86_400_000,
      ),
      stationId: r.station_id,
      stationName: r.station_name,
      districtCode: r.district_code,
    }),
  });
}
