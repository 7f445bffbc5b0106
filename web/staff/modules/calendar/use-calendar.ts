import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { CalendarComputeQuery, CalendarDayInput } from '../../shared/api-types.ts';

const KEY = ['calendar'] as const;

export function useCalendarYear(year: number, area: string | null) {
  return useQuery({
    queryKey: [...KEY, 'year', year, area],
    queryFn: () => api.calendarYear(year, area),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCalendarCompute() {
  return useMutation({ mutationFn: (q: CalendarComputeQuery) => api.calendarCompute(q) });
}

export function useSetCalendarDay() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CalendarDayInput) => api.setCalendarDay(input), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useClearCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; areaCode: string | null; reason: string }) => api.clearCalendarDay(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
