import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { CaseTable } from '../../platform/db/schema.ts';
import type { Actor } from '../identity/actor.ts';

/** A period rule: N 工作日 / N 日 / N 个月. */
export type PeriodSpec = { unit: 'workdays' | 'days' | 'months'; n: number };

/** A deadline clock a transition starts. */
export type ClockSpec = {
  name: string;
  label: string;
  rule: PeriodSpec;
  /** Text and article, e.g. '《信访工作条例》第二十四条'. */
  legalBasis: string;
  warnWorkdays?: number;
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

/**
 * Who may take a transition. `party`: 'holder' = a member of the org unit holding the case
 * (or its assignee); 'supervisor' = anyone whose grant for the permission covers the case's
 * area (e.g. the level above); 'creator' = the user who created it.
 */
export type Who = {
  permission: string;
  party?: 'holder' | 'supervisor' | 'creator';
  /** Area levels (1 自治区 … 5 村) of the actor's org unit allowed to take it. */
  levels?: readonly number[];
};

export type TransitionDef<I = any> = {
  label: string;
  from: readonly string[];
  to: string;
  who: Who;
  input?: z.ZodType<I>;
  /** Clocks started (by name), stopped, suspended or resumed by this transition. */
  clocks?: {
    start?: readonly ClockSpec[];
    stop?: readonly string[];
    suspend?: readonly { name: string; kind: 'correction' | 'third_party' | 'appraisal' | 'hearing' | 'other'; label: string }[];
    resume?: readonly string[];
  };
  /** Runs in the transition's transaction before the event is written. */
  effect?: (args: EffectArgs<I>) => Promise<CasePatch | void>;
  /** May the actor undo it (撤回) until the next party acts? Only for transitions that start no clock. */
  withdrawable?: boolean;
  /** Reason text required (退回, 不予受理 …). */
  reasonRequired?: boolean;
};

export type StateDef = { label: string; terminal?: boolean };

export type HandoffPolicy = {
  /** States from which 转办/交办 is allowed. */
  from: readonly string[];
  permission: string;
  /** 签收 period for the receiving org. */
  acknowledgeWithin: PeriodSpec;
  /** Period within which the receiver may raise 异议 (not competent) instead of 签收. */
  objectWithin?: PeriodSpec;
  legalBasis: string;
};

export type WorkflowDefinition<S extends string = string> = {
  type: string;
  label: string;
  /** Reference-number prefix, e.g. 'XF' → XF-640104-2019-000123. */
  refPrefix: string;
  states: Record<S, StateDef>;
  initial: NoInfer<S>;
  /** Registering a case: who may, its input, and the clocks that start at once. */
  create: Omit<TransitionDef, 'from' | 'to' | 'withdrawable'> & {
    /** The module's own registration route, when the generic POST /api/cases cannot register it. */
    route?: string;
  };
  transitions: Record<string, TransitionDef>;
  handoff?: HandoffPolicy;
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
  clockControl?: { suspendPermission: string; extendPermission: string; extendable: Record<string, PeriodSpec & { times?: number }> };
  /** 督办: who may supervise and the feedback period the holder gets. */
  supervision?: { permission: string; feedbackWithin: PeriodSpec; legalBasis: string };
  /** Permission to read cases of this type (scope-filtered). */
  readPermission: string;
};

const registry = new Map<string, WorkflowDefinition>();

/** Declare a workflow; the definition is data plus pure checks, so it is unit-testable. */
export function defineWorkflow<S extends string>(def: WorkflowDefinition<S>): WorkflowDefinition<S> {
  for (const [name, t] of Object.entries(def.transitions)) {
    for (const s of [...t.from, t.to]) {
      if (!(s in def.states)) throw new Error(`workflow ${def.type}: transition ${name} names unknown state ${s}`);
    }
    if (t.withdrawable && t.clocks?.start?.length) throw new Error(`workflow ${def.type}: ${name} starts clocks and cannot be withdrawable`);
  }
  if (!(def.initial in def.states)) throw new Error(`workflow ${def.type}: unknown initial state`);
  if (!/^[A-Z]{2,6}$/.test(def.refPrefix)) throw new Error(`workflow ${def.type}: refPrefix must be 2–6 capital letters`);
  registry.set(def.type, def as WorkflowDefinition);
  return def;
}

export function workflowOf(type: string): WorkflowDefinition {
  const def = registry.get(type);
  if (!def) throw new Error(`unknown workflow type ${type}`);
  return def;
}

export function registeredWorkflows(): WorkflowDefinition[] {
  return [...registry.values()];
}
