import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { addDaysIso, addMonthsIso, fromDayNumber, toDayNumber } from './dates.ts';
import { chineseDaysPackage } from './national-package.ts';
import { NINGXIA_FESTIVALS_2019_2021 } from './ningxia-festivals.ts';
import { mulberry32 } from '../sampling/index.ts';

const pkg = chineseDaysPackage();
const cal = createCalendar({
  version: 1,
  nationalSource: pkg.source,
  packageDays: pkg.days,
  nationalOverrides: [],
  regional: { '640000': NINGXIA_FESTIVALS_2019_2021, '640423': [{ date: '2020-06-24', kind: 'rest', name: '县休' }] },
});

const SEED = 20190604;
const RUNS = 1000;
const AREAS = [null, '640000', '640000.640400.640423'] as const;
const lo = toDayNumber('2018-12-01');
const hi = toDayNumber('2021-12-31');

function* cases() {
  const r = mulberry32(SEED);
  for (let i = 0; i < RUNS; i++) {
    yield {
      from: fromDayNumber(lo + Math.floor(r() * (hi - lo))),
      n: 1 + Math.floor(r() * 60),
      area: AREAS[Math.floor(r() * AREAS.length)]!,
    };
  }
}

function workdaysBetween(from: string, to: string, area: string | null): number {
  let k = 0;
  for (let d = addDaysIso(from, 1); d <= to; d = addDaysIso(d, 1)) if (cal.isWorkday(d, area).workday) k++;
  return k;
}

describe(`calendar properties (seed ${SEED}, ${RUNS} cases)`, () => {
  it('addWorkdays lands on a working day, after exactly n working days, strictly monotone in n', () => {
    for (const { from, n, area } of cases()) {
      const due = cal.addWorkdays(from, n, area);
      expect(cal.isWorkday(due, area).workday, `${from}+${n}@${area}`).toBe(true);
      expect(workdaysBetween(from, due, area), `${from}+${n}@${area}`).toBe(n);
      expect(cal.addWorkdays(from, n + 1, area) > due, `${from}+${n}@${area}`).toBe(true);
      expect(cal.addWorkdays(from, n - 1, area) < due, `${from}+${n}@${area}`).toBe(true);
    }
  });

  it('a regional layer only ever adds rest days, so a county deadline is never earlier than the national one', () => {
    for (const { from, n } of cases()) {
      const national = cal.addWorkdays(from, n);
      const region = cal.addWorkdays(from, n, '640000');
      const county = cal.addWorkdays(from, n, '640000.640400.640423');
      expect(region >= national && county >= region, `${from}+${n}`).toBe(true);
    }
  });

  it('addDays ends at from+n, or at the first working day after it when from+n is a rest day', () => {
    for (const { from, n, area } of cases()) {
      const end = addDaysIso(from, n);
      expect(cal.addDays(from, n, area, { rollForward: false })).toBe(end);
      const due = cal.addDays(from, n, area);
      expect(due >= end).toBe(true);
      expect(cal.isWorkday(due, area).workday).toBe(true);
      for (let d = end; d < due; d = addDaysIso(d, 1)) expect(cal.isWorkday(d, area).workday, `${from}+${n}d@${area}: ${d}`).toBe(false);
      expect(cal.addDays(from, n + 1, area) >= due).toBe(true);
    }
  });

  it('addMonths ends at the corresponding day (or month end), rolled to a working day, monotone in n', () => {
    for (const { from, n, area } of cases()) {
      const m = n % 13;
      const end = addMonthsIso(from, m).date;
      const due = cal.addMonths(from, m, area);
      expect(due >= end && cal.isWorkday(due, area).workday).toBe(true);
      for (let d = end; d < due; d = addDaysIso(d, 1)) expect(cal.isWorkday(d, area).workday).toBe(false);
      expect(cal.addMonths(from, m + 1, area) >= due).toBe(true);
    }
  });

  it('explain() agrees with the plain functions and its trace accounts for every day', () => {
    for (const { from, n, area } of cases()) {
      const e = cal.explain(from, { unit: 'workdays', n }, { areaPath: area });
      expect(e.dueDate).toBe(cal.addWorkdays(from, n, area));
      const counted = e.steps.filter((s) => s.action === 'count');
      const skipped = e.steps.filter((s) => s.action === 'skip');
      expect(counted).toHaveLength(n);
      expect(counted.length + skipped.length).toBe(toDayNumber(e.dueDate) - toDayNumber(from));
      expect(skipped.every((s) => !cal.isWorkday(s.date, area).workday)).toBe(true);
      expect(e.skippedRestDays).toBe(skipped.length);
      const d = cal.explain(from, { unit: 'days', n }, { areaPath: area });
      expect(d.dueDate).toBe(cal.addDays(from, n, area));
      expect(d.rolledForward).toBe(d.dueDate !== addDaysIso(from, n));
    }
  });
});
