// A business account made the way 三员分立 allows (decision 018), through the API only: the system administrator
// creates it without a role, its holder signs in with the temporary password and sets HOLDER_PASSWORD, and the
// security administrator gives it the role.
import { expect } from 'vitest';
import type { TestApp } from '../../setup/test-app';

/** The password holders set at their first sign-in (the demo password names the system, which the policy refuses). */
export const HOLDER_PASSWORD = 'Holder#Pass2025';

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  districtCode?: string;
  organizationId?: string;
}

/** Creates the account; returns its id and the temporary password the system administrator was shown. */
export async function createUnassigned(
  t: TestApp,
  a: Pick<NewAccount, 'username' | 'displayName'>,
): Promise<{ id: string; temporaryPassword: string }> {
  const sys = await t.login('sysadmin');
  const r = await t.call(sys, 'POST', '/api/v1/users', { username: a.username, displayName: a.displayName });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  expect(r.json.user.role).toBe('unassigned');
  return { id: r.json.user.id, temporaryPassword: r.json.temporaryPassword };
}

/** The holder's first sign-in: the temporary password replaced by `password`. */
export async function holderSetsPassword(t: TestApp, username: string, temporary: string, password = HOLDER_PASSWORD) {
  const first = await t.login(username, temporary);
  const r = await t.call(first, 'PUT', '/api/v1/me/password', { currentPassword: temporary, newPassword: password });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}

/** The security administrator gives the role (and scope); the account's version is read first. */
export async function assignRoleAsSec(t: TestApp, id: string, a: Omit<NewAccount, 'username' | 'displayName'>) {
  const sec = await t.login('secadmin');
  const u = await t.call(sec, 'GET', `/api/v1/users/${id}`);
  const r = await t.call(sec, 'PUT', `/api/v1/users/${id}/role`, { version: u.json.version, ...a });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

/** All three steps: a business account whose holder signs in with HOLDER_PASSWORD. Returns its id. */
export async function onboard(t: TestApp, a: NewAccount): Promise<string> {
  const { id, temporaryPassword } = await createUnassigned(t, a);
  await holderSetsPassword(t, a.username, temporaryPassword);
  const { username: _u, displayName: _d, ...role } = a;
  await assignRoleAsSec(t, id, role);
  return id;
}
