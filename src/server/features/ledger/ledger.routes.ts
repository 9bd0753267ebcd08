import type { Context } from 'hono';
import { z } from 'zod';
import { EVIDENCE_KINDS, REPORT_KINDS } from '../../../domain/ledger/codes';
import { isIsoDate } from '../../../domain/ledger/schema';
import { districtCodeField } from '../../../shared/schemas/fields';
import { contentDisposition } from '../../blobs/filename';
import { fileResponse, XLSX_TYPE } from '../../http/excel';
import { pageQuery } from '../../http/paging';
import type { Env, Router } from '../../http/router';
import { loadPolicy } from '../program-years/program-years.service';
import { addEventEvidence, createReportFromDocx, readAttachment, removeEventEvidence } from './attachments.service';
import { listEnterprises, lookupEnterprise } from './enterprises.service';
import { exportLedger, type ImportProblem, type ImportReport, importLedger } from './ledger.service';
import { ledgerWorkbook, locateLedgerPath, readLedgerWorkbook } from './ledger-excel';
import { requireStation } from './station-access';

const stationParam = z.object({ id: z.string().min(1).max(64) });
const fileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');
const flag = z
  .enum(['0', '1', 'true', 'false'], { error: '应为 0 或 1' })
  .default('0')
  .transform((v) => v === '1' || v === 'true');

function importResponse(c: Context<Env>, report: ImportReport): Response {
  if (report.ok) return c.json(report);
  return c.json(
    {
      error: {
        code: 'validation',
        message: `台账有 ${report.errors.length} 处问题，未导入任何记录；请按校验报告修改后重新导入`,
        issues: report.errors.map((e) => ({ path: e.path, message: e.message })),
      },
      report,
    },
    400,
  );
}

export function registerLedgerRoutes(r: Router): void {
  const tag = '站点台账';
  r.route({
    method: 'get',
    path: '/api/v1/enterprises',
    tag,
    summary: '企业名录（中心：全部；其他：范围内站点服务的企业）',
    access: { permission: 'read:ledger' },
    query: z.object({
      q: z.string().trim().max(100).optional(),
      districtCode: districtCodeField.optional(),
      ...pageQuery,
    }),
    handler: async (c, { query, ctx }) => c.json(await listEnterprises(ctx, query)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/enterprises/lookup',
    tag,
    summary: '按统一社会信用代码查询企业登记信息及其变更历史（填表时自动带出）',
    access: { permission: 'read:ledger' },
    query: z.object({ uscc: z.string({ error: '请输入统一社会信用代码' }).trim().min(1).max(30) }),
    handler: async (c, { query, ctx }) => c.json(await lookupEnterprise(ctx, query.uscc)),
  });
  r.route({
    method: 'get',
    path: '/api/v1/ledger-template',
    tag,
    summary: '下载台账导入模板（Excel，每个台账数组一个工作表，代码列带下拉选项）',
    access: { permission: 'read:ledger' },
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    produces: 'xlsx',
    handler: async (c, { query, ctx }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      return fileResponse(c, await ledgerWorkbook(null, policy), `${query.year}年度站点台账导入模板.xlsx`, XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/ledger-template',
    tag,
    summary: '下载本站点的台账导入模板（Excel，站点信息已填好）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    produces: 'xlsx',
    handler: async (c, { params, ctx }) => {
      const { format, programYear, station } = await exportLedger(ctx, params.id);
      const policy = await loadPolicy(ctx.db, programYear);
      const empty = { format, programYear, station };
      return fileResponse(c, await ledgerWorkbook(empty, policy), `${station.name}-台账导入模板.xlsx`, XLSX_TYPE);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/ledger/xlsx',
    tag,
    summary: '导出站点台账（Excel）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    produces: 'xlsx',
    handler: async (c, { params, ctx }) => {
      const ledger = await exportLedger(ctx, params.id);
      const policy = await loadPolicy(ctx.db, ledger.programYear);
      return fileResponse(c, await ledgerWorkbook(ledger, policy), `${ledger.station.name}-台账.xlsx`, XLSX_TYPE);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/ledger/xlsx',
    tag,
    summary: '导入站点台账（Excel）：校验报告按工作表、行、列列出问题，全部通过才写入',
    access: { permission: 'import:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: z.object({ replace: flag, dryRun: flag }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) => {
      const station = await requireStation(ctx, params.id);
      const policy = await loadPolicy(ctx.db, station.program_year);
      const book = await readLedgerWorkbook(body as Uint8Array, policy);
      const pre: ImportProblem[] = book.problems.map((p) => ({
        path: '',
        sheet: p.sheet,
        row: p.row,
        column: p.column,
        message: p.message,
      }));
      const report = await importLedger(ctx, params.id, book.value, { ...query, preProblems: pre });
      // Locate schema problems in the workbook (sheet, row, column), once per cell.
      const seen = new Set(pre.map((p) => `${p.sheet}|${p.row}|${p.column}`));
      report.errors = report.errors.filter((e) => {
        if (e.sheet !== undefined) return true;
        Object.assign(e, locateLedgerPath(e.path, book.value));
        const key = `${e.sheet}|${e.row}|${e.column}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      for (const w of report.warnings) Object.assign(w, locateLedgerPath(w.path, book.value));
      return importResponse(c, report);
    },
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/ledger',
    tag,
    summary: '导出站点台账（JSON，qianqi-ledger/1）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    handler: async (c, { params, ctx }) => {
      const ledger = await exportLedger(ctx, params.id);
      c.header('Content-Disposition', contentDisposition(`${ledger.station.name}-台账.json`));
      return c.json(ledger);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/ledger',
    tag,
    summary: '导入站点台账（JSON）：先校验，全部通过才写入',
    access: { permission: 'import:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    // A whole year of records in one body: more than the 1 MB of a form (body-limit.ts).
    bodyLimit: 'ledger',
    body: z.object({
      ledger: z.unknown(),
      replace: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    handler: async (c, { params, body, ctx }) => {
      const report = await importLedger(ctx, params.id, body.ledger, { replace: body.replace, dryRun: body.dryRun });
      return importResponse(c, report);
    },
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/events/{recordId}/evidence',
    tag,
    summary: '上传活动佐证材料（方案、照片、纪要、报道；第十三条）',
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ recordId: z.string().min(1).max(64) }),
    query: z.object({ kind: z.enum(EVIDENCE_KINDS, { error: '请选择佐证材料类型' }), fileName }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(
        await addEventEvidence(ctx, params.id, params.recordId, query.kind, query.fileName, body as Uint8Array),
        201,
      ),
  });
  r.route({
    method: 'delete',
    path: '/api/v1/stations/{id}/events/{recordId}/evidence/{evidenceId}',
    tag,
    summary: '删除活动佐证材料',
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ recordId: z.string().min(1).max(64), evidenceId: z.string().min(1).max(64) }),
    handler: async (c, { params, ctx }) =>
      c.json(await removeEventEvidence(ctx, params.id, params.recordId, params.evidenceId)),
  });
  r.route({
    method: 'post',
    path: '/api/v1/stations/{id}/reports/docx',
    tag,
    summary: '上传 Word 报告（.docx），提取正文并计算字数',
    access: { permission: 'write:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam,
    query: z.object({
      kind: z.enum(REPORT_KINDS, { error: '请选择报告类型' }),
      title: z.string({ error: '请输入报告标题' }).trim().min(2, '请输入报告标题').max(200, '报告标题过长'),
      submittedOn: z.string().refine(isIsoDate, { message: '提交日期格式不正确' }).optional(),
      fileName,
    }),
    upload: true,
    handler: async (c, { params, query, body, ctx }) =>
      c.json(await createReportFromDocx(ctx, params.id, query, body as Uint8Array), 201),
  });
  r.route({
    method: 'get',
    path: '/api/v1/stations/{id}/attachments/{attachmentId}',
    tag,
    summary: '下载文件（按站点数据范围检查后以附件形式下载）',
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    params: stationParam.extend({ attachmentId: z.string().min(1).max(64) }),
    produces: 'file',
    handler: async (c, { params, ctx }) => {
      const f = await readAttachment(ctx, params.id, params.attachmentId);
      c.header('Content-Type', f.mime);
      c.header('Content-Disposition', contentDisposition(f.fileName));
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      return c.body(f.bytes as Uint8Array<ArrayBuffer>);
    },
  });
}
