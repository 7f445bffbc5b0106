import type { navZh } from './nav-i18n.ts';

/** English of the menu's words (loaded with the console's English). */
export const navEn: Record<keyof typeof navZh, string> = {
  'dibao.module': 'Dibao assistance',
  'dibao.nav.applications': 'Dibao applications',
  'dibao.nav.register': 'Register application',
  'dibao.nav.households': 'Dibao households',
  'dibao.nav.rechecks': 'Re-checks',
  'dibao.nav.spotChecks': 'County spot checks',
  'dibao.nav.delegations': 'Approval delegation',
  'dibaoMoney.nav.rosters': 'Payment rosters',
  'dibaoMoney.nav.imports': 'Roster import',
  'dibaoMoney.nav.standards': 'Standards',
  'dibaoMoney.nav.settings': 'Dibao settings',
  'dibaoMoney.nav.stats': 'Dibao statistics',
  'dibao.nav.publications': 'Published households',
  'dibao.nav.filings': "Staff relatives' filings",
  'dibao.nav.toConfirm': 'Applications to confirm',
};
