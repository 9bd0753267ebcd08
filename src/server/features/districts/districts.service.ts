import { STATION_TYPES } from '../../../domain/policy/index';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { DistrictDto, HomeOverviewDto } from '../../../shared/schemas/district';
import type { Ctx } from '../../context';
import { loadPolicy } from '../../core/policy';
import { shanghaiDate, stationScope } from '../../scope';

/** The year's districts with their class (第三条) and the association registered for each, if any. */
export async function listDistricts(ctx: Ctx, year: number): Promise<DistrictDto[]> {
  const policy = await loadPolicy(ctx.db, year);
  const orgs = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'name', 'district_code'])
    .where('kind', '=', 'district_association')
    .execute();
  const byCode = new Map(orgs.map((o) => [o.district_code, o]));
  return policy.districts.map((d) => ({
    code: d.code,
    name: d.name,
    fullName: d.fullName,
    stationType: d.stationType,
    stationTypeLabel: STATION_TYPE_LABELS[d.stationType],
    article: d.article,
    associationId: byCode.get(d.code)?.id ?? null,
    associationName: byCode.get(d.code)?.name ?? null,
  }));
}

/** Each type's quota and funding (第六条) beside the stations the actor sees. */
export async function homeOverview(ctx: Ctx, year: number): Promise<HomeOverviewDto> {
  const policy = await loadPolicy(ctx.db, year);
  const counts = await ctx.db
    .selectFrom('stations')
    .select((eb) => ['stations.type', eb.fn.countAll<number>().as('n')])
    .where('stations.program_year', '=', year)
    .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())))
    .groupBy('stations.type')
    .execute();
  const n = new Map(counts.map((x) => [x.type, Number(x.n)]));
  return {
    year,
    title: policy.title,
    byType: STATION_TYPES.map((t) => ({
      type: t,
      label: STATION_TYPE_LABELS[t],
      quota: policy.stationTypes[t].quota,
      quotaArticle: policy.stationTypes[t].quotaArticle,
      fundingFen: policy.stationTypes[t].fundingFen,
      stations: n.get(t) ?? 0,
    })),
  };
}
