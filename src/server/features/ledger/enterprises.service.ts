import { normalizeUscc } from '../../../domain/uscc';
import { notFound } from '../../../shared/errors';
import type { EnterpriseDto, EnterpriseLookupDto } from '../../../shared/schemas/ledger';
import type { Ctx } from '../../context';
import { containsCi, type Page, paginate } from '../../core/paging';
import { shanghaiDate, stationScope } from '../../scope';

// The enterprise registry (第七条): one row per valid USCC, shared by all stations. The Center sees all of it; other
// readers see the enterprises listed by the stations in their scope. Looking up one code (to fill in a form) is open
// to every ledger reader: a USCC and a company name are public registration data.

export async function listEnterprises(
  ctx: Ctx,
  f: { q?: string; districtCode?: string; page: number; pageSize: number },
): Promise<Page<EnterpriseDto>> {
  const today = shanghaiDate(ctx.clock.now());
  const visibleStations = ctx.db.selectFrom('stations').select('stations.id').where(stationScope(ctx.actor!, today));
  let qb = ctx.db
    .selectFrom('enterprises as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('station_enterprises as se')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('se.enterprise_id', '=', 'e.id')
        .where('se.station_id', 'in', visibleStations)
        .as('stations'),
    );
  if (ctx.actor!.role !== 'center_admin' && ctx.actor!.role !== 'center_staff') {
    qb = qb.where(
      'e.id',
      'in',
      ctx.db.selectFrom('station_enterprises').select('enterprise_id').where('station_id', 'in', visibleStations),
    );
  }
  if (f.districtCode) qb = qb.where('e.district_code', '=', f.districtCode);
  if (f.q) qb = qb.where((eb) => eb.or([containsCi('e.name', f.q!), containsCi('e.uscc', f.q!)]));
  return paginate(qb, {
    page: f.page,
    pageSize: f.pageSize,
    orderBy: (q) => q.orderBy('e.name').orderBy('e.id'),
    map: (r) => ({
      id: r.id,
      uscc: r.uscc,
      name: r.name,
      districtCode: r.district_code,
      hasAssociation: r.has_association === 1,
      srdi: r.srdi,
      stations: Number(r.stations ?? 0),
      updatedAt: r.updated_at,
    }),
  });
}

export async function lookupEnterprise(ctx: Ctx, uscc: string): Promise<EnterpriseLookupDto> {
  const code = normalizeUscc(uscc);
  const e = await ctx.db.selectFrom('enterprises').selectAll().where('uscc', '=', code).executeTakeFirst();
  if (!e) throw notFound('企业');
  // Each entry is what the flags were before a change; a change an official list made names the list (issue 15 §4).
  const history = await ctx.db
    .selectFrom('enterprise_history as h')
    .leftJoin('official_lists as l', 'l.id', 'h.source_list_id')
    .selectAll('h')
    .select(['l.id as list_id', 'l.name as list_name', 'l.kind as list_kind', 'l.effective_on as list_effective_on'])
    .where('h.enterprise_id', '=', e.id)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  return {
    uscc: e.uscc,
    name: e.name,
    districtCode: e.district_code,
    hasAssociation: e.has_association === 1,
    srdi: e.srdi,
    history: history.map((h) => ({
      changedAt: h.changed_at,
      by: h.actor_name,
      name: h.name,
      districtCode: h.district_code,
      hasAssociation: h.has_association === 1,
      srdi: h.srdi,
      sourceList:
        h.list_id && h.list_name && h.list_kind && h.list_effective_on
          ? { id: h.list_id, name: h.list_name, kind: h.list_kind, effectiveOn: h.list_effective_on }
          : null,
    })),
  };
}
