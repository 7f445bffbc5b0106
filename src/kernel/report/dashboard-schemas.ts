import { z } from 'zod';

export const DashboardQuery = z.object({
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '「area」区划代码格式不正确。')
    .optional(),
  year: z.coerce
    .number({ message: '「year」年度须为四位数字。' })
    .int('「year」年度须为整数。')
    .min(2000, '「year」年度不早于 2000 年。')
    .max(2100, '「year」年度不晚于 2100 年。')
    .optional(),
});

const Count = z.number().int();
/** This year's figure beside the same months of last year. */
const Yoy = z.object({ current: Count, previous: Count, change: z.number(), changePercent: z.number().nullable(), text: z.string(), noBase: z.boolean() });
const Compare = z.object({ registered: Yoy, closed: Yoy, open: Yoy });
export const DashboardOut = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
  view: z.enum(['region', 'city', 'county', 'township']),
  period: z.object({ year: z.number().int(), through: z.number().int(), label: z.string() }),
  yoy: Compare,
  /** The headline's and the areas' 同比 are 可比口径: kinds of work with no registration in last year's period are left out (named). */
  comparable: z.object({ complete: z.boolean(), leftOut: z.array(z.string()) }),
  asOf: z.string(),
  source: z.enum(['rollup', 'cases']),
  freshness: z.string(),
  totals: z.object({ total: Count, open: Count, closed: Count }),
  modules: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      total: Count,
      open: Count,
      closed: Count,
      states: z.array(z.object({ state: z.string(), label: z.string(), terminal: z.boolean(), n: Count })),
      yoy: Compare,
    }),
  ),
  months: z.array(z.object({ month: z.string(), n: Count, byType: z.record(z.string(), Count) })),
  areas: z.array(z.object({ code: z.string(), name: z.string(), total: Count, open: Count, registered: Yoy })),
});
