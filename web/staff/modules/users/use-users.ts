import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { DelegationInput, RoleAssignmentInput, User, UserFilters, UserInput } from '../../shared/api-types.ts';

const KEY = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useQuery({ queryKey: [...KEY, 'list', filters], queryFn: () => api.users(filters), placeholderData: keepPreviousData });
}

export function useUser(id: string | null) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.user(id!), enabled: !!id });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useSaveUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (v: { id?: string; version?: number; input: UserInput }): Promise<{ user: User; initialPassword?: string }> => {
      if (!v.id) return api.createUser(v.input);
      const { displayName, orgUnitId, phone, email } = v.input;
      return { user: await api.updateUser(v.id, { version: v.version ?? 1, displayName, orgUnitId, phone, email }) };
    },
    onSuccess: invalidate,
  });
}

export type UserAction = 'disable' | 'enable' | 'unlock' | 'reset-totp' | 'reset-password';

/** Account actions; reset-password answers with the one-time initial password. */
export function useUserAction() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (v: { id: string; action: UserAction }): Promise<{ initialPassword?: string }> => {
      if (v.action === 'reset-password') return api.resetPassword(v.id);
      await api.userAction(v.id, v.action);
      return {};
    },
    onSuccess: invalidate,
  });
}

export function useUserRoles(userId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'roles', userId],
    queryFn: async () => (await api.userRoles(userId!)).items,
    enabled: !!userId,
  });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: api.roles, staleTime: 10 * 60_000 });
}

export function useAddRole(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: RoleAssignmentInput) => api.addUserRole(userId, input), onSuccess: invalidate });
}

export function useRemoveRole(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (assignmentId: string) => api.removeUserRole(userId, assignmentId), onSuccess: invalidate });
}

export function useDelegate() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (input: DelegationInput) => api.delegate(input), onSuccess: invalidate });
}

/** Users matching a search, for pickers (e.g. choosing who takes over a delegated role). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: [...KEY, 'search', q],
    queryFn: () => api.users({ q: q || undefined, page: 1, pageSize: 20, status: 'active' }),
    placeholderData: keepPreviousData,
  });
}
