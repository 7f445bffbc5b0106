import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../identity/actor.ts';
import { pathLevel } from './case-access.ts';
import { workflowOf } from './define-workflow.ts';

/**
 * Who may act on a case where it is held — the one rule of 「待我处理」 and of 签收: the case is assigned to the actor,
 * or its state opens a holder's move to a permission the actor holds at the unit holding it (a clerk's 受理 or 入户核查,
 * a leader's 审批). The worklist reads it as SQL (`actionableBy`), the case page and the 签收 command in memory
 * (`mayActOn`); both come from `actionableStates`.
 */
export type ActableCase = { type: string; state: string; org_unit_id: string; assignee_id: string | null };

/**
 * Per org unit of the actor and case type, the states from which a move or an action of the holder's is open to the
 * actor (the county clerk's 县级入户核查 at 低保 待确认 counts: she signs for it, the leader then confirms). An action
 * open in every state (no `from`) is not the state's work and does not count, nor is one kept to other levels (that
 * 县级入户核查 is not the township clerk's: a 待确认 case of a township that confirms itself waits for its leader only).
 */
export function actionableStates(actor: Actor, types: readonly string[]): Array<{ orgUnitId: string; type: string; states: string[] }> {
  const out: Array<{ orgUnitId: string; type: string; states: string[] }> = [];
  for (const g of actor.grants) {
    for (const type of types) {
      const states = new Set<string>();
      const def = workflowOf(type);
      for (const t of [...Object.values(def.transitions), ...Object.values(def.actions ?? {})]) {
        const parties = typeof t.who.party === 'string' ? [t.who.party] : (t.who.party ?? ['holder']);
        if (t.who.levels && !t.who.levels.includes(pathLevel(g.areaPath))) continue;
        if ((parties.includes('holder') || parties.includes('any')) && g.permissions.includes(t.who.permission)) (t.from ?? []).forEach((s) => states.add(s));
      }
      if (states.size) out.push({ orgUnitId: g.orgUnitId, type, states: [...states] });
    }
  }
  return out;
}

/** The rule for one case already loaded. */
export function mayActOn(actor: Actor, c: ActableCase): boolean {
  if (c.assignee_id === actor.userId) return true;
  return actionableStates(actor, [c.type]).some((m) => m.orgUnitId === c.org_unit_id && m.states.includes(c.state));
}

/** The rule as a where-clause on `core.case as c`, for the worklist's 「待我处理」. */
export function actionableBy(actor: Actor, types: readonly string[]) {
  const states = actionableStates(actor, types);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      ...states.map((m) => eb.and([eb('c.org_unit_id', '=', m.orgUnitId), eb('c.type', '=', m.type), eb('c.state', 'in', m.states)])),
      eb('c.assignee_id', '=', actor.userId),
    ]);
}
