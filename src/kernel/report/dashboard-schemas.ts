import { z } from 'zod';

export const DashboardQuery = z.object({
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '「area」区划代码格式不正确。')
    .optional(),
});

const Count = z.number().int();
export const DashboardOut = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
  asOf: z.string(),
  source: z.enum(['rollup', 'cases']),
  freshness: z.string(),
  totals: z.object({ total: Count, open: Count, closed: Count, since: z.string() }),
  modules: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      total: Count,
      open: Count,
      closed: Count,
      states: z.array(z.object({ state: z.string(), label: z.string(), terminal: z.boolean(), n: Count })),
    }),
  ),
  months: z.array(z.object({ month: z.string(), n: Count, byType: z.record(z.string(), Count) })),
  areas: z.array(z.object({ code: z.string(), name: z.string(), total: Count, open: Count })),
});
