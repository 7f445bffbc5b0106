import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { orgsDb } from '../db.ts';
import type { Listing, OrgFacts } from './credit-rules.ts';

/** An organization's listings in the shape the rules read. */
export async function listingsOf(ctx: AppContext, organizationId: string): Promise<Listing[]> {
  const rows = await orgsDb(ctx.db)
    .selectFrom('orgs.credit_listing')
    .select([
      'id',
      'list',
      'reason',
      'obligation',
      sql<string>`listed_on::text`.as('listed_on'),
      sql<string | null>`obligation_met_on::text`.as('met'),
      sql<string | null>`removed_on::text`.as('removed_on'),
    ])
    .where('organization_id', '=', organizationId)
    .orderBy('listed_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    list: r.list,
    reason: r.reason,
    obligation: r.obligation,
    listedOn: r.listed_on,
    obligationMetOn: r.met,
    removedOn: r.removed_on,
  }));
}

/** The facts of the organization row the rules read. */
export const orgFacts = (o: {
  status: OrgFacts['status'];
  status_on_t: string | null;
  registered_on_t: string;
  rating: OrgFacts['rating'];
  rating_from_t: string | null;
  rating_until_t: string | null;
}): OrgFacts => ({
  status: o.status,
  statusOn: o.status_on_t,
  registeredOn: o.registered_on_t,
  rating: o.rating,
  ratingFrom: o.rating_from_t,
  ratingUntil: o.rating_until_t,
});
