import { goldenBridgeApi } from '../../../shared/api/golden-bridge';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import type { Router } from '../../http/router';
import { allCandidates, listCandidates, reviewCandidate, reviewCandidates } from './golden-bridge.service';

// Data scope (Convention 7): no route names a station, so none declares a scoped parameter; the service composes
// stationScope into every read and into the lookup of every candidate it writes (out of scope → 404).
export function registerGoldenBridgeRoutes(r: Router): void {
  r.route({
    ...goldenBridgeApi.list,
    access: { permission: 'read:ledger' },
    handler: async (_c, { query, ctx, json }) => {
      const { page, pageSize, ...f } = query;
      return json(await listCandidates(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    ...goldenBridgeApi.export,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const rows = await allCandidates(ctx, query, EXPORT_LIMIT);
      const buf = await xlsxBuffer<GoldenBridgeCandidateDto>(
        '金桥工程推荐名单',
        [
          { header: '年度', width: 8, value: (d) => d.programYear },
          { header: '工作站点', width: 30, value: (d) => d.stationName },
          { header: '成果名称', width: 40, value: (d) => d.title },
          { header: '落地日期', width: 12, value: (d) => d.date },
          { header: '企业', width: 30, value: (d) => d.enterpriseName ?? '' },
          { header: '统一社会信用代码', width: 22, value: (d) => d.uscc ?? '' },
          { header: '中心审核', width: 10, value: (d) => d.statusLabel },
          { header: '审核意见', width: 40, value: (d) => d.comment ?? '' },
          { header: '审核时间', width: 20, value: (d) => (d.reviewedAt ?? '').slice(0, 10) },
          { header: '所在区', width: 12, value: (d) => d.districtName ?? '' },
          { header: '依托单位', width: 30, value: (d) => d.hostOrgName },
        ],
        rows,
      );
      return fileResponse(c, { buf, filename: '金桥工程推荐名单.xlsx', mediaType: XLSX_TYPE });
    },
  });
  r.route({
    ...goldenBridgeApi.review,
    access: { permission: 'review:golden-bridge' },
    handler: async (_c, { params, body, ctx, json }) => json(await reviewCandidate(ctx, params.outcomeId, body)),
  });
  r.route({
    ...goldenBridgeApi.reviewBatch,
    access: { permission: 'review:golden-bridge' },
    handler: async (_c, { body, ctx, json }) => json(await reviewCandidates(ctx, body)),
  });
}
