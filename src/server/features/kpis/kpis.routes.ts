import { z } from 'zod';
import { KPI_IDS, STATION_TYPES } from '../../../domain/policy/types';
import { districtCodeField } from '../../../shared/schemas/fields';
import { fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { kpiDrilldown } from './kpis.drilldown';
import { getStationKpis, kpiActivity, kpiMatrix, type MatrixRowDto } from './kpis.service';

const stationParam = z.object({ id: z.string().min(1).max(64) });
const matrixQuery = z.object({
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000).max(2100),
  type: z.enum(STATION_TYPES, { error: '站点类型无效' }).optional(),
  districtCode: districtCodeField.optional(),
});

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function registerKpiRoutes(r: Router): void {
  const tag = '考核指标';
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/kpis',
    tag,
    summary: '站点考核指标（由台账记录计算，第七条、第八条、第十二条、第十三条）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    handler: async (c, { params, ctx }) => c.json(await getStationKpis(ctx, params.id)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/kpis/{kpiId}/records',
    tag,
    summary: '考核指标明细：计入与未计入的记录及原因',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ kpiId: z.enum(KPI_IDS, { error: '未知的考核指标' }) }),
    query: z.object(pageQuery),
    handler: async (c, { params, query, ctx }) =>
      c.json(await kpiDrilldown(ctx, params.id, params.kpiId, query.page, query.pageSize)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/kpi-matrix',
    tag,
    summary: '全部站点 × 考核指标（按数据范围）',
    access: { permission: 'read:ledger' },
    query: matrixQuery,
    handler: async (c, { query, ctx }) => c.json(await kpiMatrix(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/kpi-matrix/activity',
    tag,
    summary: '各月工作量（活动、联系、需求）',
    access: { permission: 'read:ledger' },
    query: matrixQuery,
    handler: async (c, { query, ctx }) => c.json(await kpiActivity(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/kpi-matrix/export',
    tag,
    summary: '导出站点考核指标矩阵（Excel）',
    access: { permission: 'read:ledger' },
    query: matrixQuery,
    produces: 'xlsx',
    handler: async (c, { query, ctx }) => {
      const m = await kpiMatrix(ctx, query);
      const buf = await xlsxBuffer<MatrixRowDto>(
        `${m.year}年度考核指标`,
        [
          { header: '站点', width: 36, value: (s) => s.name },
          { header: '所在区', width: 10, value: (s) => s.districtName ?? '' },
          { header: '依托单位', width: 30, value: (s) => s.hostName },
          { header: '达标项数', width: 10, value: (s) => `${s.metCount}/${s.kpiCount}` },
          ...m.columns.map((col) => ({
            header: `${col.name}${col.unit ? `（${col.unit}）` : ''}`,
            width: 14,
            value: (s: MatrixRowDto) => {
              const k = s.kpis[col.id];
              if (!k) return '—';
              const show = (v: number) => (col.measure === 'share' ? pct(v) : String(v));
              return `${show(k.actual)}/${show(k.target)}${k.met ? ' ✓' : ''}`;
            },
          })),
        ],
        m.rows,
      );
      return fileResponse(c, buf, `${m.year}年度站点考核指标.xlsx`, XLSX_TYPE);
    },
  });
}
