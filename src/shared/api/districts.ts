import { z } from 'zod';
import { DistrictDto, HomeOverviewDto } from '../schemas/district';
import { listOf } from './common';
import { endpoint } from './endpoint';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const districtsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/districts',
    tag: '区科协',
    summary: '年度的区名单与类别（第三条）',
    query: yearQuery,
    response: listOf(DistrictDto),
  }),
  homeOverview: endpoint({
    method: 'get',
    path: '/api/v1/home/overview',
    tag: '首页',
    summary: '年度站点概况：各类型名额与已设站点（第六条）',
    query: yearQuery,
    response: HomeOverviewDto,
  }),
};
