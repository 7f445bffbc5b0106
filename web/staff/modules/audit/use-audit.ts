import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { AuditFilters } from '../../shared/api-types.ts';

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({ queryKey: ['audit', 'events', filters], queryFn: () => api.auditEvents(filters), placeholderData: keepPreviousData });
}

export function useAuditEvent(id: string | null) {
  return useQuery({ queryKey: ['audit', 'event', id], queryFn: () => api.auditEvent(id!), enabled: !!id });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: api.auditVerify });
}

export type DiffRow = { field: string; before: string; after: string; changed: boolean };

const show = (v: unknown) => (v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-by-field comparison of an event's before/after snapshots (top-level keys). */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => {
    const before = show(b[field]);
    const after = show(a[field]);
    return { field, before, after, changed: before !== after };
  });
}

/** The case types the user reads (shared with the worklist's cache): their steps name the `<type>.<step>` actions. */
export function useCaseTypeSteps() {
  return useQuery({ queryKey: ['case-types'], queryFn: async () => (await api.caseTypes()).items, staleTime: 5 * 60_000 }).data;
}
