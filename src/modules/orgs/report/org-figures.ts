import { sql, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { orgsDb, type OrganizationTable, type OrgsTables } from '../db.ts';
import { escapeLike } from '../registry/authority.ts';

/**
 * The report's 社会组织 figures, each with the ids behind it, counted over the organizations the
 * actor may read (orgs.read) whose registering authority lies in the area: its subtree, or only
 * the area's own authority (`own`, e.g. the 全区性 organizations registered by the 民政厅).
 */
export type FigureScope = { actor: Actor; areaPath: string; own?: boolean };
export type Counted = { value: number; ids: string[] };

type OrgEb = ExpressionBuilder<DB & OrgsTables & { o: OrganizationTable }, 'o'>;
const inArea = (s: FigureScope) => (eb: OrgEb) =>
  s.own
    ? eb('o.authority_area_path', '=', s.areaPath)
    : eb.or([eb('o.authority_area_path', '=', s.areaPath), eb('o.authority_area_path', 'like', `${escapeLike(s.areaPath)}.%`)]);
/** Registered on `day`: registered by then and not yet 注销/撤销. */
const registeredOn = (day: string) => (eb: OrgEb) =>
  eb.and([eb('o.registered_on', '<=', day), eb.or([eb('o.status', '=', 'normal'), eb('o.status_on', '>', day)])]);

const orgs = (ctx: AppContext, s: FigureScope) =>
  orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .where(inScope(s.actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where(inArea(s));
const counted = (ids: string[]): Counted => ({ value: ids.length, ids });

/** 登记的社会组织: organizations registered on `day` (registered by then, not 注销/撤销 by then). */
export async function registeredAt(ctx: AppContext, s: FigureScope, day: string): Promise<Counted> {
  const rows = await orgs(ctx, s).where(registeredOn(day)).select('o.id').execute();
  return counted(rows.map((r) => r.id));
}

/** The same, per registering authority's area (the breakdown beside the total). */
export async function registeredByArea(ctx: AppContext, s: FigureScope, day: string): Promise<Array<{ areaPath: string; value: number }>> {
  const rows = await orgs(ctx, s)
    .where(registeredOn(day))
    .groupBy('o.authority_area_path')
    .select(['o.authority_area_path', (eb) => eb.fn.countAll().as('n')])
    .orderBy('o.authority_area_path')
    .execute();
  return rows.map((r) => ({ areaPath: r.authority_area_path, value: Number(r.n) }));
}

/**
 * 2年以上未年检: organizations registered on `day` that had to take part in the two inspections
 * before the year of `day` (registered by 30 June of the first: 民政部令第27号 skips those
 * registered less than six months before the year's end) and have a conclusion for neither by `day`.
 */
export async function uninspectedTwoYears(ctx: AppContext, s: FigureScope, day: string): Promise<Counted> {
  const last = Number(day.slice(0, 4)) - 1;
  const first = last - 1;
  const rows = await orgs(ctx, s)
    .where(registeredOn(day))
    .where('o.registered_on', '<=', `${first}-06-30`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('orgs.inspection as i')
            .select(sql`1`.as('one'))
            .whereRef('i.organization_id', '=', 'o.id')
            .where('i.year', '>=', first)
            .where('i.year', '<=', last)
            .where('i.conclusion', 'is not', null)
            .where('i.concluded_on', '<=', day),
        ),
      ),
    )
    .select('o.id')
    .execute();
  return counted(rows.map((r) => r.id));
}

/**
 * 名称清理规范: the 变更登记 cases that renamed an organization (更名) or the 注销登记 cases,
 * filed as part of the name clean-up campaign (`campaign: 'name_cleanup'`) and approved
 * (准予登记) between `from` and `to`. The ids are the cases'.
 */
export async function cleanupCases(ctx: AppContext, s: FigureScope, what: 'renamed' | 'deregistered', from: string, to: string): Promise<Counted> {
  const rows = await orgsDb(ctx.db)
    .selectFrom('orgs.application as a')
    .innerJoin('orgs.organization as o', 'o.id', 'a.organization_id')
    .where(inScope(s.actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where(inArea(s))
    .where('a.procedure', '=', what === 'renamed' ? 'change' : 'deregister')
    .where('a.decision', '=', '准予登记')
    .where('a.decided_on', '>=', from)
    .where('a.decided_on', '<=', to)
    .where(sql<SqlBool>`a.payload->>'campaign' = 'name_cleanup'`)
    .$if(what === 'renamed', (q) => q.where(sql<SqlBool>`a.payload->'changes'->>'name' is not null`))
    .select('a.case_id')
    .execute();
  return counted(rows.map((r) => r.case_id));
}
