import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/schema';
import { VIOLATION_GROUNDS } from '../../../domain/supervision/supervision';
import { DOCX_TYPE, fileResponse } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { shanghaiDate } from '../../scope';
import { inspectionReportDocx } from './report';
import {
  addFinding,
  closeRecovery,
  completeInspection,
  createInspection,
  decideFinding,
  getInspection,
  issueRecovery,
  listInspections,
  listRecoveryOrders,
  recordRecoveryPayment,
  respondFinding,
  stationSupervision,
} from './supervision.service';

const id = z.string().min(1).max(64);
const date = (what: string) =>
  z.string({ error: `请选择${what}` }).refine(isIsoDate, { message: `${what}应为 YYYY-MM-DD 格式的有效日期` });
const version = z.number({ error: '缺少版本号' }).int().min(1);
const text = (what: string, max = 1000) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）`)
    .max(max, `${what}不能超过 ${max} 字`);
const fen = z
  .number({ error: '请填写金额' })
  .int('金额应以分为单位的整数')
  .min(1, '金额应大于 0')
  .max(10_000_000_000, '金额过大');
const GROUNDS = VIOLATION_GROUNDS.map((g) => g.code) as [string, ...string[]];

export function registerSupervisionRoutes(r: Router): void {
  const tag = '监督检查';
  // The Center's inspections (第十九条): its role sees every station, so these routes need no record scope.
  r.route({
    method: 'get',
    path: '/api/v1/inspections',
    tag,
    summary: '监督检查列表（第十九条）',
    access: { permission: 'manage:inspection' },
    query: z.object({
      ...pageQuery,
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      status: z.enum(['planned', 'completed']).optional(),
      q: z.string().trim().max(100).optional(),
    }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listInspections(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/inspections',
    tag,
    summary: '安排监督检查：计划检查或不定期抽查，可随机抽取站点和支出（第十九条）',
    access: { permission: 'manage:inspection' },
    body: z.object({
      programYear: z.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
      title: text('检查名称', 100),
      kind: z.enum(['scheduled', 'unannounced'], { error: '请选择检查方式' }),
      plannedOn: date('检查日期'),
      stationIds: z.array(id).max(500).default([]),
      sampleStations: z.number().int().min(0).max(500).optional(),
      sampleExpenses: z.number().int().min(0, '抽查支出笔数不能为负').max(50, '每个站点最多抽查 50 笔支出').optional(),
    }),
    handler: async (c, { body, ctx }) => c.json(await createInspection(ctx, body), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/inspections/{inspectionId}',
    tag,
    summary: '一次检查：范围、抽查的支出、检查发现和追回经费',
    access: { permission: 'manage:inspection' },
    params: z.object({ inspectionId: id }),
    handler: async (c, { params, ctx }) => c.json(await getInspection(ctx, params.inspectionId)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/inspections/{inspectionId}/report.docx',
    tag,
    summary: '监督检查报告（Word）',
    access: { permission: 'manage:inspection' },
    params: z.object({ inspectionId: id }),
    produces: 'docx',
    handler: async (c, { params, ctx }) => {
      const i = await getInspection(ctx, params.inspectionId);
      const bytes = await inspectionReportDocx(i, shanghaiDate(ctx.clock.now()));
      return fileResponse(c, bytes, `${i.title}-检查报告.docx`, DOCX_TYPE);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/inspections/{inspectionId}/findings',
    tag,
    summary: '登记检查发现：整改要求（含期限）或违规问题（第十八条所列情形）',
    access: { permission: 'manage:inspection' },
    params: z.object({ inspectionId: id }),
    body: z.object({
      stationId: id,
      kind: z.enum(['rectification', 'violation'], { error: '请选择问题类型' }),
      ground: z.enum(GROUNDS, { error: '请选择第十八条所列情形' }).nullish(),
      description: text('问题描述'),
      dueOn: date('整改期限').nullish(),
      expenseId: id.nullish(),
    }),
    handler: async (c, { params, body, ctx }) =>
      c.json(await addFinding(ctx, params.inspectionId, body as Parameters<typeof addFinding>[2]), 201),
  });
  r.route({
    method: 'post',
    path: '/api/v1/inspections/{inspectionId}/complete',
    tag,
    summary: '完成检查并填写检查结论',
    access: { permission: 'manage:inspection' },
    params: z.object({ inspectionId: id }),
    body: z.object({ version, summary: z.string({ error: '请填写检查结论' }).max(2000, '检查结论不能超过 2000 字') }),
    handler: async (c, { params, body, ctx }) => c.json(await completeInspection(ctx, params.inspectionId, body)),
  });
  for (const action of ['close', 'reopen'] as const) {
    r.route({
      method: 'post',
      path: `/api/v1/inspection-findings/{findingId}/${action}`,
      tag,
      summary: action === 'close' ? '检查发现办结' : '整改反馈退回，重新整改',
      access: { permission: 'manage:inspection' },
      params: z.object({ findingId: id }),
      body: z.object({ version, note: z.string({ error: '请填写意见' }).max(1000, '意见不能超过 1000 字') }),
      handler: async (c, { params, body, ctx }) => c.json(await decideFinding(ctx, params.findingId, action, body)),
    });
  }
  r.route({
    method: 'get',
    path: '/api/v1/recoveries',
    tag,
    summary: '追回经费通知列表（第十八条）',
    access: { permission: 'manage:inspection' },
    query: z.object({
      ...pageQuery,
      status: z.enum(['issued', 'partly_paid', 'paid', 'closed']).optional(),
      q: z.string().trim().max(100).optional(),
    }),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await listRecoveryOrders(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/recoveries',
    tag,
    summary: '下达追回经费通知：金额、期限、责任人（第十八条）',
    access: { permission: 'write:recovery' },
    body: z.object({
      findingId: id,
      amountFen: fen,
      dueOn: date('退回期限'),
      responsiblePerson: text('责任人', 50),
    }),
    handler: async (c, { body, ctx }) => c.json(await issueRecovery(ctx, body), 201),
  });
  r.route({
    method: 'post',
    path: '/api/v1/recoveries/{orderId}/payments',
    tag,
    summary: '登记退回的经费（部分或全部）',
    access: { permission: 'write:recovery' },
    params: z.object({ orderId: id }),
    body: z.object({
      version,
      paidOn: date('退回日期'),
      amountFen: fen,
      note: z.string().trim().max(200, '备注不能超过 200 字').default(''),
    }),
    handler: async (c, { params, body, ctx }) => c.json(await recordRecoveryPayment(ctx, params.orderId, body)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/recoveries/{orderId}/close',
    tag,
    summary: '追回经费通知结案',
    access: { permission: 'write:recovery' },
    params: z.object({ orderId: id }),
    body: z.object({ version, note: z.string({ error: '请填写结案意见' }).max(1000, '结案意见不能超过 1000 字') }),
    handler: async (c, { params, body, ctx }) => c.json(await closeRecovery(ctx, params.orderId, body)),
  });
  // A station's findings and orders, for everyone who sees the station (its host answers them).
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/supervision',
    tag,
    summary: '站点的检查发现与追回经费（第十八条、第十九条）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: z.object({ id }),
    handler: async (c, { params, ctx }) => c.json(await stationSupervision(ctx, params.id)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/findings/{findingId}/response',
    tag,
    summary: '依托单位反馈整改情况（第十九条）',
    access: { permission: 'respond:finding' },
    scoped: { param: 'id', entity: 'station' },
    params: z.object({ id, findingId: id }),
    body: z.object({ version, response: z.string({ error: '请填写整改情况' }).max(2000, '整改情况不能超过 2000 字') }),
    handler: async (c, { params, body, ctx }) => c.json(await respondFinding(ctx, params.id, params.findingId, body)),
  });
}
