import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { HomePage } from '../modules/home/HomePage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { guarded, NotFound, RequireAuth } from './guards.tsx';
import { routes as dibaoRoutes } from '../modules/dibao/routes.tsx';
import { routes as dibaoMoneyRoutes } from '../modules/dibao-money/routes.tsx';
import { routes as petitionRoutes } from '../modules/petitions/routes.tsx';
import { routes as petitionStatsRoutes } from '../modules/petition-stats/routes.tsx';

// Admin, case and profile pages are split into their own chunks; most sessions never open them.
const UsersPage = lazy(() => import('../modules/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const OrgUnitsPage = lazy(() => import('../modules/org-units/OrgUnitsPage.tsx').then((m) => ({ default: m.OrgUnitsPage })));
const AreasPage = lazy(() => import('../modules/areas/AreasPage.tsx').then((m) => ({ default: m.AreasPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const LoginLogPage = lazy(() => import('../modules/login-log/LoginLogPage.tsx').then((m) => ({ default: m.LoginLogPage })));
const CalendarPage = lazy(() => import('../modules/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const CasePage = lazy(() => import('../modules/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      // Readability of a case is the server's decision (404 outside the user's scope).
      { path: 'cases/:id', element: <CasePage /> },
      ...petitionRoutes,
      ...petitionStatsRoutes,
      ...dibaoRoutes,
      ...dibaoMoneyRoutes,
      guarded('/admin/users', <UsersPage />),
      guarded('/admin/org-units', <OrgUnitsPage />),
      guarded('/admin/areas', <AreasPage />),
      guarded('/admin/audit', <AuditPage />),
      guarded('/admin/login-log', <LoginLogPage />),
      guarded('/admin/calendar', <CalendarPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
