import { z } from 'zod';
import { SRDI_LEVELS } from '../../domain/ledger/codes';
import { isIsoDate } from '../../domain/ledger/formats';
import {
  OFFICIAL_LIST_FIELDS,
  OFFICIAL_LIST_KINDS,
  OFFICIAL_LIST_OUTCOMES,
} from '../../domain/official-lists/official-lists';

// 官方名单 (issue 15 §4, 第七条): the lists the Center imports, their entries, and the answer of an import — the preview
// (dryRun) and the confirmed import have the same shape.

export { OFFICIAL_LIST_KINDS, OFFICIAL_LIST_OUTCOMES };

const flag = z
  .enum(['0', '1', 'true', 'false'], { error: '应为 0 或 1' })
  .default('0')
  .transform((v) => v === '1' || v === 'true');

export const officialListListQuery = z.object({
  kind: z.enum(OFFICIAL_LIST_KINDS, { error: '名单类型无效' }).optional(),
  /** the list's name or its file's name contains */
  q: z.string().trim().max(100).optional(),
});

export const officialListEntriesQuery = z.object({
  /** one list's entries; without it, the entries of every list (with `uscc`: the lists naming an enterprise) */
  listId: z.string().trim().min(1).max(64).optional(),
  uscc: z.string().trim().max(30).optional(),
  status: z.enum(OFFICIAL_LIST_OUTCOMES, { error: '导入结果无效' }).optional(),
  /** code or name contains */
  q: z.string().trim().max(100).optional(),
});

/** The import's form: the list's kind, name and effective date go with the file's bytes. */
export const officialListImportQuery = z.object({
  kind: z.enum(OFFICIAL_LIST_KINDS, { error: '请选择名单类型' }),
  name: z
    .string({ error: '请填写名单名称' })
    .trim()
    .min(2, '请填写名单名称（至少 2 个字）')
    .max(100, '名单名称最多 100 字'),
  effectiveOn: z
    .string({ error: '请选择生效日期' })
    .refine(isIsoDate, { message: '生效日期应为 YYYY-MM-DD 格式的有效日期' }),
  fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
  /** 1: the preview, nothing is written */
  dryRun: flag,
  /** the preview's token: required to import, refused (409) if the registry changed since the preview */
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '预览令牌格式不正确，请重新预览')
    .optional(),
});

const flags = z.strictObject({ srdi: z.enum(SRDI_LEVELS), hasAssociation: z.boolean() });

export const OfficialListDto = z
  .strictObject({
    id: z.string(),
    kind: z.enum(OFFICIAL_LIST_KINDS),
    kindLabel: z.string(),
    name: z.string(),
    effectiveOn: z.string(),
    fileName: z.string(),
    importedAt: z.string(),
    /** who imported it */
    importedBy: z.string().nullable(),
    /** distinct enterprises the list names */
    entries: z.number().int(),
    /** enterprises whose flag the list set */
    changed: z.number().int(),
    /** codes not in the registry when imported (未在台账中) */
    unregistered: z.number().int(),
  })
  .meta({ id: 'OfficialList' });
export type OfficialListDto = z.infer<typeof OfficialListDto>;

export const OfficialListEntryDto = z
  .strictObject({
    id: z.string(),
    listId: z.string(),
    listName: z.string(),
    listKind: z.enum(OFFICIAL_LIST_KINDS),
    listKindLabel: z.string(),
    listEffectiveOn: z.string(),
    /** the row in the imported file */
    row: z.number().int(),
    uscc: z.string(),
    name: z.string(),
    enterpriseId: z.string().nullable(),
    /** the registry's name now, when it differs from the list's */
    registryName: z.string().nullable(),
    status: z.enum(OFFICIAL_LIST_OUTCOMES),
    statusLabel: z.string(),
    /** the registry's flags before the import and as the list left them; null: not registered */
    before: flags.nullable(),
    after: flags.nullable(),
  })
  .meta({ id: 'OfficialListEntry' });
export type OfficialListEntryDto = z.infer<typeof OfficialListEntryDto>;

export const OfficialListEntriesDto = z
  .strictObject({
    items: z.array(OfficialListEntryDto),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** the list asked for by `listId` */
    list: OfficialListDto.nullable(),
  })
  .meta({ id: 'OfficialListEntries' });
export type OfficialListEntriesDto = z.infer<typeof OfficialListEntriesDto>;

export const OfficialListProblemDto = z
  .strictObject({
    row: z.number().int(),
    field: z.enum(OFFICIAL_LIST_FIELDS),
    column: z.string(),
    message: z.string(),
  })
  .meta({ id: 'OfficialListProblem' });
export type OfficialListProblemDto = z.infer<typeof OfficialListProblemDto>;

export const OfficialListChangeDto = z
  .strictObject({
    row: z.number().int(),
    uscc: z.string(),
    name: z.string(),
    enterpriseId: z.string().nullable(),
    registryName: z.string().nullable(),
    status: z.enum(OFFICIAL_LIST_OUTCOMES),
    statusLabel: z.string(),
    before: flags.nullable(),
    after: flags.nullable(),
    /** the change moves a station's KPI count (第七条) */
    kpiCounted: z.boolean(),
  })
  .meta({ id: 'OfficialListChange' });
export type OfficialListChangeDto = z.infer<typeof OfficialListChangeDto>;

export const OfficialListKpiChangeDto = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    /** 第七条 */
    article: z.string(),
    unit: z.string(),
    measure: z.string(),
    target: z.number(),
    before: z.number(),
    after: z.number(),
    /** enterprises counted more (the numerator of a share) */
    delta: z.number().int(),
    /** a share's denominator (联系企业家数), unchanged by a flag */
    denominator: z.number().int().nullable(),
    metBefore: z.boolean(),
    metAfter: z.boolean(),
  })
  .meta({ id: 'OfficialListKpiChange' });

export const OfficialListStationImpactDto = z
  .strictObject({
    stationId: z.string(),
    stationName: z.string(),
    programYear: z.number().int(),
    typeLabel: z.string(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    /** the changed enterprises the station lists, and of them the key-served ones */
    listed: z.number().int(),
    keyServed: z.number().int(),
    /** empty: the station lists them but no KPI count moves (not contacted in its period, another district …) */
    kpis: z.array(OfficialListKpiChangeDto),
  })
  .meta({ id: 'OfficialListStationImpact' });
export type OfficialListStationImpactDto = z.infer<typeof OfficialListStationImpactDto>;

export const OfficialListImportReportDto = z
  .strictObject({
    dryRun: z.boolean(),
    /** no error: the file may be imported (a preview) or was imported */
    ok: z.boolean(),
    /** give it back to import what was previewed */
    token: z.string(),
    /** the list created (a confirmed import) */
    listId: z.string().nullable(),
    kind: z.enum(OFFICIAL_LIST_KINDS),
    kindLabel: z.string(),
    name: z.string(),
    effectiveOn: z.string(),
    fileName: z.string(),
    counts: z.strictObject({
      /** data rows read */
      rows: z.number().int(),
      /** distinct valid codes */
      entries: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      higherKept: z.number().int(),
      unregistered: z.number().int(),
      /** stations listing a changed enterprise (their KPIs are recomputed) */
      stations: z.number().int(),
      /** of them, stations where a KPI count moves */
      stationsKpiChanged: z.number().int(),
    }),
    /** the preview's lists are cut at `limit` rows each; the counts are whole */
    limit: z.number().int(),
    errors: z.array(OfficialListProblemDto),
    warnings: z.array(OfficialListProblemDto),
    /** enterprises whose flags change (before → after) */
    changes: z.array(OfficialListChangeDto),
    /** named by the list but already flagged (or national, kept) */
    unchanged: z.array(OfficialListChangeDto),
    /** not in the registry: kept as entries (未在台账中) */
    unregistered: z.array(OfficialListChangeDto),
    stations: z.array(OfficialListStationImpactDto),
    /** the rules applied, each citing its article */
    rules: z.array(z.string()),
    /** another list already imported with the same kind, name and date */
    sameAs: z.strictObject({ id: z.string(), importedAt: z.string() }).nullable(),
  })
  .meta({ id: 'OfficialListImportReport' });
export type OfficialListImportReportDto = z.infer<typeof OfficialListImportReportDto>;
