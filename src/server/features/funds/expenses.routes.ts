import { z } from 'zod';
import { isIsoDate } from '../../../domain/ledger/schema';
import {
  EXPENSE_CATEGORIES,
  FORBIDDEN_ITEM_CODES,
  PERMITTED_ITEM_CODES,
  STATION_TYPES,
} from '../../../domain/policy/types';
import { DOCX_TYPE, fileResponse, XLSX_TYPE } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Router } from '../../http/router';
import { yearExecution, yearExecutionXlsx } from './execution.service';
import {
  bookExpense,
  deleteExpense,
  getExpense,
  listExpenses,
  PAYEE_KINDS,
  updateExpense,
  uploadVoucher,
  VOUCHER_KINDS,
} from './expenses.service';
import { finalAccountsData, finalAccountsDocx, finalAccountsXlsx, submitFinalAccounts } from './final-accounts';

const stationParam = z.object({ id: z.string().min(1).max(64) });
const expenseParam = stationParam.extend({ expenseId: z.string().min(1).max(64) });
const ITEMS = [...PERMITTED_ITEM_CODES, ...FORBIDDEN_ITEM_CODES] as const;

const expenseBody = z.object({
  date: z.string({ error: '请选择支出日期' }).refine(isIsoDate, { message: '支出日期应为 YYYY-MM-DD 格式的有效日期' }),
  category: z.enum(EXPENSE_CATEGORIES, { error: '请选择支出科目' }),
  // Forbidden items are accepted here so that the engine refuses them with the article (第十七条), not a bare 400.
  item: z.enum(ITEMS, { error: '请选择支出事项' }),
  amountFen: z
    .number({ error: '请填写金额' })
    .int('金额应以分为单位的整数')
    .min(1, '金额应大于 0')
    .max(10_000_000_000, '金额过大'),
  amountIs: z.enum(['gross', 'net'], { error: '请选择金额口径（税前或税后）' }).default('gross'),
  source: z.enum(['grant', 'matching'], { error: '请选择经费来源（资助经费或配套经费）' }),
  payee: z.object(
    {
      kind: z.enum(PAYEE_KINDS, { error: '请选择收款人类型' }),
      expertId: z.string().max(64).nullish(),
      name: z.string().trim().max(100, '收款人名称不能超过 100 字').optional(),
      hostStaff: z.boolean().optional(),
      fiscallySupported: z.boolean().optional(),
    },
    { error: '请填写收款人' },
  ),
  days: z
    .string()
    .trim()
    .regex(/^(\d{1,3})(\.\d)?$/, '人天数应为正数，最多一位小数')
    .refine((s) => Number(s) > 0, '人天数应大于 0')
    .nullish(),
  purpose: z.string({ error: '请填写用途' }).trim().min(2, '请填写用途（至少 2 个字）').max(500, '用途不能超过 500 字'),
  vouchers: z
    .array(
      z.object({
        attachmentId: z.string().min(1).max(64),
        kind: z.enum(VOUCHER_KINDS, { error: '请选择凭证类型' }),
      }),
      { error: '请上传凭证' },
    )
    .min(1, '请至少上传一份凭证（发票、收据或转账记录）')
    .max(20, '凭证最多 20 份'),
});

const executionFilter = z.object({
  year: z.coerce.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
  type: z.enum(STATION_TYPES).optional(),
  districtCode: z.string().max(16).optional(),
  q: z.string().trim().max(100).optional(),
});

export function registerExpenseRoutes(r: Router): void {
  const tag = '经费';
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/expenses',
    tag,
    summary: '支出台账（分页，可按科目、来源、关键字筛选）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: z.object({
      ...pageQuery,
      category: z.enum(EXPENSE_CATEGORIES).optional(),
      source: z.enum(['grant', 'matching']).optional(),
      q: z.string().trim().max(100).optional(),
      withWarnings: z.enum(['true', 'false']).optional(),
    }),
    handler: async (c, { params, query, ctx }) => {
      const { page, pageSize, withWarnings, ...f } = query;
      return c.json(
        await listExpenses(ctx, params.id, { ...f, withWarnings: withWarnings === 'true' }, { page, pageSize }),
      );
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/expenses/{expenseId}',
    tag,
    summary: '一笔支出及其凭证',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: expenseParam,
    handler: async (c, { params, ctx }) => c.json(await getExpense(ctx, params.id, params.expenseId)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/expense-vouchers',
    tag,
    summary: '上传支出凭证（发票、收据、转账记录；PDF 或图片）',
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: z.object({
      fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
    }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(await uploadVoucher(ctx, params.id, query.fileName, body as Uint8Array), 201),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/expenses',
    tag,
    summary: '记账：经合规检查（第十条、第十五条至第十七条）后登记一笔支出',
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    body: expenseBody,
    handler: async (c, { params, body, ctx }) => c.json(await bookExpense(ctx, params.id, body), 201),
  });
  r.route({
    method: 'put',
    path: '/api/v1/stations/{id}/expenses/{expenseId}',
    tag,
    summary: '修改一笔支出（同样经合规检查；修改前后记入审计日志）',
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    params: expenseParam,
    body: expenseBody.extend({ version: z.number({ error: '缺少版本号' }).int().min(1) }),
    handler: async (c, { params, body, ctx }) => {
      const { version, ...input } = body;
      return c.json(await updateExpense(ctx, params.id, params.expenseId, version, input));
    },
  });
  r.route({
    method: 'delete',
    path: '/api/v1/stations/{id}/expenses/{expenseId}',
    tag,
    summary: '删除一笔支出（更正录入错误；记入审计日志）',
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    params: expenseParam,
    query: z.object({ version: z.coerce.number({ error: '缺少版本号' }).int().min(1) }),
    handler: async (c, { params, query, ctx }) =>
      c.json(await deleteExpense(ctx, params.id, params.expenseId, query.version)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/final-accounts.xlsx',
    tag,
    summary: '项目决算报告（Excel，第十二条）：按科目的预算与实际、支出明细、配套经费、结余',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    produces: 'xlsx',
    handler: async (c, { params, ctx }) => {
      const d = await finalAccountsData(ctx, params.id);
      return fileResponse(c, await finalAccountsXlsx(d), `${d.stationName}-决算报告.xlsx`, XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/final-accounts.docx',
    tag,
    summary: '项目决算报告（Word，第十二条）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    produces: 'docx',
    handler: async (c, { params, ctx }) => {
      const d = await finalAccountsData(ctx, params.id);
      return fileResponse(c, await finalAccountsDocx(d), `${d.stationName}-决算报告.docx`, DOCX_TYPE);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/final-accounts',
    tag,
    summary: '提交项目决算报告（由经费台账生成 Word，作为站点的决算报告，第十二条）',
    access: { permission: 'write:expense' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    handler: async (c, { params, ctx }) => c.json(await submitFinalAccounts(ctx, params.id), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/funds/execution',
    tag,
    summary: '年度经费执行情况：各站点执行率与时间进度、按科目合计（第十五条）',
    access: { permission: 'read:ledger' },
    query: executionFilter.extend(pageQuery),
    handler: async (c, { query, ctx }) => {
      const { page, pageSize, ...f } = query;
      return c.json(await yearExecution(ctx, f, { page, pageSize }));
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/funds/execution.xlsx',
    tag,
    summary: '导出年度经费执行情况（Excel，筛选范围内的全部站点，第十五条）',
    access: { permission: 'read:ledger' },
    query: executionFilter,
    produces: 'xlsx',
    handler: async (c, { query, ctx }) => {
      const x = await yearExecutionXlsx(ctx, query);
      return fileResponse(c, x.bytes, x.fileName, XLSX_TYPE);
    },
  });
}
