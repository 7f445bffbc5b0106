import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded, RequirePermission } from '../../app/guards.tsx';

const RostersPage = lazy(() => import('./RostersPage.tsx').then((m) => ({ default: m.RostersPage })));
const RosterPage = lazy(() => import('./RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const ImportsPage = lazy(() => import('./ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const StandardsPage = lazy(() => import('./StandardsPage.tsx').then((m) => ({ default: m.StandardsPage })));
const SettingsPage = lazy(() => import('./SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const StatsPage = lazy(() => import('./StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

/** This module's console routes (children of the signed-in layout; paths without a leading slash). */
export const routes: RouteObject[] = [
  guarded('/dibao/rosters', <RostersPage />),
  { path: 'dibao/rosters/:id', element: <RequirePermission permission="dibao.read"><RosterPage /></RequirePermission> },
  guarded('/dibao/imports', <ImportsPage />),
  guarded('/dibao/standards', <StandardsPage />),
  guarded('/dibao/settings', <SettingsPage />),
  guarded('/dibao/stats', <StatsPage />),
];
