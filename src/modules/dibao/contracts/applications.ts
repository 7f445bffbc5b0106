import { z } from 'zod';
import { CHANNELS } from '../contract.ts';
import { CaseDetail } from '../../../kernel/workflow/contract.ts';
import { Authority, ClockState, Day, HouseholdKind, Ts, page } from './common.ts';

/**
 * 低保 staff API: the application register, registration and the case page's facts. Each is the exact wire
 * shape (fastify serializes through it) and the console imports the types. Timestamps are ISO strings,
 * dates YYYY-MM-DD, money in 分 (cents).
 */

export const ApplicationItem = z.object({
  id: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  dueDate: Day.nullable(),
  clockState: ClockState.nullable(),
  createdAt: Ts,
  areaPath: z.string(),
  orgUnitId: z.uuid(),
  createdBy: z.string().nullable(),
  orgUnitName: z.string(),
  authority: Authority,
  approvingLevel: z.string(),
  channel: z.enum(CHANNELS),
  decision: z.enum(['确认', '不予确认']).nullable(),
  acceptedOn: Day.nullable(),
  decidedOn: Day.nullable(),
  householdId: z.uuid(),
  areaName: z.string(),
  kind: HouseholdKind,
  benefitCents: z.number(),
  applicantIdMasked: z.string().nullable(),
  /** 网上申请 with a member already in another household: what the township must check before 受理 (null when none). */
  duplicateFlag: z.string().nullable(),
});
export const ApplicationPage = page(ApplicationItem);
export type ApplicationItem = z.output<typeof ApplicationItem>;

/** POST /api/dibao/applications: the registered case and what the 一次性告知 lists as missing. */
export const ApplicationRegistered = z.object({
  id: z.uuid(),
  refNo: z.string(),
  householdId: z.uuid(),
  state: z.string(),
  township: z.string(),
  authority: Authority,
  missingMaterials: z.array(z.string()),
});
export type ApplicationRegistered = z.output<typeof ApplicationRegistered>;

/** The stored JSON facts of an application (written by the workflow steps in steps/). */
export const CheckResult = z.object({ source: z.string(), status: z.enum(['一致', '不一致', '未查到', '查询失败']), detail: z.string() });
const InvestigationRound = z.object({ staff: z.array(z.string()), date: Day, findings: z.string(), incomeStable: z.enum(['稳定', '不固定']) });
const Standard_ = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  monthlyCents: z.number(),
  effectiveFrom: Day,
  document: z.string().nullable(),
  isDemo: z.boolean(),
  method: z.string(),
});
export const Eligibility = z.object({
  onDate: Day,
  standard: Standard_.nullable(),
  members: z.number(),
  insuredPersons: z.number(),
  incomeCents: z.number(),
  rigidExpenseCents: z.number(),
  benefit: z.object({ eligibleByIncome: z.boolean(), perCapitaIncomeCents: z.number(), amountCents: z.number(), steps: z.array(z.string()) }).nullable(),
  checks: z.array(z.object({ rule: z.string(), ok: z.boolean(), detail: z.string(), basis: z.string(), advisory: z.boolean().optional() })),
  eligible: z.boolean(),
  /** Failed tests against limits whose legal text is not verified: warnings, not refusals. */
  warnings: z.array(z.string()).optional(),
});
export const ApplicationJson = {
  missingMaterials: z.object({ items: z.array(z.string()), suggested: z.boolean().optional(), toldOn: Day.optional() }),
  checks: z.object({ agency: z.string(), results: z.array(CheckResult) }),
  investigation: InvestigationRound.extend({ rounds: z.array(InvestigationRound) }),
  appraisal: z.object({ date: Day, participants: z.number(), result: z.enum(['同意', '不同意', '意见不一']), note: z.string().optional() }),
  townshipOpinion: z.object({ opinion: z.enum(['拟同意', '拟不同意']), text: z.string(), on: Day }),
  objections: z.array(
    z.object({
      id: z.uuid(),
      on: Day,
      content: z.string(),
      objector: z.string(),
      round: z.number(),
      /** 异议复查 result (属实 → 拟不同意, 不属实 → 重新公示), once recorded. */
      review: z.object({ result: z.enum(['属实', '不属实']), staff: z.array(z.string()), date: Day, findings: z.string(), on: Day }).optional(),
    }),
  ),
  eligibility: Eligibility,
  benefit: z.object({
    amountCents: z.number(),
    insuredPersons: z.number(),
    benefitFrom: Day,
    steps: z.array(z.string()),
    standard: Standard_.nullable(),
    /** 确认意见 (null when none was written). */
    note: z.string().nullable(),
  }),
};

/** GET /api/dibao/applications/:id (and submit-county): the case page plus the application (household masked). */
export const DibaoFacts = z.object({
  authority: Authority,
  approvingLevel: z.string(),
  delegation: z.object({ id: z.uuid(), effectiveFrom: Day, document: z.string() }).nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  townshipOrgId: z.uuid(),
  townshipName: z.string(),
  countyBureau: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  channel: z.enum(CHANNELS),
  acceptedOn: Day.nullable(),
  decidedOn: Day.nullable(),
  decision: z.enum(['确认', '不予确认']).nullable(),
  special: z.boolean(),
  specialReason: z.string().nullable(),
  /** The caller is the county approver and may approve the special 45-working-day period now (POST …/extend-special). */
  canExtendSpecial: z.boolean(),
  relativeOfStaff: z.boolean(),
  missingMaterials: ApplicationJson.missingMaterials.nullable(),
  checks: ApplicationJson.checks.nullable(),
  checkedOn: Day.nullable(),
  investigation: ApplicationJson.investigation.nullable(),
  incomeUnstable: z.boolean(),
  appraisal: ApplicationJson.appraisal.nullable(),
  townshipOpinion: ApplicationJson.townshipOpinion.nullable(),
  publicity: z.object({ round: z.number(), from: Day.nullable(), to: Day.nullable() }),
  objections: ApplicationJson.objections,
  eligibility: Eligibility.nullable(),
  benefit: ApplicationJson.benefit.nullable(),
  notice: z.string().nullable(),
  noticeSentOn: Day.nullable(),
  refusalReasons: z.string().nullable(),
  /** 近亲属单独登记备案: whose relative, and the county's home visit once recorded. */
  relativeFiling: z
    .object({
      staffName: z.string(),
      staffPost: z.string(),
      relation: z.string(),
      filedOn: Day,
      countyVisit: z
        .object({ staff: z.array(z.string()), date: Day, result: z.enum(['属实', '不属实']), findings: z.string(), by: z.string(), on: Day })
        .nullable(),
    })
    .nullable(),
  /** 不予受理 (before 受理): the day, the reason code and its text. */
  notAccepted: z.object({ on: Day, code: z.string(), reason: z.string() }).nullable(),
  household: z.object({
    id: z.uuid(),
    kind: HouseholdKind,
    address: z.string(),
    status: z.enum(['applying', 'active', 'suspended', 'stopped', 'refused', 'withdrawn']),
    areaName: z.string(),
    benefitCents: z.number(),
    insuredPersons: z.number(),
    benefitFrom: Day.nullable(),
    members: z.array(
      z.object({
        name: z.string(),
        relation: z.string(),
        idNumberMasked: z.string(),
        disability: z.string(),
        health: z.string(),
        workAbility: z.string(),
        insured: z.boolean(),
        active: z.boolean(),
        birthDate: Day.nullable(),
      }),
    ),
    incomeCents: z.number(),
  }),
});
export const ApplicationDetail = CaseDetail.extend({ dibao: DibaoFacts });
export type CheckResult = z.output<typeof CheckResult>;
export type Eligibility = z.output<typeof Eligibility>;
export type DibaoFacts = z.output<typeof DibaoFacts>;
export type ApplicationDetail = z.output<typeof ApplicationDetail>;

/** 「查看完整信息」 on the case page: the members' full 身份证号, shown only to who may handle or confirm the case (the read is logged). */
export const ApplicationIdentities = z.object({
  piiShown: z.boolean(),
  members: z.array(z.object({ name: z.string(), relation: z.string(), idNumberMasked: z.string(), idNumber: z.string().optional() })),
});
export type ApplicationIdentities = z.output<typeof ApplicationIdentities>;
