import { z } from 'zod';

/** Wire shapes of the 建议提案 routes (routes.ts). */
export const RegisterResult = z.object({ id: z.string(), refNo: z.string(), state: z.string() });

export const ProposalListItem = z.object({
  id: z.string(),
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  kind: z.string(),
  number: z.string(),
  session: z.string(),
  title: z.string(),
  deputies: z.string(),
  role: z.string(),
  category: z.string().nullable(),
  receivedOn: z.string(),
  dueDate: z.string().nullable(),
  clockState: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  areaPath: z.string(),
  result: z.string().nullable(),
});
export const ProposalPage = z.object({ items: z.array(ProposalListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const ProposalDetail = ProposalListItem.extend({
  delegation: z.string().nullable(),
  summary: z.string(),
  leadOffice: z.string().nullable(),
  firstRepliedOn: z.string().nullable(),
  consentOn: z.string().nullable(),
  consentBy: z.string().nullable(),
  objectionReason: z.string().nullable(),
  attitude: z.string().nullable(),
  ratedOn: z.string().nullable(),
  reworks: z.number(),
  disclosureAgreedOn: z.string().nullable(),
  contacts: z.array(z.object({ id: z.string(), metOn: z.string(), way: z.string(), people: z.string(), content: z.string(), recordedBy: z.string() })),
  replies: z.array(
    z.object({
      round: z.number(),
      kind: z.string(),
      category: z.string().nullable(),
      text: z.string(),
      draftedBy: z.string(),
      signedBy: z.string().nullable(),
      signedOn: z.string().nullable(),
    }),
  ),
  ratings: z.array(z.object({ round: z.number(), attitude: z.string(), result: z.string(), ratedOn: z.string(), note: z.string().nullable() })),
  partOpinions: z.array(
    z.object({
      caseId: z.string(),
      role: z.string(),
      orgUnitName: z.string(),
      state: z.string(),
      dueDate: z.string().nullable(),
      opinion: z.string().nullable(),
      sentOn: z.string().nullable(),
    }),
  ),
});

const Count = z.object({ key: z.string(), count: z.number() });
export const ProposalStats = z.object({
  year: z.number(),
  total: z.number(),
  byKind: z.array(Count),
  byRole: z.array(Count),
  byKindRole: z.array(z.object({ kind: z.string(), role: z.string(), count: z.number() })),
  bySession: z.array(Count),
  byCategory: z.array(Count),
  byOffice: z.array(Count),
  answered: z.number(),
  answeredOnTime: z.number(),
  onTimeRate: z.number().nullable(),
  rated: z.number(),
  satisfied: z.number(),
  satisfactionRate: z.number().nullable(),
  rule: z.string(),
});
export const ActionResult = z.object({ id: z.string() });
