import { conflict, notFound } from '../../../shared/errors';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { writeTx } from '../../audit/audit';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import { shanghaiDate, stationScope } from '../../scope';

// 金桥工程-助推计划 (第九条): the outcomes of district stations that experts' services brought to enterprises may be
// recommended to the program. Hosts mark candidates in their ledger (落地成果 → 金桥工程候选); the Center reviews
// each one and keeps the list of those it recommends. IUR stations are not district stations and are left out.

export interface GoldenBridgeFilter {
  year?: number;
  status?: 'pending' | 'recommended' | 'not_recommended';
  q?: string;
}

function query(ctx: Ctx, f: GoldenBridgeFilter) {
  let qb = ctx.db
    .selectFrom('outcomes as o')
    .innerJoin('stations', 'stations.id', 'o.station_id')
    .leftJoin('enterprises as e', 'e.uscc', 'o.uscc')
    .leftJoin('golden_bridge_reviews as g', 'g.outcome_id', 'o.id')
    .select([
      'o.id',
      'o.station_id',
      'o.title',
      'o.date',
      'o.uscc',
      'stations.name as station_name',
      'stations.district_code',
      'stations.program_year',
      'e.name as enterprise_name',
      'g.recommended',
      'g.comment',
      'g.reviewed_at',
      'g.version as review_version',
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
  station_name: string;
  district_code: string | null;
  program_year: number;
  enterprise_name: string | null;
  recommended: number | null;
  comment: string | null;
  reviewed_at: string | null;
  review_version: number | null;
};

function toDto(r: Row): GoldenBridgeCandidateDto {
  const recommended = r.recommended === null ? null : Number(r.recommended) === 1;
  return {
    outcomeId: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    districtCode: r.district_code,
    programYear: r.program_year,
    title: r.title,
    date: r.date,
    uscc: r.uscc,
    enterpriseName: r.enterprise_name,
    recommended,
    statusLabel: recommended === null ? '待审核' : recommended ? '推荐' : '不推荐',
    comment: r.comment,
    reviewedAt: r.reviewed_at,
    reviewVersion: r.review_version,
  };
}

export async function listCandidates(
  ctx: Ctx,
  f: GoldenBridgeFilter,
  page: { page: number; pageSize: number },
): Promise<Page<GoldenBridgeCandidateDto>> {
  return paginate(query(ctx, f), {
    ...page,
    map: (r) => toDto(r as Row),
    orderBy: (q) => q.orderBy('o.date', 'desc').orderBy('o.id'),
  });
}

export async function allCandidates(ctx: Ctx, f: GoldenBridgeFilter, limit: number) {
  const rows = await query(ctx, f).orderBy('o.date', 'desc').orderBy('o.id').limit(limit).execute();
  return rows.map((r) => toDto(r as Row));
}

/** The Center's review (第九条): recommend or not, with a comment; a later review replaces it (version-checked). */
export async function reviewCandidate(
  ctx: Ctx,
  outcomeId: string,
  input: { recommend: boolean; comment: string; version: number | null },
): Promise<GoldenBridgeCandidateDto> {
  await writeTx(ctx, async (tx, audit) => {
    const o = await tx
      .selectFrom('outcomes as o')
      .innerJoin('stations as s', 's.id', 'o.station_id')
      .select(['o.id', 'o.title', 'o.station_id', 'o.golden_bridge', 's.type', 's.name'])
      .where('o.id', '=', outcomeId)
      .executeTakeFirst();
    if (o?.golden_bridge !== 1 || o.type === 'iur') throw notFound('金桥工程候选成果');
    const before = await tx
      .selectFrom('golden_bridge_reviews')
      .selectAll()
      .where('outcome_id', '=', outcomeId)
      .executeTakeFirst();
    if ((before?.version ?? null) !== input.version) throw conflict('该候选成果的审核已被他人修改，请刷新后重试');
    const row = {
      outcome_id: outcomeId,
      station_id: o.station_id,
      recommended: input.recommend ? 1 : 0,
      comment: input.comment,
      reviewed_at: ctx.clock.now().toISOString(),
      reviewed_by: ctx.actor?.userId ?? null,
      version: (before?.version ?? 0) + 1,
    };
    if (before)
      await tx
        .updateTable('golden_bridge_reviews')
        .set(row)
        .where('outcome_id', '=', outcomeId)
        .where('version', '=', before.version)
        .execute();
    else await tx.insertInto('golden_bridge_reviews').values(row).execute();
    await audit.record({
      entity: 'outcome',
      entityId: outcomeId,
      action: 'golden_bridge_review',
      summary: `金桥工程候选“${o.title}”（${o.name}）：${input.recommend ? '推荐' : '不推荐'}（第九条）${input.comment ? `：${input.comment}` : ''}`,
      before: before ? { ...before } : undefined,
      after: row,
    });
  });
  const dto = (await query(ctx, {}).where('o.id', '=', outcomeId).executeTakeFirst()) as Row | undefined;
  if (!dto) throw notFound('金桥工程候选成果');
  return toDto(dto);
}
