import { z } from 'zod';
import { stationInputSchema, stationListQuery, stationUpdateSchema } from '../../../shared/schemas/station';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import {
  allStations,
  createStation,
  deleteStation,
  getStation,
  listStations,
  type StationDto,
  updateStation,
} from './stations.service';

const idParam = z.object({ id: z.string().min(1).max(64) });
const versionQuery = z.object({
  version: z
    .string({ error: '缺少版本号' })
    .regex(/^[1-9]\d*$/, '版本号应为正整数')
    .transform(Number),
});

export function registerStationRoutes(r: Router): void {
  const tag = '工作站点';
  r.route({
    method: 'get',
    path: '/api/v1/stations',
    tag,
    summary: '工作站点列表（按数据范围）',
    access: { permission: 'read:station' },
    query: stationListQuery.extend(pageQuery),
    handler: async (c, { query, ctx }) => c.json(await listStations(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/export',
    tag,
    summary: '导出工作站点列表（Excel）',
    access: { permission: 'read:station' },
    query: stationListQuery,
    produces: 'xlsx',
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
      return fileResponse(c, buf, '工作站点列表.xlsx', XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '工作站点详情',
    access: { permission: 'read:station' },
    scoped: { param: 'id', entity: 'station' },
    params: idParam,
    handler: async (c, { params, ctx }) => c.json(await getStation(ctx, params.id)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations',
    tag,
    summary: '新建工作站点（第三条、第六条）',
    access: { permission: 'write:station' },
    body: stationInputSchema,
    handler: async (c, { body, ctx }) => c.json(await createStation(ctx, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '修改工作站点',
    access: { permission: 'write:station' },
    scoped: { param: 'id', entity: 'station' },
    params: idParam,
    body: stationUpdateSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await updateStation(ctx, params.id, body.version, body.station)),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '删除工作站点（年度锁定前）',
    access: { permission: 'write:station' },
    scoped: { param: 'id', entity: 'station' },
    params: idParam,
    query: versionQuery,
    handler: async (c, { params, query, ctx }) => {
      await deleteStation(ctx, params.id, query.version);
      return c.json({ ok: true });
    },
  });
}
