import { organizationsApi } from '../../../shared/api/organizations';
import type { OrganizationDto } from '../../../shared/schemas/organization';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { hostImportTemplateFile, importHosts } from './host-import.service';
import {
  allOrganizations,
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service';

export function registerOrganizationRoutes(r: Router): void {
  r.route({
    ...organizationsApi.list,
    access: { permission: 'read:organization' },
    handler: async (_c, { query, ctx, json }) => json(await listOrganizations(ctx, query)),
  });
  r.route({
    ...organizationsApi.export,
    access: { permission: 'read:organization' },
    handler: async (c, { query, ctx }) => {
      const rows = await allOrganizations(ctx, query, EXPORT_LIMIT);
      const buf = await xlsxBuffer<OrganizationDto>(
        '组织',
        [
          { header: '单位名称', width: 36, value: (o) => o.name },
          { header: '组织类别', value: (o) => o.kindLabel },
          { header: '单位类型', width: 22, value: (o) => o.hostKindLabel },
          { header: '统一社会信用代码', width: 22, value: (o) => o.uscc },
          { header: '所在区代码', value: (o) => o.districtCode },
          { header: '联系人', value: (o) => o.contactName },
          { header: '联系电话', value: (o) => o.contactPhone },
          { header: '地址', width: 36, value: (o) => o.address },
          { header: '状态', value: (o) => (o.isActive ? '启用' : '停用') },
        ],
        rows,
      );
      return fileResponse(c, { buf, filename: '组织列表.xlsx', mediaType: XLSX_TYPE });
    },
  });
  // 依托单位批量导入 (issue #10 §3): registered before /{id}, which would otherwise take the path.
  r.route({
    ...organizationsApi.importTemplate,
    access: { permission: 'write:organization' },
    handler: async (c, { ctx }) =>
      fileResponse(c, {
        buf: await hostImportTemplateFile(ctx),
        filename: '依托单位导入模板.xlsx',
        mediaType: XLSX_TYPE,
      }),
  });
  r.route({
    ...organizationsApi.import,
    access: { permission: 'write:organization' },
    handler: async (_c, { query, body, ctx, json }) => json(await importHosts(ctx, body as Uint8Array, query)),
  });
  r.route({
    ...organizationsApi.get,
    access: { permission: 'read:organization' },
    scoped: { param: 'id', entity: 'organization' },
    handler: async (_c, { params, ctx, json }) => json(await getOrganization(ctx, params.id)),
  });
  r.route({
    ...organizationsApi.create,
    access: { permission: 'write:organization' },
    handler: async (_c, { body, ctx, json }) => json(await createOrganization(ctx, body), 201),
  });
  r.route({
    ...organizationsApi.update,
    access: { permission: 'write:organization' },
    scoped: { param: 'id', entity: 'organization' },
    handler: async (_c, { params, body, ctx, json }) => json(await updateOrganization(ctx, params.id, body)),
  });
}
