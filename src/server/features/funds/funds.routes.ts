import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/schema';
import type { Router } from '../../http/router';
import { deletePayment, recordPayment, stationFunds } from './funds.service';

const stationParam = z.object({ id: z.string().min(1).max(64) });

export function registerFundRoutes(r: Router): void {
  const tag = '经费';
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/funds',
    tag,
    summary: '站点经费：协议预算（按类别）、定额拨付、配套经费（第十条、第十四条、第十五条）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    handler: async (c, { params, ctx }) => c.json(await stationFunds(ctx, params.id)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/payments',
    tag,
    summary: '登记经费拨付（定额事前直接支付，第十五条）：日期、金额（分）和支付凭证',
    access: { permission: 'write:payment' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: z.object({
      paidOn: z
        .string({ error: '请选择支付日期' })
        .refine(isIsoDate, { message: '支付日期应为 YYYY-MM-DD 格式的有效日期' }),
      amountFen: z.coerce
        .number({ error: '请填写金额' })
        .int('金额应以分为单位的整数')
        .min(1, '金额应大于 0')
        .max(10_000_000_000, '金额过大'),
      note: z.string().trim().max(200, '备注不能超过 200 字').default(''),
      fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
    }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(await recordPayment(ctx, params.id, query, body as Uint8Array), 201),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/stations/{id}/payments/{paymentId}',
    tag,
    summary: '删除经费拨付记录（更正录入错误）',
    access: { permission: 'write:payment' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ paymentId: z.string().min(1).max(64) }),
    query: z.object({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1) }),
    handler: async (c, { params, query, ctx }) =>
      c.json(await deletePayment(ctx, params.id, params.paymentId, query.version)),
  });
}
