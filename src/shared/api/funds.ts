import {
  FundsDto,
  paymentParamSchema,
  paymentQuerySchema,
  stationParamSchema,
  versionQuerySchema,
} from '../schemas/funds';
import { endpoint } from './endpoint';

const tag = '经费';

export const fundsApi = {
  get: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/funds',
    tag,
    summary: '站点经费：协议预算（按类别）、定额拨付、配套经费（第十条、第十四条、第十五条）',
    params: stationParamSchema,
    response: FundsDto,
  }),
  recordPayment: endpoint({
    method: 'post',
    path: '/api/v1/stations/{id}/payments',
    tag,
    summary: '登记经费拨付（定额事前直接支付，第十五条）：日期、金额（分）和支付凭证',
    params: stationParamSchema,
    query: paymentQuerySchema,
    upload: true,
    response: FundsDto,
    status: 201,
  }),
  deletePayment: endpoint({
    method: 'delete',
    path: '/api/v1/stations/{id}/payments/{paymentId}',
    tag,
    summary: '删除经费拨付记录（更正录入错误）',
    params: paymentParamSchema,
    query: versionQuerySchema,
    response: FundsDto,
  }),
};
