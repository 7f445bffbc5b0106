import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { guarded } from '../../app/guards.tsx';

const PetitionStatsPage = lazy(() => import('./PetitionStatsPage.tsx').then((m) => ({ default: m.PetitionStatsPage })));

/** This module's console routes (children of the signed-in layout; paths without a leading slash). */
export const routes: RouteObject[] = [guarded('/petitions/stats', <PetitionStatsPage />)];
