import { CallDto, callInputSchema, callParam, callTransitionSchema, callUpdateSchema } from '../schemas/call';
import { listOf } from './common';
import { endpoint } from './endpoint';

const tag = '申报通知';

export const callsApi = {
  list: endpoint({
    method: 'get',
    path: '/api/v1/calls',
    tag,
    summary: '申报通知列表（第三条、第十条）',
    response: listOf(CallDto),
  }),
  create: endpoint({
    method: 'post',
    path: '/api/v1/calls',
    tag,
    summary: '新建申报通知（草稿）',
    body: callInputSchema,
    response: CallDto,
    status: 201,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/v1/calls/{callId}',
    tag,
    summary: '修改申报通知（发布前）',
    params: callParam,
    body: callUpdateSchema,
    response: CallDto,
  }),
  open: endpoint({
    method: 'post',
    path: '/api/v1/calls/{callId}/open',
    tag,
    summary: '发布申报通知（第三条），同时锁定年度政策（第十条）',
    params: callParam,
    body: callTransitionSchema,
    response: CallDto,
  }),
  close: endpoint({
    method: 'post',
    path: '/api/v1/calls/{callId}/close',
    tag,
    summary: '截止申报（第十条）',
    params: callParam,
    body: callTransitionSchema,
    response: CallDto,
  }),
};
