import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonthsClampedIso,
  addMonthsIso,
  compareIso,
  datesOfYear,
  daysBetweenIso,
  firstOfMonthIso,
  firstOfNextMonthIso,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  toDayNumber,
  weekdayZh,
} from './dates.ts';

describe('isIsoDate', () => {
  it('accepts real dates and refuses impossible or malformed ones', () => {
    expect(isIsoDate('2019-02-28')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('2019-00-10')).toBe(false);
    expect(isIsoDate('2019-6-4')).toBe(false);
    expect(isIsoDate('2019-06-04T00:00:00Z')).toBe(false);
    expect(isIsoDate('tomorrow')).toBe(false);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate(20190604)).toBe(false);
  });
});

describe('day arithmetic (UTC day numbers, no local time)', () => {
  it('round-trips and knows weekdays', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2019-06-04'))).toBe('2019-06-04');
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2019-02-02')).toBe(6);
    expect(isoWeekday('2019-02-03')).toBe(7);
    expect(isoWeekday('2019-06-04')).toBe(2);
    expect(isoWeekday('1969-12-29')).toBe(1);
    expect(weekdayZh('2019-06-12')).toBe('周三');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysIso('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDaysIso('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDaysIso('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDaysIso('2019-03-01', -1)).toBe('2019-02-28');
    expect(() => toDayNumber('2019-02-30')).toThrow(RangeError);
  });

  it('adds months to the corresponding day, else the last day of the month (民法典 第202条)', () => {
    expect(addMonthsIso('2019-01-31', 1)).toEqual({ date: '2019-02-28', clamped: true });
    expect(addMonthsIso('2020-01-31', 1)).toEqual({ date: '2020-02-29', clamped: true });
    expect(addMonthsIso('2019-03-15', 3)).toEqual({ date: '2019-06-15', clamped: false });
    expect(addMonthsIso('2019-11-30', 3)).toEqual({ date: '2020-02-29', clamped: true });
    expect(addMonthsIso('2019-12-31', 1)).toEqual({ date: '2020-01-31', clamped: false });
    expect(addMonthsIso('2019-05-31', 12)).toEqual({ date: '2020-05-31', clamped: false });
    expect(addMonthsIso('2019-06-04', 0)).toEqual({ date: '2019-06-04', clamped: false });
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('lists every day of a year', () => {
    expect(datesOfYear(2019)).toHaveLength(365);
    expect(datesOfYear(2020)).toHaveLength(366);
    expect(datesOfYear(2020).at(-1)).toBe('2020-12-31');
  });
});

describe('month helpers for modules (replacing the copies in 低保)', () => {
  // The copies they replace, kept here as the oracle: the replacement must not move any date.
  const oldAddMonths = (d: string, n: number) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1 + n, 1));
    const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(day, last))).toISOString().slice(0, 10);
  };
  const oldFirstOfNextMonth = (d: string) => {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const oldRosterMonth = (month: string, n: number) => {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7)) - 1 + n;
    return `${y + Math.floor(m / 12)}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}-01`;
  };

  it('agree with the old copies on every day of two years', () => {
    for (const d of [...datesOfYear(2019), ...datesOfYear(2020)]) {
      expect(firstOfNextMonthIso(d)).toBe(oldFirstOfNextMonth(d));
      for (const n of [-13, -11, -1, 1, 3, 6, 12, 13]) {
        expect(addMonthsClampedIso(d, n)).toBe(oldAddMonths(d, n));
        expect(addMonthsClampedIso(firstOfMonthIso(d), n)).toBe(oldRosterMonth(d, n));
      }
    }
  });

  it('clamp to the month end and refuse what is not a date', () => {
    expect(addMonthsClampedIso('2019-08-31', 6)).toBe('2020-02-29');
    expect(addMonthsClampedIso('2020-03-31', -1)).toBe('2020-02-29');
    expect(firstOfMonthIso('2019-06-04')).toBe('2019-06-01');
    expect(firstOfNextMonthIso('2019-12-31')).toBe('2020-01-01');
    expect(() => firstOfNextMonthIso('2019-02-30')).toThrow(RangeError);
    expect(() => addMonthsClampedIso('2019-6-4', 1)).toThrow(RangeError);
  });

  it('compare and count days between dates', () => {
    expect(compareIso('2019-06-04', '2019-06-05')).toBeLessThan(0);
    expect(compareIso('2019-06-04', '2019-06-04')).toBe(0);
    expect(compareIso('2020-01-01', '2019-12-31')).toBeGreaterThan(0);
    expect(['2019-12-31', '2019-02-01', '2019-10-10'].sort(compareIso)).toEqual(['2019-02-01', '2019-10-10', '2019-12-31']);
    expect(daysBetweenIso('2019-06-04', '2019-06-06')).toBe(2);
    expect(daysBetweenIso('2020-03-01', '2020-02-28')).toBe(-2);
    expect(() => compareIso('2019-06-04', 'today')).toThrow(RangeError);
  });
});
