import { z } from 'zod';
import {
  GoldenBridgeCandidateDto,
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
    summary: '审核金桥工程候选成果：推荐或不推荐，并填写意见（第九条）',
    params: z.object({ outcomeId: z.string().min(1).max(64) }),
    body: goldenBridgeReviewSchema,
    response: GoldenBridgeCandidateDto,
  }),
};
