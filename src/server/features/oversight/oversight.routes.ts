import { oversightApi } from '../../../shared/api/oversight';
import type { Router } from '../../http/router';
import { yearOversight } from './oversight.service';

export function registerOversightRoutes(r: Router): void {
  // The reader's data scope applies inside (stationScope): the Center sees every station, a district its own.
  r.route({
    ...oversightApi.year,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await yearOversight(ctx, query.year)),
  });
}
