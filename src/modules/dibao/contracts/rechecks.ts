import { z } from 'zod';
import { ClockState, Day, page } from './common.ts';

/** 低保 staff API: the re-check (复核) register with its counts. */
export const RecheckItem = z.object({
  id: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  terminal: z.boolean(),
  dueDate: Day.nullable(),
  clockState: ClockState.nullable(),
  areaPath: z.string(),
  orgUnitName: z.string(),
  householdId: z.uuid(),
  areaName: z.string(),
  benefitCents: z.number(),
  cadence: z.enum(['yearly', 'half_yearly']).nullable(),
  overdue: z.boolean(),
  scheduledOn: Day,
  result: z.enum(['不变', '调整', '停发', '渐退']).nullable(),
  beforeCents: z.number().nullable(),
  afterCents: z.number().nullable(),
  decidedOn: Day.nullable(),
});
export const RecheckPage = page(RecheckItem).extend({ counts: z.object({ open: z.number(), overdue: z.number(), deciding: z.number(), done: z.number() }) });
export type RecheckItem = z.output<typeof RecheckItem>;
