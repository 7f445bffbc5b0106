import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { petitionApi, type PetitionFilters } from './api.ts';

export const PETITIONS_KEY = ['petitions'] as const;

export function usePetitionList(f: PetitionFilters) {
  return useQuery({ queryKey: [...PETITIONS_KEY, 'list', f], queryFn: () => petitionApi.list(f), placeholderData: keepPreviousData, staleTime: 0 });
}

/** The petition facts with petitioners masked (no decryption, no PII log entry). */
export function usePetitionFacts(id: string, version: number) {
  return useQuery({ queryKey: [...PETITIONS_KEY, 'facts', id, version], queryFn: () => petitionApi.get(id, false), staleTime: 0 });
}

/** 张** — the list and the panel show names masked like the ID number and phone. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}
