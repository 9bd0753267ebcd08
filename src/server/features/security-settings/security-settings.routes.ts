import { securitySettingsApi } from '../../../shared/api/security-settings';
import type { Router } from '../../http/router';
import { getSecuritySettingsView, updateSecuritySettings } from './security-settings.service';

export function registerSecuritySettingRoutes(r: Router): void {
  r.route({
    ...securitySettingsApi.get,
    access: { permission: 'read:security-setting' },
    handler: async (_c, { ctx, json }) => json(await getSecuritySettingsView(ctx)),
  });
  r.route({
    ...securitySettingsApi.update,
    access: { permission: 'write:security-setting' },
    handler: async (_c, { body, ctx, json }) => json(await updateSecuritySettings(ctx, body)),
  });
}
