import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { recordInScope } from '../identity/scope.ts';
import { applyCalendarChanges } from './apply-calendar-changes.ts';
import type { CalendarChange } from './change-hooks.ts';
import { CALENDAR_ERRORS, CALENDAR_PERMISSIONS, type DayKind } from './contract.ts';
import { isIsoDate } from './dates.ts';
import { resolveCalendarArea, rootAreaPath } from './resolve-area.ts';

export type SetCalendarDayInput = {
  date: string;
  /** null = the national layer (a 国务院 notice); else the area whose layer it belongs to. */
  areaCode: string | null;
  kind: DayKind;
  name: string;
  source?: string | null;
  /** Why (e.g. '录入国办发明电〔2026〕x号'): kept in the version row and the audit log. */
  reason: string;
};

/**
 * Enter or change one override day (录入节假日 / 调休上班日). Returns the new version, or
 * null when the row already says exactly this.
 */
export async function setCalendarDay(ctx: AppContext, actor: Actor, input: SetCalendarDayInput): Promise<CalendarChange | null> {
  if (!isIsoDate(input.date)) throw badRequest('CALENDAR_DATE_INVALID', CALENDAR_ERRORS.CALENDAR_DATE_INVALID, { field: 'date' });
  await assertMayManage(ctx, actor, input.areaCode);
  return applyCalendarChanges(
    ctx,
    actor,
    [{ date: input.date, areaCode: input.areaCode, after: { kind: input.kind, name: input.name, source: input.source ?? null } }],
    {
      reason: input.reason,
    },
  );
}

/**
 * calendar.manage must cover the layer's area: a county administrator maintains the county's
 * layer, only the region's may change the region's or the national one.
 */
export async function assertMayManage(ctx: AppContext, actor: Actor, areaCode: string | null): Promise<void> {
  const areaPath = areaCode === null ? await rootAreaPath(ctx) : (await resolveCalendarArea(ctx, areaCode, 'areaCode')).path;
  if (!recordInScope(actor, CALENDAR_PERMISSIONS.manage, { areaPath })) throw forbidden(CALENDAR_ERRORS.CALENDAR_SCOPE);
}
