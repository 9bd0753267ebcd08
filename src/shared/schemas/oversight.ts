// 工作概览 (issue 14): what the Center's director — or a district association, for its district — needs to see at a
// glance for one program year, each figure with the filtered list behind it (the web builds the links).
import { z } from 'zod';
import { STATION_TYPES } from '../../domain/policy/types';
import { KpiShortfallDto } from './kpis';

export const oversightQuery = z.object({
  year: z.coerce.number({ error: '请选择年度' }).int().min(2000, '年度无效').max(2100, '年度无效'),
});

const int = z.number().int();

export const OversightStationDto = z
  .strictObject({
    stationId: z.string(),
    name: z.string(),
    type: z.enum(STATION_TYPES),
    typeLabel: z.string(),
    districtName: z.string().nullable(),
    behindCount: int,
    kpiCount: int,
    mainShortfall: KpiShortfallDto,
    /** share of the station's period elapsed, 0–1 */
    elapsed: z.number(),
  })
  .meta({ id: 'OversightStation' });

export const OversightDto = z
  .strictObject({
    year: int,
    today: z.string(),
    stations: z.strictObject({
      total: int,
      /** stations with at least one KPI behind the pace of the period, or unmet after it */
      behind: int,
      /** the worst first (most KPIs behind, then the furthest behind on the main one), at most 10 */
      worst: z.array(OversightStationDto),
    }),
    /** 第十二条、第十三条 */
    reports: z.strictObject({
      /** period ended, reports not yet in */
      due: int,
      /** of those, past the reports' due date */
      overdue: int,
      /** reports in, waiting for the Center's acceptance */
      awaitingAcceptance: int,
    }),
    /** 第十九条: findings still open (to rectify, or answered and to be closed) */
    findings: z.strictObject({ open: int, overdue: int, nextDueOn: z.string().nullable() }),
    /** 第十八条: recovery orders not yet settled */
    recoveries: z.strictObject({ open: int, overdue: int, owedFen: int, nextDueOn: z.string().nullable() }),
    /** 第十五条: the year's grant spent against the share of the periods elapsed (weighted by funding) */
    funds: z.strictObject({ grantedFen: int, spentGrantFen: int, executionRate: z.number(), timeElapsed: z.number() }),
    /** 第九条 */
    goldenBridgePending: int,
    /** 第十一条: change requests submitted, waiting for a decision */
    changeRequestsPending: int,
  })
  .meta({ id: 'Oversight' });
export type OversightDto = z.infer<typeof OversightDto>;
export type OversightStationDto = z.infer<typeof OversightStationDto>;
