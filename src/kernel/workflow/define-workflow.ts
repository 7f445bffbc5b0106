import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { CaseTable } from '../../platform/db/tables/cases.ts';
import type { Actor } from '../identity/actor.ts';

/** A period rule: N 工作日 / N 日 / N 个月. */
export type PeriodSpec = { unit: 'workdays' | 'days' | 'months'; n: number };

/**
 * Which clock suspensions (中止) a clock allows: the kinds, and by which party (default holder);
 * `aboveOrgOf` / `directlyAbove` narrow the party as in `Who` (e.g. only the 复核 body may exclude hearing time).
 */
export type SuspendRule = { kinds: readonly SuspendKind[]; party?: Party | readonly Party[]; aboveOrgOf?: string; directlyAbove?: boolean };

/**
 * The legal basis of a period: text with the article, or made from the case when the clock
 * starts — the rule in force on the date of the act (e.g. 《信访条例》(2005) before 2022-05-01,
 * 《信访工作条例》 after) or the case's own facts (a direct or a transferred petition).
 */
export type LegalBasis = string | ((c: CaseRow, tx: AppContext) => string | Promise<string>);

/** The longest approved extension (延长) of a clock, and how many times (default once). */
export type ExtendLimit = PeriodSpec & { times?: number };

/** A deadline clock a transition starts. */
export type ClockSpec = {
  name: string;
  /** Text, or made from the resolved rule and the case (e.g. a period taken from settings). */
  label: string | ((rule: PeriodSpec, c: CaseRow, tx: AppContext) => string | Promise<string>);
  /** The period, or read when the clock starts (settings, case data after the effect). */
  rule: PeriodSpec | ((tx: AppContext, c: CaseRow) => Promise<PeriodSpec>);
  /** Text and article, e.g. '《信访工作条例》第二十四条', or made from the case when the clock starts. */
  legalBasis: LegalBasis;
  warnWorkdays?: number;
  /**
   * May it be suspended (中止), for which kinds, by which party? A clock without a rule cannot be
   * suspended — most statutory periods run on regardless.
   */
  suspendable?: SuspendRule;
  /** A transition the system takes when the clock is overdue (e.g. 期满 → next step). */
  onDue?: string;
  /**
   * 'deadline' (default): a day to act by — due soon, overdue, 督办, 按期/超期 statistics.
   * 'period': a time that must elapse (公示期, 异议期, the other side's window): when it runs out it
   * is 期满 (the holder is told the next step may be taken), never overdue, never counted as late.
   */
  kind?: 'deadline' | 'period';
};

export type CaseRow = Omit<CaseTable, 'terminal' | 'pending_handoff' | 'version' | 'created_at' | 'updated_at' | 'data'> & {
  terminal: boolean;
  pending_handoff: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  data: Record<string, unknown>;
};

/**
 * What an effect may change on the case besides its state. The case's area is always the
 * area of the org unit holding it ("routed to"), so it follows `org_unit_id`.
 */
export type CasePatch = Partial<Pick<CaseRow, 'title' | 'org_unit_id' | 'assignee_id' | 'supervising_org_id'>> & {
  data?: Record<string, unknown>;
};

export type EffectArgs<I> = { tx: AppContext; case: CaseRow; input: I; actor: Actor };

/** An input schema, or none. */
export type Schema = z.ZodType | undefined;
/** What an effect receives for a schema: its parsed output (undefined without a schema). */
export type InputOf<Z> = [Exclude<Z, undefined>] extends [never] ? undefined : z.output<Exclude<Z, undefined>>;

export type Party = 'holder' | 'supervisor' | 'creator' | 'any';

/**
 * Who may take a transition. `party`: 'holder' = a member of the org unit holding the case
 * (or its assignee); 'supervisor' = anyone whose grant for the permission covers the case's
 * area (e.g. the level above); 'creator' = the user who created it; 'any' = anyone who may read
 * the case and holds the permission somewhere (a check in the effect narrows it). Several parties: any of them.
 */
export type Who = {
  permission: string;
  party?: Party | readonly Party[];
  /** Area levels (1 自治区 … 5 村) of the actor's org unit allowed to take it. */
  levels?: readonly number[];
  /** Separation of duties: not by a person who took any of these transitions on the case (法制审核 ≠ 调查人). */
  notSameActorAs?: readonly string[];
  /**
   * Separation by level: only from an org above (its area strictly containing) the org that last
   * took this transition (复核 by a body above the one that did the 复查).
   */
  aboveOrgOf?: string;
  /** With `aboveOrgOf`: only from the level directly above that org (上一级: its area the parent of that org's area). */
  directlyAbove?: boolean;
};

export type SuspendKind = 'correction' | 'third_party' | 'appraisal' | 'hearing' | 'other';

export type TransitionDef<S extends string = string, Z extends Schema = Schema> = {
  label: string;
  /**
   * The normal next step from its `from` states (受理, 公示期满): the case page shows it as the one
   * primary button; the other moves (补正, 异议, 不予受理, 退回 …) are secondary. At most one per state.
   */
  primary?: boolean;
  /** What the step is, for 「下一步」 on the case page (「审批」 in 「待 张三(科长)审批」); default the label. */
  nextLabel?: string;
  from: readonly S[];
  to: S;
  who: Who;
  input?: Z;
  /** Clocks started (by name), stopped, suspended, resumed or restarted by this transition. */
  clocks?: {
    start?: readonly ClockSpec[];
    stop?: readonly string[];
    suspend?: readonly { name: string; kind: SuspendKind; label: string }[];
    resume?: readonly string[];
    /** Count afresh from today (补正 received where the law restarts the period). */
    restart?: readonly string[];
    /**
     * The day the started clocks count from (not counted), when the transition knows it — e.g. a letter's receipt date,
     * or a date in the module's tables (read with `tx`, after the effect). Default: today.
     */
    startOn?(input: InputOf<Z>, c: CaseRow, tx: AppContext): string | null | undefined | Promise<string | null | undefined>;
  };
  /** Runs in the transition's transaction before the event is written. */
  effect?(args: EffectArgs<InputOf<Z>>): Promise<CasePatch | void>;
  /** May the actor undo it (撤回) until the next party acts? Only for transitions that start no clock. */
  withdrawable?: boolean;
  /** Reason text required (退回, 不予受理 …). */
  reasonRequired?: boolean;
  /**
   * An approval (审批): when nobody at the holding unit can give it (no holder, or the holder's role is
   * delegated away — 代管), it goes to the 代管 or to the level above (approval-route.ts).
   */
  approval?: boolean;
};

/**
 * A case action: an act recorded on the case (评价, 包案, 回头看 …) that changes no state but is
 * on the timeline and the audit chain, through the same step as a move. `from` limits the states
 * it may be taken in (any, when absent — also closed cases); `effect` returns the caller's answer.
 */
export type ActionDef<S extends string = string, Z extends Schema = Schema> = {
  label: string;
  who: Who;
  from?: readonly S[];
  input?: Z;
  reasonRequired?: boolean;
  effect?(args: EffectArgs<InputOf<Z>>): Promise<unknown>;
};

/** A transition with its input inferred for the effect (use when it has both `input` and `effect`). */
export const transition = <const S extends string, Z extends Schema = undefined>(t: TransitionDef<S, Z>): TransitionDef<S, Z> => t;
/** The create step with its input inferred for the effect. */
export const creation = <Z extends Schema = undefined>(c: CreateDef<Z>): CreateDef<Z> => c;
/** An action with its input inferred for the effect. */
export const action = <const S extends string = never, Z extends Schema = undefined>(a: ActionDef<S, Z>): ActionDef<S, Z> => a;

export type StateDef = {
  label: string;
  terminal?: boolean;
  /**
   * A state a record rests in between occasional acts (已公开, 运行中, 已备案（施行）): open, but nobody
   * owes it a step. The worklist's 待办 leaves it out unless one of its clocks runs; the module's own list shows it.
   * The case names no next step there and a move into it notifies nobody (nextTransition is null).
   */
  resting?: boolean;
};

export type HandoffKind = 'transfer' | 'assign';

/** A hand-off just recorded (core.case_handoff), as `onSend` sees it. */
export type HandoffSent = { id: string; kind: HandoffKind; fromOrgId: string; toOrgId: string; toOrgName: string };

export type HandoffPolicy<S extends string = string> = {
  /** States from which 转办/交办 is allowed. */
  from: readonly S[];
  /** The kinds of hand-off this type knows (default both; 低保 has no 交办). */
  kinds?: readonly HandoffKind[];
  permission: string;
  /**
   * Why this case may not be handed off now although its state allows it (the module's rule, e.g. 低保 where the
   * township confirms itself), or null. `handOff` refuses with it and the case page does not offer the move.
   */
  closedFor?(tx: AppContext, c: CaseRow): Promise<string | null>;
  /** 签收 period for the receiving org. */
  acknowledgeWithin: PeriodSpec;
  /**
   * Period within which the receiver may raise 异议 (not competent), counted from its receipt (签收, or
   * the day sent while not yet signed for); enforced by `objectHandoff`. Without it, 异议 only before 签收.
   */
  objectWithin?: PeriodSpec;
  /** 异议 returns the case only with the sender's agreement (核实同意): the module records the objection, the sender decides. */
  objectionNeedsAgreement?: boolean;
  /** The module's own refusal of a receiver (throws an AppError), checked before anything is written — e.g. never to the accused. */
  check?(tx: AppContext, c: CaseRow, toOrgId: string): Promise<void>;
  /**
   * Runs in the hand-off's transaction once it is recorded (the case already held by the receiver): the
   * module's own record of the hand-over, e.g. issuing the notice that tells the citizen where it went.
   */
  onSend?(tx: AppContext, c: CaseRow, h: HandoffSent, actor: Actor): Promise<void>;
  /** On 签收: these clocks count afresh from the receipt day (the receiver's own period), with this reason. */
  onReceipt?: { restart: readonly string[]; reason: string };
  /** The transition that records a hand-over to a body outside the platform (人社局 …): offered beside the on-platform targets. */
  outside?: string;
  /** The law's own word for 转办 in this type (信访: 转送), used in every step name, message and notice of the kernel. */
  transferWord?: string;
  /**
   * 交办 only through the module's own action of this name (it adds what the kernel cannot, e.g. a report
   * deadline and the 交办单): the generic hand-off route refuses a 交办 of this type and names the action.
   */
  assignOnlyVia?: string;
  /** 转办 only through the module's own command of this name (低保: 报送县级确认, which picks the county bureau). */
  transferOnlyVia?: string;
  legalBasis: LegalBasis;
};

export type CreateDef<Z extends Schema = Schema> = Omit<TransitionDef<string, Z>, 'from' | 'to' | 'withdrawable'> & {
  /** The module's own registration route, when the generic POST /api/cases cannot register it. */
  route?: string;
  /** false: only the system creates these cases (a sweep, a schedule); no one registers them. */
  creatable?: boolean;
};

export type WorkflowDefinition<S extends string = string> = {
  type: string;
  label: string;
  /** Reference-number prefix, e.g. 'XF' → XF-640104-2019-000123. */
  refPrefix: string;
  states: Record<S, StateDef>;
  initial: NoInfer<S>;
  /** Registering a case: who may, its input, and the clocks that start at once. */
  create: CreateDef;
  transitions: Record<string, TransitionDef<NoInfer<S>>>;
  /** Labels of the case's facts shown on the case page (key → label). */
  facts?: Record<string, string>;
  /**
   * Where the facts live. A module with tables of its own keeps its facts there and nowhere else:
   * `readFacts` reads the case page's facts from them, and its effects may not write `case.data`
   * (the step refuses). Without it the facts are `case.data` (workflows with no tables of their own).
   */
  readFacts?: (ctx: AppContext, c: CaseRow) => Promise<Record<string, unknown>>;
  /** Acts recorded on the case without a state change. */
  actions?: Record<string, ActionDef<NoInfer<S>>>;
  handoff?: HandoffPolicy<NoInfer<S>>;
  /** States that may be returned to (退回), e.g. back to 办理 from 审批. */
  returnable?: { from: readonly NoInfer<S>[]; to: readonly NoInfer<S>[]; permission: string };
  /**
   * 会签 / 或签 steps: when the parties of a step have decided (all / any / a quorum approve,
   * or enough reject that approval is impossible), the named transition runs.
   */
  signoffs?: Record<string, { permission: string; onApprove: string; onReject: string }>;
  /**
   * Deadline control: who may suspend/resume clocks (补正, 鉴定, 听证 …) and approve extensions,
   * and the longest extension each clock allows (e.g. handle: 30 日, once).
   */
  /** `extendable`: per clock, the longest extension and how often — or read when asked (e.g. from settings). */
  clockControl?: {
    suspendPermission: string;
    extendPermission: string;
    extendable: Record<string, ExtendLimit | ((tx: AppContext, c: CaseRow) => Promise<ExtendLimit>)>;
    /** After an approved extension is saved, in its transaction (e.g. issue the 延期告知书). */
    onExtended?(args: { tx: AppContext; case: CaseRow; clock: string; actor: Actor }): Promise<void>;
  };
  /**
   * 主办 / 协办 / 会办: from these states, who may hand the case to several org units in parallel;
   * each part is a case of `partType` (its own holder, clocks and history), linked to this one.
   */
  coHandling?: { from: readonly NoInfer<S>[]; permission: string; partType: string };
  /** 督办: who may supervise and the feedback period the holder gets. */
  supervision?: { permission: string; feedbackWithin: PeriodSpec; legalBasis: LegalBasis };
  /** Permission to read cases of this type (scope-filtered). */
  readPermission: string;
};

const registry = new Map<string, WorkflowDefinition>();
let registryVersion = 0;

/** Moves whenever a definition is registered: what was derived from the registry before is stale. */
export const workflowRegistryVersion = () => registryVersion;

/** Declare a workflow; the definition is data plus pure checks, so it is unit-testable. */
export function defineWorkflow<S extends string>(def: WorkflowDefinition<S>): WorkflowDefinition<S> {
  for (const problem of definitionProblems(def as WorkflowDefinition)) throw new Error(`workflow ${def.type}: ${problem}`);
  registry.set(def.type, def as WorkflowDefinition);
  registryVersion += 1;
  return def;
}

/**
 * Every cross-reference of a definition, checked: states named by transitions, actions, hand-off
 * and 退回; sign-off outcomes; extendable clocks; clocks stopped, suspended or resumed that no
 * step starts. Each problem names the bad reference.
 */
export function definitionProblems(def: WorkflowDefinition): string[] {
  const out: string[] = [];
  const state = (where: string, s: string) => {
    if (!(s in def.states)) out.push(`${where} names unknown state ${s}`);
  };
  const started = new Set<string>();
  for (const c of clockSpecs(def)) started.add(c.name);
  const clock = (where: string, name: string) => {
    if (!started.has(name)) out.push(`${where} names clock ${name}, which no step starts`);
  };
  state('initial', def.initial);
  if (!/^[A-Z]{2,6}$/.test(def.refPrefix)) out.push('refPrefix must be 2–6 capital letters');
  if (def.create.creatable === false && def.create.route) out.push('create: a type no one may create has no registration route');
  for (const [name, t] of Object.entries(def.transitions)) {
    for (const s of [...t.from, t.to]) state(`transition ${name}`, s);
    for (const x of [...(t.who.notSameActorAs ?? []), ...(t.who.aboveOrgOf ? [t.who.aboveOrgOf] : [])]) {
      if (!(x in def.transitions)) out.push(`transition ${name}: who names unknown transition ${x}`);
    }
    if (t.withdrawable && t.clocks?.start?.length) out.push(`${name} starts clocks and cannot be withdrawable`);
    for (const c of t.clocks?.stop ?? []) clock(`transition ${name} (stop)`, c);
    for (const c of t.clocks?.suspend ?? []) clock(`transition ${name} (suspend)`, c.name);
    for (const c of t.clocks?.resume ?? []) clock(`transition ${name} (resume)`, c);
    for (const c of t.clocks?.restart ?? []) clock(`transition ${name} (restart)`, c);
    for (const c of t.clocks?.start ?? []) {
      if (c.onDue && !(c.onDue in def.transitions)) out.push(`clock ${c.name}.onDue names unknown transition ${c.onDue}`);
    }
  }
  for (const s of Object.keys(def.states)) {
    const primaries = Object.entries(def.transitions).filter(([, t]) => t.primary && t.from.includes(s));
    if (primaries.length > 1) out.push(`state ${s} has more than one primary transition (${primaries.map(([n]) => n).join(', ')})`);
  }
  for (const [name, a] of Object.entries(def.actions ?? {})) {
    if (name in def.transitions) out.push(`action ${name} has the name of a transition`);
    for (const s of a.from ?? []) state(`action ${name}`, s);
  }
  for (const s of def.handoff?.from ?? []) state('handoff.from', s);
  for (const s of def.coHandling?.from ?? []) state('coHandling.from', s);
  for (const s of def.returnable?.from ?? []) state('returnable.from', s);
  for (const s of def.returnable?.to ?? []) state('returnable.to', s);
  for (const [step, cfg] of Object.entries(def.signoffs ?? {})) {
    for (const which of ['onApprove', 'onReject'] as const) {
      if (!(cfg[which] in def.transitions)) out.push(`signoff ${step}.${which} names unknown transition ${cfg[which]}`);
    }
  }
  for (const name of Object.keys(def.clockControl?.extendable ?? {})) clock('clockControl.extendable', name);
  return out;
}

/** Every clock the definition's steps start (create first). */
export function clockSpecs(def: WorkflowDefinition): ClockSpec[] {
  return [def.create, ...Object.values(def.transitions)].flatMap((t) => [...(t.clocks?.start ?? [])]);
}

export function workflowOf(type: string): WorkflowDefinition {
  const def = registry.get(type);
  if (!def) throw new Error(`unknown workflow type ${type}`);
  return def;
}

export function registeredWorkflows(): WorkflowDefinition[] {
  return [...registry.values()];
}
