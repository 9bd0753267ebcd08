import { usersApi } from '../../../shared/api/users';
import type { Router } from '../../http/router';
import {
  decidePasswordReset,
  issuePasswordReset,
  listPasswordResets,
  requestPasswordReset,
} from './password-resets.service';
import {
  assignRole,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  roleScopeOptions,
  unlockUser,
  updateUser,
} from './users.service';

export function registerUserRoutes(r: Router): void {
  r.route({
    ...usersApi.list,
    access: { permission: 'read:user' },
    handler: async (_c, { query, ctx, json }) => json(await listUsers(ctx, query)),
  });
  r.route({
    ...usersApi.scopeOptions,
    access: { permission: 'read:role-scope' },
    handler: async (_c, { ctx, json }) => json(await roleScopeOptions(ctx)),
  });
  r.route({
    ...usersApi.get,
    access: { permission: 'read:user' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, ctx, json }) => json(await getUser(ctx, params.id)),
  });
  r.route({
    ...usersApi.create,
    access: { permission: 'write:user' },
    handler: async (_c, { body, ctx, json }) => json(await createUser(ctx, body), 201),
  });
  r.route({
    ...usersApi.update,
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, body, ctx, json }) => json(await updateUser(ctx, params.id, body)),
  });
  r.route({
    ...usersApi.resetPassword,
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, body, ctx, json }) => json(await resetPassword(ctx, params.id, body.version)),
  });
  r.route({
    ...usersApi.unlock,
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, body, ctx, json }) => json(await unlockUser(ctx, params.id, body.version)),
  });
  r.route({
    ...usersApi.assignRole,
    access: { permission: 'assign:role' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, body, ctx, json }) => json(await assignRole(ctx, params.id, body)),
  });
  registerPasswordResetRoutes(r);
}

/** 密码重置双人复核 (decision 018): request (系统管理员) → confirm or refuse (安全管理员) → collect (the requester). */
function registerPasswordResetRoutes(r: Router): void {
  r.route({
    ...usersApi.requestPasswordReset,
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    handler: async (_c, { params, body, ctx, json }) => json(await requestPasswordReset(ctx, params.id, body), 201),
  });
  r.route({
    ...usersApi.passwordResets,
    access: { permission: 'read:user' },
    handler: async (_c, { query, ctx, json }) => json({ items: await listPasswordResets(ctx, query) }),
  });
  r.route({
    ...usersApi.approvePasswordReset,
    access: { permission: 'confirm:password-reset' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await decidePasswordReset(ctx, params.resetId, { approve: true, version: body.version })),
  });
  r.route({
    ...usersApi.rejectPasswordReset,
    access: { permission: 'confirm:password-reset' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await decidePasswordReset(ctx, params.resetId, { approve: false, ...body })),
  });
  r.route({
    ...usersApi.issuePasswordReset,
    access: { permission: 'write:user' },
    handler: async (_c, { params, body, ctx, json }) =>
      json(await issuePasswordReset(ctx, params.resetId, body.version)),
  });
}
