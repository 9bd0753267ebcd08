import { matchingApi } from '../../../shared/api/matching';
import type { UnmatchedDemandDto } from '../../../shared/schemas/matching';
import { EXPORT_LIMIT, fileResponse, type SheetColumn, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import {
  acceptMatch,
  demandsForTarget,
  listDockings,
  listUnmatchedDemands,
  suggestForDemand,
  suggestForDemands,
} from './matching.service';

const UNMATCHED_SHEET: SheetColumn<UnmatchedDemandDto>[] = [
  { header: '站点', width: 28, value: (r) => r.stationName },
  { header: '需求编号', width: 10, value: (r) => r.ref },
  { header: '需求名称', width: 36, value: (r) => r.title },
  { header: '企业', width: 30, value: (r) => r.enterpriseName },
  { header: '征集日期', width: 12, value: (r) => r.collectedOn },
  { header: '已等待（天）', width: 12, value: (r) => r.daysWaiting },
];

export function registerMatchingRoutes(r: Router): void {
  // Reading suggestions is reading the ledger: each station's own readers, in their scope (the route's station).
  r.route({
    ...matchingApi.demandMatches,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) =>
      json(await suggestForDemand(ctx, { stationId: params.id, demandId: params.recordId })),
  });
  r.route({
    ...matchingApi.demandSuggestions,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(await suggestForDemands(ctx, { stationId: params.id, ids: query.ids.split(','), limit: query.limit })),
  });
  r.route({
    ...matchingApi.acceptMatch,
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) => {
      await acceptMatch(ctx, { stationId: params.id, demandId: params.recordId, input: body });
      return json({ ok: true as const });
    },
  });
  for (const [e, kind] of [
    [matchingApi.expertDemandMatches, 'expert'],
    [matchingApi.achievementDemandMatches, 'achievement'],
  ] as const) {
    r.route({
      ...e,
      access: { permission: 'read:ledger' },
      scoped: { param: 'id', entity: 'station' },
      handler: async (_c, { params, ctx, json }) =>
        json(await demandsForTarget(ctx, { stationId: params.id, kind, recordId: params.recordId })),
    });
  }
  r.route({
    ...matchingApi.dockings,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await listDockings(ctx, params.id)),
  });
  // Across stations: the service composes stationScope, so a district reads its district's demands.
  r.route({
    ...matchingApi.unmatchedDemands,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await listUnmatchedDemands(ctx, query)),
  });
  r.route({
    ...matchingApi.exportUnmatchedDemands,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const { items } = await listUnmatchedDemands(ctx, { ...query, page: 1, pageSize: EXPORT_LIMIT });
      const buf = await xlsxBuffer('未匹配需求', UNMATCHED_SHEET, items);
      return fileResponse(c, {
        buf,
        filename: `${query.year ? `${query.year}年度` : ''}超过${query.days}天未匹配的企业需求.xlsx`,
        mediaType: XLSX_TYPE,
      });
    },
  });
}
