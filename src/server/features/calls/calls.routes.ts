import { z } from 'zod';
import { callInputSchema, callTransitionSchema, callUpdateSchema } from '../../../shared/schemas/call';
import type { Router } from '../../http/router';
import { createCall, listCalls, transitionCall, updateCall } from './calls.service';

const callParam = z.object({ callId: z.string().min(1).max(64) });

export function registerCallRoutes(r: Router): void {
  const tag = '申报通知';
  r.route({
    method: 'get',
    path: '/api/v1/calls',
    tag,
    summary: '申报通知列表（第三条、第十条）',
    access: { permission: 'read:call' },
    handler: async (c, { ctx }) => c.json({ items: await listCalls(ctx) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/calls',
    tag,
    summary: '新建申报通知（草稿）',
    access: { permission: 'write:call' },
    body: callInputSchema,
    handler: async (c, { body, ctx }) => c.json(await createCall(ctx, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/calls/{callId}',
    tag,
    summary: '修改申报通知（发布前）',
    access: { permission: 'write:call' },
    params: callParam,
    body: callUpdateSchema,
    handler: async (c, { params, body, ctx }) => c.json(await updateCall(ctx, params.callId, body.version, body.call)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/calls/{callId}/open',
    tag,
    summary: '发布申报通知（第三条），同时锁定年度政策（第十条）',
    access: { permission: 'write:call' },
    params: callParam,
    body: callTransitionSchema,
    handler: async (c, { params, body, ctx }) => c.json(await transitionCall(ctx, params.callId, body.version, 'open')),
  });
  r.route({
    method: 'post',
    path: '/api/v1/calls/{callId}/close',
    tag,
    summary: '截止申报（第十条）',
    access: { permission: 'write:call' },
    params: callParam,
    body: callTransitionSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await transitionCall(ctx, params.callId, body.version, 'close')),
  });
}
