import { uuidv7 } from 'uuidv7';
import { policy2025 } from '../domain/policy/index';
import { writeTx } from './audit/audit';
import type { Ctx } from './context';
import type { OrganizationTable } from './db/schema';
import { ensureBuiltInYears } from './features/program-years/program-years.service';

// What the regulation itself fixes, loaded into every database, production included (issue #10): the built-in
// program years (2025), the Innovation Service Center that runs the program (第五条), and the association of each
// of the 17 districts that 第三条 divides into A and B (the split is the policy's `districts`). Nothing else: hosts,
// stations and accounts are the deployment's own data. Idempotent, so it runs at every start.

export const CENTER_NAME = '北京市科学技术协会创新服务中心';

export function districtAssociationName(d: { code: string; fullName: string }): string {
  return d.code === 'etown' ? '北京经济技术开发区科学技术协会' : `${d.fullName}科学技术协会`;
}

export interface ReferenceDataResult {
  years: number[];
  organizations: number;
}

export async function ensureReferenceData(ctx: Ctx): Promise<ReferenceDataResult> {
  const years = await ensureBuiltInYears(ctx);
  const existing = await ctx.db
    .selectFrom('organizations')
    .select(['kind', 'district_code'])
    .where('kind', 'in', ['center', 'district_association'])
    .execute();
  const now = ctx.clock.now().toISOString();
  const org = (o: Pick<OrganizationTable, 'kind' | 'name' | 'district_code'>): OrganizationTable => ({
    id: uuidv7(),
    host_kind: null,
    uscc: null,
    contact_name: null,
    contact_phone: null,
    address: null,
    is_active: 1,
    created_at: now,
    updated_at: now,
    version: 1,
    ...o,
  });
  const missing: OrganizationTable[] = [];
  if (!existing.some((o) => o.kind === 'center')) {
    missing.push(org({ kind: 'center', name: CENTER_NAME, district_code: null }));
  }
  const have = new Set(existing.filter((o) => o.kind === 'district_association').map((o) => o.district_code));
  for (const d of policy2025.districts) {
    if (have.has(d.code)) continue;
    missing.push(org({ kind: 'district_association', name: districtAssociationName(d), district_code: d.code }));
  }
  if (missing.length) {
    await writeTx(ctx, async (tx, audit) => {
      for (const o of missing) {
        await tx.insertInto('organizations').values(o).execute();
        await audit.record({
          entity: 'organization',
          entityId: o.id,
          action: 'create',
          summary: `基础数据：新建“${o.name}”`,
          after: { ...o },
        });
      }
    });
  }
  return { years, organizations: missing.length };
}
