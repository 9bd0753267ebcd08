import { z } from 'zod';
import { EXPORT_LIMIT, fileResponse, XLSX_TYPE, xlsxBuffer } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { allCandidates, type GoldenBridgeCandidateDto, listCandidates, reviewCandidate } from './golden-bridge.service';

const filter = {
  year: z.coerce.number().int().optional(),
  status: z.enum(['pending', 'recommended', 'not_recommended'], { error: '状态无效' }).optional(),
  q: z.string().trim().max(100).optional(),
};

export function registerGoldenBridgeRoutes(r: Router): void {
  const tag = '金桥工程';
  r.route({
    method: 'get',
    path: '/api/v1/golden-bridge',
    tag,
    summary: '金桥工程候选成果与中心审核（第九条；按站点数据范围）',
    access: { permission: 'read:ledger' },
    query: z.object({ ...pageQuery, ...filter }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listCandidates(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/golden-bridge/export',
    tag,
    summary: '导出金桥工程推荐名单（Excel）',
    access: { permission: 'read:ledger' },
    query: z.object(filter),
    produces: 'xlsx',
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
        ],
        rows,
      );
      return fileResponse(c, buf, '金桥工程推荐名单.xlsx', XLSX_TYPE);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/golden-bridge/{outcomeId}/review',
    tag,
    summary: '审核金桥工程候选成果：推荐或不推荐，并填写意见（第九条）',
    access: { permission: 'review:golden-bridge' },
    params: z.object({ outcomeId: z.string().min(1).max(64) }),
    body: z.object({
      recommend: z.boolean({ error: '请选择是否推荐' }),
      comment: z.string().trim().max(1000, '意见不能超过 1000 字').default(''),
      version: z.number().int().min(1).nullable(),
    }),
    handler: async (c, { params, body, ctx }) => c.json(await reviewCandidate(ctx, params.outcomeId, body)),
  });
}
