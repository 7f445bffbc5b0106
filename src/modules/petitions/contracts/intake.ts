import { z } from 'zod';

/** 接待登记 (reception log) wire shapes: routes-intake.ts. */
export const ReceptionLogEntry = z.object({
  id: z.uuid(),
  orgUnitName: z.string(),
  areaPath: z.string(),
  day: z.string().describe('YYYY-MM-DD'),
  kind: z.enum(['来信', '来访']),
  batches: z.number(),
  persons: z.number(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string().describe('ISO 8601 timestamp'),
});
const Count = z.object({ batches: z.number(), persons: z.number() });
export const ReceptionLogPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** 批 / 人次 of letters and of visits in the range (counted apart from 件). */
  totals: z.object({ letters: Count, visits: Count }),
  items: z.array(ReceptionLogEntry),
});
export type ReceptionLogEntry = z.output<typeof ReceptionLogEntry>;
export type ReceptionLogPage = z.output<typeof ReceptionLogPage>;
