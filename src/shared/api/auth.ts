// Imported by the sign-in page through web/lib/session.ts: only the auth schemas and common.ts, nothing heavier.
import {
  changePasswordSchema,
  currentSessionSchema,
  loginSchema,
  MeEnvelopeDto,
  SignedOutEverywhereDto,
} from '../schemas/auth';
import { OkDto } from './common';
import { endpoint } from './endpoint';

const tag = '登录';

export const authApi = {
  signIn: endpoint({
    method: 'post',
    path: '/api/v1/sessions',
    tag,
    summary: '登录（创建会话）',
    body: loginSchema,
    response: MeEnvelopeDto,
    status: 201,
  }),
  signOut: endpoint({
    method: 'delete',
    path: '/api/v1/sessions/current',
    tag,
    summary: '退出登录',
    response: OkDto,
  }),
  signOutEverywhere: endpoint({
    method: 'delete',
    path: '/api/v1/sessions',
    tag,
    summary: '退出所有设备的登录',
    response: SignedOutEverywhereDto,
  }),
  currentSession: endpoint({
    method: 'get',
    path: '/api/v1/sessions/current',
    tag,
    summary: '当前会话（未登录时 me 为 null）',
    response: currentSessionSchema,
  }),
  me: endpoint({
    method: 'get',
    path: '/api/v1/me',
    tag,
    summary: '当前账户',
    response: MeEnvelopeDto,
  }),
  changePassword: endpoint({
    method: 'put',
    path: '/api/v1/me/password',
    tag,
    summary: '修改自己的密码',
    body: changePasswordSchema,
    response: OkDto,
  }),
};
