import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'policyqa.module': 'Policy Q&A',
  'policyqa.nav.list': 'Policy Q&A',
};
