import { reasonSchema, versionOnlySchema } from '../schemas/application';
import { ChangeRequestDto, changeRequestFileParam, changeRequestParam } from '../schemas/change-request';
import {
  changeRequestInputSchema,
  changeRequestUpdateSchema,
  projectParam,
  uploadFileNameQuery,
} from '../schemas/project';
import { listOf } from './common';
import { endpoint } from './endpoint';

// 工作调整 (第十一条): a project's requests to change its agreement, with the paper explanation's scan; the Center
// decides, and an approval makes a new agreement version.

const tag = '项目与验收';

export const changeRequestsApi = {
  listForProject: endpoint({
    method: 'get',
    path: '/api/v1/projects/{projectId}/change-requests',
    tag,
    summary: '工作调整申请列表（第十一条）',
    params: projectParam,
    response: listOf(ChangeRequestDto),
  }),
  create: endpoint({
    method: 'post',
    path: '/api/v1/projects/{projectId}/change-requests',
    tag,
    summary: '新建工作调整申请（草稿，第十一条）',
    params: projectParam,
    body: changeRequestInputSchema,
    response: ChangeRequestDto,
    status: 201,
  }),
  get: endpoint({
    method: 'get',
    path: '/api/v1/change-requests/{changeRequestId}',
    tag,
    summary: '工作调整申请详情（含与现行协议的差异）',
    params: changeRequestParam,
    response: ChangeRequestDto,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/change-requests/{changeRequestId}',
    tag,
    summary: '修改工作调整申请（草稿）',
    params: changeRequestParam,
    body: changeRequestUpdateSchema,
    response: ChangeRequestDto,
  }),
  uploadPaper: endpoint({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/paper',
    tag,
    summary: '上传纸质说明扫描件（第十一条，提交前必须）',
    params: changeRequestParam,
    query: uploadFileNameQuery,
    upload: true,
    response: ChangeRequestDto,
    status: 201,
  }),
  file: endpoint({
    method: 'get',
    path: '/api/v1/change-requests/{changeRequestId}/files/{fileId}',
    tag,
    summary: '下载纸质说明扫描件',
    params: changeRequestFileParam,
    response: 'file',
  }),
  submit: endpoint({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/submit',
    tag,
    summary: '提交工作调整申请（须有纸质说明、提前申请，第十一条）',
    params: changeRequestParam,
    body: versionOnlySchema,
    response: ChangeRequestDto,
  }),
  withdraw: endpoint({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/withdraw',
    tag,
    summary: '撤回工作调整申请',
    params: changeRequestParam,
    body: versionOnlySchema,
    response: ChangeRequestDto,
  }),
  approve: endpoint({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/approve',
    tag,
    summary: '批准工作调整，形成协议新版本（第十一条）',
    params: changeRequestParam,
    body: reasonSchema,
    response: ChangeRequestDto,
  }),
  reject: endpoint({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/reject',
    tag,
    summary: '不予批准工作调整并说明理由（第十一条）',
    params: changeRequestParam,
    body: reasonSchema,
    response: ChangeRequestDto,
  }),
};
