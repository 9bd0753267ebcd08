import { z } from 'zod';
import { fileResponse } from '../../http/excel';
import type { Router } from '../../http/router';
import { auditPackage } from './audit-package.service';

export function registerAuditPackageRoutes(r: Router): void {
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/audit-package',
    tag: '第三方审计',
    summary:
      '导出站点审计包（zip：台账 JSON 与 Excel、决算、全部凭证和佐证、报告、协议各版本、操作记录，附 SHA-256 清单；第十二条）',
    access: { permission: 'export:audit-package' },
    scoped: { param: 'id', entity: 'station' },
    params: z.object({ id: z.string().min(1).max(64) }),
    produces: 'zip',
    handler: async (c, { params, ctx }) => {
      const p = await auditPackage(ctx, params.id);
      return fileResponse(c, Buffer.from(p.bytes), p.fileName, 'application/zip');
    },
  });
}
