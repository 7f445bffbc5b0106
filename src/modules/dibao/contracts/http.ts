import { z } from 'zod';
import { CHANNELS } from '../contract.ts';
import { CaseDetail } from '../../../kernel/workflow/contract.ts';
import { Authority, ClockState, Day, HouseholdKind, Ts, page } from './common.ts';

/**
 * 低保 staff API responses (routes.ts) that declare their shape so far: the registers. Each is the
 * exact wire shape (fastify serializes through it) and the console imports the types. Timestamps
 * are ISO strings, dates YYYY-MM-DD, money in 分 (cents).
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

export type ApplicationItem = z.output<typeof ApplicationItem>;
export type HouseholdItem = z.output<typeof HouseholdItem>;
export type RecheckItem = z.output<typeof RecheckItem>;

/** 抽查批次 list (routes.ts). */
export const SpotCheckList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      countyCode: z.string(),
      areaPath: z.string(),
      countyName: z.string(),
      from: Day,
      to: Day,
      seed: z.string(),
      ratio: z.number(),
      population: z.number(),
      sample: z.number(),
      visited: z.number(),
      createdAt: Ts,
    }),
  ),
});

/** POST /api/dibao/spot-checks: the draw, reproducible from its seed over the population. */
export const SpotCheckDrawn = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  seed: z.string(),
  ratio: z.number(),
  population: z.number(),
  sample: z.array(z.uuid()),
});
/** 抽查批次 detail: seed, population and sample (case ids), each sampled case with its 入户 result. */
export const SpotCheckDetail = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  areaPath: z.string(),
  countyName: z.string(),
  from: Day,
  to: Day,
  seed: z.string(),
  ratio: z.number(),
  population: z.array(z.uuid()),
  sample: z.array(z.uuid()),
  createdAt: Ts,
  items: z.array(
    z.object({
      caseId: z.uuid(),
      refNo: z.string(),
      title: z.string(),
      township: z.string(),
      decidedOn: Day.nullable(),
      visitedOn: Day.nullable(),
      result: z.string().nullable(),
      findings: z.string().nullable(),
      visitedByName: z.string().nullable(),
      /** The township's decision sampled: 确认, 不予确认 or 不予受理. */
      decision: z.string().nullable(),
      /** 抽查不属实 → the correction opened (复核 of the household, or 重新审核 of a refusal). */
      correction: z
        .object({ kind: z.enum(['复核', '重新审核']), householdId: z.uuid(), note: z.string(), dueOn: Day.optional(), decision: z.string().optional() })
        .nullable(),
    }),
  ),
});
export const Ok = z.object({ ok: z.literal(true) });
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
/** POST /api/dibao/delegations: the new entry as stored. */
export const DelegationAdded = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  authority: Authority,
  effectiveFrom: Day,
  document: z.string(),
  note: z.string().optional(),
});

export type SpotCheckItem = z.output<typeof SpotCheckList>['items'][number];
export type SpotCheckDetail = z.output<typeof SpotCheckDetail>;
export type SpotCheckDrawn = z.output<typeof SpotCheckDrawn>;
export type ApplicationRegistered = z.output<typeof ApplicationRegistered>;
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

/** The stored JSON facts of an application (written by the workflow steps in workflow.ts). */
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
