import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { permissionFor } from './nav.tsx';
import { signedOutByUser, useCan, useMe } from './session.ts';

// Error pages are rare: their chunk (antd's Result and its illustrations) loads when one is shown.
const LoadFailed = lazy(() => import('./ErrorPages.tsx').then((m) => ({ default: m.LoadFailed })));
const Forbidden = lazy(() => import('./ErrorPages.tsx').then((m) => ({ default: m.Forbidden })));
export const NotFound = lazy(() => import('./ErrorPages.tsx').then((m) => ({ default: m.NotFound })));

/** Renders children only with a session; otherwise goes to /login and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const loc = useLocation();
  if (me.isPending)
    return (
      <div className="mz-center mz-fullpage">
        <Spin size="large" />
      </div>
    );
  if (me.isError) {
    return (
      <Suspense>
        <LoadFailed message={me.error.message} retry={() => void me.refetch()} />
      </Suspense>
    );
  }
  if (!me.data) {
    // An expired session comes back here after signing in again; signing out does not.
    const next = loc.pathname + loc.search;
    return <Navigate to={next === '/' || signedOutByUser() ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.user.mustChangePassword && loc.pathname !== '/profile') return <Navigate to="/profile" replace />;
  return children;
}

/** A page that needs a permission: holders see it, others get a clear 403. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  if (can(permission)) return children;
  return (
    <Suspense>
      <Forbidden />
    </Suspense>
  );
}

/** A route whose page needs the permission its menu entry names (modules use this too). */
export const guarded = (path: string, element: ReactNode) => {
  const permission = permissionFor(path);
  return { path: path.slice(1), element: permission ? <RequirePermission permission={permission}>{element}</RequirePermission> : element };
};
