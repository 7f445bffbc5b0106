import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded } from '../../app/guards.tsx';

const PetitionsPage = lazy(() => import('./PetitionsPage.tsx').then((m) => ({ default: m.PetitionsPage })));
const PetitionSettingsPage = lazy(() => import('./PetitionSettingsPage.tsx').then((m) => ({ default: m.PetitionSettingsPage })));
const PetitionRegisterPage = lazy(() => import('./PetitionRegisterPage.tsx').then((m) => ({ default: m.PetitionRegisterPage })));

/** This module's console routes (children of the signed-in layout; paths without a leading slash). */
export const routes: RouteObject[] = [
  guarded('/petitions', <PetitionsPage />),
  guarded('/petitions/new', <PetitionRegisterPage />),
  guarded('/petitions/settings', <PetitionSettingsPage />),
];
