import { SecuritySettingsDto, securityPolicyUpdateSchema } from '../schemas/security-settings';
import { endpoint } from './endpoint';

const tag = '安全策略';

export const securitySettingsApi = {
  get: endpoint({
    method: 'get',
    path: '/api/v1/security-settings',
    tag,
    summary: '当前安全策略（等保 2.0：口令、锁定、会话）',
    response: SecuritySettingsDto,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/security-settings',
    tag,
    summary: '修改安全策略（锁定阈值与时长、不得重复使用的近期密码个数、管理员密码最长使用期限）',
    body: securityPolicyUpdateSchema,
    response: SecuritySettingsDto,
  }),
};
