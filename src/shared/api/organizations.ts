import { hostImportQuery, hostImportReportSchema } from '../schemas/host-import';
import {
  OrganizationDto,
  organizationIdParam,
  organizationInputSchema,
  organizationListQuery,
  organizationUpdateSchema,
} from '../schemas/organization';
import { pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '组织';

export const organizationsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/organizations',
    tag,
    summary: '组织列表（按数据范围）',
    query: organizationListQuery.extend(pageQuery),
    response: pageOf(OrganizationDto),
  }),
  export: endpoint({
    method: 'get',
    path: '/api/v1/organizations/export',
    tag,
    summary: '导出组织列表（Excel）',
    query: organizationListQuery,
    response: 'xlsx',
  }),
  importTemplate: endpoint({
    method: 'get',
    path: '/api/v1/organizations/import-template',
    tag,
    summary: '下载依托单位导入模板（Excel，单位类型和所在区带下拉选项）',
    response: 'xlsx',
  }),
  import: endpoint({
    method: 'post',
    path: '/api/v1/organizations/import',
    tag,
    summary:
      '批量导入依托单位（Excel）：dryRun=1 预览，逐行列出全部问题；否则无问题时在一个事务中导入，已登记的单位跳过',
    query: hostImportQuery,
    upload: true,
    response: hostImportReportSchema,
  }),
  get: endpoint({
    method: 'get',
    path: '/api/v1/organizations/{id}',
    tag,
    summary: '组织详情',
    params: organizationIdParam,
    response: OrganizationDto,
  }),
  create: endpoint({
    method: 'post',
    path: '/api/v1/organizations',
    tag,
    summary: '新建依托单位',
    body: organizationInputSchema,
    response: OrganizationDto,
    status: 201,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/organizations/{id}',
    tag,
    summary: '修改依托单位',
    params: organizationIdParam,
    body: organizationUpdateSchema,
    response: OrganizationDto,
  }),
};
