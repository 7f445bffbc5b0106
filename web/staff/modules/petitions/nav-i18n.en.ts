import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'petitions.module': 'Petitions',
  'petitions.nav.list': 'Petitions',
  'petitions.nav.register': 'Register petition',
  'petitions.nav.receptionLog': 'Reception log',
  'petitions.nav.settings': 'Petition settings',
  'petitionStats.nav': 'Petition statistics',
  'petitions.nav.toApprove': 'Opinions to approve',
};
