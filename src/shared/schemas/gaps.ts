import { z } from 'zod';
import { GAP_KINDS } from '../../domain/gaps/gaps';

// 待补事项 of a station (src/domain/gaps): what is still missing for its targets, computed from the recorded facts.

export const gapsStationParam = z.object({ id: z.string().min(1).max(64) });

/** One missing item: its count, the sentence a host reads, the article and the filtered list where it is fixed. */
export const GapItemDto = z
  .strictObject({
    key: z.string(),
    kind: z.enum(GAP_KINDS),
    count: z.number().int(),
    unit: z.string(),
    sentence: z.string(),
    article: z.string(),
    /** a web page: the list, filtered to the records concerned */
    link: z.string(),
    /** count KPIs: expected by now (target × share of the period elapsed, rounded up) and whether behind it */
    pace: z.strictObject({ expected: z.number().int(), behind: z.boolean() }).nullable(),
  })
  .meta({ id: 'GapItem' });
export type GapItemDto = z.infer<typeof GapItemDto>;

export const StationGapsDto = z
  .strictObject({
    stationId: z.string(),
    stationName: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    /** the date the gaps were computed on (Asia/Shanghai) */
    today: z.string(),
    /** share of the project period elapsed, in percent with one decimal */
    elapsedPercent: z.number(),
    items: z.array(GapItemDto),
  })
  .meta({ id: 'StationGaps' });
export type StationGapsDto = z.infer<typeof StationGapsDto>;
