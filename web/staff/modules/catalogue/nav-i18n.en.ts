import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'catalogue.module': 'Government services',
  'catalogue.nav.versions': 'Basic catalogue',
  'catalogue.nav.lists': 'Implementation lists',
  'catalogue.nav.diff': 'Four-level check',
  'catalogue.nav.powers': 'Power list',
  'catalogue.nav.supervision': 'Internet+ supervision',
  'catalogue.nav.inspections': 'Inspections',
};
