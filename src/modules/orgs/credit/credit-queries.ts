import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate } from '../../../kernel/calendar/index.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import type { CreditListPage, CreditListsQuery, EligibilityDto, EligibilityQuery } from '../contracts/http.ts';
import { orgInScope } from '../registry/get-org.ts';
import { eligibility, reasonLabel } from './credit-rules.ts';
import { listingsOf, orgFacts } from './credit-store.ts';
import { penaltiesOf } from './penalty-store.ts';

/** GET /api/orgs/:id/eligibility: may it receive a purchase / grant / award on the date, and why. */
export async function orgEligibility(ctx: AppContext, actor: Actor, id: string, q: z.infer<typeof EligibilityQuery>): Promise<z.infer<typeof EligibilityDto>> {
  const day = q.date ?? chinaDate(ctx.clock.now());
  if (!isIsoDate(day)) throw new AppError('VALIDATION_FAILED', 400, `日期“${day}”不正确。`);
  const o = await orgInScope(ctx, actor, id, 'orgs.read');
  const e = eligibility(orgFacts(o), await listingsOf(ctx, id), day, q.for, await penaltiesOf(ctx, id));
  return { organizationId: id, date: day, for: q.for, ...e };
}

/** The listings of one list in the actor's scope: in force today (current=1) or all, newest first. */
export async function creditLists(ctx: AppContext, actor: Actor, q: z.infer<typeof CreditListsQuery>): Promise<z.infer<typeof CreditListPage>> {
  const today = chinaDate(ctx.clock.now());
  let base = orgsDb(ctx.db)
    .selectFrom('orgs.credit_listing as l')
    .innerJoin('orgs.organization as o', 'o.id', 'l.organization_id')
    .where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where('l.list', '=', q.list);
  if (q.current === '1') base = base.where('l.listed_on', '<=', today).where((w) => w.or([w('l.removed_on', 'is', null), w('l.removed_on', '>', today)]));
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select([
      'l.id',
      'l.list',
      'l.reason',
      'l.detail',
      'l.obligation',
      'l.removal_reason',
      'l.moved_to',
      'o.id as organization_id',
      'o.name',
      'o.uscc',
      'o.authority_area_path',
      sql<string>`l.listed_on::text`.as('listed_on'),
      sql<string | null>`l.obligation_met_on::text`.as('met'),
      sql<string | null>`l.removed_on::text`.as('removed_on'),
    ])
    .orderBy('l.listed_on', 'desc')
    .orderBy('l.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      list: r.list,
      reason: r.reason,
      reasonLabel: reasonLabel(r.list, r.reason),
      detail: r.detail,
      obligation: r.obligation,
      listedOn: r.listed_on,
      obligationMetOn: r.met,
      removedOn: r.removed_on,
      removalReason: r.removal_reason,
      movedTo: r.moved_to,
      organizationId: r.organization_id,
      organizationName: r.name,
      uscc: r.uscc,
      areaPath: r.authority_area_path,
    })),
  };
}
