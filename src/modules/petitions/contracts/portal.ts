import { z } from 'zod';

/**
 * 信访 portal API responses (/api/public/petitions/*, routes-portal.ts): the exact wire shapes,
 * serialized through these schemas; the portal page imports the types (`import type`, erased at build).
 */
const Ts = z.string().describe('ISO 8601 timestamp');
const Day = z.string().describe('YYYY-MM-DD');
/** A served 处理意见书 / 复查意见书 / 复核意见书: what is printed on it for checking at 文书查验 (its PDF: POST /api/public/petitions/opinion.pdf). */
export const ServedDocument = z.object({
  title: z.string(),
  docNo: z.string(),
  version: z.number(),
  verifyCode: z.string(),
  issuedOn: Day,
  issuer: z.string(),
});

/**
 * A 复查 / 复核 opinion: who gave it, when, the day the petitioner received it (null until served) and
 * the served 意见书 (null before 送达 and for an opinion of an outside body, which issues its own paper).
 */
const Opinion = z.object({
  opinion: z.string().nullable(),
  text: z.string().nullable(),
  at: Ts,
  office: z.string().nullable(),
  receivedOn: Day.nullable(),
  document: ServedDocument.nullable(),
});

export const PetitionTrack = z.object({
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  statePlain: z.string(),
  holderOrgName: z.string().nullable(),
  pendingTransfer: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** 转送、交办去向 (第二十三条第一款): where the matter was sent and when; `returned` after an agreed 异议. */
  forwardedTo: z.array(z.object({ kind: z.enum(['转送', '交办']), office: z.string(), on: Day, returned: z.boolean() })),
  statutoryDueDate: Day.nullable(),
  deadline: z.object({ label: z.string(), dueDate: Day.nullable(), legalBasis: z.string().nullable(), paused: z.boolean() }).nullable(),
  extensions: z.array(z.object({ clock: z.string(), length: z.string(), reason: z.string(), approvedOn: z.string() })),
  materials: z.array(z.object({ fileName: z.string(), sizeBytes: z.number() })),
  canAddMaterials: z.boolean(),
  progress: z.array(z.object({ at: Ts, action: z.string(), detail: z.string(), office: z.string().nullable(), stateLabel: z.string() })),
  /** The reply; `receivedOn`: the day the petitioner received it (当面: that day; 邮寄: the signed receipt), from which 复查 is counted. */
  reply: z
    .object({ opinion: z.string().nullable(), text: z.string().nullable(), deliveredAt: Ts, receivedOn: Day.nullable(), document: ServedDocument.nullable() })
    .nullable(),
  reviewOpinion: Opinion.nullable(),
  recheckOpinion: Opinion.nullable(),
  satisfaction: z.string().nullable(),
  canRate: z.boolean(),
  canRequestReview: z.boolean(),
  /** 复查 / 复核 request window in days (setting review.requestDays; 30 by statute). */
  requestDays: z.number(),
  /** 复查: the day the reply was received and the last day to ask (start day not counted; a rest-day last day rolls forward). */
  reviewReceivedOn: Day.nullable(),
  reviewDeadline: Day.nullable(),
  canRequestRecheck: z.boolean(),
  /** 复核: the day the 复查意见 was received and the last day to ask. */
  recheckReceivedOn: Day.nullable(),
  recheckDeadline: Day.nullable(),
});

export type ServedDocument = z.output<typeof ServedDocument>;
export type PetitionTrack = z.output<typeof PetitionTrack>;
