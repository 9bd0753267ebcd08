import { type ExpressionBuilder, sql } from 'kysely';
import { ROLE_SCOPE } from '../shared/permissions';
import type { Actor } from './context';
import type { DB } from './db/schema';

const nothing = sql<boolean>`1 = 0`;

/**
 * The one data-scope rule for stations (Convention 7): every station read composes it, every write checks it.
 * A district sees its district, a host its organisation's stations, an auditor the stations assigned to it now.
 */
export function stationScope(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<DB, 'stations'>) => {
    switch (ROLE_SCOPE[actor.role]) {
      case 'all':
        return sql<boolean>`1 = 1`;
      case 'district':
        return actor.districtCode ? eb('stations.district_code', '=', actor.districtCode) : nothing;
      case 'station':
        if (actor.role === 'host') {
          return actor.organizationId ? eb('stations.host_org_id', '=', actor.organizationId) : nothing;
        }
        return eb(
          'stations.id',
          'in',
          eb
            .selectFrom('user_stations')
            .select('user_stations.station_id')
            .where('user_stations.user_id', '=', actor.userId)
            .where((w) => w.or([w('user_stations.valid_from', 'is', null), w('user_stations.valid_from', '<=', today)]))
            .where((w) => w.or([w('user_stations.valid_to', 'is', null), w('user_stations.valid_to', '>=', today)])),
        );
      default:
        return nothing;
    }
  };
}

/**
 * Organisations visible to an actor: everything for the Center; otherwise the
 * actor's own organisation, its district's association, and the hosts of stations it can see.
 */
export function organizationScope(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<DB, 'organizations'>) => {
    if (ROLE_SCOPE[actor.role] === 'all') return sql<boolean>`1 = 1`;
    const visibleHosts = eb
      .selectFrom('stations')
      .select('stations.host_org_id')
      .where(stationScope(actor, today) as never);
    const ors = [eb('organizations.id', 'in', visibleHosts)];
    if (actor.organizationId) ors.push(eb('organizations.id', '=', actor.organizationId));
    if (actor.role === 'district' && actor.districtCode) {
      ors.push(
        eb.and([
          eb('organizations.kind', '=', 'district_association'),
          eb('organizations.district_code', '=', actor.districtCode),
        ]),
      );
    }
    return eb.or(ors);
  };
}

/** Today's date in Asia/Shanghai (the program's calendar), as YYYY-MM-DD. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Applications visible to an actor (issue #4): the Center all; a district association its district's (an IUR
 * application belongs to no district, 第六条); a host its own organisation's; a reviewer only those assigned to it.
 */
export function applicationScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'applications'>) => {
    switch (actor.role) {
      case 'center_admin':
      case 'center_staff':
        return sql<boolean>`1 = 1`;
      case 'district':
        return actor.districtCode ? eb('applications.district_code', '=', actor.districtCode) : nothing;
      case 'host':
        return actor.organizationId ? eb('applications.host_org_id', '=', actor.organizationId) : nothing;
      case 'reviewer':
        return eb(
          'applications.id',
          'in',
          eb
            .selectFrom('review_assignments')
            .select('review_assignments.application_id')
            .where('review_assignments.reviewer_id', '=', actor.userId),
        );
      default:
        return nothing;
    }
  };
}
