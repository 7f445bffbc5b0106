import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { TOWNSHIPS } from './demo-households.ts';

async function orgActor(ctx: AppContext, orgCode: string, displayName: string, permissions: string[]): Promise<Actor> {
  const o = (
    await sql<{
      id: string;
      area_code: string;
      area_path: string;
      name: string;
    }>`select id, area_code, area_path, name from core.org_unit where code = ${orgCode}`.execute(ctx.db)
  ).rows[0];
  if (!o) throw new Error(`demo org ${orgCode} missing`);
  return {
    ...SYSTEM_ACTOR,
    username: `demo-${orgCode}`,
    displayName,
    orgUnitId: o.id,
    areaCode: o.area_code,
    areaPath: o.area_path,
    grants: [
      {
        assignmentId: 'demo',
        roleCode: 'demo',
        roleName: '演示',
        orgUnitId: o.id,
        orgUnitName: o.name,
        areaCode: o.area_code,
        areaPath: o.area_path,
        scope: 'subtree',
        permissions,
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
}

export type DemoStaff = { clerk: Actor; lead: Actor };

/** The clerk and the deciding leader of each demo township and of each of their county bureaus. */
export async function demoStaff(ctx: AppContext): Promise<{ townships: Map<string, DemoStaff>; counties: Map<string, DemoStaff> }> {
  const townships = new Map<string, DemoStaff>();
  for (const t of TOWNSHIPS) {
    townships.set(t.org, {
      clerk: await orgActor(ctx, t.org, '乡镇民政经办人（演示）', ['dibao.read', 'dibao.apply', 'dibao.handle']),
      lead: await orgActor(ctx, t.org, '乡镇分管领导（演示）', ['dibao.read', 'dibao.confirm']),
    });
  }
  const counties = new Map<string, DemoStaff>();
  for (const code of new Set(TOWNSHIPS.map((t) => t.county))) {
    counties.set(code, {
      clerk: await orgActor(ctx, `${code}-mzj`, '县民政局经办人（演示）', ['dibao.read', 'dibao.handle']),
      lead: await orgActor(ctx, `${code}-mzj`, '县民政局局长（演示）', ['dibao.read', 'dibao.confirm']),
    });
  }
  return { townships, counties };
}
