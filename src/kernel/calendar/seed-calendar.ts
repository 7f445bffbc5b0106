import type { AppContext } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { applyCalendarChanges } from './apply-calendar-changes.ts';
import type { CalendarChange } from './change-hooks.ts';
import { NINGXIA_AREA_CODE, NINGXIA_FESTIVALS_2019_2021, NINGXIA_SEED_KEY } from './ningxia-festivals.ts';

/**
 * Load 宁夏 开斋节/古尔邦节 2019–2021 into the 640000 layer, once per database: the version
 * row carries a seed key, so a day an administrator later corrects or clears stays as they
 * left it; rows entered by hand before the seed ran are not overwritten. Needs the area tree (640000) loaded first. Returns null when it had already run.
 */
export async function seedCalendar(ctx: AppContext): Promise<CalendarChange | null> {
  const root = await ctx.db.selectFrom('core.area').select('code').where('code', '=', NINGXIA_AREA_CODE).executeTakeFirst();
  if (!root) return null;
  const done = await ctx.db.selectFrom('core.calendar_version').select('version').where('seed_key', '=', NINGXIA_SEED_KEY).executeTakeFirst();
  if (done) return null;
  const ops = NINGXIA_FESTIVALS_2019_2021.map((e) => ({
    date: e.date,
    areaCode: NINGXIA_AREA_CODE,
    after: { kind: e.kind, name: e.name, source: e.source ?? null },
  }));
  return applyCalendarChanges(ctx, SYSTEM_ACTOR, ops, {
    reason: '载入宁夏回族自治区 2019–2021 年开斋节、古尔邦节放假安排',
    seedKey: NINGXIA_SEED_KEY,
    insertOnly: true,
  });
}
