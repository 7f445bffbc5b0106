import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import type { LayerEntry } from './contract.ts';
import { chineseDaysPackage } from './national-package.ts';
import { NINGXIA_FESTIVALS_2019_2021 } from './ningxia-festivals.ts';

const NX = '640000';
const LONGDE = '640000.640400.640423';
const XIJI = '640000.640400.640422';

function calendar(extra: { national?: LayerEntry[]; regional?: Record<string, LayerEntry[]> } = {}) {
  const pkg = chineseDaysPackage();
  return createCalendar({
    version: 7,
    nationalSource: pkg.source,
    packageDays: pkg.days,
    nationalOverrides: extra.national ?? [],
    regional: { [NX]: NINGXIA_FESTIVALS_2019_2021, ...extra.regional },
    areaLabels: { '640000': '宁夏', '640423': '隆德县' },
  });
}
const cal = calendar();

describe('isWorkday: national layer from chinese-days (hand-checked against 国办发明电〔2018〕15号 and 2020/2021 notices)', () => {
  it.each([
    ['2019-02-02', undefined, true, '周六，调休上班（春节）'],
    ['2019-02-03', undefined, true, '周日，调休上班（春节）'],
    ['2019-02-04', undefined, false, '调休放假（春节）'],
    ['2019-02-05', undefined, false, '法定节假日：春节'],
    ['2019-02-09', undefined, false, '周六，春节假期'],
    ['2018-12-29', undefined, true, '周六，调休上班（元旦）'],
    ['2019-04-28', undefined, true, '周日，调休上班（劳动节）'],
    ['2019-05-05', undefined, true, '周日，调休上班（劳动节）'],
    ['2019-06-07', undefined, false, '法定节假日：端午'],
    ['2019-06-08', undefined, false, '周六，端午假期'],
    ['2019-06-15', undefined, false, '周末'],
    ['2019-06-05', undefined, true, '工作日'],
    ['2019-09-29', undefined, true, '周日，调休上班（国庆节）'],
    ['2019-10-12', undefined, true, '周六，调休上班（国庆节）'],
    ['2020-01-19', undefined, true, '周日，调休上班（春节）'],
    // 国办发明电〔2020〕1号 extended 春节 to 02-02, so the planned 02-01 make-up Saturday became rest.
    ['2020-01-31', undefined, false, '法定节假日：春节'],
    ['2020-02-01', undefined, false, '周六，春节假期'],
    ['2020-06-28', undefined, true, '周日，调休上班（端午）'],
    ['2021-02-07', undefined, true, '周日，调休上班（春节）'],
    ['2021-09-18', undefined, true, '周六，调休上班（中秋）'],
  ] as const)('%s (area %s) → %s %s', (date, area, workday, reason) => {
    expect(cal.isWorkday(date, area)).toEqual({ workday, reason });
  });
});

describe('isWorkday：宁夏 regional layer (regulations §11.2)', () => {
  it.each([
    ['2019-02-02', NX, true, '周六，调休上班（春节）'],
    ['2019-06-05', LONGDE, false, '宁夏开斋节'],
    ['2019-06-06', NX, false, '宁夏开斋节'],
    ['2019-08-12', LONGDE, false, '宁夏古尔邦节'],
    ['2019-08-13', NX, false, '宁夏古尔邦节'],
    ['2020-05-25', NX, false, '宁夏开斋节'],
    ['2020-05-26', LONGDE, false, '宁夏开斋节'],
    ['2020-07-30', NX, false, '宁夏古尔邦节'],
    ['2020-07-31', NX, false, '宁夏古尔邦节'],
    ['2021-05-13', NX, false, '宁夏开斋节'],
    ['2021-05-14', NX, false, '宁夏开斋节'],
    ['2021-07-19', LONGDE, false, '宁夏古尔邦节'],
    ['2021-07-20', LONGDE, false, '宁夏古尔邦节'],
    ['2019-06-04', LONGDE, true, '工作日'],
  ] as const)('%s at %s → %s %s', (date, area, workday, reason) => {
    expect(cal.isWorkday(date, area)).toEqual({ workday, reason });
  });

  it('does not apply the 宁夏 layer nationally', () => {
    for (const e of NINGXIA_FESTIVALS_2019_2021) expect(cal.isWorkday(e.date).workday).toBe(true);
  });
});

describe('addWorkdays (N 工作日：day of receipt not counted, only working days counted)', () => {
  it.each([
    // 06-05/06 开斋节, 06-07 端午, 06-08/09 weekend → 06-10, 11, 12.
    ['2019-06-04', 3, LONGDE, '2019-06-12'],
    ['2019-06-04', 3, undefined, '2019-06-10'],
    // 02-02 and 02-03 are 调休 working weekend days; 02-04..10 春节.
    ['2019-02-01', 1, undefined, '2019-02-02'],
    ['2019-02-01', 3, undefined, '2019-02-11'],
    ['2019-09-27', 2, undefined, '2019-09-30'],
    ['2019-09-27', 3, undefined, '2019-10-08'],
    ['2019-04-26', 1, undefined, '2019-04-28'],
    ['2019-04-30', 1, undefined, '2019-05-05'],
    ['2019-08-09', 1, NX, '2019-08-14'],
    ['2019-08-09', 1, undefined, '2019-08-12'],
    ['2020-01-17', 1, undefined, '2020-01-19'],
    ['2020-01-23', 1, undefined, '2020-02-03'],
    ['2020-04-24', 1, undefined, '2020-04-26'],
    ['2020-04-30', 1, undefined, '2020-05-06'],
    ['2020-05-08', 1, undefined, '2020-05-09'],
    ['2020-05-22', 1, NX, '2020-05-27'],
    ['2020-05-22', 1, undefined, '2020-05-25'],
    ['2020-07-29', 2, NX, '2020-08-04'],
    ['2020-07-29', 2, undefined, '2020-07-31'],
    ['2020-09-30', 1, undefined, '2020-10-09'],
    ['2021-02-05', 1, undefined, '2021-02-07'],
    ['2021-04-30', 1, undefined, '2021-05-06'],
    ['2021-05-12', 1, NX, '2021-05-17'],
    ['2021-05-12', 3, NX, '2021-05-19'],
    ['2021-05-12', 1, undefined, '2021-05-13'],
    ['2021-07-16', 1, LONGDE, '2021-07-21'],
    ['2021-07-16', 1, undefined, '2021-07-19'],
    ['2019-06-04', 0, LONGDE, '2019-06-04'],
  ] as const)('%s + %i 工作日 at %s → %s', (from, n, area, due) => {
    expect(cal.addWorkdays(from, n, area)).toBe(due);
  });
});

describe('addDays （N 日：calendar days; a rest-day last day rolls forward，民法典 第203条）', () => {
  it.each([
    ['2019-09-21', 10, undefined, true, '2019-10-08'],
    ['2019-09-21', 10, undefined, false, '2019-10-01'],
    ['2019-05-21', 15, LONGDE, true, '2019-06-10'],
    ['2019-05-21', 15, undefined, true, '2019-06-05'],
    // Ends on the 调休 working Saturday: a working day, so no roll-forward.
    ['2019-01-26', 7, undefined, true, '2019-02-02'],
    ['2019-06-01', 14, undefined, true, '2019-06-17'],
    ['2019-07-29', 14, NX, true, '2019-08-14'],
    ['2019-07-29', 14, undefined, true, '2019-08-12'],
    ['2020-05-10', 15, NX, true, '2020-05-27'],
    ['2020-05-10', 15, undefined, true, '2020-05-25'],
  ] as const)('%s + %i 日 at %s (roll %s) → %s', (from, n, area, rollForward, due) => {
    expect(cal.addDays(from, n, area, { rollForward })).toBe(due);
  });
});

describe('addMonths (N 个月：corresponding day, else the month end; then roll-forward by default)', () => {
  it.each([
    ['2019-01-31', 1, undefined, true, '2019-02-28'],
    ['2019-03-31', 1, undefined, true, '2019-04-30'],
    ['2020-01-31', 1, undefined, true, '2020-03-02'],
    ['2020-01-31', 1, undefined, false, '2020-02-29'],
    ['2019-12-31', 1, undefined, true, '2020-02-03'],
    ['2019-09-01', 1, undefined, true, '2019-10-08'],
    ['2019-05-05', 1, NX, true, '2019-06-10'],
    ['2019-05-05', 1, undefined, true, '2019-06-05'],
    ['2019-03-15', 3, undefined, true, '2019-06-17'],
    ['2019-11-30', 3, undefined, true, '2020-03-02'],
    ['2019-01-31', 12, undefined, true, '2020-02-03'],
  ] as const)('%s + %i 个月 at %s (roll %s) → %s', (from, n, area, rollForward, due) => {
    expect(cal.addMonths(from, n, area, { rollForward })).toBe(due);
  });
});

describe('layers', () => {
  it('applies a county layer to that county only', () => {
    const c = calendar({ regional: { '640423': [{ date: '2019-06-11', kind: 'rest', name: '抗洪' }] } });
    expect(c.isWorkday('2019-06-11', LONGDE)).toEqual({ workday: false, reason: '隆德县抗洪' });
    expect(c.isWorkday('2019-06-11', `${LONGDE}.640423100`).workday).toBe(false);
    expect(c.isWorkday('2019-06-11', XIJI).workday).toBe(true);
    expect(c.isWorkday('2019-06-11', NX).workday).toBe(true);
    expect(c.addWorkdays('2019-06-04', 3, LONGDE)).toBe('2019-06-13');
  });

  it('lets a regional make-up day work a plain weekend, but never a day another layer rests', () => {
    const c = calendar({
      regional: {
        [NX]: [...NINGXIA_FESTIVALS_2019_2021, { date: '2019-06-15', kind: 'work', name: '开斋节' }, { date: '2019-10-02', kind: 'work', name: '误录' }],
        '640423': [{ date: '2019-06-05', kind: 'work', name: '县里上班' }],
      },
    });
    expect(c.isWorkday('2019-06-15', LONGDE)).toEqual({ workday: true, reason: '周六，调休上班（宁夏开斋节）' });
    expect(c.isWorkday('2019-06-15').workday).toBe(false);
    expect(c.isWorkday('2019-10-02', NX)).toEqual({ workday: false, reason: '法定节假日：国庆节' });
    expect(c.isWorkday('2019-06-05', LONGDE)).toEqual({ workday: false, reason: '宁夏开斋节' });
  });

  it('lets the national override table replace chinese-days for a date', () => {
    const c = calendar({
      national: [
        { date: '2019-06-11', kind: 'rest', name: '临时休假', source: '国办发明电〔2019〕99号' },
        { date: '2019-10-07', kind: 'work', name: '国庆节调整' },
        { date: '2027-01-01', kind: 'rest', name: '元旦' },
      ],
    });
    expect(c.isWorkday('2019-06-11', LONGDE)).toEqual({ workday: false, reason: '法定节假日：临时休假' });
    expect(c.isWorkday('2019-10-07')).toEqual({ workday: true, reason: '周一，调整为工作日（国庆节调整）' });
    expect(c.isWorkday('2027-01-01').workday).toBe(false);
    expect(c.dayStatus('2019-06-11').decisions).toEqual([
      { layer: 'national', areaCode: null, kind: 'rest', name: '临时休假', source: '国办发明电〔2019〕99号' },
    ]);
  });

  it('names every layer that rests on a date', () => {
    const c = calendar({ regional: { [NX]: [{ date: '2019-10-02', kind: 'rest', name: '某节' }] } });
    const s = c.dayStatus('2019-10-02', NX);
    expect(s.reason).toBe('法定节假日：国庆节；宁夏某节');
    expect(s.category).toBe('holiday');
    expect(s.decisions.map((d) => d.layer)).toEqual(['package', 'regional']);
  });
});

describe('input checks', () => {
  it('refuses bad dates, counts and area paths', () => {
    expect(() => cal.isWorkday('2019-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkday('tomorrow')).toThrow(RangeError);
    expect(() => cal.addWorkdays('2019-06-04', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2019-06-04', 1.5)).toThrow(RangeError);
    expect(() => cal.addDays('2019-06-04', Number.NaN)).toThrow(RangeError);
    expect(() => cal.addMonths('2019-06-04', 100_000)).toThrow(RangeError);
    expect(() => cal.isWorkday('2019-06-04', '640000.隆德')).toThrow(RangeError);
  });

  it('fails loudly on layer data that rests forever instead of looping', () => {
    const year = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10),
      kind: 'rest' as const,
      name: 'x',
    }));
    const c = calendar({ national: year });
    expect(() => c.addWorkdays('2018-12-31', 1)).toThrow(/连续休息日/);
  });
});
