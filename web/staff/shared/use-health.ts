import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** /api/health: status, database kind, version (and demo mode when the server reports it). */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: api.health, staleTime: 60_000, retry: false });
}
