import { z } from 'zod';
import {
  passwordResetListQuery,
  passwordResetRejectSchema,
  passwordResetRequestSchema,
  roleAssignSchema,
  userCreateSchema,
  userListQuery,
  userUpdateSchema,
  versionBody,
} from '../../../shared/schemas/user';
import { pageQuery } from '../../http/paging';
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

const idParam = z.object({ id: z.string().min(1).max(64) });

export function registerUserRoutes(r: Router): void {
  const tag = '账户';
  r.route({
    method: 'get',
    path: '/api/v1/users',
    tag,
    summary: '账户列表',
    access: { permission: 'read:user' },
    query: userListQuery.extend(pageQuery),
    handler: async (c, { query, ctx }) => c.json(await listUsers(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/users/scope-options',
    tag,
    summary: '账户可选的区与依托单位（仅名称与编号）',
    access: { permission: 'read:role-scope' },
    handler: async (c, { ctx }) => c.json(await roleScopeOptions(ctx)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/users/{id}',
    tag,
    summary: '账户详情',
    access: { permission: 'read:user' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    handler: async (c, { params, ctx }) => c.json(await getUser(ctx, params.id)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/users',
    tag,
    summary: '新建账户（待分配角色；返回一次性临时密码）',
    access: { permission: 'write:user' },
    body: userCreateSchema,
    handler: async (c, { body, ctx }) => c.json(await createUser(ctx, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/users/{id}',
    tag,
    summary: '修改账户（姓名、启用状态）',
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    body: userUpdateSchema,
    handler: async (c, { params, body, ctx }) => c.json(await updateUser(ctx, params.id, body)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/users/{id}/password-reset',
    tag,
    summary: '重置尚未分配角色的账户的密码（返回一次性临时密码）；业务账户须走重置申请',
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    body: versionBody,
    handler: async (c, { params, body, ctx }) => c.json(await resetPassword(ctx, params.id, body.version)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/users/{id}/unlock',
    tag,
    summary: '解除登录锁定',
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    body: versionBody,
    handler: async (c, { params, body, ctx }) => c.json(await unlockUser(ctx, params.id, body.version)),
  });
  r.route({
    method: 'put',
    path: '/api/v1/users/{id}/role',
    tag,
    summary: '分配角色与数据范围（安全管理员）',
    access: { permission: 'assign:role' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    body: roleAssignSchema,
    handler: async (c, { params, body, ctx }) => c.json(await assignRole(ctx, params.id, body)),
  });
  registerPasswordResetRoutes(r, tag, idParam);
}

/** 密码重置双人复核 (decision 018): request (系统管理员) → confirm or refuse (安全管理员) → collect (the requester). */
function registerPasswordResetRoutes(r: Router, tag: string, idParam: z.ZodObject<{ id: z.ZodString }>): void {
  const resetParam = z.object({ resetId: z.string().min(1).max(64) });
  r.route({
    method: 'post',
    path: '/api/v1/users/{id}/password-reset-requests',
    tag,
    summary: '申请重置业务账户的密码（须安全管理员确认）',
    access: { permission: 'write:user' },
    scoped: { param: 'id', entity: 'user' },
    params: idParam,
    body: passwordResetRequestSchema,
    handler: async (c, { params, body, ctx }) => c.json(await requestPasswordReset(ctx, params.id, body), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/password-resets',
    tag,
    summary: '密码重置申请（默认只列待处理的）',
    access: { permission: 'read:user' },
    query: passwordResetListQuery,
    handler: async (c, { query, ctx }) => c.json({ items: await listPasswordResets(ctx, query) }),
  });
  r.route({
    method: 'post',
    path: '/api/v1/password-resets/{resetId}/approve',
    tag,
    summary: '确认密码重置申请（安全管理员，不能是申请人）',
    access: { permission: 'confirm:password-reset' },
    params: resetParam,
    body: versionBody,
    handler: async (c, { params, body, ctx }) =>
      c.json(await decidePasswordReset(ctx, params.resetId, { approve: true, version: body.version })),
  });
  r.route({
    method: 'post',
    path: '/api/v1/password-resets/{resetId}/reject',
    tag,
    summary: '不同意密码重置申请（安全管理员）',
    access: { permission: 'confirm:password-reset' },
    params: resetParam,
    body: passwordResetRejectSchema,
    handler: async (c, { params, body, ctx }) =>
      c.json(await decidePasswordReset(ctx, params.resetId, { approve: false, ...body })),
  });
  r.route({
    method: 'post',
    path: '/api/v1/password-resets/{resetId}/issue',
    tag,
    summary: '领取已确认的临时密码（仅申请人，仅一次）',
    access: { permission: 'write:user' },
    params: resetParam,
    body: versionBody,
    handler: async (c, { params, body, ctx }) => c.json(await issuePasswordReset(ctx, params.resetId, body.version)),
  });
}
