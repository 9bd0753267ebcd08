import { uuidv7 } from 'uuidv7';
import { isPasswordExpired } from '../../domain/password-policy';
import { SEPARATED_ADMIN_ROLES } from '../../shared/permissions';
import type { Database, Tx } from '../db/database';
import type { UserTable } from '../db/schema';
import { verifyPassword } from './password';

// 口令策略 (decision 019): the last passwords an account's holder set, so that changing a password cannot mean
// setting the old one again; and the age limit of the three administrators' passwords (等保 定期更换).

export interface RecentPasswordOptions {
  user: Pick<UserTable, 'id' | 'password_hash'>;
  password: string;
  /** how many of the last passwords count */
  count: number;
}

/**
 * Whether `password` is one of the holder's last `count` passwords: the one in force and the newest `count` kept
 * ones. Each is an argon2 hash with its own salt, so each is verified in turn (at most 10).
 */
export async function isRecentPassword(
  db: Database,
  { user, password, count }: RecentPasswordOptions,
): Promise<boolean> {
  if (count <= 0) return false;
  if (await verifyPassword(user.password_hash, password)) return true;
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  for (const r of rows) if (await verifyPassword(r.password_hash, password)) return true;
  return false;
}

export interface RememberPasswordOptions {
  user: Pick<UserTable, 'id' | 'password_hash' | 'must_change_password' | 'password_changed_at' | 'created_at'>;
  newHash: string;
  now: string;
  /** how many passwords to keep (at least one is kept) */
  keep: number;
}

/**
 * Keeps the password the holder just set, and only the newest `keep` (at least one, so a raised limit has something
 * to compare with). The password it replaces is kept too when the history is empty and it was the holder's own — an
 * account from before the history, or one whose holder chose its first password (self-registration, the CLI).
 */
export async function rememberPassword(tx: Tx, { user, newHash, now, keep }: RememberPasswordOptions): Promise<void> {
  const kept = await tx
    .selectFrom('password_history')
    .select(['id'])
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (kept.length === 0 && user.must_change_password === 0) {
    await tx
      .insertInto('password_history')
      .values({
        id: uuidv7(),
        user_id: user.id,
        password_hash: user.password_hash,
        created_at: user.password_changed_at ?? user.created_at,
      })
      .execute();
  }
  await tx
    .insertInto('password_history')
    .values({ id: uuidv7(), user_id: user.id, password_hash: newHash, created_at: now })
    .execute();
  const all = await tx
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const stale = all.slice(Math.max(keep, 1)).map((r) => r.id);
  if (stale.length) await tx.deleteFrom('password_history').where('id', 'in', stale).execute();
}

/** The three administrators' passwords age (等保 定期更换); business accounts' do not (decision 019). */
export function adminPasswordExpired(
  user: { role: string; password_changed_at: string | null; created_at: string },
  maxAgeDays: number,
  now: Date,
): boolean {
  if (!(SEPARATED_ADMIN_ROLES as readonly string[]).includes(user.role)) return false;
  return isPasswordExpired(user.password_changed_at ?? user.created_at, maxAgeDays, now);
}
