import { Alert, Button, Grid, Layout, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { AppHeader } from './AppHeader.tsx';
import { BrandMark } from './BrandMark.tsx';
import { NavMenu } from './NavMenu.tsx';
import { PageFrame } from './PageFrame.tsx';
import { useSession } from './session.ts';
import { LazyDrawer } from '../shared/LazyDrawer.tsx';

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

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Layout className="mz-shell">
      <Layout.Header className="mz-shell-header">
        <AppHeader mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
      </Layout.Header>
      <Layout hasSider={!mobile}>
        {!mobile && (
          <Layout.Sider className="mz-sider" width={216} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light">
            <nav aria-label={t('nav.menu')}>
              <NavMenu collapsed={collapsed} />
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
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
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
            <Suspense
              fallback={
                <div className="mz-center">
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
