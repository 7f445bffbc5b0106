import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { CaseCreateInput, WorklistFilters, WorklistTab } from '../../shared/api-types.ts';

export const WORKLIST_KEY = ['worklist'] as const;
export const WORKLIST_TABS: WorklistTab[] = ['to_acknowledge', 'todo', 'due_soon', 'overdue', 'done', 'supervising'];

export function useWorklist(filters: WorklistFilters) {
  return useQuery({ queryKey: [...WORKLIST_KEY, 'list', filters], queryFn: () => api.worklist(filters), placeholderData: keepPreviousData });
}

/**
 * Each tab's total (one pageSize=1 call per tab), under the same type and text filters — and the
 * same query as the tab's rows, so a count always equals the rows listed (待办 in the chosen view).
 */
export function useWorklistCounts(type: string | undefined, q: string | undefined, view?: 'mine' | 'unit') {
  const results = useQueries({
    queries: WORKLIST_TABS.map((tab) => ({
      queryKey: [...WORKLIST_KEY, 'count', tab, type ?? null, q ?? null, tab === 'todo' ? (view ?? null) : null],
      queryFn: async () => (await api.worklist({ tab, type, q, page: 1, pageSize: 1, view: tab === 'todo' ? view : undefined })).total,
      placeholderData: keepPreviousData,
    })),
  });
  return Object.fromEntries(WORKLIST_TABS.map((tab, i) => [tab, results[i]!.data])) as Record<WorklistTab, number | undefined>;
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
