import { useLocation, useSearchParams } from 'react-router-dom';

/** A change to the address's parameters: a value sets one, an empty one removes it. */
export type ParamsPatch = Record<string, string | number | null | undefined>;

/**
 * The page's parameters in the address, and a setter that patches them (replacing the history entry).
 * A patch that does not name `page` goes back to the first page (a new filter, a new year). The patch applies to the address as it is when the setter runs, not as this render saw it, so two
 * quick changes (a filter, then page 2 before the list re-rendered) both stay; and a setter that runs
 * after the user has left the page (a late callback of a table being unmounted) changes nothing
 * instead of bringing them back.
 */
export function useAddressParams(): [URLSearchParams, (patch: ParamsPatch) => void] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const update = (patch: ParamsPatch) => {
    if (window.location.pathname !== pathname) return;
    const next = new URLSearchParams(window.location.search);
    if (!('page' in patch)) next.delete('page');
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return [params, update];
}
