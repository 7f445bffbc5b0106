import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** Org units matching a search, for pickers (first 50, within the user's scope). */
export function useOrgUnitOptions(q: string) {
  return useQuery({
    queryKey: ['org-units', 'options', q],
    queryFn: () => api.orgUnits({ q: q || undefined, page: 1, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}
