import { describe, expect, it } from 'vitest';
import { clockStatus, workdaysLeft } from './clock-status.ts';
import { LONGDE, testCalendar } from './testing/clock-fixtures.ts';

const cal = testCalendar();
// 15 工作日 from 2019-04-22 → due Tue 2019-05-14 (compute-due.test.ts); remind at 3 working days left.
const clock = { state: 'running' as const, dueDate: '2019-05-14', areaPath: LONGDE, warnWorkdays: 3 };

describe('workdaysLeft', () => {
  it.each([
    // (05-08, 05-14]: 05-09, 05-10, 05-13, 05-14
    ['2019-05-08', 4],
    ['2019-05-09', 3],
    ['2019-05-14', 0],
    // (05-03, 05-14]: 05-05 (调休上班 Sunday), 05-06..10, 05-13, 05-14 = 8
    ['2019-05-03', 8],
    // overdue: (05-14, 05-20] = 05-15, 16, 17, 20
    ['2019-05-20', -4],
  ])('on %s: %i', (today, n) => {
    expect(workdaysLeft(clock, today, cal)).toBe(n);
  });

  it('counts 宁夏 festivals as rest days for the clock area only', () => {
    // (06-04, 06-12]: 06-05/06 开斋节, 06-07 端午, weekend → 06-10, 11, 12 at 隆德县; nationally also 06-05, 06-06.
    expect(workdaysLeft({ dueDate: '2019-06-12', areaPath: LONGDE }, '2019-06-04', cal)).toBe(3);
    expect(workdaysLeft({ dueDate: '2019-06-12', areaPath: '110000' }, '2019-06-04', cal)).toBe(5);
  });

  it('is null while paused', () => {
    expect(workdaysLeft({ dueDate: null, areaPath: LONGDE }, '2019-05-03', cal)).toBeNull();
  });
});

describe('clockStatus', () => {
  it.each([
    ['2019-05-08', 'running'],
    ['2019-05-09', 'due_soon'],
    ['2019-05-14', 'due_soon'],
    ['2019-05-15', 'overdue'],
  ])('on %s: %s', (today, status) => {
    expect(clockStatus(clock, today, cal)).toBe(status);
  });

  it('paused, met and missed come from the stored state', () => {
    expect(clockStatus({ ...clock, state: 'paused', dueDate: null }, '2019-05-15', cal)).toBe('paused');
    expect(clockStatus({ ...clock, state: 'met' }, '2019-05-30', cal)).toBe('met');
    expect(clockStatus({ ...clock, state: 'missed' }, '2019-05-01', cal)).toBe('missed');
  });

  it('warnWorkdays 0 warns only on the due date', () => {
    expect(clockStatus({ ...clock, warnWorkdays: 0 }, '2019-05-13', cal)).toBe('running');
    expect(clockStatus({ ...clock, warnWorkdays: 0 }, '2019-05-14', cal)).toBe('due_soon');
  });
});
