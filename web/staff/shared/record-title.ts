import { useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * The title a page shows in its header, published for the trail under the shell's header: on a register's detail page
 * (an organization, a household, a roster …) the trail's last item names the record instead of 「详情」. One page is
 * shown at a time, so one value, kept with the address it belongs to.
 */
let shown: { path: string; title: string } | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Publish `title` (when it is plain text) as the title of the page at the current address, while it is shown. */
export function usePublishRecordTitle(title: unknown) {
  const { pathname } = useLocation();
  const text = typeof title === 'string' && title.trim() ? title.trim() : undefined;
  useEffect(() => {
    if (!text) return;
    shown = { path: pathname, title: text };
    emit();
    return () => {
      if (shown?.path === pathname && shown.title === text) {
        shown = null;
        emit();
      }
    };
  }, [pathname, text]);
}

/** The title published for `pathname`, if its page has published one. */
export function useRecordTitle(pathname: string): string | undefined {
  return useSyncExternalStore(subscribe, () => (shown?.path === pathname ? shown.title : undefined));
}
