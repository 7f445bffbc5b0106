import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Penalty } from './penalty-rules.ts';

export type PenaltyRow = Penalty & {
  id: string;
  article: string;
  basis: string;
  documentNo: string | null;
  facts: string;
  confiscationCents: number | null;
  confiscated: boolean;
  dismissal: boolean;
  /** The enforcement case that decided it, or null when recorded here. */
  caseId: string | null;
  listingIds: string[];
};

/** An organization's penalty decisions (other than 撤销登记), oldest first. */
export async function penaltiesOf(ctx: AppContext, organizationId: string): Promise<PenaltyRow[]> {
  const rows = (
    await sql<any>`select *, decided_on::text as decided_t, suspended_until::text as until_t from orgs.penalty
      where organization_id = ${organizationId} order by decided_on, created_at`.execute(ctx.db)
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    decidedOn: r.decided_t,
    article: r.article,
    basis: r.basis,
    documentNo: r.document_no,
    facts: r.facts,
    warning: r.warning,
    fineCents: r.fine_cents == null ? null : Number(r.fine_cents),
    confiscationCents: r.confiscation_cents == null ? null : Number(r.confiscation_cents),
    confiscated: r.confiscated,
    suspendedUntil: r.until_t,
    dismissal: r.dismissal,
    caseId: r.case_id ?? null,
    listingIds: typeof r.listing_ids === 'string' ? JSON.parse(r.listing_ids) : r.listing_ids,
  }));
}
