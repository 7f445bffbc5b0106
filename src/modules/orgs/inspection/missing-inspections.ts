import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KINDS } from '../contract.ts';
import { page } from '../contracts/http.ts';

export const MissingQuery = z.object({
  year: z.coerce.number('年度应为数字').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确').optional(),
  years: z.coerce.number().int().min(1, '连续年数至少为1').max(10, '连续年数最多为10').default(1),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const MissingItem = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  kind: z.enum(ORG_KINDS),
  areaPath: z.string(),
  authorityName: z.string(),
  registeredOn: z.string(),
  lastConcludedYear: z.number().nullable(),
});
export const MissingPage = page(MissingItem).extend({ year: z.number(), years: z.number() });

/**
 * The organizations in scope that took part in each of the `years` inspections ending with `year`
 * (registered by 30 June of the first of them, still registered at the end of `year`) and have a
 * conclusion for none of them: years=1 is the sweep of the missing ones, years=2 the
 * “two years or more un-inspected” list. `year` defaults to last year.
 */
export async function missingInspections(ctx: AppContext, actor: Actor, q: z.infer<typeof MissingQuery>): Promise<z.infer<typeof MissingPage>> {
  const year = q.year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4)) - 1;
  const first = year - q.years + 1;
  const base = orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where('o.registered_on', '<=', `${first}-06-30`)
    .where((eb) => eb.or([eb('o.status', '=', 'normal'), eb('o.status_on', '>', `${year}-12-31`)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('orgs.inspection as i')
            .select(sql`1`.as('one'))
            .whereRef('i.organization_id', '=', 'o.id')
            .where('i.year', '>=', first)
            .where('i.year', '<=', year)
            .where('i.conclusion', 'is not', null),
        ),
      ),
    );
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .select([
      'o.id',
      'o.name',
      'o.uscc',
      'o.kind',
      'o.authority_area_path',
      'u.name as authority_name',
      sql<string>`o.registered_on::text`.as('registered_on'),
      sql<number | null>`(select max(i.year) from orgs.inspection i where i.organization_id = o.id and i.conclusion is not null)`.as('last_year'),
    ])
    .orderBy('o.authority_area_path')
    .orderBy('o.name')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    year,
    years: q.years,
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      kind: r.kind,
      areaPath: r.authority_area_path,
      authorityName: r.authority_name,
      registeredOn: r.registered_on,
      lastConcludedYear: r.last_year === null ? null : Number(r.last_year),
    })),
  };
}
