import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { orgsDb } from '../db.ts';
import type { Listing, OrgFacts } from './credit-rules.ts';
import { CREDIT_LIST_LABEL, CREDIT_REASONS, type CreditList } from '../contract.ts';
import { emitCreditListed } from '../events.ts';

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

/** After a listing is inserted (any path): tell the listeners (主动公开) in the same transaction. */
export async function announceListing(tx: AppContext, listingId: string) {
  const r = (
    await sql<{ list: CreditList; reason: string; listed_on: string; organization_id: string; name: string; uscc: string; authority_org_unit_id: string }>`
    select l.list, l.reason, l.listed_on::text as listed_on, l.organization_id, o.name, o.uscc, o.authority_org_unit_id
    from orgs.credit_listing l join orgs.organization o on o.id = l.organization_id where l.id = ${listingId}`.execute(tx.db)
  ).rows[0]!;
  const reasons = CREDIT_REASONS[r.list] as Record<string, { label: string }>;
  await emitCreditListed(tx, {
    listingId,
    organizationId: r.organization_id,
    orgUnitId: r.authority_org_unit_id,
    organization: r.name,
    uscc: r.uscc,
    listLabel: CREDIT_LIST_LABEL[r.list],
    reasonLabel: reasons[r.reason]?.label ?? r.reason,
    listedOn: r.listed_on,
  });
}
