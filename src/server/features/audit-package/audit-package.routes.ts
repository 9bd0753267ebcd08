import { auditPackageApi } from '../../../shared/api/audit-package';
import { fileResponse } from '../../http/excel';
import type { Router } from '../../http/router';
import { auditPackage } from './audit-package.service';

export function registerAuditPackageRoutes(r: Router): void {
  r.route({
    ...auditPackageApi.download,
    access: { permission: 'export:audit-package' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const p = await auditPackage(ctx, params.id);
      return fileResponse(c, { buf: Buffer.from(p.bytes), filename: p.fileName, mediaType: 'application/zip' });
    },
  });
}
