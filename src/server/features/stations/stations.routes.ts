import { stationsApi } from '../../../shared/api/stations';
import type { StationDto } from '../../../shared/schemas/station';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { allStations, createStation, deleteStation, getStation, listStations, updateStation } from './stations.service';

export function registerStationRoutes(r: Router): void {
  r.route({
    ...stationsApi.list,
    access: { permission: 'read:station' },
    handler: async (_c, { query, ctx, json }) => json(await listStations(ctx, query)),
  });
  r.route({
    ...stationsApi.export,
    access: { permission: 'read:station' },
    handler: async (c, { query, ctx }) => {
      const rows = await allStations(ctx, query, EXPORT_LIMIT);
      const buf = await xlsxBuffer<StationDto>(
        '工作站点',
        [
          { header: '年度', width: 8, value: (s) => s.programYear },
          { header: '站点名称', width: 36, value: (s) => s.name },
          { header: '站点类型', width: 20, value: (s) => s.typeLabel },
          { header: '所在区', width: 16, value: (s) => s.districtName ?? '' },
          { header: '区代码', width: 10, value: (s) => s.districtCode ?? '' },
          { header: '依托单位', width: 36, value: (s) => s.hostName },
          { header: '依托单位统一社会信用代码', width: 24, value: (s) => s.hostUscc },
          { header: '开始日期', width: 12, value: (s) => s.periodStart },
          { header: '结束日期', width: 12, value: (s) => s.periodEnd },
          { header: '项目负责人', value: (s) => s.leaderName },
          { header: '负责人电话', value: (s) => s.leaderPhone },
          { header: '联系人', value: (s) => s.contactName },
          { header: '联系人电话', value: (s) => s.contactPhone },
        ],
        rows,
      );
      return fileResponse(c, { buf, filename: '工作站点列表.xlsx', mediaType: XLSX_TYPE });
    },
  });
  r.route({
    ...stationsApi.get,
    access: { permission: 'read:station' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await getStation(ctx, params.id)),
  });
  r.route({
    ...stationsApi.create,
    access: { permission: 'write:station' },
    handler: async (_c, { body, ctx, json }) => json(await createStation(ctx, body), 201),
  });
  r.route({
    ...stationsApi.update,
    access: { permission: 'write:station' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await updateStation(ctx, { id: params.id, version: body.version, input: body.station })),
  });
  r.route({
    ...stationsApi.remove,
    access: { permission: 'write:station' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) => {
      await deleteStation(ctx, params.id, query.version);
      return json({ ok: true });
    },
  });
}
