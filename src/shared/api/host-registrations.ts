import { z } from 'zod';
import {
  HOST_REGISTRATION_STATUSES,
  HostRegistrationCreatedDto,
  HostRegistrationDto,
  HostRegistrationWindowDto,
  hostRegistrationDecisionSchema,
  hostRegistrationParam,
  hostRegistrationSchema,
} from '../schemas/host-registration';
import { pageOf, pageQuery } from './common';
import { endpoint } from './endpoint';

const tag = '依托单位注册';

export const hostRegistrationsApi = {
  window: endpoint({
    method: 'get',
    path: '/api/v1/host-registrations/window',
    tag,
    summary: '是否在申报期内（注册页面据此开放表单）',
    response: HostRegistrationWindowDto,
  }),
  register: endpoint({
    method: 'post',
    path: '/api/v1/host-registrations',
    tag,
    summary: '新依托单位注册（申报期内；统一社会信用代码校验；中心审核后启用）',
    body: hostRegistrationSchema,
    response: HostRegistrationCreatedDto,
    status: 201,
  }),
  list: endpoint({
    method: 'get',
    path: '/api/v1/host-registrations',
    tag,
    summary: '依托单位注册申请（待审核、已通过、未通过）',
    query: z.object({ ...pageQuery, status: z.enum(HOST_REGISTRATION_STATUSES).optional() }),
    response: pageOf(HostRegistrationDto),
  }),
  decide: endpoint({
    method: 'post',
    path: '/api/v1/host-registrations/{registrationId}/decision',
    tag,
    summary: '审核依托单位注册：通过即启用单位和账户，不通过须说明理由',
    params: hostRegistrationParam,
    body: hostRegistrationDecisionSchema,
    response: HostRegistrationDto,
  }),
};
