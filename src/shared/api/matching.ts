import { z } from 'zod';
import { recordParam } from '../schemas/ledger-records';
import {
  acceptMatchSchema,
  DemandMatchDto,
  DemandSuggestionsDto,
  DockingDto,
  demandSuggestionsQuery,
  MatchSuggestionsDto,
  UnmatchedDemandDto,
  unmatchedDemandsQuery,
} from '../schemas/matching';
import { listOf, OkDto, pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '对接';
const stationParam = z.object({ id: z.string().min(1).max(64) });

// 对接 (issue #15, 第七条、第八条): suggestions for a demand, the reverse, accepting one, and the follow-up lists.
export const matchingApi = {
  demandMatches: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/demands/{recordId}/matches',
    tag,
    summary: '企业需求的对接推荐：本年度可对接的专家和成果，按相关度排序并说明理由（第七条、第八条）',
    params: recordParam,
    response: MatchSuggestionsDto,
  }),
  demandSuggestions: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/demand-suggestions',
    tag,
    summary: '一页企业需求各自的前几项对接推荐（只含已征集的需求）',
    params: stationParam,
    query: demandSuggestionsQuery,
    response: DemandSuggestionsDto,
  }),
  acceptMatch: endpoint({
    method: 'post',
    path: '/api/v1/stations/{id}/demands/{recordId}/match',
    tag,
    summary: '采纳一项推荐：需求转为已匹配，记录匹配对象和日期（第七条）',
    params: recordParam,
    body: acceptMatchSchema,
    response: OkDto,
  }),
  expertDemandMatches: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/experts/{recordId}/demand-matches',
    tag,
    summary: '专家可服务的已征集需求（本年度各站点）',
    params: recordParam,
    response: listOf(DemandMatchDto),
  }),
  achievementDemandMatches: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/achievements/{recordId}/demand-matches',
    tag,
    summary: '成果可服务的已征集需求（产学研合作站点的成果面向本年度各站点，第八条）',
    params: recordParam,
    response: listOf(DemandMatchDto),
  }),
  dockings: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/dockings',
    tag,
    summary: '其他站点采纳的、匹配本站点专家或成果的需求（推介）',
    params: stationParam,
    response: listOf(DockingDto),
  }),
  unmatchedDemands: endpoint({
    method: 'get',
    path: '/api/v1/unmatched-demands',
    tag,
    summary: '征集后超过指定天数（默认 30 天）仍未匹配的企业需求',
    query: unmatchedDemandsQuery.extend(pageQuery),
    response: pageOf(UnmatchedDemandDto),
  }),
  exportUnmatchedDemands: endpoint({
    method: 'get',
    path: '/api/v1/unmatched-demands/export',
    tag,
    summary: '导出未匹配的企业需求（Excel，筛选条件同列表）',
    query: unmatchedDemandsQuery,
    response: 'xlsx',
  }),
};
