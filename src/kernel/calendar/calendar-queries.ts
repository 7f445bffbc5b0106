import type { AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Calendar } from './calendar.ts';
import { CALENDAR_ERRORS, type DayStatus, type Explanation, type PeriodRule } from './contract.ts';
import { datesOfYear, isIsoDate, MAX_YEAR, MIN_YEAR } from './dates.ts';
import type { CalendarCache } from './load-calendar.ts';
import { validateRule } from './period.ts';
import { resolveCalendarArea } from './resolve-area.ts';

export type CalendarYear = {
  year: number;
  areaCode: string | null;
  areaPath: string | null;
  version: number;
  nationalSource: string;
  workdays: number;
  restDays: number;
  days: DayStatus[];
  warnings: string[];
};

/** Every day of a year with its status and reason (年历), for one area or nationally. */
export function calendarYearView(calendar: Calendar, year: number, areaPath: string | null): Omit<CalendarYear, 'areaCode'> {
  const days = datesOfYear(year).map((d) => calendar.dayStatus(d, areaPath));
  const workdays = days.filter((d) => d.workday).length;
  // Reuse explain()'s coverage warnings over the year without counting anything.
  const { warnings } = calendar.explain(`${year}-01-01`, { unit: 'days', n: 0 }, { areaPath, rollForward: false });
  return { year, areaPath, version: calendar.version, nationalSource: calendar.nationalSource, workdays, restDays: days.length - workdays, days, warnings };
}

export async function getCalendarYear(ctx: AppContext, cache: CalendarCache, input: { year: number; areaCode?: string | null }): Promise<CalendarYear> {
  if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR)
    throw badRequest('CALENDAR_DATE_INVALID', `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`, { field: 'year' });
  const area = input.areaCode ? await resolveCalendarArea(ctx, input.areaCode) : null;
  const calendar = await cache.get(ctx);
  return { ...calendarYearView(calendar, input.year, area?.path ?? null), areaCode: area?.code ?? null };
}

export type ComputeInput = { from: string; rule: PeriodRule; areaCode?: string | null; rollForward?: boolean };

/** A due date and why (「为什么是这一天」), with the current calendar and DB overrides. */
export async function computeDueDate(ctx: AppContext, cache: CalendarCache, input: ComputeInput): Promise<Explanation & { areaCode: string | null }> {
  if (!isIsoDate(input.from)) throw badRequest('CALENDAR_DATE_INVALID', CALENDAR_ERRORS.CALENDAR_DATE_INVALID, { field: 'from' });
  try {
    validateRule(input.rule);
  } catch (e) {
    throw badRequest('CALENDAR_COUNT_INVALID', `${CALENDAR_ERRORS.CALENDAR_COUNT_INVALID}：${(e as Error).message}`, { field: input.rule.unit });
  }
  const area = input.areaCode ? await resolveCalendarArea(ctx, input.areaCode) : null;
  const calendar = await cache.get(ctx);
  const opts = { areaPath: area?.path ?? null, areaNames: area?.names, ...(input.rollForward === undefined ? {} : { rollForward: input.rollForward }) };
  return { ...calendar.explain(input.from, input.rule, opts), areaCode: area?.code ?? null };
}

export type CalendarVersionDto = { version: number; at: string; actorName: string | null; reason: string; changes: unknown };

/** The newest calendar versions first (日历变更记录). */
export async function listCalendarVersions(ctx: AppContext, limit = 50): Promise<CalendarVersionDto[]> {
  const rows = await ctx.db
    .selectFrom('core.calendar_version')
    .select(['version', 'at', 'actor_name', 'reason', 'changes'])
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, at: r.at.toISOString(), actorName: r.actor_name, reason: r.reason, changes: r.changes }));
}
