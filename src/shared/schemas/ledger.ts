import { z } from 'zod';
import { EVIDENCE_KINDS, REPORT_KINDS, SRDI_LEVELS } from '../../domain/ledger/codes';
import { isIsoDate, ledgerSchema } from '../../domain/ledger/schema';
import { districtCodeField } from './fields';

// A station's ledger as a whole (import, export, templates), its files, and the enterprise registry (第七条).

export const ledgerStationParam = z.object({ id: z.string().min(1).max(64) });
export const evidenceParam = ledgerStationParam.extend({
  recordId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(64),
});
export const attachmentParam = ledgerStationParam.extend({ attachmentId: z.string().min(1).max(64) });

export const enterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  districtCode: districtCodeField.optional(),
});
export const enterpriseLookupQuery = z.object({
  uscc: z.string({ error: '请输入统一社会信用代码' }).trim().min(1).max(30),
});
export const templateQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const flag = z
  .enum(['0', '1', 'true', 'false'], { error: '应为 0 或 1' })
  .default('0')
  .transform((v) => v === '1' || v === 'true');
/** The station's `ledgerVersion` the preview was made on: the import is refused (409) if the ledger changed since. */
const expectedVersion = z.coerce
  .number({ error: '预览版本应为整数' })
  .int('预览版本应为整数')
  .min(0, '预览版本应为整数')
  .optional();
export const xlsxImportQuery = z.object({ replace: flag, dryRun: flag, expectedVersion });

export const jsonImportBody = z.object({
  ledger: z.unknown(),
  /** false (the default): merge by natural keys; true: also delete what the file no longer lists */
  replace: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  expectedVersion: z.number().int().min(0).optional(),
});

const fileName = z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长');
export const evidenceUploadQuery = z.object({
  kind: z.enum(EVIDENCE_KINDS, { error: '请选择佐证材料类型' }),
  fileName,
});
export const reportDocxQuery = z.object({
  kind: z.enum(REPORT_KINDS, { error: '请选择报告类型' }),
  title: z.string({ error: '请输入报告标题' }).trim().min(2, '请输入报告标题').max(200, '报告标题过长'),
  submittedOn: z.string().refine(isIsoDate, { message: '提交日期格式不正确' }).optional(),
  fileName,
});

/** An enterprise of the registry with the number of stations (in the reader's scope) that list it. */
export const EnterpriseDto = z
  .strictObject({
    id: z.string(),
    uscc: z.string(),
    name: z.string(),
    districtCode: z.string(),
    hasAssociation: z.boolean(),
    srdi: z.enum(SRDI_LEVELS),
    stations: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enterprise' });
export type EnterpriseDto = z.infer<typeof EnterpriseDto>;

/** One USCC's registration, to fill in a form, with what it was before each change (issue #3). */
export const EnterpriseLookupDto = z
  .strictObject({
    uscc: z.string(),
    name: z.string(),
    districtCode: z.string(),
    hasAssociation: z.boolean(),
    srdi: z.enum(SRDI_LEVELS),
    history: z.array(
      z.strictObject({
        changedAt: z.string(),
        /** who changed it; null for a change of the system */
        by: z.string().nullable(),
        name: z.string(),
        districtCode: z.string(),
        hasAssociation: z.boolean(),
        srdi: z.string(),
        /** the official list (官方名单, 第七条) this change applied; null for a change made in a ledger */
        sourceList: z
          .strictObject({ id: z.string(), name: z.string(), kind: z.string(), effectiveOn: z.string() })
          .nullable()
          .optional(),
      }),
    ),
  })
  .meta({ id: 'EnterpriseLookup' });
export type EnterpriseLookupDto = z.infer<typeof EnterpriseLookupDto>;

/** One problem of an import, located in the ledger (JSON path) and, for Excel, in the workbook. */
export const ImportProblemDto = z
  .strictObject({
    path: z.string(),
    sheet: z.string().optional(),
    row: z.number().int().nullable().optional(),
    column: z.string().nullable().optional(),
    message: z.string(),
  })
  .meta({ id: 'LedgerImportProblem' });
export type ImportProblemDto = z.infer<typeof ImportProblemDto>;

/** What an import does to one sheet (ledger array): 新增 / 更新 / 未变, and 删除 in replace mode. */
export const ImportSheetPlanDto = z
  .strictObject({
    /** the ledger array: enterprises, contacts … expenses */
    key: z.string(),
    /** the sheet's Chinese name */
    label: z.string(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    deleted: z.number().int(),
  })
  .meta({ id: 'LedgerImportSheetPlan' });
export type ImportSheetPlanDto = z.infer<typeof ImportSheetPlanDto>;

/** A record a replace would delete, with the uploaded files and vouchers that go with it. */
export const ImportLossDto = z
  .strictObject({ sheet: z.string(), name: z.string(), files: z.number().int(), vouchers: z.number().int() })
  .meta({ id: 'LedgerImportLoss' });
export type ImportLossDto = z.infer<typeof ImportLossDto>;

/** A ledger import's report: with `ok` false (a 400 carries it too) nothing was written. */
export const ImportReportDto = z
  .strictObject({
    ok: z.boolean(),
    /** problems that stop the import */
    errors: z.array(ImportProblemDto),
    /** what was left out (the import still went through) */
    warnings: z.array(ImportProblemDto),
    /** records per ledger array in the file */
    counts: z.record(z.string(), z.number().int()),
    /** merge (the default) or replace */
    mode: z.enum(['merge', 'replace']).optional(),
    /** per sheet, what the import does (a dry run) or did */
    plan: z.array(ImportSheetPlanDto).optional(),
    /** replace only: what would be (or was) deleted, with its files and vouchers (at most 500 listed) */
    losses: z
      .strictObject({
        records: z.number().int(),
        files: z.number().int(),
        vouchers: z.number().int(),
        items: z.array(ImportLossDto),
      })
      .optional(),
    /** the station's ledger version the plan was made on; send it back as `expectedVersion` to import */
    ledgerVersion: z.number().int().optional(),
  })
  .meta({ id: 'LedgerImportReport' });
export type ImportReportDto = z.infer<typeof ImportReportDto>;

/**
 * The export of a station's ledger is the exchange format itself (`qianqi-ledger/1`, docs/ledger-format.md), whose
 * schema the domain holds: the contract names it rather than copying it.
 */
export const LedgerDto = ledgerSchema.meta({ id: 'Ledger' });
