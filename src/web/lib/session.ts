// Session calls; free of antd and react-query so the sign-in page stays small.
import type { MeDto } from '../../server/features/auth/auth.service';
import type { Role } from '../../shared/permissions';
import { api } from './api';

export type Me = Omit<MeDto, 'role'> & { role: Role };

export const sessionApi = {
  /**
   * The signed-in account, or null when nobody is signed in (the shell then sends the user to the sign-in page).
   * Asks `/api/v1/sessions/current`, which answers 200 either way: a signed-out visit is not a failed request.
   */
  current: () =>
    api
      .get<{ me: Me | null }>('/api/v1/sessions/current', { allowUnauthenticated: true, quiet: true })
      .then((r) => r.me),
  login: (username: string, password: string) =>
    api
      .post<{ me: Me }>('/api/v1/sessions', { username, password }, { allowUnauthenticated: true, quiet: true })
      .then((r) => r.me),
  logout: () => api.del<{ ok: true }>('/api/v1/sessions/current', undefined, { allowUnauthenticated: true }),
  logoutEverywhere: () =>
    api.del<{ ok: true; ended: number }>('/api/v1/sessions', undefined, { allowUnauthenticated: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.put<{ ok: true }>('/api/v1/me/password', { currentPassword, newPassword }, { quiet: true }),
};
