import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { applyCalendarChanges } from './apply-calendar-changes.ts';
import type { CalendarChange } from './change-hooks.ts';
import { CALENDAR_ERRORS } from './contract.ts';
import { isIsoDate } from './dates.ts';
import { assertMayManage } from './set-calendar-day.ts';

export type ClearCalendarDayInput = { date: string; areaCode: string | null; reason: string };

/**
 * Remove one override row, so the layer below decides again (for a national row: chinese-days).
 * 404 when there is no such row.
 */
export async function clearCalendarDay(ctx: AppContext, actor: Actor, input: ClearCalendarDayInput): Promise<CalendarChange> {
  if (!isIsoDate(input.date)) throw badRequest('CALENDAR_DATE_INVALID', CALENDAR_ERRORS.CALENDAR_DATE_INVALID, { field: 'date' });
  await assertMayManage(ctx, actor, input.areaCode);
  const change = await applyCalendarChanges(ctx, actor, [{ date: input.date, areaCode: input.areaCode, after: null }], { reason: input.reason });
  if (!change) throw new AppError('CALENDAR_DAY_NOT_FOUND', 404, `${CALENDAR_ERRORS.CALENDAR_DAY_NOT_FOUND}：${input.date}`);
  return change;
}
