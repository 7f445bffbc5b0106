import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAddressParams } from './address-params.ts';

/** One page of a register, as every list endpoint answers it. */
export type ListPageData<T> = { items: T[]; total: number };

export type ListQuery<F extends string, T> = {
  /** The filters as the address has them (absent ones undefined), with the page. */
  q: Record<F, string | undefined> & { page: number; pageSize: number };
  /** Set (or, with no value, clear) a filter; any filter but the page goes back to page 1. */
  set: (key: F | 'page', value?: string) => void;
  list: UseQueryResult<ListPageData<T>>;
};

/**
 * A register's query: the filters and page live in the address (a link or a reload shows the
 * same rows), the previous page stays on screen while the next one loads.
 */
export function useListQuery<F extends string, T>(opts: {
  key: readonly unknown[];
  filters: readonly F[];
  fetch: (q: ListQuery<F, T>['q']) => Promise<ListPageData<T>>;
  pageSize?: number;
}): ListQuery<F, T> {
  const [params, update] = useAddressParams();
  const q = {
    ...(Object.fromEntries(opts.filters.map((f) => [f, params.get(f) ?? undefined])) as Record<F, string | undefined>),
    page: Number(params.get('page')) || 1,
    pageSize: opts.pageSize ?? 20,
  };
  const list = useQuery({ queryKey: [...opts.key, q], queryFn: () => opts.fetch(q), placeholderData: keepPreviousData });
  const set = (key: F | 'page', value?: string) => update({ [key]: value });
  return { q, set, list };
}
