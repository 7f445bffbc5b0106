import { describe, expect, it } from 'vitest';
import { createCalendar, PROVISIONAL_NOTE } from './calendar.ts';
import type { LayerEntry } from './contract.ts';
import { chineseDaysPackage } from './national-package.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

const pkg = chineseDaysPackage();
const calendar = (national: LayerEntry[] = []) =>
  createCalendar({ version: 1, nationalSource: pkg.source, packageDays: pkg.days, nationalOverrides: national, regional: {} });

describe('statutory holidays of 《全国年节及纪念日放假办法》 for years without a State Council notice', () => {
  it('the table agrees with every notice in the calendar data (2020–2026): each statutory day is a holiday of that year', () => {
    for (let y = 2020; y <= 2026; y++) {
      const days = statutoryHolidays(y)!;
      for (const [date, name] of days) expect([date, name, pkg.days.holidays[date] !== undefined]).toEqual([date, name, true]);
      // 2013 revision: 11 days; 2024 revision (from 2025): 13 days (中秋 on 10-01 in 2020 counts once).
      expect(days.size).toBe(y >= 2025 ? 13 : y === 2020 ? 10 : 11);
    }
  });

  it('2027 （no notice yet）：元旦，除夕 to 初三，劳动节 5/1–5/2 and 国庆 10/1–10/3 are rest days, with the note; no 调休', () => {
    const cal = calendar();
    expect(cal.isWorkday('2027-01-01')).toEqual({ workday: false, reason: `法定节假日：元旦（${PROVISIONAL_NOTE}）` });
    expect(cal.isWorkday('2027-02-05')).toEqual({ workday: false, reason: `法定节假日：春节（${PROVISIONAL_NOTE}）` });
    expect(cal.isWorkday('2027-02-08').workday).toBe(false); // 初三, a Monday
    expect(cal.isWorkday('2027-02-09').workday).toBe(true);
    expect(cal.isWorkday('2027-04-05').workday).toBe(false); // 清明
    expect(cal.isWorkday('2027-05-03').workday).toBe(true); // only 5/1–5/2 by statute
    expect(cal.isWorkday('2027-06-09').workday).toBe(false); // 端午
    expect(cal.isWorkday('2027-09-15').workday).toBe(false); // 中秋
    expect(cal.isWorkday('2027-10-04').workday).toBe(true);
    expect(cal.dayStatus('2027-01-01').decisions).toEqual([
      { layer: 'statutory', areaCode: null, kind: 'rest', name: '元旦', source: '《全国年节及纪念日放假办法》第二条' },
    ]);
    expect(cal.provisionalYears('2026-12-07', '2027-01-20')).toEqual([2027]);
    expect(cal.provisionalYears('2026-01-07', '2026-12-20')).toEqual([]);
  });

  it('a 30-working-day period from 2026-12-07 skips 2027-01-01 and says the schedule is inferred', () => {
    const e = calendar().explain('2026-12-07', { unit: 'workdays', n: 30 });
    // 12-08..12-31: 18 working days; 2027-01-01 (Fri) rest; 01-04.. → the 30th is 2027-01-19.
    expect(e.dueDate).toBe('2027-01-19');
    expect(e.steps).toContainEqual({ action: 'skip', date: '2027-01-01', category: 'holiday', reason: `法定节假日：元旦（${PROVISIONAL_NOTE}）` });
    expect(e.warnings[0]).toContain(`2027 年：${PROVISIONAL_NOTE}`);
    expect(e.text).toContain(`注意：2027 年：${PROVISIONAL_NOTE}`);
  });

  it('once a notice row for the year is entered the note goes; the festival days stay rest days （a notice only adds 调休）', () => {
    const cal = calendar([
      { date: '2027-01-01', kind: 'rest', name: '元旦', source: '国办发明电〔2026〕N号' },
      { date: '2027-02-07', kind: 'work', name: '春节', source: '国办发明电〔2026〕N号' },
    ]);
    expect(cal.isWorkday('2027-01-01')).toEqual({ workday: false, reason: '法定节假日：元旦' });
    expect(cal.isWorkday('2027-02-05')).toEqual({ workday: false, reason: '法定节假日：春节' });
    expect(cal.isWorkday('2027-02-07')).toEqual({ workday: true, reason: '周日，调休上班（春节）' });
    expect(cal.provisionalYears('2027-01-01', '2027-12-31')).toEqual([]);
    expect(cal.explain('2027-01-21', { unit: 'workdays', n: 5 }).warnings).toEqual([]);
  });

  it('years chinese-days covers are untouched by the statute (2026: only the package layer speaks)', () => {
    const cal = calendar();
    expect(cal.dayStatus('2026-02-16').decisions.map((d) => d.layer)).toEqual(['package']);
    expect(cal.isWorkday('2026-01-04')).toEqual({ workday: true, reason: '周日，调休上班（元旦）' });
  });
});
