import { z } from 'zod';
import type { PaceStatus } from '../../domain/kpi/forecast';
import { FINDING_IDS } from '../../domain/kpi/types';
import { KPI_IDS, type KpiMeasure, STATION_TYPES } from '../../domain/policy/types';
import { pageOf, pageQuery } from '../api/common';
import { districtCodeField } from './fields';

// The KPIs of a station and of all stations in scope, counted from the ledger (第七条、第八条、第十二条、第十三条).

export const kpiStationParam = z.object({ id: z.string().min(1).max(64) });
export const kpiRecordsParam = kpiStationParam.extend({ kpiId: z.enum(KPI_IDS, { error: '未知的考核指标' }) });
/** A KPI's records, paged; `counted` keeps only the records that count ('true') or only those that do not ('false'). */
export const kpiRecordsQuery = z.object({
  ...pageQuery,
  counted: z
    .enum(['true', 'false'], { error: '是否计入（counted）应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
});

export const kpiMatrixQuery = z.object({
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000).max(2100),
  type: z.enum(STATION_TYPES, { error: '站点类型无效' }).optional(),
  districtCode: districtCodeField.optional(),
});

// The domain declares these as types only (KpiMeasure, PaceStatus): the lists spell them out, checked against them.
export const KPI_MEASURES = ['count', 'share', 'words', 'presence'] as const satisfies readonly KpiMeasure[];
export const PACE_STATUSES = [
  'met',
  'on_track',
  'at_risk',
  'due',
  'not_met',
  'not_started',
] as const satisfies readonly PaceStatus[];

/** One KPI of a station: the policy's definition, the counted value against the target, and the pace. */
export const KpiRowDto = z
  .strictObject({
    id: z.enum(KPI_IDS),
    article: z.string(),
    target: z.number(),
    /** a share is a fraction (0.4), words are 字 */
    actual: z.number(),
    met: z.boolean(),
    name: z.string(),
    unit: z.string(),
    measure: z.enum(KPI_MEASURES),
    countingRule: z.string(),
    pace: z.strictObject({
      status: z.enum(PACE_STATUSES),
      /** the count projected to the end of the period at the current pace (counts only) */
      projected: z.number().nullable(),
      /** share of the period elapsed, 0–1 */
      elapsed: z.number(),
    }),
  })
  .meta({ id: 'KpiRow' });
export type KpiRowDto = z.infer<typeof KpiRowDto>;

/** A problem the evaluation found in the records or the expenses (docs/ledger-format.md, findings). */
export const KpiFindingDto = z
  .strictObject({
    id: z.enum(FINDING_IDS),
    article: z.string().nullable(),
    severity: z.enum(['block', 'warn']),
    ref: z.string(),
    label: z.string(),
  })
  .meta({ id: 'KpiFinding' });
export type KpiFindingDto = z.infer<typeof KpiFindingDto>;

/** docs/ledger-format.md's funds block: granted, spent, execution rate (第十五条). Amounts are yuan strings. */
export const KpiFundsDto = z
  .strictObject({
    granted: z.string(),
    spentGrant: z.string(),
    spentMatching: z.string(),
    executionRate: z.number(),
    byCategory: z.record(z.string(), z.string()),
  })
  .meta({ id: 'KpiFunds' });

export const StationKpisDto = z
  .strictObject({
    station: z.strictObject({
      id: z.string(),
      name: z.string(),
      type: z.enum(STATION_TYPES),
      typeLabel: z.string(),
      districtCode: z.string().nullable(),
      periodStart: z.string(),
      periodEnd: z.string(),
      programYear: z.number().int(),
    }),
    today: z.string(),
    kpis: z.array(KpiRowDto),
    findings: z.array(KpiFindingDto),
    /** absent without a budget */
    funds: KpiFundsDto.optional(),
    metCount: z.number().int(),
  })
  .meta({ id: 'StationKpis' });
export type StationKpisDto = z.infer<typeof StationKpisDto>;

/** A record behind a KPI figure, counted or not, with the reason (issue #3). */
export const KpiDrillRowDto = z
  .strictObject({
    /** a record's id; for enterprises contacted, the USCC */
    id: z.string(),
    /** record kind, for a link to its list */
    kind: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    counted: z.boolean(),
    /** what this record adds (e.g. 3 person-times, a report's 字数) */
    weight: z.number(),
    reason: z.string().nullable(),
    reasonLabel: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'KpiDrillRow' });
export type KpiDrillRowDto = z.infer<typeof KpiDrillRowDto>;

/** The records of a KPI that do not count, for one reason, over all the KPI's records (not one page). */
export const KpiDrillReasonDto = z
  .strictObject({
    reason: z.string(),
    label: z.string(),
    count: z.number().int(),
  })
  .meta({ id: 'KpiDrillReason' });
export type KpiDrillReasonDto = z.infer<typeof KpiDrillReasonDto>;

/** One page of a KPI's records; `total` counts the records under the `counted` filter, the rest all of them. */
export const KpiDrilldownDto = pageOf(KpiDrillRowDto)
  .extend({
    kpi: z.enum(KPI_IDS),
    countedTotal: z.number().int(),
    notCountedTotal: z.number().int(),
    /** most frequent first */
    reasons: z.array(KpiDrillReasonDto),
  })
  .meta({ id: 'KpiDrilldown' });
export type KpiDrilldownDto = z.infer<typeof KpiDrilldownDto>;

const matrixCell = z.strictObject({
  actual: z.number(),
  target: z.number(),
  met: z.boolean(),
  /** actual / target, capped at 9.99; 1 for a zero target */
  ratio: z.number(),
  /** the pace forecast (issue #3): one colour scale for KPI progress everywhere */
  pace: z.enum(PACE_STATUSES),
  /** behind the pace of the period elapsed, or unmet after it (src/domain/kpi/shortfall.ts) */
  behind: z.boolean(),
});

/** 主要短板: the KPI furthest behind what the share of the period elapsed asks for (issue 14). */
export const KpiShortfallDto = z
  .strictObject({
    kpiId: z.enum(KPI_IDS),
    name: z.string(),
    unit: z.string(),
    article: z.string(),
    actual: z.number(),
    target: z.number(),
    /** expected by today: target × elapsed share for counts, the target for shares and reports */
    expected: z.number(),
    status: z.enum(PACE_STATUSES),
  })
  .meta({ id: 'KpiShortfall' });
export type KpiShortfallDto = z.infer<typeof KpiShortfallDto>;

export const KpiMatrixRowDto = z
  .strictObject({
    stationId: z.string(),
    name: z.string(),
    type: z.enum(STATION_TYPES),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    hostName: z.string(),
    /** only the KPIs of the station's type */
    kpis: z.partialRecord(z.enum(KPI_IDS), matrixCell),
    metCount: z.number().int(),
    kpiCount: z.number().int(),
    /** KPIs behind the pace of the period (or unmet after it) */
    behindCount: z.number().int(),
    mainShortfall: KpiShortfallDto.nullable(),
    /** share of the station's period elapsed today, 0–1 */
    elapsed: z.number(),
  })
  .meta({ id: 'KpiMatrixRow' });
export type KpiMatrixRowDto = z.infer<typeof KpiMatrixRowDto>;

/** Every station of a year in the reader's scope × its KPIs, with totals per station type. */
export const KpiMatrixDto = z
  .strictObject({
    year: z.number().int(),
    columns: z.array(
      z.strictObject({
        id: z.enum(KPI_IDS),
        name: z.string(),
        unit: z.string(),
        measure: z.enum(KPI_MEASURES),
        /** the station types that are assessed on it */
        types: z.array(z.enum(STATION_TYPES)),
        /** each type's own wording of the KPI (the policy names it per type) */
        nameByType: z.partialRecord(z.enum(STATION_TYPES), z.string()),
        unitByType: z.partialRecord(z.enum(STATION_TYPES), z.string()),
      }),
    ),
    rows: z.array(KpiMatrixRowDto),
    totals: z.array(
      z.strictObject({
        type: z.enum(STATION_TYPES),
        typeLabel: z.string(),
        stations: z.number().int(),
        fullyMet: z.number().int(),
        /** KPIs met / KPIs assessed, 0–1 */
        attainment: z.number(),
        metByKpi: z.partialRecord(z.enum(KPI_IDS), z.number().int()),
      }),
    ),
  })
  .meta({ id: 'KpiMatrix' });
export type KpiMatrixDto = z.infer<typeof KpiMatrixDto>;

/** Work recorded in one month (YYYY-MM) by the stations in scope: the activity chart. */
export const KpiActivityMonthDto = z
  .strictObject({
    month: z.string(),
    events: z.number().int(),
    contacts: z.number().int(),
    demands: z.number().int(),
  })
  .meta({ id: 'KpiActivityMonth' });
export type KpiActivityMonthDto = z.infer<typeof KpiActivityMonthDto>;
