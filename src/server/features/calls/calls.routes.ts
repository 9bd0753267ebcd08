import { callsApi } from '../../../shared/api/calls';
import type { Router } from '../../http/router';
import { createCall, listCalls, transitionCall, updateCall } from './calls.service';

export function registerCallRoutes(r: Router): void {
  r.route({
    ...callsApi.list,
    access: { permission: 'read:call' },
    handler: async (_c, { ctx, json }) => json({ items: await listCalls(ctx) }),
  });
  r.route({
    ...callsApi.create,
    access: { permission: 'write:call' },
    handler: async (_c, { body, ctx, json }) => json(await createCall(ctx, body), 201),
  });
  r.route({
    ...callsApi.update,
    access: { permission: 'write:call' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await updateCall(ctx, { id: params.callId, version: body.version, input: body.call })),
  });
  r.route({
    ...callsApi.open,
    access: { permission: 'write:call' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionCall(ctx, { id: params.callId, version: body.version, action: 'open' })),
  });
  r.route({
    ...callsApi.close,
    access: { permission: 'write:call' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await transitionCall(ctx, { id: params.callId, version: body.version, action: 'close' })),
  });
}
