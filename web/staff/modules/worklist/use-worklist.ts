import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { CaseCreateInput, WorklistFilters, WorklistTab } from '../../shared/api-types.ts';

export const WORKLIST_KEY = ['worklist'] as const;
export const WORKLIST_TABS: WorklistTab[] = ['to_acknowledge', 'todo', 'due_soon', 'overdue', 'done', 'supervising'];

export function useWorklist(filters: WorklistFilters) {
  return useQuery({ queryKey: [...WORKLIST_KEY, 'list', filters], queryFn: () => api.worklist(filters), placeholderData: keepPreviousData });
}

/**
 * Every tab's count in one call, under the same type and text filters — the server counts with
 * each tab's own list query, so a count always equals the rows listed (待办 in the chosen view).
 */
export function useWorklistCounts(type: string | undefined, q: string | undefined, view?: 'mine' | 'unit') {
  const counts = useQuery({
    queryKey: [...WORKLIST_KEY, 'counts', type ?? null, q ?? null, view ?? null],
    queryFn: () => api.worklistCounts({ type, q, view }),
    placeholderData: keepPreviousData,
  });
  return Object.fromEntries(WORKLIST_TABS.map((tab) => [tab, counts.data?.[tab]])) as Record<WorklistTab, number | undefined>;
}

export function useCaseTypes() {
  return useQuery({ queryKey: ['case-types'], queryFn: async () => (await api.caseTypes()).items, staleTime: 5 * 60_000 });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseCreateInput) => api.createCase(input),
    onSuccess: (c) => {
      qc.setQueryData(['case', c.id], c);
      return qc.invalidateQueries({ queryKey: WORKLIST_KEY });
    },
  });
}
