import { z } from 'zod';
import { isValidUscc, normalizeUscc } from '../../domain/uscc';
import { districtCodeField, phoneField, sortField } from './fields';

export const HOST_KIND_CODES = [
  'society',
  'association',
  'alliance',
  'park_association',
  'public_institution',
  'university_association',
] as const;

export const ORGANIZATION_KINDS = ['center', 'district_association', 'host'] as const;

export const usccField = z
  .string({ error: '请输入统一社会信用代码' })
  .transform(normalizeUscc)
  .refine((v) => v.length === 18, { message: '统一社会信用代码应为 18 位' })
  .refine(isValidUscc, { message: '统一社会信用代码校验位不正确（GB 32100）' });

const phone = phoneField(false);
const districtCode = districtCodeField;

export const organizationInputSchema = z.object({
  name: z.string().trim().min(2, '请输入单位名称（至少 2 个字）').max(100, '单位名称不能超过 100 字'),
  hostKind: z.enum(HOST_KIND_CODES, { error: '请选择单位类型' }),
  uscc: usccField,
  districtCode: districtCode.nullable().optional(),
  contactName: z.string().trim().max(30, '联系人姓名过长').nullable().optional(),
  contactPhone: phone.nullable().optional(),
  address: z.string().trim().max(200, '地址过长').nullable().optional(),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

export const organizationUpdateSchema = organizationInputSchema.extend({
  version: z.number().int().min(1),
  isActive: z.boolean().optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

/** The columns the 组织 list (and its export) sorts by on the server. */
export const ORGANIZATION_SORT_KEYS = ['name', 'kind', 'hostKind', 'district', 'status'] as const;

export const organizationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  hostKind: z.enum(HOST_KIND_CODES).optional(),
  districtCode: districtCode.optional(),
  sort: sortField(ORGANIZATION_SORT_KEYS),
});

export const organizationIdParam = z.object({ id: z.string().min(1).max(64) });

/** The Center, a district association (第五条) or a host organisation (第六条). */
export const OrganizationDto = z
  .strictObject({
    id: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    kindLabel: z.string(),
    /** a host kind code of 第六条, as stored; null for the Center and the district associations */
    hostKind: z.string().nullable(),
    hostKindLabel: z.string().nullable(),
    name: z.string(),
    uscc: z.string().nullable(),
    districtCode: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type OrganizationDto = z.infer<typeof OrganizationDto>;
