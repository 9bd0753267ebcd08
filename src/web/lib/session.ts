// Session calls; free of antd and react-query so the sign-in page stays small.
import { authApi } from '../../shared/api/auth';
import type { MeDto } from '../../shared/schemas/auth';
import { call } from './api';

export type Me = MeDto;

export const sessionApi = {
  /**
   * The signed-in account, or null when nobody is signed in (the shell then sends the user to the sign-in page).
   * Asks `/api/v1/sessions/current`, which answers 200 either way: a signed-out visit is not a failed request.
   */
  current: () => call(authApi.currentSession, {}, { allowUnauthenticated: true, quiet: true }).then((r) => r.me),
  login: (username: string, password: string) =>
    call(authApi.signIn, { body: { username, password } }, { allowUnauthenticated: true, quiet: true }).then(
      (r) => r.me,
    ),
  logout: () => call(authApi.signOut, {}, { allowUnauthenticated: true }),
  logoutEverywhere: () => call(authApi.signOutEverywhere, {}, { allowUnauthenticated: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    call(authApi.changePassword, { body: { currentPassword, newPassword } }, { quiet: true }),
};

let early: Promise<Me | null> | null = null;

/**
 * Asks who is signed in as the app starts, before the shell's code has arrived, so that on a slow connection the
 * answer and the shell download overlap instead of following each other (issue 16).
 */
export function probeSessionEarly(): void {
  early = sessionApi.current();
  early.catch(() => {
    // the shell asks again and shows the error
  });
}

/** The early probe's answer, once; afterwards (a refetch, another sign-in) a new request. */
export function currentSession(): Promise<Me | null> {
  const p = early;
  early = null;
  return p ?? sessionApi.current();
}
