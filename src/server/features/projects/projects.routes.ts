import { changeRequestsApi } from '../../../shared/api/change-requests';
import { projectsApi } from '../../../shared/api/projects';
import { DOCX_TYPE as DOCX, fileResponse } from '../../http/excel';
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

const scopedProject = { param: 'projectId', entity: 'project' } as const;
const scopedCr = { param: 'changeRequestId', entity: 'change-request' } as const;

export function registerProjectRoutes(r: Router): void {
  r.route({
    ...projectsApi.list,
    access: { permission: 'read:project' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listProjects(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...projectsApi.get,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (_c, { params, ctx, json }) => json(await getProject(ctx, params.projectId)),
  });
  r.route({
    ...projectsApi.agreementDocx,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (c, { params, query, ctx }) => {
      const d = await agreementDocument(ctx, params.projectId, query.version);
      return fileResponse(c, { buf: d.bytes, filename: d.fileName, mediaType: DOCX });
    },
  });
  r.route({
    ...projectsApi.diff,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (_c, { params, query, ctx, json }) =>
      json({ items: await versionDiff(ctx, { id: params.projectId, from: query.from, to: query.to }) }),
  });
  r.route({
    ...projectsApi.uploadSignedScan,
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await addSignedScan(ctx, { id: params.projectId, fileName: query.fileName, bytes: body as Uint8Array }),
        201,
      ),
  });
  r.route({
    ...projectsApi.sign,
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    handler: async (_c, { params, body, ctx, json }) => json(await signAgreement(ctx, params.projectId, body)),
  });
  r.route({
    ...projectsApi.file,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (c, { params, ctx }) => {
      await requireProject(ctx, params.projectId);
      return fileDownload(
        c,
        await readLifecycleFile(ctx, { kind: 'project', ownerId: params.projectId, fileId: params.fileId }),
      );
    },
  });
  r.route({
    ...projectsApi.submitReports,
    access: { permission: 'write:project' },
    scoped: scopedProject,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionProject(ctx, { id: params.projectId, action: 'submit_reports', input: body })),
  });
  r.route({
    ...projectsApi.returnReports,
    access: { permission: 'manage:project' },
    scoped: scopedProject,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionProject(ctx, { id: params.projectId, action: 'return_reports', input: body })),
  });
  r.route({
    ...projectsApi.acceptance,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (_c, { params, ctx, json }) => json(await acceptanceSheet(ctx, params.projectId)),
  });
  r.route({
    ...projectsApi.acceptanceDocx,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (c, { params, ctx }) => {
      const d = await acceptanceDocument(ctx, params.projectId);
      return fileResponse(c, { buf: d.bytes, filename: d.fileName, mediaType: DOCX });
    },
  });
  r.route({
    ...projectsApi.decideAcceptance,
    access: { permission: 'decide:project' },
    scoped: scopedProject,
    handler: async (_c, { params, body, ctx, json }) =>
      json(
        await transitionProject(ctx, {
          id: params.projectId,
          action: body.decision,
          input: { version: body.version, reason: body.comment },
        }),
      ),
  });

  // 工作调整 (第十一条)
  r.route({
    ...changeRequestsApi.listForProject,
    access: { permission: 'read:project' },
    scoped: scopedProject,
    handler: async (_c, { params, ctx, json }) => json({ items: await listChangeRequests(ctx, params.projectId) }),
  });
  r.route({
    ...changeRequestsApi.create,
    access: { permission: 'write:project' },
    scoped: scopedProject,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await createChangeRequest(ctx, params.projectId, body), 201),
  });
  r.route({
    ...changeRequestsApi.get,
    access: { permission: 'read:project' },
    scoped: scopedCr,
    handler: async (_c, { params, ctx, json }) => json(await getChangeRequest(ctx, params.changeRequestId)),
  });
  r.route({
    ...changeRequestsApi.update,
    access: { permission: 'write:project' },
    scoped: scopedCr,
    handler: async (_c, { params, body, ctx, json }) => {
      const { version, ...input } = body;
      return json(await updateChangeRequest(ctx, { id: params.changeRequestId, version, input }));
    },
  });
  r.route({
    ...changeRequestsApi.uploadPaper,
    access: { permission: 'write:project' },
    scoped: scopedCr,
    handler: async (_c, { params, query, body, ctx, json }) =>
      json(
        await addPaperExplanation(ctx, {
          id: params.changeRequestId,
          fileName: query.fileName,
          bytes: body as Uint8Array,
        }),
        201,
      ),
  });
  r.route({
    ...changeRequestsApi.file,
    access: { permission: 'read:project' },
    scoped: scopedCr,
    handler: async (c, { params, ctx }) => {
      await getChangeRequest(ctx, params.changeRequestId);
      return fileDownload(
        c,
        await readLifecycleFile(ctx, {
          kind: 'change_request',
          ownerId: params.changeRequestId,
          fileId: params.fileId,
        }),
      );
    },
  });
  r.route({
    ...changeRequestsApi.submit,
    access: { permission: 'write:project' },
    scoped: scopedCr,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionChangeRequest(ctx, { id: params.changeRequestId, action: 'submit', input: body })),
  });
  r.route({
    ...changeRequestsApi.withdraw,
    access: { permission: 'write:project' },
    scoped: scopedCr,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionChangeRequest(ctx, { id: params.changeRequestId, action: 'withdraw', input: body })),
  });
  r.route({
    ...changeRequestsApi.approve,
    access: { permission: 'decide:project' },
    scoped: scopedCr,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionChangeRequest(ctx, { id: params.changeRequestId, action: 'approve', input: body })),
  });
  r.route({
    ...changeRequestsApi.reject,
    access: { permission: 'decide:project' },
    scoped: scopedCr,
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionChangeRequest(ctx, { id: params.changeRequestId, action: 'reject', input: body })),
  });
}
