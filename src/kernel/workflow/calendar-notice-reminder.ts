import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { PROVISIONAL_NOTE, type Calendar } from '../calendar/calendar.ts';
import { CALENDAR_PERMISSIONS } from '../calendar/contract.ts';
import { notify } from '../notify/notify.ts';
import type { DeadlineClock } from './clocks/contract.ts';

/**
 * A deadline counted over a year whose State Council holiday notice is not in the calendar
 * (2027 in December 2026): remind the region's calendar administrators — everyone holding
 * calendar.manage over the whole region (a subtree grant at an org of the region root's area),
 * who alone may enter national rows — to enter the notice. One notification per person and year
 * (dedupe key), however many clocks depend on it; when the notice is entered the open clocks are
 * recomputed (calendar-recompute.ts).
 */
export async function remindMissingNotice(tx: AppContext, cal: Calendar, clock: Pick<DeadlineClock, 'startDate' | 'dueDate' | 'areaPath'>): Promise<void> {
  if (!clock.dueDate) return;
  const years = cal.provisionalYears(clock.startDate, clock.dueDate);
  if (!years.length) return;
  const root = clock.areaPath.split('.')[0]!;
  const now = tx.clock.now();
  const admins = await tx.db
    .selectFrom('core.role_assignment as ra')
    .innerJoin('core.role as r', 'r.code', 'ra.role_code')
    .innerJoin('core.org_unit as o', 'o.id', 'ra.org_unit_id')
    .innerJoin('core.app_user as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where(sql<boolean>`${CALENDAR_PERMISSIONS.manage} = any(r.permissions)`)
    .where('o.area_code', '=', root)
    .where('ra.scope', '=', 'subtree')
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', now)
    .where((w) => w.or([w('ra.valid_to', 'is', null), w('ra.valid_to', '>', now)]))
    .where('u.status', '=', 'active')
    .orderBy('ra.user_id')
    .execute();
  for (const year of years) {
    for (const a of admins) {
      await notify(tx, {
        userId: a.user_id,
        kind: 'calendar.notice_missing',
        title: `请录入 ${year} 年国务院节假日安排`,
        body:
          `${year} 年：${PROVISIONAL_NOTE}。已有办理期限跨入 ${year} 年，目前按《全国年节及纪念日放假办法》第二条的法定节日计算，不含调休。` +
          `国务院办公厅的通知发布后，请在「工作日日历」中逐日录入放假和调休上班日期（全国），录入后未届满的期限将自动重算。`,
        dedupeKey: `calendar.notice_missing:${year}:${a.user_id}`,
      });
    }
  }
}
