import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../identity/actor.ts';
import { inScope, pathWithin } from '../identity/scope.ts';
import type { PartyFacts } from './decide.ts';
import type { AppContext } from '../../platform/context.ts';
import type { CaseRow, Who } from './define-workflow.ts';

/** Org units the actor acts for: their home unit and every unit they hold a role at. */
export function actorOrgIds(actor: Actor): string[] {
  return [...new Set([actor.orgUnitId, ...actor.grants.map((g) => g.orgUnitId)])];
}

/**
 * Read filter for cases (alias `c`): the type's read permission within the actor's data scope,
 * or a case the actor's org handed on (转办/交办) — those stay visible, read-only.
 */
export function caseReadable(actor: Actor, readPermission: string) {
  const orgs = actorOrgIds(actor);
  // The handed-on cases as an array computed once (an InitPlan), not a correlated EXISTS: then both
  // branches are index conditions on core.case (area path; primary key) and the planner may
  // combine them (BitmapOr) instead of filtering every row of the type.
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      inScope(actor, readPermission, { areaPath: 'c.area_path', orgUnitId: 'c.org_unit_id', ownerId: 'c.created_by' })(eb),
      sql<SqlBool>`c.id = any(array(select h.case_id from core.case_handoff h where h.from_org_id in (${sql.join(orgs)})))`,
    ]);
}

/** Depth of a dotted area path = its level (1 自治区 … 5 村). */
export const pathLevel = (path: string) => path.split('.').length;

/** Who took each step of a case, and where (for separation of duties). */
export type PriorAct = { transition: string; actorId: string | null; orgPath: string | null };

/** The case's steps in order, with the area path of the acting org. */
export async function priorActs(ctx: AppContext, caseId: string): Promise<PriorAct[]> {
  const rows = await ctx.db
    .selectFrom('core.case_event as e')
    .leftJoin('core.org_unit as o', 'o.id', 'e.org_unit_id')
    .select(['e.transition', 'e.actor_id', 'o.area_path'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ transition: r.transition, actorId: r.actor_id, orgPath: r.area_path }));
}

/** Does a definition's who-rule need the case's history? */
export const needsHistory = (whos: readonly Who[]) => whos.some((w) => w.notSameActorAs?.length || w.aboveOrgOf);

/** The actor's relation to one case, as the pure `decide` needs it (with the history, when separation of duties applies). */
export function partyFacts(
  actor: Actor,
  c: Pick<CaseRow, 'org_unit_id' | 'assignee_id' | 'created_by' | 'area_path'>,
  history?: readonly PriorAct[],
): PartyFacts {
  const atCase = actor.grants.filter((g) => g.orgUnitId === c.org_unit_id);
  return {
    holds(permission, party) {
      const grants = actor.grants.filter((g) => g.permissions.includes(permission));
      if (party === 'any') return grants.length > 0;
      if (party === 'holder') return grants.some((g) => g.orgUnitId === c.org_unit_id) || (grants.length > 0 && c.assignee_id === actor.userId);
      if (party === 'supervisor')
        return grants.some((g) => g.scope === 'subtree' && g.orgUnitId !== c.org_unit_id && pathWithin(c.area_path, g.areaPath) && g.areaPath !== c.area_path);
      return grants.length > 0 && c.created_by === actor.userId;
    },
    orgLevel: pathLevel(atCase[0]?.areaPath ?? actor.areaPath),
    tookAny: history && ((names) => history.some((a) => names.includes(a.transition) && a.actorId === actor.userId)),
    aboveOrgOf:
      history &&
      ((transition, permission, directly) => {
        const last = history.findLast((a) => a.transition === transition);
        if (!last?.orgPath) return null;
        const below = last.orgPath;
        const parent = below.split('.').slice(0, -1).join('.');
        return actor.grants.some(
          (g) => g.permissions.includes(permission) && g.areaPath !== below && pathWithin(below, g.areaPath) && (!directly || g.areaPath === parent),
        );
      }),
  };
}
