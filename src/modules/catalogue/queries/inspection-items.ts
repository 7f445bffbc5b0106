import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

export type InspectionItem = { code: string; name: string; objects: string; checkCategory: string | null };

/**
 * The approved 检查实施清单 items an org unit's implementing office keeps (optionally only those whose 监管对象 is
 * `objects`), in code order: what a module's inspection may name as the item it carries out. No scope check.
 */
export async function inspectionItemsOf(ctx: AppContext, q: { orgUnitId: string; objects?: string }): Promise<InspectionItem[]> {
  return (
    await sql<InspectionItem>`select s.code, s.name, s.objects, s.check_category as "checkCategory"
      from catalogue.supervision_item s join catalogue.office o on o.id = s.office_id
      where o.org_unit_id = ${q.orgUnitId} and s.kind = '检查实施清单' and s.status = 'approved'
        ${q.objects ? sql`and s.objects = ${q.objects}` : sql``}
      order by s.code`.execute(ctx.db)
  ).rows;
}
