import type { RouteObject } from 'react-router-dom';

/** This module's console routes (children of the signed-in layout; paths without a leading slash). */
export const routes: RouteObject[] = [];
