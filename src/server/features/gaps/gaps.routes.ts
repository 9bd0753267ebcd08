import { gapsApi } from '../../../shared/api/gaps';
import type { Router } from '../../http/router';
import { getStationGaps } from './gaps.service';

export function registerGapRoutes(r: Router): void {
  r.route({
    ...gapsApi.station,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await getStationGaps(ctx, params.id)),
  });
}
