import { z } from 'zod';
import { reasonSchema, versionOnlySchema } from '../../../shared/schemas/application';
import {
  acceptanceDecisionSchema,
  changeRequestInputSchema,
  changeRequestUpdateSchema,
  signSchema,
} from '../../../shared/schemas/project';
import { DOCX_TYPE as DOCX, fileResponse } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { fileDownload, readLifecycleFile } from '../lifecycle-files/lifecycle-files';
import {
  addPaperExplanation,
  createChangeRequest,
  getChangeRequest,
  listChangeRequests,
  transitionChangeRequest,
  updateChangeRequest,
} from './change-requests.service';
import {
  acceptanceDocument,
  acceptanceSheet,
  addSignedScan,
  agreementDocument,
  getProject,
  listProjects,
  requireProject,
  signAgreement,
  transitionProject,
  versionDiff,
} from './projects.service';

const projectParam = z.object({ projectId: z.string().min(1).max(64) });
const crParam = z.object({ changeRequestId: z.string().min(1).max(64) });
const fileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');
const scopedProject = { param: 'projectId', entity: 'project' } as const;
const scopedCr = { param: 'changeRequestId', entity: 'change-request' } as const;

export function registerProjectRoutes(r: Router): void {
  const tag = '项目与验收';
  r.route({
    method: 'get',
    path: '/api/v1/projects',
    tag,
    summary: '项目列表（按站点数据范围）',
    access: { permission: 'read:project' },
    query: z.object({
      ...pageQuery,
      year: z.coerce.number().int().optional(),
      status: z.string().max(40).optional(),
      q: z.string().trim().max(100).optional(),
    }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listProjects(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}',
    tag,
    summary: '项目详情：协议现行版本、历次版本、签订、验收状态',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    handler: async (c, { params, ctx }) => c.json(await getProject(ctx, params.projectId)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/agreement.docx',
    tag,
    summary: '下载项目合作协议（Word，按数据生成；可指定版本，第十条）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    produces: 'docx',
    handler: async (c, { params, query, ctx }) => {
      const d = await agreementDocument(ctx, params.projectId, query.version);
      return fileResponse(c, d.bytes, d.fileName, DOCX);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/diff',
    tag,
    summary: '比较协议的两个版本（第十一条）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    query: z.object({
      from: z.coerce.number({ error: '请选择版本' }).int().min(1),
      to: z.coerce.number({ error: '请选择版本' }).int().min(1),
    }),
    handler: async (c, { params, query, ctx }) =>
      c.json({ items: await versionDiff(ctx, params.projectId, query.from, query.to) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/signed-scan',
    tag,
    summary: '上传双方签字盖章的协议扫描件（PDF 或图片，第十条）',
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    params: projectParam,
    query: z.object({ fileName }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(await addSignedScan(ctx, params.projectId, query.fileName, body as Uint8Array), 201),
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/sign',
    tag,
    summary: '登记协议签订日期，项目进入实施（第十条）',
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    params: projectParam,
    body: signSchema,
    handler: async (c, { params, body, ctx }) => c.json(await signAgreement(ctx, params.projectId, body)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/files/{fileId}',
    tag,
    summary: '下载项目文件（协议扫描件）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam.extend({ fileId: z.string().min(1).max(64) }),
    produces: 'file',
    handler: async (c, { params, ctx }) => {
      await requireProject(ctx, params.projectId);
      return fileDownload(c, await readLifecycleFile(ctx, 'project', params.projectId, params.fileId));
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/submit-reports',
    tag,
    summary: '提交总结报告和决算报告（第十二条）',
    access: { permission: 'write:project' },
    scoped: scopedProject,
    params: projectParam,
    body: versionOnlySchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await transitionProject(ctx, params.projectId, 'submit_reports', body)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/return-reports',
    tag,
    summary: '退回验收材料并说明原因（第十三条）',
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    params: projectParam,
    body: reasonSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await transitionProject(ctx, params.projectId, 'return_reports', body)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/acceptance',
    tag,
    summary: '验收表（计算得出：指标达标、报告字数、未整改问题，第十三条）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    handler: async (c, { params, ctx }) => c.json(await acceptanceSheet(ctx, params.projectId)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/acceptance.docx',
    tag,
    summary: '导出验收表（Word）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    produces: 'docx',
    handler: async (c, { params, ctx }) => {
      const d = await acceptanceDocument(ctx, params.projectId);
      return fileResponse(c, d.bytes, d.fileName, DOCX);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/acceptance',
    tag,
    summary: '登记验收结论：通过 / 整改后通过 / 不通过（第十三条）',
    access: { permission: 'decide:project' },
    scoped: scopedProject,
    params: projectParam,
    body: acceptanceDecisionSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(
        await transitionProject(ctx, params.projectId, body.decision, { version: body.version, reason: body.comment }),
      ),
  });

  // 工作调整 (第十一条)
  r.route({
    method: 'get',
    path: '/api/v1/projects/{projectId}/change-requests',
    tag,
    summary: '工作调整申请列表（第十一条）',
    access: { permission: 'read:project' },
    scoped: scopedProject,
    params: projectParam,
    handler: async (c, { params, ctx }) => c.json({ items: await listChangeRequests(ctx, params.projectId) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/projects/{projectId}/change-requests',
    tag,
    summary: '新建工作调整申请（草稿，第十一条）',
    access: { permission: 'write:project' },
    scoped: scopedProject,
    params: projectParam,
    body: changeRequestInputSchema,
    handler: async (c, { params, body, ctx }) => c.json(await createChangeRequest(ctx, params.projectId, body), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/change-requests/{changeRequestId}',
    tag,
    summary: '工作调整申请详情（含与现行协议的差异）',
    access: { permission: 'read:project' },
    scoped: scopedCr,
    params: crParam,
    handler: async (c, { params, ctx }) => c.json(await getChangeRequest(ctx, params.changeRequestId)),
  });
  r.route({
    method: 'put',
    path: '/api/v1/change-requests/{changeRequestId}',
    tag,
    summary: '修改工作调整申请（草稿）',
    access: { permission: 'write:project' },
    scoped: scopedCr,
    params: crParam,
    body: changeRequestUpdateSchema,
    handler: async (c, { params, body, ctx }) => {
      const { version, ...input } = body;
      return c.json(await updateChangeRequest(ctx, params.changeRequestId, version, input));
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/change-requests/{changeRequestId}/paper',
    tag,
    summary: '上传纸质说明扫描件（第十一条，提交前必须）',
    access: { permission: 'write:project' },
    scoped: scopedCr,
    params: crParam,
    query: z.object({ fileName }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(await addPaperExplanation(ctx, params.changeRequestId, query.fileName, body as Uint8Array), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/change-requests/{changeRequestId}/files/{fileId}',
    tag,
    summary: '下载纸质说明扫描件',
    access: { permission: 'read:project' },
    scoped: scopedCr,
    params: crParam.extend({ fileId: z.string().min(1).max(64) }),
    produces: 'file',
    handler: async (c, { params, ctx }) => {
      await getChangeRequest(ctx, params.changeRequestId);
      return fileDownload(c, await readLifecycleFile(ctx, 'change_request', params.changeRequestId, params.fileId));
    },
  });
  const crAction = (
    action: 'submit' | 'withdraw' | 'approve' | 'reject',
    permission: 'write:project' | 'decide:project',
    summary: string,
    body: typeof versionOnlySchema | typeof reasonSchema,
  ) =>
    r.route({
      method: 'post',
      path: `/api/v1/change-requests/{changeRequestId}/${action}`,
      tag,
      summary,
      access: { permission },
      scoped: scopedCr,
      params: crParam,
      body,
      handler: async (c, { params, body: b, ctx }) =>
        c.json(await transitionChangeRequest(ctx, params.changeRequestId, action, b as never)),
    });
  crAction('submit', 'write:project', '提交工作调整申请（须有纸质说明、提前申请，第十一条）', versionOnlySchema);
  crAction('withdraw', 'write:project', '撤回工作调整申请', versionOnlySchema);
  crAction('approve', 'decide:project', '批准工作调整，形成协议新版本（第十一条）', reasonSchema);
  crAction('reject', 'decide:project', '不予批准工作调整并说明理由（第十一条）', reasonSchema);
}
