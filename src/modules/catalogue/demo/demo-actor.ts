import type { AppContext } from '../../../platform/context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';

export type DemoUnit = { id: string; code: string; name: string; area_code: string; area_path: string };

/** Every org unit by its code, for the demo's actors and offices. */
export async function demoUnits(tx: AppContext): Promise<Map<string, DemoUnit>> {
  return new Map((await tx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
}

/** A named demo person of a unit (user id from n) acting as its 经办人 with the given permissions over the unit's area. */
export function demoActor(o: DemoUnit, who: string, n: number, permissions: string[], assignmentId: string): Actor {
  const grant = {
    assignmentId,
    roleCode: 'clerk',
    roleName: '经办人',
    orgUnitId: o.id,
    orgUnitName: o.name,
    areaCode: o.area_code,
    areaPath: o.area_path,
    scope: 'subtree' as const,
    permissions,
    delegatedBy: null,
    validTo: null,
  };
  return {
    ...SYSTEM_ACTOR,
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    username: 'demo',
    displayName: `${o.name}${who}`,
    orgUnitId: o.id,
    areaCode: o.area_code,
    areaPath: o.area_path,
    grants: [grant],
  };
}
