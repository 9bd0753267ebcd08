import { securityPolicyUpdateSchema } from '../../../shared/schemas/security-settings';
import type { Router } from '../../http/router';
import { getSecuritySettingsView, updateSecuritySettings } from './security-settings.service';

export function registerSecuritySettingRoutes(r: Router): void {
  r.route({
    method: 'get',
    path: '/api/v1/security-settings',
    tag: '安全策略',
    summary: '当前安全策略（等保 2.0：口令、锁定、会话）',
    access: { permission: 'read:security-setting' },
    handler: async (c, { ctx }) => c.json(await getSecuritySettingsView(ctx)),
  });
  r.route({
    method: 'put',
    path: '/api/v1/security-settings',
    tag: '安全策略',
    summary: '修改安全策略（锁定阈值与时长、不得重复使用的近期密码个数、管理员密码最长使用期限）',
    access: { permission: 'write:security-setting' },
    body: securityPolicyUpdateSchema,
    handler: async (c, { body, ctx }) => c.json(await updateSecuritySettings(ctx, body)),
  });
}
