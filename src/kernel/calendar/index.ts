/** Public API of the working-day calendar kernel (工作日历). Modules import from here only. */
export {
  MAX_YEAR,
  MIN_YEAR,
  addDaysIso,
  addMonthsClampedIso,
  addMonthsIso,
  compareIso,
  daysBetweenIso,
  daysInMonth,
  firstOfMonthIso,
  firstOfNextMonthIso,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  isoWeekday,
  toDayNumber,
  weekdayZh,
  yearOf,
} from './dates.ts';
export type { Calendar } from './calendar.ts';
export { currentCalendar, forgetTxCalendar, loadCalendar, createCalendarCache, type CalendarCache } from './load-calendar.ts';
export { onCalendarChange, type CalendarChange, type CalendarChangeListener, type CalendarDayChange } from './change-hooks.ts';
export { computeDueDate, getCalendarYear, type ComputeInput } from './calendar-queries.ts';
export { CALENDAR_ERRORS, CALENDAR_PERMISSIONS } from './contract.ts';
export type { ComputeOptions, DayKind, DayStatus, Explanation, PeriodRule, PeriodUnit } from './contract.ts';
export { MAX_COUNT, validateRule } from './period.ts';
export { resolveCalendarArea, type CalendarArea } from './resolve-area.ts';
export { seedCalendar } from './seed-calendar.ts';
export { registerCalendarRoutes } from './routes.ts';
