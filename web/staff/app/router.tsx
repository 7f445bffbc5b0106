import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { guarded, NotFound, RequireAuth, RequirePermission } from './guards.tsx';
import { WEB_MODULES } from '../modules/index.ts';

// Every page is its own chunk: the console loads none of its pages until one is opened.
const AppLayout = lazy(() => import('./AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
// The home page's workbench card is a chunk of its own: both are fetched at once (HomePage.tsx).
const HomePage = lazy(() => {
  void import('../modules/worklist/WorklistCard.tsx');
  return import('../modules/home/HomePage.tsx').then((m) => ({ default: m.HomePage }));
});
// Admin, case and profile pages are split into their own chunks; most sessions never open them.
const UsersPage = lazy(() => import('../modules/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const OrgUnitsPage = lazy(() => import('../modules/org-units/OrgUnitsPage.tsx').then((m) => ({ default: m.OrgUnitsPage })));
const AreasPage = lazy(() => import('../modules/areas/AreasPage.tsx').then((m) => ({ default: m.AreasPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const LoginLogPage = lazy(() => import('../modules/login-log/LoginLogPage.tsx').then((m) => ({ default: m.LoginLogPage })));
const CalendarPage = lazy(() => import('../modules/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const CasePage = lazy(() => import('../modules/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const ReportPage = lazy(() => import('../modules/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const DashboardPage = lazy(() => import('../modules/report/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const LawPage = lazy(() => import('../modules/laws/LawPage.tsx').then((m) => ({ default: m.LawPage })));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));

/** A top-level page while its chunk loads: an empty page (the layout shows its own spinner inside). */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="mz-fullpage" />}>{children}</Suspense>;
}

/** Each business module's pages; a page needs its menu entry's permission unless the route names one. */
const moduleRoutes = WEB_MODULES.flatMap((m) =>
  m.routes.map(({ path, page: Page, permission }) =>
    permission
      ? {
          path: path.slice(1),
          element: (
            <RequirePermission permission={permission}>
              <Page />
            </RequirePermission>
          ),
        }
      : guarded(path, <Page />),
  ),
);

export const router = createBrowserRouter([
  // Signing out (or a session ending) lands here without reloading; signing in reloads into the console.
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Loading>
          <AppLayout />
        </Loading>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      // Readability of a case is the server's decision (404 outside the user's scope).
      { path: 'cases/:id', element: <CasePage /> },
      // 法规库: the reference text a legal basis links to (no records, the same for everyone).
      { path: 'laws/:ref', element: <LawPage /> },
      ...moduleRoutes,
      guarded('/admin/users', <UsersPage />),
      guarded('/admin/org-units', <OrgUnitsPage />),
      guarded('/admin/areas', <AreasPage />),
      guarded('/admin/audit', <AuditPage />),
      guarded('/admin/login-log', <LoginLogPage />),
      guarded('/admin/calendar', <CalendarPage />),
      guarded('/dashboard', <DashboardPage />),
      guarded('/report', <ReportPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
