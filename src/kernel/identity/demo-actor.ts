import type { AppContext } from '../../platform/context.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';

/** An org unit as the modules' demo seeds act from it. */
export type DemoUnit = { id: string; code: string; name: string; area_code: string; area_path: string };

/** Every org unit by its code, for the demo's actors and offices. */
export async function demoUnits(ctx: AppContext): Promise<Map<string, DemoUnit>> {
  return new Map((await ctx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
}

/** The unit of that code; a demo naming a unit the seeded tree lacks is a mistake in the demo. */
export function demoUnit(units: Map<string, DemoUnit>, code: string): DemoUnit {
  const o = units.get(code);
  if (!o) throw new Error(`演示数据：组织机构 ${code} 不存在`);
  return o;
}

/** The user id of the n-th named demo person (no app_user row: demo seeds act without signing in). */
export function demoUserId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * A demo person acting as the unit's 经办人 with the given permissions over the unit's area. Without a userId
 * the person is the system user under another name, so nothing they write points at a user row.
 */
export function demoActor(o: DemoUnit, who: { displayName: string; permissions: readonly string[]; assignmentId: string; userId?: string }): Actor {
  return {
    ...SYSTEM_ACTOR,
    userId: who.userId ?? SYSTEM_ACTOR.userId,
    username: 'demo',
    displayName: who.displayName,
    orgUnitId: o.id,
    areaCode: o.area_code,
    areaPath: o.area_path,
    grants: [
      {
        assignmentId: who.assignmentId,
        roleCode: 'clerk',
        roleName: '经办人',
        orgUnitId: o.id,
        orgUnitName: o.name,
        areaCode: o.area_code,
        areaPath: o.area_path,
        scope: 'subtree',
        permissions: who.permissions,
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
}
