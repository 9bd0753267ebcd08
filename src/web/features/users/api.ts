import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordResetDto } from '../../../server/features/users/password-resets.service';
import type { UserDto } from '../../../server/features/users/users.service';
import type { Page } from '../../../server/http/paging';
import type {
  PasswordResetRejectInput,
  RoleAssignInput,
  UserCreateInput,
  UserUpdateInput,
} from '../../../shared/schemas/user';
import { api, qs } from '../../lib/api';

export type User = UserDto;
export type PasswordReset = PasswordResetDto;
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

/** 密码重置双人复核 (decision 018): open requests, for the system and the security administrator. */
export function usePasswordResets() {
  return useQuery({
    queryKey: ['users', 'password-resets'],
    queryFn: () => api.get<{ items: PasswordReset[] }>('/api/v1/password-resets'),
  });
}

const resetPath = (id: string) => `/api/v1/password-resets/${encodeURIComponent(id)}`;

export function usePasswordResetMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    qc.invalidateQueries({ queryKey: ['users'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
  };
  return {
    request: useMutation({
      mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
        api.post<PasswordReset>(`${path(userId)}/password-reset-requests`, { reason }),
      onSuccess,
    }),
    approve: useMutation({
      mutationFn: (r: Pick<PasswordReset, 'id' | 'version'>) =>
        api.post<PasswordReset>(`${resetPath(r.id)}/approve`, { version: r.version }),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: ({ id, ...input }: PasswordResetRejectInput & { id: string }) =>
        api.post<PasswordReset>(`${resetPath(id)}/reject`, input),
      onSuccess,
    }),
    issue: useMutation({
      mutationFn: (r: Pick<PasswordReset, 'id' | 'version'>) =>
        api.post<TemporaryPassword>(`${resetPath(r.id)}/issue`, { version: r.version }),
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
