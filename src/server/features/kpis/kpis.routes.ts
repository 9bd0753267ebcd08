import { kpisApi } from '../../../shared/api/kpis';
import type { KpiMatrixRowDto } from '../../../shared/schemas/kpis';
import { fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { kpiDrilldown } from './kpis.drilldown';
import { getStationKpis, kpiActivity, kpiMatrix } from './kpis.service';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function registerKpiRoutes(r: Router): void {
  r.route({
    ...kpisApi.station,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, ctx, json }) => json(await getStationKpis(ctx, params.id)),
  });
  r.route({
    ...kpisApi.records,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (_c, { params, query, ctx, json }) =>
      json(
        await kpiDrilldown(ctx, {
          stationId: params.id,
          kpi: params.kpiId,
          page: query.page,
          pageSize: query.pageSize,
          counted: query.counted,
        }),
      ),
  });
  r.route({
    ...kpisApi.matrix,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await kpiMatrix(ctx, query)),
  });
  r.route({
    ...kpisApi.activity,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => json(await kpiActivity(ctx, query)),
  });
  r.route({
    ...kpisApi.matrixExport,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const m = await kpiMatrix(ctx, query);
      const buf = await xlsxBuffer<KpiMatrixRowDto>(
        `${m.year}年度考核指标`,
        [
          { header: '站点', width: 36, value: (s) => s.name },
          { header: '所在区', width: 10, value: (s) => s.districtName ?? '' },
          { header: '依托单位', width: 30, value: (s) => s.hostName },
          { header: '达标项数', width: 10, value: (s) => `${s.metCount}/${s.kpiCount}` },
          ...m.columns.map((col) => ({
            header: `${col.name}${col.unit ? `（${col.unit}）` : ''}`,
            width: 14,
            value: (s: KpiMatrixRowDto) => {
              const k = s.kpis[col.id];
              if (!k) return '—';
              const show = (v: number) => (col.measure === 'share' ? pct(v) : String(v));
              return `${show(k.actual)}/${show(k.target)}${k.met ? ' ✓' : ''}`;
            },
          })),
        ],
        m.rows,
      );
      return fileResponse(c, { buf, filename: `${m.year}年度站点考核指标.xlsx`, mediaType: XLSX_TYPE });
    },
  });
}
