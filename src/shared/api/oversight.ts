import { OversightDto, oversightQuery } from '../schemas/oversight';
import { endpoint } from './endpoint';

export const oversightApi = {
  year: endpoint({
    method: 'get',
    path: '/api/v1/oversight',
    tag: '考核指标',
    summary:
      '工作概览：落后站点及主要短板、逾期报告、待验收项目、整改与追回、经费执行与时间进度、金桥候选与调整申请（按数据范围）',
    query: oversightQuery,
    response: OversightDto,
  }),
};
