import { fundsApi } from '../../../shared/api/funds';
import type { Router } from '../../http/router';
import { deletePayment, recordPayment, stationFunds } from './funds.service';

export function registerFundRoutes(r: Router): void {
  r.route({
    ...fundsApi.get,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await stationFunds(ctx, params.id)),
  });
  r.route({
    ...fundsApi.recordPayment,
    access: { permission: 'write:payment' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(await recordPayment(ctx, { stationId: params.id, input: query, bytes: body as Uint8Array }), 201),
  });
  r.route({
    ...fundsApi.deletePayment,
    access: { permission: 'write:payment' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await deletePayment(ctx, { stationId: params.id, paymentId: params.paymentId, version: query.version })),
  });
}
