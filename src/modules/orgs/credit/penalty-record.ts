import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { PENALTY_MEASURE_LABEL, penaltyListings, type PenaltyMeasure } from './penalty-rules.ts';
import { penaltiesOf } from './penalty-store.ts';
import { announceListing } from './credit-store.ts';

export type PenaltyFacts = {
  decidedOn: string;
  article: string;
  /** The legal basis as the decision states it. */
  basis: string;
  documentNo: string | null;
  facts: string;
  measures: PenaltyMeasure[];
  fineCents: number | null;
  confiscationCents: number | null;
  suspendedUntil: string | null;
  /** The enforcement case that decided it (null: recorded here, a decision already made). */
  caseId: string | null;
};

type Org = { id: string; authority_area_path: string; authority_org_unit_id: string };

/**
 * Stores a penalty decision against an organization and the listings of 民政部令第60号 that follow it the same day
 * (penaltyListings), each announced; audited. Used by the direct recording and by enforcement's PenaltyDecided.
 */
export async function storePenalty(tx: AppContext, actor: Actor, o: Org, p: PenaltyFacts) {
  const has = (m: PenaltyMeasure) => p.measures.includes(m);
  const penalty = { decidedOn: p.decidedOn, warning: has('warning'), fineCents: p.fineCents, suspendedUntil: p.suspendedUntil };
  const listings = penaltyListings(penalty, await penaltiesOf(tx, o.id)).map((l) => ({ ...l, id: randomUUID() }));
  const basis = `${p.documentNo ? `${p.documentNo}；` : ''}${p.basis}`;
  const id = randomUUID();
  await sql`insert into orgs.penalty (id, organization_id, decided_on, article, basis, document_no, facts, warning, fine_cents, confiscation_cents,
      confiscated, suspended_until, dismissal, listing_ids, case_id, created_by)
    values (${id}, ${o.id}, ${p.decidedOn}::date, ${p.article}, ${p.basis}, ${p.documentNo}, ${p.facts}, ${penalty.warning}, ${p.fineCents},
      ${p.confiscationCents}, ${has('confiscation')}, ${p.suspendedUntil}::date, ${has('dismissal')}, ${JSON.stringify(listings.map((l) => l.id))}::jsonb,
      ${p.caseId}, ${userRef(actor)})`.execute(tx.db);
  const what = p.measures.map((m) => PENALTY_MEASURE_LABEL[m]).join('、');
  for (const l of listings) {
    await sql`insert into orgs.credit_listing (id, organization_id, list, reason, detail, obligation, listed_on, listed_by)
      values (${l.id}, ${o.id}, ${l.list}, ${l.reason}, ${`${basis}：${what}。${p.facts}`}, false, ${p.decidedOn}::date, ${userRef(actor)})`.execute(tx.db);
    await announceListing(tx, l.id);
  }
  await recordAudit(tx, {
    actor,
    action: 'orgs.organization.penalize',
    entityType: 'orgs_organization',
    entityId: o.id,
    areaPath: o.authority_area_path,
    orgUnitId: o.authority_org_unit_id,
    after: {
      penaltyId: id,
      decidedOn: p.decidedOn,
      measures: p.measures,
      basis,
      fineCents: p.fineCents,
      suspendedUntil: p.suspendedUntil,
      caseId: p.caseId,
      listings,
    },
    reason: p.facts,
  });
  return { id, basis, listings };
}
