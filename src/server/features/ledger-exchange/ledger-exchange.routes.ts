import type { Context } from 'hono';
import { ledgerApi } from '../../../shared/api/ledger';
import type { ImportReportDto } from '../../../shared/schemas/ledger';
import { contentDisposition } from '../../blobs/filename';
import { loadPolicy } from '../../core/policy';
import { fileResponse, XLSX_TYPE } from '../../http/excel';
import type { Env, Router } from '../../http/router';
import { ledgerWorkbook } from './ledger-excel';
import { exportLedger } from './ledger-export.service';
import { importLedger, importLedgerWorkbook } from './ledger-import.service';

/** A refused import answers 400 with the report beside the error: the page lists every problem where it is. */
function importResponse(c: Context<Env>, json: (data: ImportReportDto) => Response, report: ImportReportDto): Response {
  if (report.ok) return json(report);
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

/** A station's whole ledger in and out, as JSON (`qianqi-ledger/1`) or as the Excel workbook, and the templates. */
export function registerLedgerExchangeRoutes(r: Router): void {
  r.route({
    ...ledgerApi.template,
    access: { permission: 'read:ledger' },
    handler: async (c, { query, ctx }) => {
      const policy = await loadPolicy(ctx.db, query.year);
      return fileResponse(c, {
        buf: await ledgerWorkbook(null, policy),
        filename: `${query.year}年度站点台账导入模板.xlsx`,
        mediaType: XLSX_TYPE,
      });
    },
  });
  r.route({
    ...ledgerApi.stationTemplate,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const { format, programYear, station } = await exportLedger(ctx, params.id);
      const policy = await loadPolicy(ctx.db, programYear);
      const empty = { format, programYear, station };
      return fileResponse(c, {
        buf: await ledgerWorkbook(empty, policy),
        filename: `${station.name}-台账导入模板.xlsx`,
        mediaType: XLSX_TYPE,
      });
    },
  });
  r.route({
    ...ledgerApi.exportXlsx,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx }) => {
      const ledger = await exportLedger(ctx, params.id);
      const policy = await loadPolicy(ctx.db, ledger.programYear);
      return fileResponse(c, {
        buf: await ledgerWorkbook(ledger, policy),
        filename: `${ledger.station.name}-台账.xlsx`,
        mediaType: XLSX_TYPE,
      });
    },
  });
  r.route({
    ...ledgerApi.importXlsx,
    access: { permission: 'import:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, query, body, ctx, json }) =>
      importResponse(
        c,
        json,
        await importLedgerWorkbook(ctx, { stationId: params.id, bytes: body as Uint8Array, ...query }),
      ),
  });
  r.route({
    ...ledgerApi.exportJson,
    access: { permission: 'read:ledger' },
    scoped: { param: 'id', entity: 'station' },
    handler: async (c, { params, ctx, json }) => {
      const ledger = await exportLedger(ctx, params.id);
      c.header('Content-Disposition', contentDisposition(`${ledger.station.name}-台账.json`));
      return json(ledger);
    },
  });
  r.route({
    ...ledgerApi.importJson,
    access: { permission: 'import:ledger' },
    scoped: { param: 'id', entity: 'station' },
    // A whole year of records in one body: more than the 1 MB of a form (body-limit.ts).
    bodyLimit: 'ledger',
    handler: async (c, { params, body, ctx, json }) => {
      const report = await importLedger(ctx, {
        stationId: params.id,
        value: body.ledger,
        replace: body.replace,
        dryRun: body.dryRun,
        expectedVersion: body.expectedVersion,
      });
      return importResponse(c, json, report);
    },
  });
}
