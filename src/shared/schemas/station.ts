import { z } from 'zod';
import { districtCodeField, phoneField, sortField } from './fields';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const phone = phoneField(true);
const person = (what: string) => z.string().trim().min(2, `请输入${what}姓名`).max(30, `${what}姓名过长`);

export const STATION_TYPE_CODES = ['district_a', 'district_b', 'iur'] as const;

export const stationInputSchema = z
  .object({
    programYear: z.number({ error: '请选择项目年度' }).int().min(2000).max(2100),
    type: z.enum(STATION_TYPE_CODES, { error: '请选择站点类型' }),
    districtCode: districtCodeField.nullable(),
    hostOrgId: z.string({ error: '请选择依托单位' }).min(1, '请选择依托单位'),
    name: z.string().trim().min(4, '请输入站点名称（至少 4 个字）').max(100, '站点名称不能超过 100 字'),
    periodStart: date,
    periodEnd: date,
    leaderName: person('项目负责人'),
    leaderPhone: phone,
    contactName: person('联系人'),
    contactPhone: phone,
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: '结束日期不能早于开始日期' });
    }
    if (v.type === 'iur' && v.districtCode) {
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: '产学研合作站点不属于某个区，请留空' });
    }
    if (v.type !== 'iur' && !v.districtCode) {
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: '区工作站点须选择所在区' });
    }
  });
export type StationInput = z.infer<typeof stationInputSchema>;

export const stationUpdateSchema = z.object({
  version: z.number().int().min(1),
  station: stationInputSchema,
});

/** The columns the 工作站点 list sorts by on the server. */
export const STATION_SORT_KEYS = ['name', 'district', 'host', 'periodEnd', 'year'] as const;

export const stationListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.enum(STATION_TYPE_CODES).optional(),
  districtCode: z.string().max(10).optional(),
  q: z.string().trim().max(100).optional(),
  sort: sortField(STATION_SORT_KEYS),
});

export const stationIdParam = z.object({ id: z.string().min(1).max(64) });

/** `?version=` of a deletion: the version the user saw, so a change made meanwhile is not deleted unseen. */
export const stationVersionQuery = z.object({
  version: z
    .string({ error: '缺少版本号' })
    .regex(/^[1-9]\d*$/, '版本号应为正整数')
    .transform(Number),
});

/** A station (第三条, 第六条) with its host and the district's name in its program year. */
export const StationDto = z
  .strictObject({
    id: z.string(),
    programYear: z.number().int(),
    type: z.enum(STATION_TYPE_CODES),
    typeLabel: z.string(),
    districtCode: z.string().nullable(),
    /** the district's name in the station's program year (e.g. 海淀区) */
    districtName: z.string().nullable(),
    /** the district association that recommends the station (第五条) */
    districtAssociationName: z.string().nullable(),
    hostOrgId: z.string(),
    hostName: z.string(),
    hostUscc: z.string().nullable(),
    name: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    leaderName: z.string(),
    leaderPhone: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** why 删除 would be refused (records, money, an agreement, a locked year); null when it may be deleted or the reader may not delete */
    deleteRefusal: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Station' });
export type StationDto = z.infer<typeof StationDto>;
