import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded, RequirePermission } from '../../app/guards.tsx';

const DibaoListPage = lazy(() => import('./DibaoListPage.tsx').then((m) => ({ default: m.DibaoListPage })));
const DibaoRegisterPage = lazy(() => import('./DibaoRegisterPage.tsx').then((m) => ({ default: m.DibaoRegisterPage })));
const HouseholdsPage = lazy(() => import('./HouseholdsPage.tsx').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => import('./HouseholdsPage.tsx').then((m) => ({ default: m.HouseholdPage })));
const SpotChecksPage = lazy(() => import('./SpotChecksPage.tsx').then((m) => ({ default: m.SpotChecksPage })));
const SpotCheckPage = lazy(() => import('./SpotChecksPage.tsx').then((m) => ({ default: m.SpotCheckPage })));
const RechecksPage = lazy(() => import('./RechecksPage.tsx').then((m) => ({ default: m.RechecksPage })));
const DelegationsPage = lazy(() => import('./DelegationsPage.tsx').then((m) => ({ default: m.DelegationsPage })));

/** This module's console routes (children of the signed-in layout; paths without a leading slash). */
export const routes: RouteObject[] = [
  guarded('/dibao', <DibaoListPage />),
  guarded('/dibao/new', <DibaoRegisterPage />),
  guarded('/dibao/households', <HouseholdsPage />),
  // A detail page has no menu entry of its own: the list's permission guards it.
  { path: 'dibao/households/:id', element: <RequirePermission permission="dibao.read"><HouseholdPage /></RequirePermission> },
  guarded('/dibao/delegations', <DelegationsPage />),
  guarded('/dibao/spot-checks', <SpotChecksPage />),
  { path: 'dibao/spot-checks/:id', element: <RequirePermission permission="dibao.read"><SpotCheckPage /></RequirePermission> },
  guarded('/dibao/rechecks', <RechecksPage />),
];
