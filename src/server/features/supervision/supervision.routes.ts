import { supervisionApi } from '../../../shared/api/supervision';
import { DOCX_TYPE, fileResponse } from '../../http/excel';
import type { Router } from '../../http/router';
import { shanghaiDate } from '../../scope';
import { addFinding, decideFinding, respondFinding, stationSupervision } from './findings.service';
import { completeInspection, createInspection, getInspection, listInspections } from './inspections.service';
import { closeRecovery, issueRecovery, listRecoveryOrders, recordRecoveryPayment } from './recoveries.service';
import { inspectionReportDocx } from './report';

export function registerSupervisionRoutes(r: Router): void {
  // The Center's inspections (第十九条): its role sees every station, so these routes need no record scope.
  r.route({
    ...supervisionApi.listInspections,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listInspections(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...supervisionApi.createInspection,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { body, ctx, json }) => json(await createInspection(ctx, body), 201),
  });
  r.route({
    ...supervisionApi.getInspection,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { params, ctx, json }) => json(await getInspection(ctx, params.inspectionId)),
  });
  r.route({
    ...supervisionApi.inspectionReport,
    access: { permission: 'manage:inspection' },
    handler: async (c, { params, ctx }) => {
      const i = await getInspection(ctx, params.inspectionId);
      const bytes = await inspectionReportDocx(i, shanghaiDate(ctx.clock.now()));
      return fileResponse(c, { buf: bytes, filename: `${i.title}-检查报告.docx`, mediaType: DOCX_TYPE });
    },
  });
  r.route({
    ...supervisionApi.addFinding,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { params, body, ctx, json }) => json(await addFinding(ctx, params.inspectionId, body), 201),
  });
  r.route({
    ...supervisionApi.completeInspection,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { params, body, ctx, json }) => json(await completeInspection(ctx, params.inspectionId, body)),
  });
  for (const [e, action] of [
    [supervisionApi.closeFinding, 'close'],
    [supervisionApi.reopenFinding, 'reopen'],
  ] as const) {
    r.route({
      ...e,
      access: { permission: 'manage:inspection' },
      handler: async (_c, { params, body, ctx, json }) =>
        json(await decideFinding(ctx, { findingId: params.findingId, action, input: body })),
    });
  }
  r.route({
    ...supervisionApi.listRecoveries,
    access: { permission: 'manage:inspection' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listRecoveryOrders(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...supervisionApi.issueRecovery,
    access: { permission: 'write:recovery' },
    handler: async (_c, { body, ctx, json }) => json(await issueRecovery(ctx, body), 201),
  });
  r.route({
    ...supervisionApi.recordRecoveryPayment,
    access: { permission: 'write:recovery' },
    handler: async (_c, { params, body, ctx, json }) => json(await recordRecoveryPayment(ctx, params.orderId, body)),
  });
  r.route({
    ...supervisionApi.closeRecovery,
    access: { permission: 'write:recovery' },
    handler: async (_c, { params, body, ctx, json }) => json(await closeRecovery(ctx, params.orderId, body)),
  });
  // A station's findings and orders, for everyone who sees the station (its host answers them).
  r.route({
    ...supervisionApi.station,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await stationSupervision(ctx, params.id)),
  });
  r.route({
    ...supervisionApi.respondFinding,
    access: { permission: 'respond:finding' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await respondFinding(ctx, { stationId: params.id, findingId: params.findingId, input: body })),
  });
}
