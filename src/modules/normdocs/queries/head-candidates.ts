import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, NORMDOC_TYPE } from '../contract.ts';

/**
 * Who may sit in the heads' 会签 of a document: active users of the issuing body's area (the 厅 for
 * its divisions, a city bureau for its own) holding a role with `normdocs.sign`; 404 outside scope.
 */
export async function headCandidates(ctx: AppContext, actor: Actor, id: string) {
  const c = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .select(['c.id', 'o.area_code'])
    .where('c.id', '=', id)
    .where('c.type', '=', NORMDOC_TYPE)
    .where(caseReadable(actor, 'normdocs.read'))
    .executeTakeFirst();
  if (!c) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  const now = ctx.clock.now();
  const items = (
    await sql<{ userId: string; name: string; orgUnitName: string }>`
    select distinct u.id as "userId", u.display_name as name, o.name as "orgUnitName"
    from core.app_user u join core.role_assignment a on a.user_id = u.id join core.role r on r.code = a.role_code
      join core.org_unit o on o.id = a.org_unit_id
    where u.status = 'active' and o.area_code = ${c.area_code} and 'normdocs.sign' = any(r.permissions)
      and a.revoked_at is null and a.valid_from <= ${now} and (a.valid_to is null or a.valid_to > ${now})
    order by o.name, u.display_name`.execute(ctx.db)
  ).rows;
  return { items };
}
