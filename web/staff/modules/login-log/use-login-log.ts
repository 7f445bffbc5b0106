import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { LoginLogFilters } from '../../shared/api-types.ts';

export function useLoginLog(filters: LoginLogFilters) {
  return useQuery({ queryKey: ['login-log', filters], queryFn: () => api.loginLog(filters), placeholderData: keepPreviousData });
}
