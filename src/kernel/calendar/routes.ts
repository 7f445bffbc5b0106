import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../identity/actor.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { computeDueDate, getCalendarYear, listCalendarVersions } from './calendar-queries.ts';
import type { CalendarChange } from './change-hooks.ts';
import { clearCalendarDay } from './clear-calendar-day.ts';
import { CALENDAR_PERMISSIONS, type PeriodRule } from './contract.ts';
import { CalendarYearDto, ChangeDto, ClearDayBody, ComputeQuery, ExplanationDto, SetDayBody, VersionDto, YearQuery } from './dto.ts';
import { createCalendarCache, currentCalendarVersion, type CalendarCache } from './load-calendar.ts';
import { setCalendarDay } from './set-calendar-day.ts';

/**
 * 工作日日历: year view, due-date computation with explanation, and maintenance of the
 * override rows (calendar.manage). Reads go through a version-keyed cache.
 */
export async function registerCalendarRoutes(root: FastifyInstance, ctx: AppContext, cache: CalendarCache = createCalendarCache()) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  app.get(
    '/api/calendar/year',
    {
      schema: { tags, summary: '年历：每一天是否工作日及原因（节假日、调休上班、地方节假日）', querystring: YearQuery, response: { 200: CalendarYearDto } },
    },
    async (req) => {
      actorOf(req);
      return getCalendarYear(ctx, cache, { year: req.query.year, areaCode: req.query.area ?? null });
    },
  );

  app.get(
    '/api/calendar/compute',
    {
      schema: {
        tags,
        summary: '计算期限届满日并说明理由（N 个工作日 / N 日 / N 个月）',
        querystring: ComputeQuery,
        response: { 200: z.object({ dueDate: z.string(), explanation: ExplanationDto }) },
      },
    },
    async (req) => {
      actorOf(req);
      const q = req.query;
      const rule: PeriodRule =
        q.workdays !== undefined ? { unit: 'workdays', n: q.workdays } : q.days !== undefined ? { unit: 'days', n: q.days } : { unit: 'months', n: q.months! };
      const explanation = await computeDueDate(ctx, cache, {
        from: q.from,
        rule,
        areaCode: q.area ?? null,
        ...(q.rollForward ? { rollForward: q.rollForward === 'true' } : {}),
      });
      return { dueDate: explanation.dueDate, explanation };
    },
  );

  app.get(
    '/api/calendar/versions',
    {
      schema: {
        tags,
        summary: '日历变更记录（版本、原因、操作人；需 calendar.manage）',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ items: z.array(VersionDto) }) },
      },
    },
    async (req) => {
      // Names who changed what: for the calendar's maintainers (everyone else sees the effect in the year view).
      requirePermission(actorOf(req), CALENDAR_PERMISSIONS.manage);
      return { items: await listCalendarVersions(ctx, req.query.limit) };
    },
  );

  app.put(
    '/api/calendar/days',
    {
      schema: { tags, summary: '录入或修改一天（休息日 / 调休上班日）;areaCode 为 null 表示国家层', body: SetDayBody, response: { 200: ChangeDto } },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, CALENDAR_PERMISSIONS.manage);
      return toChangeDto(ctx, await setCalendarDay(ctx, actor, { ...req.body, source: req.body.source ?? null }));
    },
  );

  app.delete(
    '/api/calendar/days',
    {
      schema: { tags, summary: '删除一天的本地调整，恢复下一层的安排', body: ClearDayBody, response: { 200: ChangeDto } },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, CALENDAR_PERMISSIONS.manage);
      return toChangeDto(ctx, await clearCalendarDay(ctx, actor, req.body));
    },
  );
}

async function toChangeDto(ctx: AppContext, change: CalendarChange | null): Promise<z.infer<typeof ChangeDto>> {
  if (!change) return { changed: false, version: await currentCalendarVersion(ctx), changes: [] };
  return {
    changed: true,
    version: change.version,
    changes: change.changes.map((c) => ({ date: c.date, areaCode: c.areaCode, before: c.before, after: c.after })),
  };
}
