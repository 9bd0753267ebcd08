import { STATION_TYPES } from '../../../domain/policy/index';
import { districtsApi } from '../../../shared/api/districts';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { Router } from '../../http/router';
import { shanghaiDate, stationScope } from '../../scope';
import { loadPolicy } from '../program-years/program-years.service';

export function registerDistrictRoutes(r: Router): void {
  r.route({
    ...districtsApi.list,
    access: { permission: 'read:district' },
    handler: async (_c, { query, ctx, json }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      const orgs = await ctx.db
        .selectFrom('organizations')
        .select(['id', 'name', 'district_code'])
        .where('kind', '=', 'district_association')
        .execute();
      const byCode = new Map(orgs.map((o) => [o.district_code, o]));
      return json({
        items: policy.districts.map((d) => ({
          code: d.code,
          name: d.name,
          fullName: d.fullName,
          stationType: d.stationType,
          stationTypeLabel: STATION_TYPE_LABELS[d.stationType],
          article: d.article,
          associationId: byCode.get(d.code)?.id ?? null,
          associationName: byCode.get(d.code)?.name ?? null,
        })),
      });
    },
  });

  r.route({
    ...districtsApi.homeOverview,
    access: { permission: 'read:station' },
    handler: async (_c, { query, ctx, json }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      const counts = await ctx.db
        .selectFrom('stations')
        .select((eb) => ['stations.type', eb.fn.countAll<number>().as('n')])
        .where('stations.program_year', '=', query.year)
        .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())))
        .groupBy('stations.type')
        .execute();
      const n = new Map(counts.map((x) => [x.type, Number(x.n)]));
      return json({
        year: query.year,
        title: policy.title,
        byType: STATION_TYPES.map((t) => ({
          type: t,
          label: STATION_TYPE_LABELS[t],
          quota: policy.stationTypes[t].quota,
          quotaArticle: policy.stationTypes[t].quotaArticle,
          fundingFen: policy.stationTypes[t].fundingFen,
          stations: n.get(t) ?? 0,
        })),
      });
    },
  });
}
