import { districtsApi } from '../../../shared/api/districts';
import type { Router } from '../../http/router';
import { homeOverview, listDistricts } from './districts.service';

export function registerDistrictRoutes(r: Router): void {
  r.route({
    ...districtsApi.list,
    access: { permission: 'read:district' },
    handler: async (_c, { query, ctx, json }) => json({ items: await listDistricts(ctx, query.year) }),
  });

  r.route({
    ...districtsApi.homeOverview,
    access: { permission: 'read:station' },
    handler: async (_c, { query, ctx, json }) => json(await homeOverview(ctx, query.year)),
  });
}
