import type { zh } from './i18n-steps.ts';

/** English of this file's messages (loaded only when the console is in English). */
export const en: Record<keyof typeof zh, string> = {
  'dibao.pub.title': 'Publication',
  'dibao.pub.hint':
    'After approval, the household is published in its village or community (Interim Measures on Social Assistance, art. 11(3)). The list shows the surname only, the household size and the monthly amount.',
  'dibao.pub.listTitle': 'Published dibao households',
  'dibao.pub.listDesc':
    'Approved households in your area that have been published: date, channel and place, and what the list showed (names masked). The portal shows the list of households still receiving the allowance per village.',
  'dibao.pub.date': 'Published on',
  'dibao.pub.channel': 'Channel',
  'dibao.pub.place': 'Place',
  'dibao.pub.name': 'Head (masked)',
  'dibao.pub.size': 'Household size',
  'dibao.pub.insured': 'Insured persons',
  'dibao.pub.amount': 'Monthly amount (yuan)',
  'dibao.pub.submit': 'Record publication',
  'dibao.rel.title': 'Separately filed: relative of staff',
  'dibao.rel.listTitle': "Applications by staff's near relatives",
  'dibao.rel.listDesc':
    'Applications by near relatives of civil-affairs staff or village/community committee members are filed separately; the county must visit the home and decides itself, even where approval is delegated to townships.',
  'dibao.rel.declared': 'Declared relation',
  'dibao.rel.rule': 'The county civil-affairs bureau must visit the home and decides the application.',
  'dibao.rel.pending': 'The county has not visited the home yet; it cannot be confirmed before.',
  'dibao.rel.staff': 'County visiting staff',
  'dibao.rel.date': 'Visit date',
  'dibao.rel.result': 'Finding',
  'dibao.rel.findings': 'Visit notes',
  'dibao.rel.submit': 'Record the county visit',
  'dibao.rel.filedOn': 'Filed on',
  'dibao.rel.visit': 'County home visit',
  'dibao.rel.visited': 'Visited',
  'dibao.rel.notVisited': 'Not visited',
  'dibao.rel.staffName': 'Staff member',
  'dibao.rel.staffPost': 'Post',
  'dibao.rel.relation': 'Relation to the applicant',
};
