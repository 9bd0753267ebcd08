import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usersApi } from '../../../shared/api/users';
import type {
  PasswordResetDto,
  PasswordResetRejectInput,
  RoleAssignInput,
  RoleScopeOptionsDto,
  UserCreateInput,
  UserDto,
  UserTemporaryPasswordDto,
  UserUpdateInput,
} from '../../../shared/schemas/user';
import { call } from '../../lib/api';

export type User = UserDto;
export type PasswordReset = PasswordResetDto;
export interface UserFilters {
  q?: string;
  role?: User['role'];
}
export type TemporaryPassword = UserTemporaryPasswordDto;

export function useUsers(f: UserFilters, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['users', f, page],
    queryFn: () => call(usersApi.list, { query: { q: f.q, role: f.role, ...page } }),
    placeholderData: keepPreviousData,
  });
}

export function useUserMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['users'] });
  return {
    create: useMutation({
      mutationFn: (input: UserCreateInput) => call(usersApi.create, { body: input }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: UserUpdateInput & { id: string }) =>
        call(usersApi.update, { params: { id }, body: input }),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: (u: Pick<User, 'id' | 'version'>) =>
        call(usersApi.resetPassword, { params: { id: u.id }, body: { version: u.version } }),
      onSuccess,
    }),
    unlock: useMutation({
      mutationFn: (u: Pick<User, 'id' | 'version'>) =>
        call(usersApi.unlock, { params: { id: u.id }, body: { version: u.version } }),
      onSuccess,
    }),
    assignRole: useMutation({
      mutationFn: ({ id, ...input }: RoleAssignInput & { id: string }) =>
        call(usersApi.assignRole, { params: { id }, body: input }),
      onSuccess,
    }),
  };
}

/** 密码重置双人复核 (decision 018): open requests, for the system and the security administrator. */
export function usePasswordResets() {
  return useQuery({
    queryKey: ['users', 'password-resets'],
    queryFn: () => call(usersApi.passwordResets, {}),
  });
}

export function usePasswordResetMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    qc.invalidateQueries({ queryKey: ['users'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
  };
  return {
    request: useMutation({
      mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
        call(usersApi.requestPasswordReset, { params: { id: userId }, body: { reason } }),
      onSuccess,
    }),
    approve: useMutation({
      mutationFn: (r: Pick<PasswordReset, 'id' | 'version'>) =>
        call(usersApi.approvePasswordReset, { params: { resetId: r.id }, body: { version: r.version } }),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: ({ id, ...input }: PasswordResetRejectInput & { id: string }) =>
        call(usersApi.rejectPasswordReset, { params: { resetId: id }, body: input }),
      onSuccess,
    }),
    issue: useMutation({
      mutationFn: (r: Pick<PasswordReset, 'id' | 'version'>) =>
        call(usersApi.issuePasswordReset, { params: { resetId: r.id }, body: { version: r.version } }),
      onSuccess,
    }),
  };
}

export type RoleScopeOptions = RoleScopeOptionsDto;

/** Names and ids only, for the account administrators who hold no business data. Needs read:role-scope. */
export function useRoleScopeOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'scope-options'],
    queryFn: () => call(usersApi.scopeOptions, {}),
    enabled,
    staleTime: 60_000,
  });
}
