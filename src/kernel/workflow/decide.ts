import { z } from 'zod';
import type { Party, TransitionDef, Who, WorkflowDefinition } from './define-workflow.ts';
import type { JsonSchema } from './contract.ts';

/** Facts about the actor relative to one case, computed by the caller (pure input). */
export type PartyFacts = {
  /** Does the actor hold `permission` in the given relation to the case? */
  holds(permission: string, party: Party): boolean;
  /** Area level of the actor's org unit (1 自治区 … 5 村). */
  orgLevel: number;
  /** Did the actor take any of these transitions on the case? (Absent: history not loaded — treated as no.) */
  tookAny?(transitions: readonly string[]): boolean;
  /** Is the actor, holding `permission`, at an org above the one that last took `transition`? null when it was never taken. */
  aboveOrgOf?(transition: string, permission: string, directly?: boolean): boolean | null;
};

export type CaseFacts = { state: string; terminal: boolean; pendingHandoff: boolean };

export type Refusal = {
  ok: false;
  code: 'TRANSITION_UNKNOWN' | 'CASE_CLOSED' | 'PENDING_HANDOFF' | 'STATE_NOT_ALLOWED' | 'NOT_PERMITTED' | 'LEVEL_NOT_ALLOWED' | 'SAME_ACTOR' | 'NOT_ABOVE';
  message: string;
};
export type Decision = { ok: true; to: string; transition: TransitionDef } | Refusal;

/**
 * The pure rule check of a transition: is it defined, allowed from the current state, and may
 * this actor take it? No database, no clock; unit-tested on its own. `party` null: the caller
 * declared that the who-check does not apply (a system move, a sign-off outcome).
 */
export function decide(def: WorkflowDefinition, c: CaseFacts, name: string, party: PartyFacts | null): Decision {
  const t = def.transitions[name];
  if (!t) return { ok: false, code: 'TRANSITION_UNKNOWN', message: `「${def.label}」没有「${name}」这一操作` };
  if (c.terminal) return { ok: false, code: 'CASE_CLOSED', message: '案件已办结，不能再办理' };
  if (c.pendingHandoff) return { ok: false, code: 'PENDING_HANDOFF', message: '案件尚待接收单位签收，签收后才能办理' };
  if (!t.from.includes(c.state)) {
    const here = def.states[c.state]?.label ?? c.state;
    return { ok: false, code: 'STATE_NOT_ALLOWED', message: `当前环节「${here}」不能执行「${t.label}」` };
  }
  const refusal = party ? checkWho(t.who, t.label, party) : null;
  return refusal ?? { ok: true, to: t.to, transition: t };
}

export function checkWho(who: Who, label: string, party: PartyFacts): Refusal | null {
  const parties: readonly Party[] = typeof who.party === 'string' ? [who.party] : (who.party ?? ['holder']);
  if (!parties.some((p) => party.holds(who.permission, p))) {
    const rel = parties.map((p) => ({ holder: '承办单位', supervisor: '上级或督办单位', creator: '登记人', any: '可查看本案' })[p]).join('或');
    return { ok: false, code: 'NOT_PERMITTED', message: `只有${rel}中具有相应权限的人员才能执行「${label}」` };
  }
  if (who.levels && !who.levels.includes(party.orgLevel)) {
    return { ok: false, code: 'LEVEL_NOT_ALLOWED', message: `「${label}」只能由${who.levels.map(levelName).join('、')}级办理` };
  }
  if (who.notSameActorAs?.length && party.tookAny?.(who.notSameActorAs)) {
    return { ok: false, code: 'SAME_ACTOR', message: `「${label}」须由未参与前一环节办理的人员进行` };
  }
  if (who.aboveOrgOf && party.aboveOrgOf?.(who.aboveOrgOf, who.permission, who.directlyAbove) === false) {
    return { ok: false, code: 'NOT_ABOVE', message: `「${label}」须由上一级机关办理` };
  }
  return null;
}

export type AvailableTransition = {
  name: string;
  label: string;
  primary: boolean;
  to: string;
  toLabel: string;
  reasonRequired: boolean;
  inputSchema: JsonSchema | null;
};

/** A form's JSON Schema (registration and transition forms) as the console renders it. */
export const formSchema = (s: z.ZodType): JsonSchema => z.toJSONSchema(s, { unrepresentable: 'any' }) as JsonSchema;

/**
 * The transitions the actor may take now, for the case page's action buttons (with the input's JSON
 * Schema for a form): the normal next step (`primary`) first, then the others in definition order.
 */
export function availableTransitions(def: WorkflowDefinition, c: CaseFacts, party: PartyFacts): AvailableTransition[] {
  return Object.entries(def.transitions)
    .filter(([name]) => decide(def, c, name, party).ok)
    .sort(([, a], [, b]) => Number(!!b.primary) - Number(!!a.primary))
    .map(([name, t]) => ({
      name,
      label: t.label,
      primary: !!t.primary,
      to: t.to,
      toLabel: def.states[t.to]?.label ?? t.to,
      reasonRequired: !!t.reasonRequired,
      inputSchema: t.input ? formSchema(t.input) : null,
    }));
}

function levelName(l: number): string {
  return ['', '自治区', '市', '县', '乡', '村（社区）'][l] ?? String(l);
}
