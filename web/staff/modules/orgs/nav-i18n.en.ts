import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'orgs.module': 'Social organizations',
  'orgs.nav.registry': 'Registry',
  'orgs.nav.credit': 'Credit lists',
  'orgs.nav.spot': 'Random spot checks',
  'orgs.nav.supervised': 'Supervised organizations',
  'orgs.nav.import': 'Import registry',
};
