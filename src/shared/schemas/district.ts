import { z } from 'zod';
import { STATION_TYPES } from '../../domain/policy/types';

export const stationTypeSchema = z.enum(STATION_TYPES);

/** A district of the program year with its class (第三条) and its association, if registered. */
export const DistrictDto = z
  .strictObject({
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    stationType: z.enum(['district_a', 'district_b']),
    stationTypeLabel: z.string(),
    article: z.string(),
    associationId: z.string().nullable(),
    associationName: z.string().nullable(),
  })
  .meta({ id: 'District' });
export type DistrictDto = z.infer<typeof DistrictDto>;

/** The home page's overview: each station type's quota and funding (第六条) beside the stations set up. */
export const HomeOverviewDto = z
  .strictObject({
    year: z.number().int(),
    title: z.string(),
    byType: z.array(
      z.strictObject({
        type: stationTypeSchema,
        label: z.string(),
        quota: z.number().int(),
        quotaArticle: z.string(),
        fundingFen: z.number().int(),
        stations: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'HomeOverview' });
export type HomeOverviewDto = z.infer<typeof HomeOverviewDto>;
