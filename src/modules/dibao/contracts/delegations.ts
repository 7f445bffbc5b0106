import { z } from 'zod';
import { Authority, Day } from './common.ts';

/** POST /api/dibao/delegations: the new entry as stored. */
export const DelegationAdded = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  authority: Authority,
  effectiveFrom: Day,
  document: z.string(),
  note: z.string().optional(),
});
export type DelegationAdded = z.output<typeof DelegationAdded>;

/** 审批权下放: every county with its regime today, the next one if dated ahead, and the history. */
const DelegationEntry = z.object({
  id: z.uuid(),
  authority: Authority,
  effectiveFrom: Day,
  document: z.string(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
});
export const DelegationList = z.object({
  today: Day,
  items: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      cityName: z.string().nullable(),
      areaPath: z.string(),
      authority: Authority,
      since: Day.nullable(),
      document: z.string().nullable(),
      note: z.string().nullable(),
      upcoming: DelegationEntry.nullable(),
      history: z.array(DelegationEntry),
    }),
  ),
});
export type Delegation = z.output<typeof DelegationList>['items'][number];
