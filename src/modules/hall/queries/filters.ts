import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { badRequest } from '../../../platform/errors.ts';
import { HALL_ERRORS } from '../contract.ts';

/** The hall tables are not in the kernel's typed schema: queries here use an untyped view of the same connection. */
export const hallDb = (ctx: AppContext) => ctx.db as unknown as Kysely<any>;

const Day = z.iso.date({ message: HALL_ERRORS.BAD_PERIOD });
export const PeriodQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  area: z
    .string()
    .regex(/^\d{6,12}$/, '「area」地区代码格式不正确')
    .optional(),
});

/** [start, end) instants of a China-date period (defaults: this year so far). */
export function periodOf(ctx: AppContext, q: { from?: string; to?: string }) {
  const year = new Date(ctx.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
  const from = q.from ?? `${year}-01-01`;
  const to = q.to ?? `${year}-12-31`;
  if (from > to) throw badRequest('HALL_BAD_PERIOD', HALL_ERRORS.BAD_PERIOD, { field: 'from' });
  return { from, to, start: chinaMidnight(from), end: new Date(chinaMidnight(to).getTime() + 86_400_000) };
}
