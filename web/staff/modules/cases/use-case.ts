import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import type { CaseDetail } from '../../shared/api-types.ts';
import { WORKLIST_KEY } from '../worklist/use-worklist.ts';

export const caseKey = (id: string) => ['case', id] as const;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api.case(id), staleTime: 0 });
}

export function useClockExplain(caseId: string, clock: string | null) {
  return useQuery({ queryKey: ['case', caseId, 'explain', clock], queryFn: () => api.clockExplain(caseId, clock!), enabled: !!clock, staleTime: 0 });
}

const isCase = (v: unknown): v is CaseDetail => !!v && typeof v === 'object' && 'events' in v && 'actions' in v;

/** Runs one case command; throws the ApiError for the caller's form. */
export type CaseRun = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * One way to run every case command: an answer that is the case replaces the cached page,
 * anything else reloads it; the worklist is refreshed either way. A 409 VERSION_CONFLICT
 * (someone else moved the case first) is kept for the page's banner with a 刷新 button.
 */
export function useCaseRunner(caseId: string) {
  const qc = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const run: CaseRun = useCallback(
    async (fn) => {
      try {
        const res = await fn();
        if (isCase(res)) qc.setQueryData(caseKey(caseId), res);
        else await qc.invalidateQueries({ queryKey: caseKey(caseId), exact: true });
        void qc.invalidateQueries({ queryKey: WORKLIST_KEY });
        setConflict(null);
        return res;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict(e.title);
        throw e;
      }
    },
    [qc, caseId],
  );
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: caseKey(caseId) });
    setConflict(null);
  };
  return { run, conflict, refresh };
}
