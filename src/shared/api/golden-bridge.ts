import { z } from 'zod';
import {
  GoldenBridgeBatchResultDto,
  GoldenBridgeCandidateDto,
  goldenBridgeBatchReviewSchema,
  goldenBridgeExportQuery,
  goldenBridgeListQuery,
  goldenBridgeReviewSchema,
} from '../schemas/golden-bridge';
import { pageOf } from './common';
import { endpoint } from './endpoint';

const tag = '金桥工程';

export const goldenBridgeApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/golden-bridge',
    tag,
    summary: '金桥工程候选成果与中心审核（第九条；按站点数据范围）',
    query: goldenBridgeListQuery,
    response: pageOf(GoldenBridgeCandidateDto),
  }),
  export: endpoint({
    method: 'get',
    path: '/api/v1/golden-bridge/export',
    tag,
    summary: '导出金桥工程推荐名单（Excel）',
    query: goldenBridgeExportQuery,
    response: 'xlsx',
  }),
  review: endpoint({
    method: 'post',
    path: '/api/v1/golden-bridge/{outcomeId}/review',
    tag,
    summary: '审核金桥工程候选成果：推荐，或不推荐并填写理由（第九条）',
    params: z.object({ outcomeId: z.string().min(1).max(64) }),
    body: goldenBridgeReviewSchema,
    response: GoldenBridgeCandidateDto,
  }),
  reviewBatch: endpoint({
    method: 'post',
    path: '/api/v1/golden-bridge/reviews/batch',
    tag,
    summary: '批量审核金桥工程候选成果（第九条）：同一结论与意见，一次最多 200 项；任一项版本过期则整批不保存（409）',
    body: goldenBridgeBatchReviewSchema,
    response: GoldenBridgeBatchResultDto,
  }),
};
