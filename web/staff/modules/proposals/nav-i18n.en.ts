import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'proposals.module': 'Deputies’ suggestions and CPPCC proposals',
  'proposals.nav.list': 'Suggestions and proposals',
};
