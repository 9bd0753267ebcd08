import { sql } from 'kysely';
import type { StationType } from '../../../domain/policy/types';
import type { ApplicationRankingDto } from '../../../shared/schemas/application';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { baseQuery, type Row, toSummary } from './applications.service';

/** Ranking per type (第十条): the mean of submitted scores of reviewers not recused, computed in SQL. */
export async function ranking(ctx: Ctx, year: number): Promise<ApplicationRankingDto> {
  const policy = await loadPolicy(ctx.db, year);
  const rows = await baseQuery(ctx)
    .where('applications.program_year', '=', year)
    .where('applications.status', 'in', ['recommended', 'under_review', 'approved', 'rejected', 'submitted'])
    .orderBy('applications.station_type')
    .orderBy(sql`coalesce(s.avg_score, -1)`, 'desc')
    .orderBy('applications.submitted_at')
    .execute();
  const stations = await ctx.db
    .selectFrom('stations')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_year', '=', year)
    .groupBy('type')
    .execute();
  const types = (Object.keys(policy.stationTypes) as StationType[]).map((t) => {
    const items = rows.filter((r) => r.station_type === t).map((r) => toSummary(r as Row));
    return {
      type: t,
      label: policy.stationTypes[t].name,
      quota: policy.stationTypes[t].quota,
      quotaArticle: policy.stationTypes[t].quotaArticle,
      approved: Number(stations.find((s) => s.type === t)?.n ?? 0),
      items: items.map((it, i) => ({ ...it, rank: it.averageScore === null ? null : i + 1 })),
    };
  });
  return { year, types };
}
