import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'enforcement.module': 'Law enforcement',
  'enforcement.nav.cases': 'Penalty cases',
  'enforcement.nav.tipoffs': 'Reports',
  'enforcement.nav.officers': 'Officers',
  'enforcement.nav.study': 'Law study',
  'enforcement.nav.exams': 'Exams',
  'enforcement.nav.remedies': 'Appeals and coercive measures',
};
