import { z } from 'zod';
import {
  KpiActivityMonthDto,
  KpiDrilldownDto,
  KpiMatrixDto,
  kpiMatrixQuery,
  kpiRecordsParam,
  kpiRecordsQuery,
  kpiStationParam,
  StationKpisDto,
} from '../schemas/kpis';
import { endpoint } from './endpoint';

const tag = '考核指标';

export const kpisApi = {
  station: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/kpis',
    tag,
    summary: '站点考核指标（由台账记录计算，第七条、第八条、第十二条、第十三条）',
    params: kpiStationParam,
    response: StationKpisDto,
  }),
  records: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/kpis/{kpiId}/records',
    tag,
    summary: '考核指标明细：计入与未计入的记录（可按是否计入筛选）及未计入原因的分组计数',
    params: kpiRecordsParam,
    query: kpiRecordsQuery,
    response: KpiDrilldownDto,
  }),
  matrix: endpoint({
    method: 'get',
    path: '/api/v1/kpi-matrix',
    tag,
    summary: '全部站点 × 考核指标（按数据范围）',
    query: kpiMatrixQuery,
    response: KpiMatrixDto,
  }),
  activity: endpoint({
    method: 'get',
    path: '/api/v1/kpi-matrix/activity',
    tag,
    summary: '各月工作量（活动、联系、需求）',
    query: kpiMatrixQuery,
    response: z.array(KpiActivityMonthDto),
  }),
  matrixExport: endpoint({
    method: 'get',
    path: '/api/v1/kpi-matrix/export',
    tag,
    summary: '导出站点考核指标矩阵（Excel）',
    query: kpiMatrixQuery,
    response: 'xlsx',
  }),
};
