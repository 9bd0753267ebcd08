import { z } from 'zod';
import { notFound } from '../../../shared/errors';
import {
  APPLICATION_FILE_PURPOSES,
  applicationCreateSchema,
  applicationUpdateSchema,
  approveBatchSchema,
  assignReviewersSchema,
  declarationSchema,
  inspectionSchema,
  reasonSchema,
  recommendSchema,
  scoreSchema,
  versionOnlySchema,
} from '../../../shared/schemas/application';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { fileDownload, readLifecycleFile } from '../lifecycle-files/lifecycle-files';
import {
  addApplicationFile,
  approveApplications,
  createApplication,
  getApplication,
  listApplications,
  ranking,
  removeApplicationFile,
  requireApplication,
  transitionApplication,
  updateApplication,
} from './applications.service';
import {
  addInspectionPhoto,
  assignReviewers,
  declareConflict,
  listApplicationReviews,
  listInspections,
  listReviewers,
  myAssignments,
  recordInspection,
  submitScores,
} from './reviews.service';

const appParam = z.object({ applicationId: z.string().min(1).max(64) });
const fileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');
const scopedApp = { param: 'applicationId', entity: 'application' } as const;

export function registerApplicationRoutes(r: Router): void {
  const tag = '申报与评审';
  r.route({
    method: 'get',
    path: '/api/v1/applications',
    tag,
    summary: '申报书列表（中心看全部，区科协看本区，依托单位看本单位，评审专家看指派给自己的）',
    access: { permission: 'read:application' },
    query: z.object({
      ...pageQuery,
      year: z.coerce.number().int().optional(),
      status: z.string().max(30).optional(),
      type: z.string().max(30).optional(),
      districtCode: z.string().max(10).optional(),
      q: z.string().trim().max(100).optional(),
    }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listApplications(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/ranking',
    tag,
    summary: '评审排名（按站点类型，回避专家不计，第十条）',
    access: { permission: 'manage:review' },
    query: z.object({ year: z.coerce.number({ error: '请选择年度' }).int() }),
    handler: async (c, { query, ctx }) => c.json(await ranking(ctx, query.year)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications/approve',
    tag,
    summary: '批量批准立项（名额内，第十条）：创建站点、项目和协议第 1 版',
    access: { permission: 'decide:application' },
    body: approveBatchSchema,
    handler: async (c, { body, ctx }) => c.json(await approveApplications(ctx, body.items)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications',
    tag,
    summary: '新建申报书（草稿，第十条）',
    access: { permission: 'write:application' },
    body: applicationCreateSchema,
    handler: async (c, { body, ctx }) => c.json(await createApplication(ctx, body.callId, body.form), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/{applicationId}',
    tag,
    summary: '申报书详情（含待补全项、材料、可执行操作、往年验收结果）',
    access: { permission: 'read:application' },
    scoped: scopedApp,
    params: appParam,
    handler: async (c, { params, ctx }) => c.json(await getApplication(ctx, params.applicationId)),
  });
  r.route({
    method: 'put',
    path: '/api/v1/applications/{applicationId}',
    tag,
    summary: '保存申报书（草稿或退回后修改）',
    access: { permission: 'write:application' },
    scoped: scopedApp,
    params: appParam,
    body: applicationUpdateSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await updateApplication(ctx, params.applicationId, body.version, body.form)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications/{applicationId}/files',
    tag,
    summary: '上传申报材料（PDF、Word、图片）',
    access: { permission: 'write:application' },
    scoped: scopedApp,
    params: appParam,
    query: z.object({ purpose: z.enum(APPLICATION_FILE_PURPOSES, { error: '请选择材料类型' }), fileName }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(
        await addApplicationFile(ctx, params.applicationId, query.purpose, query.fileName, body as Uint8Array),
        201,
      ),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/applications/{applicationId}/files/{fileId}',
    tag,
    summary: '删除申报材料（草稿或退回后）',
    access: { permission: 'write:application' },
    scoped: scopedApp,
    params: appParam.extend({ fileId: z.string().min(1).max(64) }),
    handler: async (c, { params, ctx }) =>
      c.json(await removeApplicationFile(ctx, params.applicationId, params.fileId)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/{applicationId}/files/{fileId}',
    tag,
    summary: '下载申报材料',
    access: { permission: 'read:application' },
    scoped: scopedApp,
    params: appParam.extend({ fileId: z.string().min(1).max(64) }),
    produces: 'file',
    handler: async (c, { params, ctx }) => {
      await requireApplication(ctx, params.applicationId);
      return fileDownload(c, await readLifecycleFile(ctx, 'application', params.applicationId, params.fileId));
    },
  });

  const transition = (
    action: 'submit' | 'withdraw' | 'return' | 'recommend' | 'start_review' | 'reject',
    permission: 'write:application' | 'recommend:application' | 'manage:review' | 'decide:application',
    summary: string,
    body: typeof versionOnlySchema | typeof reasonSchema | typeof recommendSchema,
  ) =>
    r.route({
      method: 'post',
      path: `/api/v1/applications/{applicationId}/${action.replace('_', '-')}`,
      tag,
      summary,
      access: { permission },
      scoped: scopedApp,
      params: appParam,
      body,
      handler: async (c, { params, body: b, ctx }) =>
        c.json(await transitionApplication(ctx, params.applicationId, action, b as never)),
    });
  transition(
    'submit',
    'write:application',
    '提交申报书（第十条：检查完整性和申报资格，列出每一处缺项）',
    versionOnlySchema,
  );
  transition('withdraw', 'write:application', '撤回申报书（截止日期前，第十条）', versionOnlySchema);
  r.route({
    method: 'post',
    path: '/api/v1/applications/{applicationId}/return',
    tag,
    summary: '退回申报书并说明原因（区科协或中心，第六条）',
    access: { permission: 'return:application' },
    scoped: scopedApp,
    params: appParam,
    body: reasonSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await transitionApplication(ctx, params.applicationId, 'return', body)),
  });
  transition('recommend', 'recommend:application', '区科协推荐申报书并填写推荐意见（第六条）', recommendSchema);
  transition(
    'start_review',
    'manage:review',
    '组织专家评审（第十条：不少于规定人数的专家，回避的不计）',
    versionOnlySchema,
  );
  transition('reject', 'decide:application', '不予立项并说明理由（第十条）', reasonSchema);

  r.route({
    method: 'get',
    path: '/api/v1/reviewers',
    tag,
    summary: '评审专家库（指派时选择）',
    access: { permission: 'manage:review' },
    handler: async (c, { ctx }) => c.json({ items: await listReviewers(ctx) }),
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/{applicationId}/reviews',
    tag,
    summary: '申报书的评审任务（中心看全部，评审专家只看自己的）',
    access: { permission: 'read:application' },
    scoped: scopedApp,
    params: appParam,
    handler: async (c, { params, ctx }) => {
      const role = ctx.actor!.role;
      if (role === 'host' || role === 'district') {
        // Scores are the Center's working papers until the decision (第十条).
        await requireApplication(ctx, params.applicationId);
        return c.json({ items: [] });
      }
      return c.json({ items: await listApplicationReviews(ctx, params.applicationId) });
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications/{applicationId}/reviewers',
    tag,
    summary: '指派评审专家（任职于申报单位的专家自动拒绝，第十条）',
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    params: appParam,
    body: assignReviewersSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json({ items: await assignReviewers(ctx, params.applicationId, body.reviewerIds) }, 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/review-assignments',
    tag,
    summary: '我的评审任务',
    access: { permission: 'review:application' },
    handler: async (c, { ctx }) => c.json({ items: await myAssignments(ctx) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/review-assignments/{assignmentId}/declaration',
    tag,
    summary: '声明利益冲突（有冲突即回避，第十条）',
    access: { permission: 'review:application' },
    scoped: { param: 'assignmentId', entity: 'review' },
    params: z.object({ assignmentId: z.string().min(1).max(64) }),
    body: declarationSchema,
    handler: async (c, { params, body, ctx }) => c.json(await declareConflict(ctx, params.assignmentId, body)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/review-assignments/{assignmentId}/score',
    tag,
    summary: '按评分细则提交评分和评审意见（第十条）',
    access: { permission: 'review:application' },
    scoped: { param: 'assignmentId', entity: 'review' },
    params: z.object({ assignmentId: z.string().min(1).max(64) }),
    body: scoreSchema,
    handler: async (c, { params, body, ctx }) => c.json(await submitScores(ctx, params.assignmentId, body)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/{applicationId}/inspections',
    tag,
    summary: '实地考察记录（第十条）',
    access: { permission: 'read:application' },
    scoped: scopedApp,
    params: appParam,
    handler: async (c, { params, ctx }) => c.json({ items: await listInspections(ctx, params.applicationId) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications/{applicationId}/inspections',
    tag,
    summary: '登记实地考察（日期、人员含区科协、考察情况，第十条）',
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    params: appParam,
    body: inspectionSchema,
    handler: async (c, { params, body, ctx }) => c.json(await recordInspection(ctx, params.applicationId, body), 201),
  });
  r.route({
    method: 'post',
    path: '/api/v1/applications/{applicationId}/inspections/{inspectionId}/photos',
    tag,
    summary: '上传实地考察照片',
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    params: appParam.extend({ inspectionId: z.string().min(1).max(64) }),
    query: z.object({ fileName }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(
        await addInspectionPhoto(ctx, params.applicationId, params.inspectionId, query.fileName, body as Uint8Array),
        201,
      ),
  });
  r.route({
    method: 'get',
    path: '/api/v1/applications/{applicationId}/inspections/{inspectionId}/photos/{fileId}',
    tag,
    summary: '下载实地考察照片',
    access: { permission: 'read:application' },
    scoped: scopedApp,
    params: appParam.extend({ inspectionId: z.string().min(1).max(64), fileId: z.string().min(1).max(64) }),
    produces: 'file',
    handler: async (c, { params, ctx }) => {
      const list = await listInspections(ctx, params.applicationId);
      if (!list.some((i) => i.id === params.inspectionId)) throw notFound('实地考察记录');
      return fileDownload(c, await readLifecycleFile(ctx, 'inspection', params.inspectionId, params.fileId));
    },
  });
}
