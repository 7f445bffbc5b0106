import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { permissionFor } from './nav.tsx';
import { signedOutByUser, useCan, useMe } from './session.ts';

/** Renders children only with a session; otherwise goes to /login and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
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
      <Result
        status="500"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
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
  return <Forbidden />;
}

export function Forbidden() {
  const t = useT();
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={t('error.403')} extra={<Button onClick={() => navigate('/')}>{t('error.back')}</Button>} />;
}

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('error.404')} extra={<Button onClick={() => navigate('/')}>{t('error.back')}</Button>} />;
}

/** A route whose page needs the permission its menu entry names (modules use this too). */
export const guarded = (path: string, element: ReactNode) => {
  const permission = permissionFor(path);
  return { path: path.slice(1), element: permission ? <RequirePermission permission={permission}>{element}</RequirePermission> : element };
};
