import { z } from 'zod';
import { STATION_TYPES } from '../../../domain/policy/index';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import type { Router } from '../../http/router';
import { shanghaiDate, stationScope } from '../../scope';
import { loadPolicy } from '../program-years/program-years.service';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function registerDistrictRoutes(r: Router): void {
  r.route({
    method: 'get',
    path: '/api/v1/districts',
    tag: '区科协',
    summary: '年度的区名单与类别（第三条）',
    access: { permission: 'read:district' },
    query: yearQuery,
    handler: async (c, { query, ctx }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      const orgs = await ctx.db
        .selectFrom('organizations')
        .select(['id', 'name', 'district_code'])
        .where('kind', '=', 'district_association')
        .execute();
      const byCode = new Map(orgs.map((o) => [o.district_code, o]));
      return c.json({
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
    method: 'get',
    path: '/api/v1/home/overview',
    tag: '首页',
    summary: '年度站点概况：各类型名额与已设站点（第六条）',
    access: { permission: 'read:station' },
    query: yearQuery,
    handler: async (c, { query, ctx }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      const counts = await ctx.db
        .selectFrom('stations')
        .select((eb) => ['stations.type', eb.fn.countAll<number>().as('n')])
        .where('stations.program_year', '=', query.year)
        .where(stationScope(ctx.actor!, shanghaiDate(ctx.clock.now())))
        .groupBy('stations.type')
        .execute();
      const n = new Map(counts.map((x) => [x.type, Number(x.n)]));
      return c.json({
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
