import { z } from 'zod';
import { CHANNELS } from '../contract.ts';
import { Authority, Day, HouseholdKind, Ts, page } from './common.ts';

/** 低保 staff API: the household register and a household's record (money in 分). */

export const HouseholdItem = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  areaPath: z.string(),
  areaName: z.string(),
  kind: HouseholdKind,
  status: z.enum(['applying', 'active', 'suspended', 'stopped', 'refused', 'withdrawn']),
  benefitCents: z.number(),
  insuredPersons: z.number(),
  address: z.string(),
  benefitFrom: Day.nullable(),
  nextRecheckOn: Day.nullable(),
  updatedAt: Ts,
  applicantName: z.string().nullable(),
  applicantIdMasked: z.string().nullable(),
  members: z.number(),
});
export const HouseholdPage = page(HouseholdItem);
export type HouseholdItem = z.output<typeof HouseholdItem>;

/** GET /api/dibao/households/:id: idNumber and phone appear only when piiShown (the read is logged). */
export const HouseholdMember = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.string(),
  sex: z.string().nullable(),
  birthDate: Day.nullable(),
  idNumberMasked: z.string(),
  idNumber: z.string().optional(),
  hukouAreaCode: z.string().nullable(),
  hukouAreaName: z.string().nullable(),
  disability: z.string(),
  health: z.string(),
  workAbility: z.string(),
  insured: z.boolean(),
  active: z.boolean(),
  leftOn: Day.nullable(),
  leftReason: z.string().nullable(),
});
export const HouseholdDetail = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  areaPath: z.string(),
  areaName: z.string(),
  kind: HouseholdKind,
  address: z.string(),
  status: z.enum(['applying', 'active', 'suspended', 'stopped', 'refused', 'withdrawn']),
  phoneMasked: z.string().nullable(),
  phone: z.string().optional(),
  benefitCents: z.number(),
  insuredPersons: z.number(),
  benefitFrom: Day.nullable(),
  recheckCadence: z.enum(['yearly', 'half_yearly']).nullable(),
  nextRecheckOn: Day.nullable(),
  source: z.enum(['application', 'import']),
  isDemo: z.boolean(),
  version: z.number(),
  piiShown: z.boolean(),
  members: z.array(HouseholdMember),
  incomes: z.array(
    z.object({
      id: z.uuid(),
      memberId: z.uuid().nullable(),
      kind: z.string(),
      monthlyCents: z.number(),
      source: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  assets: z.array(z.object({ id: z.uuid(), kind: z.string(), description: z.string(), valueCents: z.number(), areaM2: z.number().nullable() })),
  expenses: z.array(z.object({ id: z.uuid(), kind: z.string(), monthlyCents: z.number(), note: z.string().nullable() })),
  applications: z.array(
    z.object({
      id: z.uuid(),
      refNo: z.string(),
      state: z.string(),
      authority: Authority,
      channel: z.enum(CHANNELS),
      decision: z.string().nullable(),
      acceptedOn: Day.nullable(),
      decidedOn: Day.nullable(),
      createdAt: Ts,
    }),
  ),
  rechecks: z.array(
    z.object({
      id: z.uuid(),
      refNo: z.string(),
      state: z.string(),
      result: z.string().nullable(),
      dueOn: Day,
      decidedOn: Day.nullable(),
      beforeCents: z.number().nullable(),
      afterCents: z.number().nullable(),
    }),
  ),
  benefitChanges: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      beforeCents: z.number(),
      afterCents: z.number(),
      insuredBefore: z.number(),
      insuredAfter: z.number(),
      effectiveMonth: Day,
      reason: z.string(),
      caseId: z.uuid().nullable(),
      at: Ts,
    }),
  ),
  /** before / after: the changed values as recorded (shape depends on the kind of change). */
  history: z.array(
    z.object({
      id: z.uuid(),
      at: Ts,
      kind: z.string(),
      summary: z.string(),
      caseId: z.uuid().nullable(),
      actorName: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});
export type HouseholdMember = z.output<typeof HouseholdMember>;
export type HouseholdDetail = z.output<typeof HouseholdDetail>;
