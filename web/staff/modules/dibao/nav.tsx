import type { NavEntry } from '../../app/nav.tsx';

/** This module's pages in the 业务办理 menu (path, label key, icon, permission). */
export const DIBAO_NAV: NavEntry[] = [];
