import { auditorsApi } from '../../../shared/api/auditors';
import type { Router } from '../../http/router';
import { assignAuditor, listAuditorAccounts, removeAuditor, stationAuditors } from './auditors.service';

export function registerAuditorRoutes(r: Router): void {
  r.route({
    ...auditorsApi.accounts,
    access: { permission: 'assign:auditor' },
    handler: async (_c, { ctx, json }) => json({ items: await listAuditorAccounts(ctx) }),
  });
  r.route({
    ...auditorsApi.ofStation,
    access: { permission: 'read:station' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json({ items: await stationAuditors(ctx, params.id) }),
  });
  r.route({
    ...auditorsApi.assign,
    access: { permission: 'assign:auditor' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) => json({ items: await assignAuditor(ctx, params.id, body) }, 201),
  });
  r.route({
    ...auditorsApi.remove,
    access: { permission: 'assign:auditor' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json({ items: await removeAuditor(ctx, params.id, params.userId) }),
  });
}
