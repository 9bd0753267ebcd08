import { supervisionApi } from '../../../shared/api/supervision';
import type { FindingOverviewDto } from '../../../shared/schemas/supervision';
import { DOCX_TYPE, EXPORT_LIMIT, fileResponse, type SheetColumn, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { shanghaiDate } from '../../scope';
import { addFinding, decideFinding, listFindings, respondFinding, stationSupervision } from './findings.service';
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
  // Like 问题清单: for everyone who sees stations, each in its data scope (the service composes stationScope), as a
  // station's own supervision page already shows its orders. Issuing and settling them stays the Center's.
  r.route({
    ...supervisionApi.listRecoveries,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, overdue, ...f } = query;
      return json(await listRecoveryOrders(ctx, { ...f, overdue: flag(overdue) }, { page, pageSize }));
    },
  });
  // 问题清单 across inspections: for everyone who sees stations; the service composes stationScope into the query, so
  // a district reads its district's findings and a host its own stations' (no route parameter names a station).
  r.route({
    ...supervisionApi.listFindings,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, overdue, ...f } = query;
      return json(await listFindings(ctx, { ...f, overdue: flag(overdue) }, { page, pageSize }));
    },
  });
  r.route({
    ...supervisionApi.exportFindings,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const { overdue, ...f } = query;
      const { items } = await listFindings(ctx, { ...f, overdue: flag(overdue) }, { page: 1, pageSize: EXPORT_LIMIT });
      const buf = await xlsxBuffer<FindingOverviewDto>('问题清单', FINDING_SHEET, items);
      return fileResponse(c, {
        buf,
        filename: `${query.year ? `${query.year}年度` : ''}监督检查问题清单.xlsx`,
        mediaType: XLSX_TYPE,
      });
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

/** `?overdue=true|false` as the services take it; absent: no filter. */
const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

const FINDING_SHEET: SheetColumn<FindingOverviewDto>[] = [
  { header: '年度', width: 8, value: (f) => f.programYear },
  { header: '工作站点', width: 30, value: (f) => f.stationName },
  { header: '所在区', width: 10, value: (f) => f.districtName ?? '' },
  { header: '检查', width: 28, value: (f) => f.inspectionTitle },
  { header: '问题类型', width: 10, value: (f) => f.kindLabel },
  { header: '问题描述', width: 48, value: (f) => f.description },
  { header: '第十八条情形', width: 36, value: (f) => f.groundLabel },
  { header: '整改期限', width: 12, value: (f) => f.dueOn ?? '' },
  { header: '是否逾期', width: 10, value: (f) => (f.overdue ? '已逾期' : '') },
  { header: '状态', width: 12, value: (f) => f.statusLabel },
  { header: '依据', width: 10, value: (f) => f.article },
];
