import { z } from 'zod';
import { AuditorAccountDto, auditorAssignmentSchema, StationAuditorDto } from '../schemas/auditor';
import { listOf } from './common';
import { endpoint } from './endpoint';

const tag = '第三方审计';
const stationParam = z.object({ id: z.string().min(1).max(64) });

export const auditorsApi = {
  accounts: endpoint({
    method: 'get',
    path: '/api/v1/auditors',
    tag,
    summary: '审计人员账户（分配时选择）',
    response: listOf(AuditorAccountDto),
  }),
  ofStation: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/auditors',
    tag,
    summary: '站点的审计人员及其审计期间（第十二条；站点的各方均可查看谁在审计）',
    params: stationParam,
    response: listOf(StationAuditorDto),
  }),
  assign: endpoint({
    method: 'post',
    path: '/api/v1/stations/{id}/auditors',
    tag,
    summary: '分配审计人员审计该站点，限定起止日期（第十二条）',
    params: stationParam,
    body: auditorAssignmentSchema,
    response: listOf(StationAuditorDto),
    status: 201,
  }),
  remove: endpoint({
    method: 'delete',
    path: '/api/v1/stations/{id}/auditors/{userId}',
    tag,
    summary: '移除审计人员对该站点的审计权限',
    params: stationParam.extend({ userId: z.string().min(1).max(64) }),
    response: listOf(StationAuditorDto),
  }),
};
