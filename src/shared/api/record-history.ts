import { z } from 'zod';
import { expenseParamSchema } from '../schemas/funds';
import { projectParam } from '../schemas/project';
import { RecordHistoryPageDto } from '../schemas/record-history';
import { stationIdParam } from '../schemas/station';
import { pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '变更记录';
const query = z.object(pageQuery);

// Each is read with the permission and data scope of the record itself (out of scope is 404, like the record).
export const recordHistoryApi = {
  station: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/history',
    tag,
    summary: '工作站点的变更记录：谁在何时改了哪些字段（个人信息脱敏），新的在前',
    params: stationIdParam,
    query,
    response: RecordHistoryPageDto,
  }),
  project: endpoint({
    method: 'get',
    path: '/api/v1/projects/{projectId}/history',
    tag,
    summary: '项目的变更记录：项目、协议版本和工作调整申请（第十条、第十一条），新的在前',
    params: projectParam,
    query,
    response: RecordHistoryPageDto,
  }),
  expense: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/expenses/{expenseId}/history',
    tag,
    summary: '一笔支出的变更记录：记账和每次修改的前后内容（第十四条），新的在前',
    params: expenseParamSchema,
    query,
    response: RecordHistoryPageDto,
  }),
};
