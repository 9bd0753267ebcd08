import { z } from 'zod';
import { type HostImportReport, hostImportQuery, hostImportReportSchema } from '../../../shared/schemas/host-import';
import {
  organizationInputSchema,
  organizationListQuery,
  organizationUpdateSchema,
} from '../../../shared/schemas/organization';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { hostImportTemplateFile, importHosts } from './host-import.service';
import {
  allOrganizations,
  createOrganization,
  getOrganization,
  listOrganizations,
  type OrganizationDto,
  updateOrganization,
} from './organizations.service';

const idParam = z.object({ id: z.string().min(1).max(64) });

export function registerOrganizationRoutes(r: Router): void {
  const tag = '组织';
  r.route({
    method: 'get',
    path: '/api/v1/organizations',
    tag,
    summary: '组织列表（按数据范围）',
    access: { permission: 'read:organization' },
    query: organizationListQuery.extend(pageQuery),
    handler: async (c, { query, ctx }) => c.json(await listOrganizations(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/organizations/export',
    tag,
    summary: '导出组织列表（Excel）',
    access: { permission: 'read:organization' },
    query: organizationListQuery,
    produces: 'xlsx',
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
      return fileResponse(c, buf, '组织列表.xlsx', XLSX_TYPE);
    },
  });
  // 依托单位批量导入 (issue #10 §3): registered before /{id}, which would otherwise take the path.
  r.route({
    method: 'get',
    path: '/api/v1/organizations/import-template',
    tag,
    summary: '下载依托单位导入模板（Excel，单位类型和所在区带下拉选项）',
    access: { permission: 'write:organization' },
    produces: 'xlsx',
    handler: async (c, { ctx }) =>
      fileResponse(c, await hostImportTemplateFile(ctx), '依托单位导入模板.xlsx', XLSX_TYPE),
  });
  r.route({
    method: 'post',
    path: '/api/v1/organizations/import',
    tag,
    summary:
      '批量导入依托单位（Excel）：dryRun=1 预览，逐行列出全部问题；否则无问题时在一个事务中导入，已登记的单位跳过',
    access: { permission: 'write:organization' },
    query: hostImportQuery,
    upload: true,
    response: hostImportReportSchema,
    handler: async (c, { query, body, ctx }) =>
      c.json((await importHosts(ctx, body as Uint8Array, query)) satisfies HostImportReport),
  });
  r.route({
    method: 'get',
    path: '/api/v1/organizations/{id}',
    tag,
    summary: '组织详情',
    access: { permission: 'read:organization' },
    scoped: { param: 'id', entity: 'organization' },
    params: idParam,
    handler: async (c, { params, ctx }) => c.json(await getOrganization(ctx, params.id)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/organizations',
    tag,
    summary: '新建依托单位',
    access: { permission: 'write:organization' },
    body: organizationInputSchema,
    handler: async (c, { body, ctx }) => c.json(await createOrganization(ctx, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/organizations/{id}',
    tag,
    summary: '修改依托单位',
    access: { permission: 'write:organization' },
    scoped: { param: 'id', entity: 'organization' },
    params: idParam,
    body: organizationUpdateSchema,
    handler: async (c, { params, body, ctx }) => c.json(await updateOrganization(ctx, params.id, body)),
  });
}
