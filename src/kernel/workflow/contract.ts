import { z } from 'zod';

/**
 * The case kernel's HTTP contract (routes.ts): request bodies and the exact wire shape of each
 * response. Fastify serializes the handler's value through the response schema, and the console
 * imports the types (`import type`, erased at build). Timestamps are ISO strings, dates YYYY-MM-DD.
 */
const Ts = z.string().describe('ISO 8601 timestamp');
const Day = z.string().describe('YYYY-MM-DD');
const Version = z.number().int().min(1).optional();
const Text = (max: number, name: string) => z.string().trim().min(1, `请填写${name}`).max(max, `${name}不超过 ${max} 字`);

/** 待签收 / 待办 / 已办 / 即将到期 / 已超期 / 我督办的 */
export const WORKLIST_TABS = ['to_acknowledge', 'todo', 'done', 'due_soon', 'overdue', 'supervising'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];
export const CLOCK_SUMMARY_STATES = ['running', 'paused', 'due_soon', 'overdue'] as const;
export const SUSPEND_KINDS = ['correction', 'third_party', 'appraisal', 'hearing', 'other'] as const;
export const CLOCK_UNITS = ['workdays', 'days', 'months'] as const;
export const PART_ROLES = ['lead', 'assist', 'joint'] as const;

/** A (small) JSON Schema as zod's toJSONSchema emits it for registration and transition forms. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  default?: unknown;
  items?: JsonSchema;
};
const JsonSchemaDoc = z.record(z.string(), z.unknown()).describe('JSON Schema of the form') as unknown as z.ZodType<JsonSchema>;

/* ── requests ─────────────────────────────────────────────────────────────────────────────── */

export const WorklistQuery = z.object({
  tab: z.enum(WORKLIST_TABS).default('todo'),
  /**
   * `mine` = 待我处理 (the cases whose next step the user may take; of 我督办的, those the user may 督办), `unit` (default) =
   * all of the unit's. It narrows every tab but 已办, which is the user's own in both.
   */
  view: z.enum(['mine', 'unit']).optional(),
  type: z.string().max(40).optional(),
  q: z.string().max(50).optional(),
  sort: z.enum(['due', 'updated']).default('due'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** The list's filters that the counts share. */
export const WorklistCountsQuery = WorklistQuery.pick({ view: true, type: true, q: true });
export const CreateCaseBody = z.object({
  type: z.string().max(40),
  title: Text(200, '标题'),
  orgUnitId: z.uuid('登记单位 ID 格式不正确'),
  input: z.unknown().optional(),
  comment: z.string().max(2000).nullish(),
});
export const TransitionBody = z.object({ input: z.unknown().optional(), comment: z.string().max(2000).nullish(), expectedVersion: Version });
export const HandoffBody = z.object({
  kind: z.enum(['transfer', 'assign']),
  toOrgId: z.uuid('接收单位 ID 格式不正确'),
  note: z.string().max(2000).nullish(),
  expectedVersion: Version,
});
export const AcknowledgeBody = z.object({ expectedVersion: Version }).default({});
export const ObjectBody = z.object({ reason: Text(2000, '异议理由'), expectedVersion: Version });
export const WithdrawBody = z.object({ reason: z.string().max(2000).optional(), expectedVersion: Version }).default({});
export const ReturnBody = z.object({ toState: z.string().max(40), reason: Text(2000, '退回理由'), expectedVersion: Version });
export const OpenSignoffBody = z.object({
  step: z.string().max(40),
  mode: z.enum(['all', 'any', 'quorum']),
  required: z.number().int().optional(),
  parties: z
    .array(z.object({ orgUnitId: z.uuid().optional(), userId: z.uuid().optional() }))
    .min(1)
    .max(50),
  expectedVersion: Version,
});
export const DecideSignoffBody = z.object({ decision: z.enum(['approve', 'reject']), comment: z.string().max(2000).optional() });
export const OpenPartsBody = z.object({
  parts: z
    .array(z.object({ orgUnitId: z.uuid('单位 ID 格式不正确'), role: z.enum(PART_ROLES, { message: '角色须为主办、协办或会办' }) }))
    .min(1)
    .max(20),
  note: z.string().max(2000).nullish(),
});
export const CommentBody = z.object({ body: Text(5000, '意见内容') });
export const SuperviseBody = z.object({ reason: Text(2000, '督办事由') });
export const FeedbackBody = z.object({ feedback: Text(5000, '反馈内容') });
export const SuspendBody = z.object({ kind: z.enum(SUSPEND_KINDS), reason: Text(2000, '中止理由') });
export const ExtendBody = z.object({ n: z.number().int().min(1).max(365), unit: z.enum(CLOCK_UNITS), reason: Text(2000, '延期理由') });

/* ── responses ────────────────────────────────────────────────────────────────────────────── */

const ClockSummaryState = z.enum(CLOCK_SUMMARY_STATES);

export const WorklistItem = z.object({
  id: z.uuid(),
  type: z.string(),
  typeLabel: z.string(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  areaCode: z.string(),
  dueDate: Day.nullable(),
  clockState: ClockSummaryState.nullable(),
  pendingHandoff: z.boolean(),
  version: z.number(),
  updatedAt: Ts,
  lastActedAt: Ts.nullable(),
});
export type WorklistItem = z.output<typeof WorklistItem>;
export const WorklistPage = z.object({ items: z.array(WorklistItem), total: z.number() });
/** Every tab's count at once (what the workbench shows on its tabs). */
export const WorklistCounts = z.object({
  to_acknowledge: z.number(),
  todo: z.number(),
  done: z.number(),
  due_soon: z.number(),
  overdue: z.number(),
  supervising: z.number(),
});

export const CaseType = z.object({
  type: z.string(),
  label: z.string(),
  refPrefix: z.string(),
  canCreate: z.boolean(),
  createRoute: z.string().nullable(),
  createLabel: z.string(),
  createSchema: JsonSchemaDoc.nullable(),
  facts: z.record(z.string(), z.string()).nullable(),
  states: z.array(z.object({ code: z.string(), label: z.string(), terminal: z.boolean() })),
  /** Every step's Chinese name by step (transitions, actions, the kernel's hand-offs): the audit log's `<type>.<step>` actions. */
  steps: z.record(z.string(), z.string()),
});
export type CaseType = z.output<typeof CaseType>;
export const CaseTypeList = z.object({ items: z.array(CaseType) });

const ClockUnit = z.enum(CLOCK_UNITS);
export const CaseClock = z.object({
  name: z.string(),
  label: z.string(),
  /** deadline: a day to act by; period: a time that must elapse (公示期), which ends 期满 (status elapsed / met), never overdue. */
  kind: z.enum(['deadline', 'period']),
  rule: z.object({ unit: ClockUnit, n: z.number() }),
  legalBasis: z.string().nullable(),
  startDate: Day,
  dueDate: Day.nullable(),
  state: z.enum(['running', 'paused', 'met', 'missed']),
  /** The day (China) it was stopped; null while open. */
  stoppedOn: Day.nullable(),
  status: z.enum(['running', 'paused', 'due_soon', 'overdue', 'met', 'missed', 'elapsed']),
  workdaysLeft: z.number().nullable(),
  /** Calendar days from today (China) to the due date while running (「剩余 N 日」 of a period in 日). */
  daysLeft: z.number().nullable(),
  /** Set when the period runs over a year whose State Council holiday notice is not entered: 「2027 年：该年放假安排未发布，按法定节日推算」. */
  calendarNote: z.string().nullable(),
  suspensions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SUSPEND_KINDS),
      label: z.string(),
      reason: z.string(),
      from: Day,
      to: Day.nullable(),
      by: z.string(),
      byName: z.string().nullish(),
    }),
  ),
  extensions: z.array(
    z.object({ id: z.string(), n: z.number(), unit: ClockUnit, approvedBy: z.string(), approvedByName: z.string(), reason: z.string(), at: Day }),
  ),
  restarts: z.array(z.object({ at: Day, reason: z.string(), by: z.string(), byName: z.string().nullish() })),
  calendarVersion: z.number(),
});
export const CaseEvent = z.object({
  seq: z.number(),
  at: Ts,
  actorName: z.string().nullable(),
  transition: z.string(),
  transitionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  toStateLabel: z.string(),
  input: z.unknown(),
  comment: z.string().nullable(),
  auditEventId: z.string().nullable(),
});
export const CaseHandoff = z.object({
  id: z.uuid(),
  kind: z.enum(['transfer', 'assign', 'return']),
  status: z.enum(['pending', 'acknowledged', 'objected', 'withdrawn']),
  sentAt: Ts,
  acknowledgedAt: Ts.nullable(),
  note: z.string().nullable(),
  fromOrgName: z.string(),
  toOrgName: z.string(),
});
export const CaseSignoff = z.object({
  id: z.uuid(),
  step: z.string(),
  mode: z.enum(['all', 'any', 'quorum']),
  required: z.number(),
  round: z.number(),
  partyOrgId: z.string().nullable(),
  partyUserId: z.string().nullable(),
  decision: z.enum(['approve', 'reject']).nullable(),
  comment: z.string().nullable(),
  decidedAt: Ts.nullable(),
});
export const CaseComment = z.object({ id: z.uuid(), authorName: z.string().nullable(), body: z.string(), createdAt: Ts });
/** uploadedBy: the uploader's name; null for a file the public sent through the portal. */
export const CaseAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sm3: z.string(),
  uploadedAt: Ts,
  uploadedBy: z.string().nullable(),
});
export const CaseSupervision = z.object({
  id: z.uuid(),
  kind: z.string(),
  reason: z.string(),
  issuedAt: Ts,
  feedbackDue: Day.nullable(),
  feedback: z.string().nullable(),
  feedbackAt: Ts.nullable(),
  fromOrgName: z.string(),
  toOrgName: z.string(),
  awaitingMyFeedback: z.boolean(),
});
const PartRole = z.enum(PART_ROLES);
export const CasePart = z.object({
  id: z.uuid(),
  refNo: z.string(),
  role: PartRole,
  roleLabel: z.string(),
  orgUnitName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  dueDate: Day.nullable(),
  clockState: z.string().nullable(),
});
export const CaseTransitionAction = z.object({
  name: z.string(),
  label: z.string(),
  /** The normal next step (the definition's `primary`): the one primary button; the others are secondary. */
  primary: z.boolean(),
  to: z.string(),
  toLabel: z.string(),
  reasonRequired: z.boolean(),
  inputSchema: JsonSchemaDoc.nullable(),
});
export const CaseActions = z.object({
  transitions: z.array(CaseTransitionAction),
  /** The signed-in user may hand the case off now (转办/交办, also through a module's own command such as 低保's 报送县级确认). */
  canHandoff: z.boolean(),
  /** The hand-offs the generic dialog may send now (none that a module's own command owns): the 转办/交办 buttons. */
  handoffKinds: z.array(z.enum(['transfer', 'assign'])),
  canAcknowledge: z.boolean(),
  canObject: z.boolean(),
  canWithdrawHandoff: z.boolean(),
  canWithdraw: z.boolean(),
  returnTargets: z.array(z.object({ state: z.string(), label: z.string() })),
  canComment: z.boolean(),
  canSupervise: z.boolean(),
});

/**
 * 下一步: what happens next and who does it — 「待 张三(科长)审批」, 「待 银川市民政局 签收」. `people`
 * are the holders of the step's permission at the holding unit (empty: nobody there holds it);
 * `mine`: the signed-in user may take it.
 */
export const CaseNextStep = z.object({
  text: z.string(),
  step: z.string(),
  orgName: z.string().nullable(),
  people: z.array(z.object({ name: z.string(), role: z.string() })),
  mine: z.boolean(),
  /** Nobody at the holding unit holds the step's permission and the reader, from a unit above it, may take it for that unit. */
  onBehalf: z.boolean(),
});

/** The case page (get-case.ts); module detail routes extend it with their own facts. */
export const CaseDetail = z.object({
  id: z.uuid(),
  type: z.string(),
  typeLabel: z.string(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  pendingHandoff: z.boolean(),
  version: z.number(),
  areaCode: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string().nullable(),
  supervisingOrgName: z.string().nullable(),
  dueDate: Day.nullable(),
  clockState: ClockSummaryState.nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: Ts,
  updatedAt: Ts,
  closedAt: Ts.nullable(),
  events: z.array(CaseEvent),
  handoffs: z.array(CaseHandoff),
  signoffs: z.array(CaseSignoff),
  comments: z.array(CaseComment),
  attachments: z.array(CaseAttachment),
  supervisions: z.array(CaseSupervision),
  clocks: z.array(CaseClock),
  /** 主办/协办/会办: the parts of this case with their states, or the case this one is a part of. */
  parts: z.array(CasePart),
  partOf: z.object({ id: z.uuid(), refNo: z.string(), role: PartRole, roleLabel: z.string() }).nullable(),
  actions: CaseActions,
  nextStep: CaseNextStep.nullable(),
});
export type CaseDetail = z.output<typeof CaseDetail>;

export const ClockExplain = z.object({
  clock: z.object({ name: z.string(), label: z.string(), dueDate: Day.nullable(), state: z.string() }),
  trace: z.unknown().describe('the step-by-step computation (explain-clock.ts)'),
  text: z.string(),
});
export const ClockChangeResult = z.object({ dueDate: Day.nullable(), state: z.string() });
export const SignoffOpened = z.object({ round: z.number(), required: z.number() });
export const SignoffOutcome = z.enum(['approve', 'reject', 'open']);
export const PartsOpened = z.object({ parts: z.array(z.object({ id: z.uuid(), refNo: z.string(), orgUnitId: z.uuid(), role: PartRole })) });
export const Created = z.object({ id: z.uuid() });
export const SupervisionIssued = z.object({ id: z.uuid(), feedbackDue: Day.nullable() });
export const Ok = z.object({ ok: z.literal(true) });
export const AttachmentStored = z.object({ id: z.uuid(), sm3: z.string(), sizeBytes: z.number() });
