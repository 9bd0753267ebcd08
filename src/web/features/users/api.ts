import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '../../../server/features/users/users.service';
import type { Page } from '../../../server/http/paging';
import type { RoleAssignInput, UserCreateInput, UserUpdateInput } from '../../../shared/schemas/user';
import { api, qs } from '../../lib/api';

export type User = UserDto;
export interface UserFilters {
  q?: string;
  role?: string;
}
export interface TemporaryPassword {
  user: User;
  temporaryPassword: string;
}

export function useUsers(f: UserFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['users', f, page],
    queryFn: () => api.get<Page<User>>(`/api/v1/users${qs({ q: f.q, role: f.role, ...page })}`),
    placeholderData: keepPreviousData,
  });
}

const path = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

export function useUserMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['users'] });
  return {
    create: useMutation({
      mutationFn: (input: UserCreateInput) => api.post<TemporaryPassword>('/api/v1/users', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UserUpdateInput & { id: string }) => api.put<User>(path(id), input),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: (u: Pick<User, 'id' | 'version'>) =>
        api.post<TemporaryPassword>(`${path(u.id)}/password-reset`, { version: u.version }),
      onSuccess,
    }),
    unlock: useMutation({
      mutationFn: (u: Pick<User, 'id' | 'version'>) => api.post<User>(`${path(u.id)}/unlock`, { version: u.version }),
      onSuccess,
    }),
    assignRole: useMutation({
      mutationFn: ({ id, ...input }: RoleAssignInput & { id: string }) => api.put<User>(`${path(id)}/role`, input),
      onSuccess,
    }),
  };
}

export interface RoleScopeOptions {
  districts: Array<{ code: string; name: string }>;
  hosts: Array<{ id: string; name: string }>;
}

/** Names and ids only, for the account administrators who hold no business data. Needs read:role-scope. */
export function useRoleScopeOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'scope-options'],
    queryFn: () => api.get<RoleScopeOptions>('/api/v1/users/scope-options'),
    enabled,
    staleTime: 60_000,
  });
}
