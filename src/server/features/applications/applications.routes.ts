import { applicationsApi } from '../../../shared/api/applications';
import { notFound } from '../../../shared/errors';
import { loadPolicy } from '../../core/policy';
import { fileResponse, XLSX_TYPE } from '../../http/excel';
import type { Router } from '../../http/router';
import { fileDownload, readLifecycleFile } from '../lifecycle-files/lifecycle-files';
import {
  addApplicationFile,
  createApplication,
  getApplication,
  listApplications,
  removeApplicationFile,
  requireApplication,
  transitionApplication,
  updateApplication,
} from './applications.service';
import { approveApplications } from './approval.service';
import { ranking } from './ranking.service';
import { rankingFileName, rankingXlsx } from './ranking-export';
import {
  addSiteVisitPhoto,
  assignReviewers,
  declareConflict,
  listApplicationReviews,
  listReviewers,
  listSiteVisits,
  myAssignments,
  recordSiteVisit,
  submitScores,
} from './reviews.service';

const scopedApp = { param: 'applicationId', entity: 'application' } as const;

export function registerApplicationRoutes(r: Router): void {
  r.route({
    ...applicationsApi.list,
    access: { permission: 'read:application' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listApplications(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...applicationsApi.ranking,
    access: { permission: 'manage:review' },
    handler: async (_c, { query, ctx, json }) => json(await ranking(ctx, query.year)),
  });
  r.route({
    ...applicationsApi.rankingExport,
    access: { permission: 'manage:review' },
    handler: async (c, { query, ctx }) => {
      const [data, policy] = await Promise.all([ranking(ctx, query.year), loadPolicy(ctx.db, query.year)]);
      const names = new Map(policy.districts.map((d) => [d.code, d.name]));
      const buf = await rankingXlsx(data, (code) => (code ? (names.get(code) ?? code) : '—'));
      return fileResponse(c, { buf, filename: rankingFileName(query.year), mediaType: XLSX_TYPE });
    },
  });
  r.route({
    ...applicationsApi.approve,
    access: { permission: 'decide:application' },
    handler: async (_c, { body, ctx, json }) => json(await approveApplications(ctx, body.items)),
  });
  r.route({
    ...applicationsApi.create,
    access: { permission: 'write:application' },
    handler: async (_c, { body, ctx, json }) => json(await createApplication(ctx, body.callId, body.form), 201),
  });
  r.route({
    ...applicationsApi.get,
    access: { permission: 'read:application' },
    scoped: scopedApp,
    handler: async (_c, { params, ctx, json }) => json(await getApplication(ctx, params.applicationId)),
  });
  r.route({
    ...applicationsApi.update,
    access: { permission: 'write:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await updateApplication(ctx, { id: params.applicationId, version: body.version, form: body.form })),
  });
  r.route({
    ...applicationsApi.uploadFile,
    access: { permission: 'write:application' },
    scoped: scopedApp,
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await addApplicationFile(ctx, {
          id: params.applicationId,
          purpose: query.purpose,
          fileName: query.fileName,
          bytes: body as Uint8Array,
        }),
        201,
      ),
  });
  r.route({
    ...applicationsApi.removeFile,
    access: { permission: 'write:application' },
    scoped: scopedApp,
    handler: async (_c, { params, ctx, json }) =>
      json(await removeApplicationFile(ctx, params.applicationId, params.fileId)),
  });
  r.route({
    ...applicationsApi.file,
    access: { permission: 'read:application' },
    scoped: scopedApp,
    handler: async (c, { params, ctx }) => {
      await requireApplication(ctx, params.applicationId);
      return fileDownload(
        c,
        await readLifecycleFile(ctx, { kind: 'application', ownerId: params.applicationId, fileId: params.fileId }),
      );
    },
  });

  // Every transition goes through the application machine (transitionApplication); each has its own endpoint so
  // that its body is typed.
  r.route({
    ...applicationsApi.submit,
    access: { permission: 'write:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'submit', input: body })),
  });
  r.route({
    ...applicationsApi.withdraw,
    access: { permission: 'write:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'withdraw', input: body })),
  });
  r.route({
    ...applicationsApi.return,
    access: { permission: 'return:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'return', input: body })),
  });
  r.route({
    ...applicationsApi.recommend,
    access: { permission: 'recommend:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'recommend', input: body })),
  });
  r.route({
    ...applicationsApi.startReview,
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'start_review', input: body })),
  });
  r.route({
    ...applicationsApi.reject,
    access: { permission: 'decide:application' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionApplication(ctx, { id: params.applicationId, action: 'reject', input: body })),
  });

  r.route({
    ...applicationsApi.reviewers,
    access: { permission: 'manage:review' },
    handler: async (_c, { query, ctx, json }) => json({ items: await listReviewers(ctx, query.applicationId) }),
  });
  r.route({
    ...applicationsApi.reviews,
    access: { permission: 'read:application' },
    scoped: scopedApp,
    handler: async (_c, { params, ctx, json }) => {
      const role = ctx.actor!.role;
      if (role === 'host' || role === 'district') {
        // Scores are the Center's working papers until the decision (第十条).
        await requireApplication(ctx, params.applicationId);
        return json({ items: [] });
      }
      return json({ items: await listApplicationReviews(ctx, params.applicationId) });
    },
  });
  r.route({
    ...applicationsApi.assignReviewers,
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json({ items: await assignReviewers(ctx, params.applicationId, body.reviewerIds) }, 201),
  });
  r.route({
    ...applicationsApi.myAssignments,
    access: { permission: 'review:application' },
    handler: async (_c, { ctx, json }) => json({ items: await myAssignments(ctx) }),
  });
  r.route({
    ...applicationsApi.declare,
    access: { permission: 'review:application' },
    scoped: { param: 'assignmentId', entity: 'review' },
    handler: async (_c, { params, body, ctx, json }) => json(await declareConflict(ctx, params.assignmentId, body)),
  });
  r.route({
    ...applicationsApi.score,
    access: { permission: 'review:application' },
    scoped: { param: 'assignmentId', entity: 'review' },
    handler: async (_c, { params, body, ctx, json }) => json(await submitScores(ctx, params.assignmentId, body)),
  });
  r.route({
    ...applicationsApi.siteVisits,
    access: { permission: 'read:application' },
    scoped: scopedApp,
    handler: async (_c, { params, ctx, json }) => json({ items: await listSiteVisits(ctx, params.applicationId) }),
  });
  r.route({
    ...applicationsApi.recordSiteVisit,
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await recordSiteVisit(ctx, params.applicationId, body), 201),
  });
  r.route({
    ...applicationsApi.uploadSiteVisitPhoto,
    access: { permission: 'manage:review' },
    scoped: scopedApp,
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await addSiteVisitPhoto(ctx, {
          applicationId: params.applicationId,
          visitId: params.visitId,
          fileName: query.fileName,
          bytes: body as Uint8Array,
        }),
        201,
      ),
  });
  r.route({
    ...applicationsApi.siteVisitPhoto,
    access: { permission: 'read:application' },
    scoped: scopedApp,
    handler: async (c, { params, ctx }) => {
      const list = await listSiteVisits(ctx, params.applicationId);
      if (!list.some((i) => i.id === params.visitId)) throw notFound('实地考察记录');
      return fileDownload(
        c,
        await readLifecycleFile(ctx, { kind: 'site_visit', ownerId: params.visitId, fileId: params.fileId }),
      );
    },
  });
}
