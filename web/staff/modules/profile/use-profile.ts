import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../app/query-client.ts';
import { api } from '../../shared/api.ts';

function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ME_KEY });
}

export function useChangePassword() {
  const refresh = useRefreshMe();
  return useMutation({ mutationFn: (v: { oldPassword: string; newPassword: string }) => api.changePassword(v.oldPassword, v.newPassword), onSuccess: refresh });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: api.totpSetup });
}

export function useTotpEnable() {
  const refresh = useRefreshMe();
  return useMutation({ mutationFn: (code: string) => api.totpEnable(code), onSuccess: refresh });
}

export function useTotpDisable() {
  const refresh = useRefreshMe();
  return useMutation({ mutationFn: (v: { password: string; code: string }) => api.totpDisable(v.password, v.code), onSuccess: refresh });
}
