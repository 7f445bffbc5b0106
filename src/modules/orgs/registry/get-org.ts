import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { notFound } from '../../../platform/errors.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { validateUscc } from '../../../kernel/codes/index.ts';
import type { AnnualReportContent } from '../contracts/annual-report.ts';
import { interviewsOf } from './interviews.ts';
import { orgsDb } from '../db.ts';
import { CHANGE_FIELDS, dateText } from '../contract.ts';
import { reasonLabel } from '../credit/credit-rules.ts';
import type { OrgDetail } from '../contracts/http.ts';
import { openLists } from './list-orgs.ts';
import { inspectionNextStep } from '../inspection/inspection-next-step.ts';

/** The organization row in the actor's scope for `permission`, or 404 (existence is not leaked). */
export async function orgInScope(ctx: AppContext, actor: Actor, id: string, permission: string) {
  const row = await orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .selectAll('o')
    .select([
      sql<string>`o.registered_on::text`.as('registered_on_t'),
      sql<string | null>`o.rating_from::text`.as('rating_from_t'),
      sql<string | null>`o.rating_until::text`.as('rating_until_t'),
      sql<string | null>`o.status_on::text`.as('status_on_t'),
    ])
    .where('o.id', '=', id)
    .where(inScope(actor, permission, { areaPath: 'o.authority_area_path' }))
    .executeTakeFirst();
  if (!row) throw notFound('社会组织', 'ORG_NOT_FOUND');
  return row;
}

/** One organization with its change history and credit listings. */
export async function getOrg(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof OrgDetail>> {
  const o = await orgInScope(ctx, actor, id, 'orgs.read');
  const db = orgsDb(ctx.db);
  const authority = await db.selectFrom('core.org_unit').select('name').where('id', '=', o.authority_org_unit_id).executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('orgs.change')
    .selectAll()
    .select(sql<string>`changed_on::text`.as('changed_on_t'))
    .where('organization_id', '=', id)
    .orderBy('changed_on')
    .orderBy('at')
    .execute();
  const listings = await db
    .selectFrom('orgs.credit_listing')
    .selectAll()
    .select([
      sql<string>`listed_on::text`.as('listed_on_t'),
      sql<string | null>`removed_on::text`.as('removed_on_t'),
      sql<string | null>`obligation_met_on::text`.as('met_t'),
    ])
    .where('organization_id', '=', id)
    .orderBy('listed_on')
    .execute();
  const inspections = await db
    .selectFrom('orgs.inspection')
    .select([
      'year',
      'conclusion',
      'reasons',
      'report',
      'submitted_via',
      'supervisor_opinion',
      'supervisor_comment',
      sql<string | null>`supervisor_opinion_on::text`.as('supervisor_opinion_on'),
      sql<string | null>`published_on::text`.as('published_on'),
      sql<string | null>`submitted_on::text`.as('submitted_on'),
      sql<string | null>`reviewed_on::text`.as('reviewed_on'),
      sql<string | null>`concluded_on::text`.as('concluded_on'),
    ])
    .where('organization_id', '=', id)
    .orderBy('year', 'desc')
    .execute();
  const parts = validateUscc(o.uscc);
  const today = chinaDate(ctx.clock.now());
  const lists = await openLists(ctx, [id], today);
  const nextStep = await inspectionNextStep(
    ctx,
    actor,
    {
      name: o.name,
      kind: o.kind,
      status: o.status,
      registeredOn: o.registered_on_t,
      statusOn: o.status_on_t,
      authorityOrgUnitId: o.authority_org_unit_id,
      authorityName: authority.name,
    },
    inspections.map((i) => ({ year: i.year, submittedOn: i.submitted_on, reviewedOn: i.reviewed_on, concludedOn: i.concluded_on })),
    today,
  );
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    uscc: o.uscc,
    usccParts: parts.valid
      ? { orgCode: parts.parts.orgCode, areaCode: parts.parts.areaCode, typeName: parts.parts.typeName }
      : { orgCode: '', areaCode: '', typeName: '' },
    authorityOrgUnitId: o.authority_org_unit_id,
    authorityName: authority.name,
    areaPath: o.authority_area_path,
    supervisorUnit: o.supervisor_unit,
    domicile: o.domicile,
    legalRepresentative: o.legal_representative,
    businessScope: o.business_scope,
    capitalCents: Number(o.capital_cents),
    charity: o.charity,
    publicFundraising: o.public_fundraising,
    rating: o.rating,
    ratingFrom: o.rating_from_t,
    ratingUntil: o.rating_until_t,
    registeredOn: o.registered_on_t,
    certificateNo: o.certificate_no,
    status: o.status,
    statusOn: o.status_on_t,
    version: o.version,
    lists: lists.get(id) ?? [],
    history: history.map((h) => ({
      id: h.id,
      field: h.field,
      fieldLabel: (CHANGE_FIELDS as Record<string, string>)[h.field] ?? (h.field === 'status' ? '状态' : h.field),
      before: h.before,
      after: h.after,
      changedOn: h.changed_on_t,
      act: h.act,
      basis: h.basis,
      at: h.at.toISOString(),
    })),
    interviews: await interviewsOf(ctx, id),
    nextStep,
    inspections: inspections.map((i) => ({
      year: i.year,
      submittedOn: i.submitted_on,
      reviewedOn: i.reviewed_on,
      conclusion: i.conclusion,
      reasons: i.reasons,
      concludedOn: i.concluded_on,
      submittedVia: i.submitted_via,
      publishedOn: i.published_on,
      report: (i.report as AnnualReportContent | null) ?? null,
      supervisorOpinion: i.supervisor_opinion,
      supervisorComment: i.supervisor_comment,
      supervisorOpinionOn: i.supervisor_opinion_on,
    })),
    listings: listings.map((l) => ({
      id: l.id,
      list: l.list,
      reason: l.reason,
      reasonLabel: reasonLabel(l.list, l.reason),
      detail: l.detail,
      obligation: l.obligation,
      listedOn: l.listed_on_t,
      obligationMetOn: l.met_t,
      removedOn: l.removed_on_t,
      removalReason: l.removal_reason,
      movedTo: l.moved_to,
    })),
  };
}
export { dateText };
