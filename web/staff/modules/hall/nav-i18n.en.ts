import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'hall.module': 'Service hall',
  'hall.nav.list': 'Applications (one window)',
  'hall.nav.complaints': 'Negative ratings',
  'hall.nav.stats': 'Rating statistics',
};
