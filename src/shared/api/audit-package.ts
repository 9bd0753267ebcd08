import { auditPackageParamSchema } from '../schemas/audit-package';
import { endpoint } from './endpoint';

export const auditPackageApi = {
  download: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/audit-package',
    tag: '第三方审计',
    summary:
      '导出站点审计包（zip：台账 JSON 与 Excel、决算、全部凭证和佐证、报告、协议各版本、操作记录，附 SHA-256 清单；第十二条）',
    params: auditPackageParamSchema,
    response: 'zip',
  }),
};
