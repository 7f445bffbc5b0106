import { z } from 'zod';
import { CaseDetail } from '../../../kernel/workflow/contract.ts';
import {
  CATEGORIES,
  CHANNELS,
  NOTICE_METHODS,
  OPINIONS,
  ORIGINAL_FORMS,
  REFUSAL_CODES,
  ROUTING_TARGETS,
  REVIEW_KINDS,
  SATISFACTION,
  SATISFACTION_CHANNELS,
  SOURCE_BODIES,
  SUBJECTS,
} from '../contract.ts';

/**
 * 信访 staff API responses (routes.ts). Each is the exact wire shape: fastify serializes the
 * handler's value through it, and the console imports the types (`import type`, erased at build).
 * Timestamps are ISO strings, dates YYYY-MM-DD.
 */
const Ts = z.string().describe('ISO 8601 timestamp');
const Day = z.string().describe('YYYY-MM-DD');
const ClockState = z.enum(['running', 'paused', 'due_soon', 'overdue']);

const RepeatMatch = z.object({ caseId: z.uuid(), refNo: z.string(), state: z.string(), similarity: z.number() });
export const RegisterPetitionResult = z.object({
  id: z.uuid(),
  refNo: z.string(),
  state: z.string(),
  flags: z.object({
    repeat: RepeatMatch.nullable(),
    /**
     * A matter of the same person already 复核终结 that this one resembles: for the handler to judge
     * whether it is the 同一事实和理由 (第三十六条第三款); never refused by the system.
     */
    finalMatch: RepeatMatch.nullable(),
    skipLevel: z.boolean(),
    firstTime: z.boolean(),
  }),
  /** Guidance and warnings (重信重访, 越级, 复核终结 match, more than five representatives, 重大紧急 report). */
  suggestions: z.array(z.string()),
});

export const PetitionListItem = z.object({
  id: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  dueDate: Day.nullable(),
  clockState: ClockState.nullable(),
  createdAt: Ts,
  orgUnitName: z.string(),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  subject: z.enum(SUBJECTS),
  isRepeat: z.boolean(),
  isSkipLevel: z.boolean(),
  /** 重大、紧急 (第二十五条). */
  urgent: z.boolean(),
  anonymous: z.boolean(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  concernedAreaCode: z.string(),
  concernedAreaName: z.string().nullable(),
  contentExcerpt: z.string(),
  petitioners: z.array(z.object({ name: z.string(), idNumberMasked: z.string().nullable(), phoneMasked: z.string().nullable() })),
});
export const PetitionPage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(PetitionListItem) });

export const PetitionSetting = z.object({
  key: z.string(),
  label: z.string(),
  basis: z.string(),
  unverified: z.boolean(),
  value: z.union([z.number(), z.string()]),
  /** The name of what the value codes (an org unit's name for its code), else null. */
  valueLabel: z.string().nullable(),
  default: z.union([z.number(), z.string()]),
  /** The same for the default. */
  defaultLabel: z.string().nullable(),
  updatedAt: Ts.nullable(),
});
export const PetitionSettingList = z.object({ items: z.array(PetitionSetting) });
export const PetitionSettings = PetitionSettingList.extend({ canEdit: z.boolean() });

export const AssignResult = z.object({ id: z.uuid(), handoffId: z.uuid(), reportDueDate: Day, reportDays: z.number() });
export const LeadResult = z.object({ leadUserId: z.uuid(), leadUserName: z.string(), leadAt: Ts });
export const FollowUpsResult = z.object({ items: z.array(z.object({ id: z.uuid(), dueDate: Day, note: z.string().nullable() })) });
export const FollowUpResultResult = z.object({ id: z.uuid(), dueDate: Day, result: z.string(), resultAt: Ts });
export const SatisfactionResult = z.object({ satisfaction: z.enum(SATISFACTION), channel: z.enum(SATISFACTION_CHANNELS), hint: z.string().nullable() });
export const ReviewRequestResult = z.object({
  id: z.uuid(),
  which: z.enum(REVIEW_KINDS),
  receivedOn: Day,
  /** The letter's postmark, when recorded: the request counts as made that day. */
  postmarkOn: Day.nullable(),
  /** The day the petitioner received the written reply (复查) or 复查意见 (复核), and the window's last day. */
  replyOn: Day.nullable(),
  lastDay: Day.nullable(),
  state: z.string(),
});

/** GET /api/petitions/:id adds these to the kernel's case detail (get-petition.ts). */
export const PetitionFacts = z.object({
  channel: z.enum(CHANNELS),
  sourceBody: z.enum(SOURCE_BODIES).nullable(),
  sourceRef: z.string().nullable(),
  category: z.enum(CATEGORIES),
  subject: z.enum(SUBJECTS),
  concernedAreaCode: z.string(),
  concernedAreaName: z.string().nullable(),
  content: z.string(),
  visitBatch: z.number().nullable(),
  visitPersons: z.number().nullable(),
  representatives: z.number().nullable(),
  anonymous: z.boolean(),
  opinion: z.enum(OPINIONS).nullable(),
  opinionText: z.string().nullable(),
  deliveredAt: Ts.nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  ratedAt: Ts.nullable(),
  isRepeat: z.boolean(),
  repeatOf: z.string().nullable(),
  isSkipLevel: z.boolean(),
  firstTime: z.boolean().nullable(),
  /** 受理告知书 (written notice of acceptance). */
  acceptanceNotice: z.string().nullable(),
  acceptedAt: Ts.nullable(),
  /** 不予受理: the statutory reason, its basis and the guidance told to the petitioner. */
  refusal: z
    .object({
      reasonCode: z.enum(REFUSAL_CODES),
      reason: z.string().nullable(),
      legalBasis: z.string().nullable(),
      guidance: z.string().nullable(),
      detail: z.string().nullable(),
      refusedAt: Ts.nullable(),
      auto: z.boolean(),
    })
    .nullable(),
  /** 网上 when rated on the portal; 电话 / 信函 / 当面 when recorded by staff. */
  satisfactionChannel: z.enum(['网上', ...SATISFACTION_CHANNELS]).nullable(),
  satisfactionComment: z.string().nullable(),
  /** 领导包案. */
  lead: z.object({ userId: z.uuid(), name: z.string().nullable(), at: Ts, note: z.string().nullable() }).nullable(),
  /** 收到日期: the clocks count from it. */
  receivedOn: Day.nullable(),
  /** The form the petitioner used (来信/来访/网上信访/电话/传真), apart from how it reached this unit (channel, sourceBody). */
  originalForm: z.enum(ORIGINAL_FORMS).nullable(),
  /** 被投诉机关. */
  complainedOrg: z.string().nullable(),
  /** 被检举对象 (检举控告). */
  accused: z.object({ name: z.string().nullable(), orgUnitName: z.string().nullable() }).nullable(),
  /** The earlier matter 复核终结 this one resembles (the handler judges; 第三十六条第三款). */
  finalMatch: z.object({ caseId: z.uuid(), refNo: z.string() }).nullable(),
  /** 重大、紧急 and its report (第二十五条). */
  urgent: z.object({ note: z.string().nullable(), report: z.string().nullable(), reportedAt: Ts.nullable() }).nullable(),
  /** 导入相应程序 (第三十一条). */
  routing: z.object({ target: z.enum(ROUTING_TARGETS), note: z.string().nullable(), at: Ts.nullable() }).nullable(),
  /** How and when the 受理 / 不予受理 告知书 reached the petitioner. */
  acceptanceServed: z.object({ method: z.enum(NOTICE_METHODS), on: Day }).nullable(),
  refusalServed: z.object({ method: z.enum(NOTICE_METHODS), on: Day }).nullable(),
});
export const PetitionPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  address: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** Only for handlers of the case (the server decides and logs the read). */
  idNumber: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});
export const PetitionDetailExtras = z.object({
  petition: PetitionFacts,
  /** While 已受理: may it take the 简易办理 track (besides 事实清楚, which the handler confirms)? */
  simpleEligibility: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  /** While 甄别中: the statutory 不予受理 reasons for the refuse form (its input `reasonCode`). */
  refusalReasons: z.array(z.object({ code: z.enum(REFUSAL_CODES), label: z.string(), legalBasis: z.string(), guidance: z.string() })),
  /** 延期 of the 办理期限 (reason told to the petitioner, 第三十四条). */
  extensions: z.array(
    z.object({
      clock: z.string(),
      clockLabel: z.string(),
      days: z.number(),
      unit: z.string(),
      reason: z.string(),
      at: Ts,
      approvedByName: z.string().nullable(),
      dueDate: Day.nullable(),
    }),
  ),
  /** 交办 with 报告期限; reported when the receiver delivered its reply. */
  assignments: z.array(
    z.object({
      handoffId: z.uuid(),
      toOrgName: z.string(),
      handoffStatus: z.string(),
      acknowledgedAt: Ts.nullable(),
      assignedAt: Ts,
      reportDueDate: Day.nullable(),
      reportDays: z.number().nullable(),
      reportedAt: Ts.nullable(),
      reportOverdue: z.boolean(),
    }),
  ),
  /** 回头看 scheduled by the 包案领导. */
  followUps: z.array(
    z.object({
      id: z.uuid(),
      dueDate: Day.nullable(),
      note: z.string().nullable(),
      leaderName: z.string().nullable(),
      notifiedAt: Ts.nullable(),
      result: z.string().nullable(),
      resultAt: Ts.nullable(),
      resultByName: z.string().nullable(),
    }),
  ),
  /** 复查/复核 requests received by letter and registered by staff. */
  reviewRequests: z.array(
    z.object({
      id: z.uuid(),
      which: z.enum(REVIEW_KINDS),
      channel: z.string(),
      reason: z.string(),
      receivedOn: Day.nullable(),
      postmarkOn: Day.nullable(),
      recordedByName: z.string(),
      recordedAt: Ts,
    }),
  ),
  /** 转送、交办去向, as told to the petitioner (第二十三条第一款). */
  forwarding: z.array(
    z.object({ kind: z.enum(['转送', '交办']), fromOrgName: z.string(), toOrgName: z.string(), sentAt: Ts, status: z.string(), acknowledgedAt: Ts.nullable() }),
  ),
  /** 异议 of receiving units and the senders' 核实 (第二十三条第三款). */
  objections: z.array(
    z.object({
      id: z.uuid(),
      byOrgName: z.string(),
      reason: z.string(),
      receivedOn: Day,
      raisedOn: Day,
      raisedByName: z.string(),
      decision: z.enum(['agreed', 'rejected']).nullable(),
      decisionNote: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decidedAt: Ts.nullable(),
    }),
  ),
  petitioners: z.array(PetitionPerson),
  /** 检举控告: the informant is hidden from this reader (第三十条第三款). */
  informantHidden: z.boolean(),
  piiShown: z.boolean(),
  piiAllowed: z.boolean(),
});

/** GET /api/petitions/:id: the kernel's case page with the petition's own facts. */
export const PetitionDetail = CaseDetail.extend(PetitionDetailExtras.shape);

export type RegisterPetitionResult = z.output<typeof RegisterPetitionResult>;
export type PetitionListItem = z.output<typeof PetitionListItem>;
export type PetitionPage = z.output<typeof PetitionPage>;
export type PetitionSetting = z.output<typeof PetitionSetting>;
export type PetitionSettings = z.output<typeof PetitionSettings>;
export type AssignResult = z.output<typeof AssignResult>;
export type PetitionFacts = z.output<typeof PetitionFacts>;
export type PetitionPerson = z.output<typeof PetitionPerson>;
export type PetitionDetailExtras = z.output<typeof PetitionDetailExtras>;
export type PetitionDetail = z.output<typeof PetitionDetail>;
