import { Alert, Button, Grid, Layout, Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigationType, type Location } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { AppHeader } from './AppHeader.tsx';
import type { Origin } from './breadcrumbs.ts';
import { BrandMark } from './BrandMark.tsx';
import { NavMenu } from './NavMenu.tsx';
import { PageFrame } from './PageFrame.tsx';
import { ProgressBar, RouteProgress } from './RouteProgress.tsx';
import { useSession } from './session.ts';
import { LazyDrawer } from '../shared/LazyDrawer.tsx';

// The trail is on every page but the home page: a chunk of its own, off the home page's first load.
const Breadcrumbs = lazy(() => import('./Breadcrumbs.tsx').then((m) => ({ default: m.Breadcrumbs })));

/** Header across the top, module menu on the left (a drawer on phones), page in the middle. */
export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useSession();
  // The menu page the trail places this page under (breadcrumbs.ts), for the menu to highlight.
  const [place, setPlace] = useState<string>();
  const selected = pathname === '/' ? '/' : place;

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  useKeepOrigin();

  return (
    <Layout className="mz-shell">
      <RouteProgress />
      <Layout.Header className="mz-shell-header">
        <AppHeader mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
      </Layout.Header>
      <Layout hasSider={!mobile}>
        {!mobile && (
          <Layout.Sider className="mz-sider" width={216} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light">
            <nav aria-label={t('nav.menu')}>
              <NavMenu selected={selected} collapsed={collapsed} />
            </nav>
          </Layout.Sider>
        )}
        {mobile && (
          <LazyDrawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={272}
            title={<BrandMark name={t('app.nameShort')} />}
            styles={{ body: { padding: '8px 0' } }}
          >
            <nav aria-label={t('nav.menu')}>
              <NavMenu selected={selected} onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </LazyDrawer>
        )}
        <Layout className="mz-main">
          <Layout.Content className="mz-content">
            {me.totpEnrolmentRequired && pathname !== '/profile' && (
              <Alert
                type="error"
                showIcon
                className="mz-banner"
                title={t('nav.totpRequired')}
                action={
                  <Button size="small" type="primary" onClick={() => navigate('/profile')}>
                    {t('profile.totpStart')}
                  </Button>
                }
              />
            )}
            {pathname !== '/' && (
              <Suspense fallback={<div className="mz-crumbs" />}>
                <Breadcrumbs mobile={mobile} onPlace={setPlace} />
              </Suspense>
            )}
            <Suspense
              fallback={
                <div className="mz-center">
                  <ProgressBar />
                  <Spin />
                </div>
              }
            >
              {pathname === '/' ? (
                <Outlet />
              ) : (
                <PageFrame>
                  <Outlet />
                </PageFrame>
              )}
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="mz-footer">{t('app.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

/**
 * Writes where the user came from into the location state of each page they open (a push to
 * another page), so 「返回」 and the trail's list item lead back to that list with its filters and
 * page — across a reload too, since the state lives in the browser's history entry.
 */
function useKeepOrigin() {
  const location = useLocation();
  const type = useNavigationType();
  const navigate = useNavigate();
  const previous = useRef<Location | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = location;
    if (type !== 'PUSH' || !before || before.pathname === location.pathname) return;
    const state = (location.state ?? {}) as Origin;
    if (state.from) return;
    const { pathname, search, hash } = location;
    // The trail's rules come with the trail's chunk (off the home page's first load); a page left
    // meanwhile keeps what it had.
    void import('./breadcrumbs.ts').then(({ originAfter }) => {
      if (previous.current?.key === location.key) void navigate({ pathname, search, hash }, { replace: true, state: { ...state, ...originAfter(before) } });
    });
  }, [location, type, navigate]);
}
