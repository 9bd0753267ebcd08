import { createHash, randomBytes } from 'node:crypto';
import { SEPARATED_ADMIN_ROLES } from '../../shared/permissions';
import { isRole } from '../../shared/roles';
import type { Actor, Ctx } from '../context';
import type { Database } from '../db/database';
import { securitySettings } from '../features/security-settings/security-settings.service';
import { adminPasswordExpired } from './password-history';

export const SESSION_COOKIE = 'qianqi_sid';

export function newToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** Only the hash of the token is stored: a leaked database row cannot be replayed as a cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Resolves a cookie token to an actor, enforcing the idle and absolute timeouts (等保 2.0 会话超时).
 * Touches last_seen_at at most once a minute so reads stay reads.
 */
export async function resolveSession(
  deps: { db: Database; clock: Ctx['clock']; env: Ctx['env'] },
  token: string,
): Promise<Actor | null> {
  const id = sessionIdOf(token);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sid',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as uid',
      'users.username',
      'users.display_name',
      'users.role',
      'users.organization_id',
      'users.district_code',
      'users.is_active',
      'users.must_change_password',
      'users.password_changed_at',
      'users.created_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row?.is_active || !isRole(row.role)) return null;
  const now = deps.clock.now();
  const idleMs = deps.env.SESSION_IDLE_MINUTES * 60_000;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeen > idleMs || now.getTime() >= new Date(row.expires_at).getTime()) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen > 60_000) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  // An administrator's password past its age limit is changed before anything else, like a temporary one
  // (等保 定期更换, decision 019). Only the three administrators' requests read the policy for it.
  const expired =
    row.must_change_password !== 1 &&
    adminPasswordExpired(
      { role: row.role, password_changed_at: row.password_changed_at, created_at: row.created_at },
      SEPARATED_ADMIN_ROLES.includes(row.role) ? (await securitySettings(deps)).adminPasswordMaxAgeDays : 0,
      now,
    );
  return {
    userId: row.uid,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationId: row.organization_id,
    districtCode: row.district_code,
    sessionId: row.sid,
    mustChangePassword: row.must_change_password === 1 || expired,
  };
}
