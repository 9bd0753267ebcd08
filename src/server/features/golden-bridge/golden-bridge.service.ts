import { sql } from 'kysely';
import { AppError, conflict, notFound } from '../../../shared/errors';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import {
  GOLDEN_BRIDGE_STATUSES,
  type GoldenBridgeBatchResultDto,
  type GoldenBridgeCandidateDto,
  type GoldenBridgeStatus,
} from '../../../shared/schemas/golden-bridge';
import { type AuditRecorder, writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate, sortedBy, workflowRank } from '../../core/paging';
import { loadPolicy } from '../../core/policy';
import type { Tx } from '../../db/database';
import type { GoldenBridgeReviewTable } from '../../db/schema';
import { shanghaiDate, stationScope } from '../../scope';

// 金桥工程-助推计划 (第九条): the outcomes of district stations that experts' services brought to enterprises may be
// recommended to the program. Hosts mark candidates in their ledger (落地成果 → 金桥工程候选); the Center reviews
// each one and keeps the list of those it recommends. IUR stations are not district stations and are left out.

export interface GoldenBridgeFilter {
  year?: number;
  status?: GoldenBridgeStatus;
  q?: string;
  sort?: string;
}

// A candidate's status is not stored: it is whether, and how, the Center has reviewed it.
const reviewed = sql.ref('g.outcome_id');
const statusCode = sql<GoldenBridgeStatus>`(case when ${reviewed} is null then 'pending'
  when ${sql.ref('g.recommended')} = 1 then 'recommended' else 'not_recommended' end)`;

const SORT_COLUMNS = {
  year: 'stations.program_year',
  station: 'stations.name',
  title: 'o.title',
  date: 'o.date',
  enterprise: 'e.name',
  status: workflowRank(statusCode, GOLDEN_BRIDGE_STATUSES),
};

/** The user's sort, else the newest landing first; the outcome's id keeps equal rows in one order across pages. */
function ordered(qb: ReturnType<typeof query>, sort: string | undefined) {
  return sortedBy(qb, { sort, columns: SORT_COLUMNS }).orderBy('o.date', 'desc').orderBy('o.id');
}

function query(ctx: Ctx, f: GoldenBridgeFilter) {
  let qb = ctx.db
    .selectFrom('outcomes as o')
    .innerJoin('stations', 'stations.id', 'o.station_id')
    .innerJoin('organizations as host', 'host.id', 'stations.host_org_id')
    .leftJoin('enterprises as e', 'e.uscc', 'o.uscc')
    .leftJoin('golden_bridge_reviews as g', 'g.outcome_id', 'o.id')
    .leftJoin('users as reviewer', 'reviewer.id', 'g.reviewed_by')
    .select([
      'o.id',
      'o.station_id',
      'o.title',
      'o.date',
      'o.uscc',
      'o.created_at',
      'o.updated_at',
      'stations.name as station_name',
      'stations.type as station_type',
      'stations.district_code',
      'stations.program_year',
      'host.name as host_org_name',
      'e.name as enterprise_name',
      'g.recommended',
      'g.comment',
      'g.reviewed_at',
      'g.version as review_version',
      'reviewer.display_name as reviewer_name',
    ])
    .where('o.golden_bridge', '=', 1)
    .where('stations.type', '!=', 'iur')
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())) as never);
  if (f.year) qb = qb.where('stations.program_year', '=', f.year);
  if (f.status === 'pending') qb = qb.where('g.outcome_id', 'is', null);
  if (f.status === 'recommended') qb = qb.where('g.recommended', '=', 1);
  if (f.status === 'not_recommended') qb = qb.where('g.recommended', '=', 0);
  if (f.q)
    qb = qb.where((eb) =>
      eb.or([containsCi('o.title', f.q!), containsCi('stations.name', f.q!), containsCi('e.name', f.q!)]),
    );
  return qb;
}

type Row = {
  id: string;
  station_id: string;
  title: string;
  date: string;
  uscc: string | null;
  created_at: string;
  updated_at: string;
  station_name: string;
  station_type: string;
  district_code: string | null;
  program_year: number;
  host_org_name: string;
  enterprise_name: string | null;
  recommended: number | null;
  comment: string | null;
  reviewed_at: string | null;
  review_version: number | null;
  reviewer_name: string | null;
};

function toDto(r: Row, districtNames: ReadonlyMap<string, string>): GoldenBridgeCandidateDto {
  const recommended = r.recommended === null ? null : Number(r.recommended) === 1;
  return {
    outcomeId: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    stationTypeLabel: STATION_TYPE_LABELS[r.station_type] ?? r.station_type,
    districtCode: r.district_code,
    districtName: r.district_code ? (districtNames.get(`${r.program_year}:${r.district_code}`) ?? null) : null,
    hostOrgName: r.host_org_name,
    programYear: r.program_year,
    title: r.title,
    date: r.date,
    uscc: r.uscc,
    enterpriseName: r.enterprise_name,
    recordedAt: r.created_at,
    recordUpdatedAt: r.updated_at,
    recommended,
    statusLabel: recommended === null ? '待审核' : recommended ? '推荐' : '不推荐',
    comment: r.comment,
    reviewedAt: r.reviewed_at,
    reviewerName: r.reviewer_name,
    reviewVersion: r.review_version === null ? null : Number(r.review_version),
  };
}

/** District names come from each year's policy (one small read per distinct year among the rows). */
async function toDtos(ctx: Ctx, rows: Row[]): Promise<GoldenBridgeCandidateDto[]> {
  const names = new Map<string, string>();
  for (const year of new Set(rows.map((r) => r.program_year))) {
    const policy = await loadPolicy(ctx.db, year);
    for (const d of policy.districts) names.set(`${year}:${d.code}`, d.name);
  }
  return rows.map((r) => toDto(r, names));
}

export async function listCandidates(
  ctx: Ctx,
  f: GoldenBridgeFilter,
  page: { page: number; pageSize: number },
): Promise<Page<GoldenBridgeCandidateDto>> {
  const p = await paginate(query(ctx, f), {
    ...page,
    map: (r) => r as Row,
    orderBy: (q) => ordered(q, f.sort),
  });
  return { ...p, items: await toDtos(ctx, p.items) };
}

export async function allCandidates(ctx: Ctx, f: GoldenBridgeFilter, limit: number) {
  const rows = await ordered(query(ctx, f), f.sort).limit(limit).execute();
  return toDtos(ctx, rows as Row[]);
}

async function candidatesById(ctx: Ctx, ids: string[]): Promise<GoldenBridgeCandidateDto[]> {
  const rows = await query(ctx, {}).where('o.id', 'in', ids).orderBy('o.date', 'desc').orderBy('o.id').execute();
  return toDtos(ctx, rows as Row[]);
}

export interface ReviewDecision {
  recommend: boolean;
  comment: string;
}

export interface ReviewItem {
  id: string;
  /** the review's version the reviewer saw; null: not reviewed yet */
  version: number | null;
}

interface ReviewTarget {
  id: string;
  title: string;
  station_id: string;
  station_name: string;
}

/**
 * The candidates to review, in the actor's data scope (Convention 7) — an outcome not marked, of an IUR station, or
 * out of scope is "not found", as in the list — with their current reviews.
 */
async function loadTargets(ctx: Ctx, tx: Tx, ids: string[]) {
  const outcomes = await tx
    .selectFrom('outcomes as o')
    .innerJoin('stations', 'stations.id', 'o.station_id')
    .select(['o.id', 'o.title', 'o.station_id', 'stations.name as station_name'])
    .where('o.id', 'in', ids)
    .where('o.golden_bridge', '=', 1)
    .where('stations.type', '!=', 'iur')
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())) as never)
    .execute();
  const reviews = await tx.selectFrom('golden_bridge_reviews').selectAll().where('outcome_id', 'in', ids).execute();
  return {
    outcomes: new Map<string, ReviewTarget>(outcomes.map((o) => [o.id, o as ReviewTarget])),
    reviews: new Map<string, GoldenBridgeReviewTable>(reviews.map((r) => [r.outcome_id, r])),
  };
}

interface WriteReviewOptions {
  audit: AuditRecorder;
  target: ReviewTarget;
  before: GoldenBridgeReviewTable | undefined;
  decision: ReviewDecision;
  /** prefixed to the audit summary (a batch says so) */
  summaryPrefix?: string;
}

/** Writes one review by compare-and-set on its version, and its audit row, inside the caller's transaction. */
async function writeReview(ctx: Ctx, tx: Tx, opts: WriteReviewOptions): Promise<void> {
  const { audit, target, before, decision } = opts;
  const row = {
    outcome_id: target.id,
    station_id: target.station_id,
    recommended: decision.recommend ? 1 : 0,
    comment: decision.comment,
    reviewed_at: ctx.clock.now().toISOString(),
    reviewed_by: ctx.actor?.userId ?? null,
    version: Number(before?.version ?? 0) + 1,
  };
  if (before) {
    // PostgreSQL reads the version before another transaction commits its own review: the version in the WHERE
    // is what keeps the later writer from overwriting it.
    const r = await tx
      .updateTable('golden_bridge_reviews')
      .set(row)
      .where('outcome_id', '=', target.id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleReview(target.title);
  } else {
    // Two first reviews at once: the primary key refuses the second, which the error mapper answers with 409.
    await tx.insertInto('golden_bridge_reviews').values(row).execute();
  }
  await audit.record({
    entity: 'outcome',
    entityId: target.id,
    action: 'golden_bridge_review',
    summary: `${opts.summaryPrefix ?? ''}金桥工程候选“${target.title}”（${target.station_name}）：${decision.recommend ? '推荐' : '不推荐'}（第九条）${decision.comment ? `：${decision.comment}` : ''}`,
    before: before ? { ...before } : undefined,
    after: row,
  });
}

const versionOf = (r: GoldenBridgeReviewTable | undefined) => (r ? Number(r.version) : null);
const staleReview = (title: string) => conflict(`“${title}”的审核已被他人修改，请刷新后重试`);

/**
 * The Center's review (第九条): recommend, or not with a reason (the schema requires it); a later review replaces it
 * (version-checked).
 */
export async function reviewCandidate(
  ctx: Ctx,
  outcomeId: string,
  input: ReviewDecision & { version: number | null },
): Promise<GoldenBridgeCandidateDto> {
  await writeTx(ctx, async (tx, audit) => {
    const { outcomes, reviews } = await loadTargets(ctx, tx, [outcomeId]);
    const target = outcomes.get(outcomeId);
    if (!target) throw notFound('金桥工程候选成果');
    const before = reviews.get(outcomeId);
    if (versionOf(before) !== input.version) throw staleReview(target.title);
    await writeReview(ctx, tx, { audit, target, before, decision: input });
  });
  const [dto] = await candidatesById(ctx, [outcomeId]);
  if (!dto) throw notFound('金桥工程候选成果');
  return dto;
}

/**
 * One decision for several candidates (第九条), all or none: one transaction, one audit row per candidate, and a
 * single stale or missing candidate refuses the whole batch, so the reviewer never has to work out which half landed.
 */
export async function reviewCandidates(
  ctx: Ctx,
  input: ReviewDecision & { items: ReviewItem[] },
): Promise<GoldenBridgeBatchResultDto> {
  const ids = input.items.map((i) => i.id);
  await writeTx(ctx, async (tx, audit) => {
    const { outcomes, reviews } = await loadTargets(ctx, tx, ids);
    const missing = input.items.filter((i) => !outcomes.has(i.id));
    if (missing.length)
      throw new AppError('not_found', {
        userMessage: `所选候选成果中有 ${missing.length} 项不存在或已取消金桥工程候选，本批次未保存，请刷新后重试`,
      });
    const stale = input.items.filter((i) => versionOf(reviews.get(i.id)) !== i.version);
    if (stale.length) {
      const titles = stale.slice(0, 3).map((i) => `“${outcomes.get(i.id)!.title}”`);
      throw conflict(
        `${titles.join('、')}${stale.length > 3 ? ` 等 ${stale.length} 项` : ''}的审核已被他人修改，本批次未保存，请刷新后重试`,
      );
    }
    for (const item of input.items) {
      await writeReview(ctx, tx, {
        audit,
        target: outcomes.get(item.id)!,
        before: reviews.get(item.id),
        decision: input,
        summaryPrefix: `批量审核（共 ${input.items.length} 项）：`,
      });
    }
  });
  return { count: input.items.length, items: await candidatesById(ctx, ids) };
}
