import { z } from 'zod';
import { HOST_KIND_CODES } from './organization';

// 依托单位批量导入 (issue #10 §3): the Excel columns, the request and the answer of POST /api/v1/organizations/import.

export const HOST_IMPORT_FIELDS = [
  'name',
  'uscc',
  'hostKind',
  'district',
  'contactName',
  'contactPhone',
  'address',
] as const;
export type HostImportField = (typeof HOST_IMPORT_FIELDS)[number];

export interface HostImportColumn {
  field: HostImportField;
  /** the header in the template */
  header: string;
  required: boolean;
  /** other headers read as this column */
  aliases: readonly string[];
  width: number;
}

/** The template's columns, in order. The header row is row 1; data starts on row 2. */
export const HOST_IMPORT_COLUMNS: readonly HostImportColumn[] = [
  { field: 'name', header: '单位名称', required: true, aliases: ['依托单位名称', '名称'], width: 36 },
  { field: 'uscc', header: '统一社会信用代码', required: true, aliases: ['社会信用代码', '信用代码'], width: 24 },
  { field: 'hostKind', header: '单位类型', required: true, aliases: ['依托单位类型', '类型'], width: 26 },
  { field: 'district', header: '所在区', required: false, aliases: ['所属区', '区'], width: 14 },
  { field: 'contactName', header: '联系人', required: false, aliases: [], width: 12 },
  { field: 'contactPhone', header: '联系电话', required: false, aliases: ['电话'], width: 18 },
  { field: 'address', header: '地址', required: false, aliases: ['单位地址', '通讯地址'], width: 40 },
];

export const HOST_IMPORT_SHEET = '依托单位';
export const HOST_IMPORT_MAX_ROWS = 5000;

const flag = z
  .enum(['0', '1', 'true', 'false'], { error: '应为 0 或 1' })
  .default('0')
  .transform((v) => v === '1' || v === 'true');

/** `dryRun=1`: check and preview only, nothing is written. */
export const hostImportQuery = z.object({ dryRun: flag });

export const HOST_IMPORT_STATUSES = ['create', 'skip', 'error'] as const;

export const hostImportRowSchema = z
  .strictObject({
    /** the row number as Excel shows it */
    row: z.number().int(),
    name: z.string(),
    uscc: z.string(),
    hostKind: z.enum(HOST_KIND_CODES).nullable(),
    hostKindLabel: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address: z.string().nullable(),
    /** create: will be (was) created; skip: already registered; error: see the problems of the row */
    status: z.enum(HOST_IMPORT_STATUSES),
    /** why a row is skipped */
    note: z.string().nullable(),
  })
  .meta({ id: 'HostImportRow' });
export type HostImportRow = z.infer<typeof hostImportRowSchema>;

export const hostImportProblemSchema = z
  .strictObject({
    row: z.number().int(),
    field: z.enum(HOST_IMPORT_FIELDS),
    /** the column's Chinese header */
    column: z.string(),
    message: z.string(),
  })
  .meta({ id: 'HostImportProblem' });
export type HostImportProblem = z.infer<typeof hostImportProblemSchema>;

export const hostImportReportSchema = z
  .strictObject({
    dryRun: z.boolean(),
    /** no problem: the file may be imported (a dry run) or was imported */
    ok: z.boolean(),
    total: z.number().int(),
    toCreate: z.number().int(),
    toSkip: z.number().int(),
    errorRows: z.number().int(),
    /** organisations created by this call (0 in a dry run) */
    created: z.number().int(),
    rows: z.array(hostImportRowSchema),
    problems: z.array(hostImportProblemSchema),
  })
  .meta({ id: 'HostImportReport' });
export type HostImportReport = z.infer<typeof hostImportReportSchema>;
