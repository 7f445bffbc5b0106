import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { grantsFor, type Actor } from '../../../kernel/identity/index.ts';
import { ITEM_TYPES, POWER_TYPE_CODES } from '../contracts/codes.ts';

export const PowerQuery = z.object({
  asOf: z.iso.date('日期应为 YYYY-MM-DD').optional(),
  typeCode: z.enum(POWER_TYPE_CODES, { error: '权力类型代码应为01–10' }).optional(),
  includeTransferred: z.enum(['true', 'false']).optional(),
});

/** SQL condition: the row lies inside one of the actor's catalogue.read grants (subtree: area path; org: the org unit). */
export function readableArea(actor: Actor, col: string, orgCol: string) {
  const parts = grantsFor(actor, 'catalogue.read').map((g) =>
    g.scope === 'subtree'
      ? sql`(${sql.ref(col)} = ${g.areaPath} or ${sql.ref(col)} like ${g.areaPath.replace(/[\\%_]/g, (c) => '\\' + c) + '.%'})`
      : g.scope === 'org'
        ? sql`${sql.ref(orgCol)} = ${g.orgUnitId}`
        : sql`false`,
  );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** 权责清单 as of a date: powers in force then (started, not yet transferred), or with includeTransferred every started one. */
export async function listPowers(ctx: AppContext, actor: Actor, raw: unknown) {
  const q = parseInput(PowerQuery, raw);
  const asOf = q.asOf ?? chinaDate(ctx.clock.now());
  const r = await sql<Record<string, unknown>>`select p.id, p.code, p.name, p.type_code as "typeCode", p.legal_basis as "legalBasis", p.duties,
      p.accountability, o.name as "officeName", p.area_path as "areaPath", o.org_unit_id as "orgUnitId", p.valid_from::text as "validFrom",
      p.transferred_on::text as "transferredOn", p.transferred_to as "transferredTo"
    from catalogue.power p join catalogue.office o on o.id = p.office_id
    where ${readableArea(actor, 'p.area_path', 'o.org_unit_id')} and p.valid_from <= ${asOf}
      ${q.includeTransferred === 'true' ? sql`` : sql`and (p.transferred_on is null or p.transferred_on > ${asOf})`}
      ${q.typeCode ? sql`and p.type_code = ${q.typeCode}` : sql``}
    order by p.type_code, p.code`.execute(ctx.db);
  const counts: Record<string, number> = {};
  for (const p of r.rows) counts[p.typeCode as string] = (counts[p.typeCode as string] ?? 0) + 1;
  return {
    asOf,
    total: r.rows.length,
    byType: POWER_TYPE_CODES.filter((c) => counts[c]).map((c) => ({ typeCode: c, label: ITEM_TYPES[c], count: counts[c]! })),
    items: r.rows,
  };
}
