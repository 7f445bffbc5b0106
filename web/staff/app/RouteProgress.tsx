import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { router } from './router.tsx';

/** A thin bar across the top of the window (styles.css, .mz-progress); pure CSS, still without motion when asked. */
export function ProgressBar() {
  const t = useT();
  return <div className="mz-progress" role="progressbar" aria-label={t('nav.loading')} data-testid="route-progress" />;
}

/**
 * The bar while a navigation waits: the router renders the next page in a transition (the page on
 * screen stays until a lazy chunk has loaded), so the address the router is at and the one on
 * screen differ until then.
 */
export function RouteProgress() {
  const shown = useLocation().key;
  const [target, setTarget] = useState(router.state.location.key);
  const [waiting, setWaiting] = useState(router.state.navigation.state !== 'idle');
  useEffect(
    () =>
      router.subscribe((s) => {
        setTarget(s.location.key);
        setWaiting(s.navigation.state !== 'idle');
      }),
    [],
  );
  return target !== shown || waiting ? <ProgressBar /> : null;
}
