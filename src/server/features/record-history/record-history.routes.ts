import { recordHistoryApi } from '../../../shared/api/record-history';
import type { Router } from '../../http/router';
import { expenseHistory, projectHistory, stationHistory } from './record-history.service';

// Each history is read with the access and scope of its record's own GET route (stations, projects, expenses).
export function registerRecordHistoryRoutes(r: Router): void {
  r.route({
    ...recordHistoryApi.station,
    access: { permission: 'read:station' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await stationHistory(ctx, { stationId: params.id, ...query })),
  });
  r.route({
    ...recordHistoryApi.project,
    access: { permission: 'read:project' },
    scoped: { param: 'projectId', entity: 'project' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await projectHistory(ctx, { projectId: params.projectId, ...query })),
  });
  r.route({
    ...recordHistoryApi.expense,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await expenseHistory(ctx, { stationId: params.id, expenseId: params.expenseId, ...query })),
  });
}
