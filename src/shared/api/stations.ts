import {
  StationDto,
  stationIdParam,
  stationInputSchema,
  stationListQuery,
  stationUpdateSchema,
  stationVersionQuery,
} from '../schemas/station';
import { OkDto, pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '工作站点';

export const stationsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/stations',
    tag,
    summary: '工作站点列表（按数据范围）',
    query: stationListQuery.extend(pageQuery),
    response: pageOf(StationDto),
  }),
  export: endpoint({
    method: 'get',
    path: '/api/v1/stations/export',
    tag,
    summary: '导出工作站点列表（Excel）',
    query: stationListQuery,
    response: 'xlsx',
  }),
  get: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '工作站点详情',
    params: stationIdParam,
    response: StationDto,
  }),
  create: endpoint({
    method: 'post',
    path: '/api/v1/stations',
    tag,
    summary: '新建工作站点（第三条、第六条）',
    body: stationInputSchema,
    response: StationDto,
    status: 201,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '修改工作站点',
    params: stationIdParam,
    body: stationUpdateSchema,
    response: StationDto,
  }),
  remove: endpoint({
    method: 'delete',
    path: '/api/v1/stations/{id}',
    tag,
    summary: '删除工作站点（年度锁定前）',
    params: stationIdParam,
    query: stationVersionQuery,
    response: OkDto,
  }),
};
