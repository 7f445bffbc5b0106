import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'normdocs.module': 'Normative documents',
  'normdocs.nav.list': 'Normative documents',
  'normdocs.nav.cleanups': 'Document clean-ups',
};
