import { setupApi } from '../../../shared/api/setup';
import type { Router } from '../../http/router';
import { getSetupChecklist } from './setup.service';

export function registerSetupRoutes(r: Router): void {
  r.route({
    ...setupApi.checklist,
    access: { permission: 'read:setup-checklist' },
    handler: async (_c, { ctx, json }) => json(await getSetupChecklist(ctx)),
  });
}
