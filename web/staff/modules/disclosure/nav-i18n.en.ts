import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'disclosure.module': 'Government information',
  'disclosure.nav.requests': 'Information requests',
  'disclosure.nav.items': 'Proactive disclosure',
  'disclosure.nav.annual': 'Annual disclosure report',
};
