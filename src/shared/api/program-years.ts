import {
  copyYearSchema,
  ProgramYearDto,
  ProgramYearSummaryDto,
  updatePolicySchema,
  yearParam,
} from '../schemas/program-year';
import { versionBody } from '../schemas/user';
import { listOf } from './common';
import { endpoint } from './endpoint';

const tag = '项目年度';

export const programYearsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/program-years',
    tag,
    summary: '年度列表',
    response: listOf(ProgramYearSummaryDto),
  }),
  get: endpoint({
    method: 'get',
    path: '/api/v1/program-years/{year}',
    tag,
    summary: '年度政策（第三条、第六条至第八条）',
    params: yearParam,
    response: ProgramYearDto,
  }),
  copy: endpoint({
    method: 'post',
    path: '/api/v1/program-years',
    tag,
    summary: '复制已有年度创建新年度',
    body: copyYearSchema,
    response: ProgramYearDto,
    status: 201,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/program-years/{year}',
    tag,
    summary: '修改年度政策数字（申报开启后或已有项目签订协议后不能修改，第十条、第十一条）',
    params: yearParam,
    body: updatePolicySchema,
    response: ProgramYearDto,
  }),
  lock: endpoint({
    method: 'post',
    path: '/api/v1/program-years/{year}/lock',
    tag,
    summary: '锁定年度政策（申报开启时）',
    params: yearParam,
    body: versionBody,
    response: ProgramYearDto,
  }),
};
