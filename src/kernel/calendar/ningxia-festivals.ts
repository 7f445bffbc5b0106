import type { LayerEntry } from './contract.ts';

/** 宁夏回族自治区 — the regional layer the seed fills. */
export const NINGXIA_AREA_CODE = '640000';

/** Marks the seed's version row, so a day an administrator later clears is not re-seeded. */
export const NINGXIA_SEED_KEY = 'ningxia-islamic-festivals-2019-2021';

/**
 * 开斋节 and 古尔邦节, 2 days each, as announced by 自治区人民政府办公厅 (regulations §11.2).
 * Later years are entered through the calendar administration (PUT /api/calendar/days).
 */
export const NINGXIA_FESTIVALS_2019_2021: readonly LayerEntry[] = [
  { date: '2019-06-05', kind: 'rest', name: '开斋节', source: '宁政办发〔2018〕137号' },
  { date: '2019-06-06', kind: 'rest', name: '开斋节', source: '宁政办发〔2018〕137号' },
  { date: '2019-08-12', kind: 'rest', name: '古尔邦节', source: '宁政办发〔2018〕137号' },
  { date: '2019-08-13', kind: 'rest', name: '古尔邦节', source: '宁政办发〔2018〕137号' },
  { date: '2020-05-25', kind: 'rest', name: '开斋节', source: '自治区人民政府办公厅 2020 年节假日安排通知(2019-12-04)' },
  { date: '2020-05-26', kind: 'rest', name: '开斋节', source: '自治区人民政府办公厅 2020 年节假日安排通知(2019-12-04)' },
  { date: '2020-07-30', kind: 'rest', name: '古尔邦节', source: '自治区人民政府办公厅 2020 年节假日安排通知(2019-12-04)' },
  { date: '2020-07-31', kind: 'rest', name: '古尔邦节', source: '自治区人民政府办公厅 2020 年节假日安排通知(2019-12-04)' },
  { date: '2021-05-13', kind: 'rest', name: '开斋节', source: '自治区人民政府办公厅 2021 年开斋节、古尔邦节放假通知' },
  { date: '2021-05-14', kind: 'rest', name: '开斋节', source: '自治区人民政府办公厅 2021 年开斋节、古尔邦节放假通知' },
  { date: '2021-07-19', kind: 'rest', name: '古尔邦节', source: '自治区人民政府办公厅 2021 年开斋节、古尔邦节放假通知' },
  { date: '2021-07-20', kind: 'rest', name: '古尔邦节', source: '自治区人民政府办公厅 2021 年开斋节、古尔邦节放假通知' },
];
