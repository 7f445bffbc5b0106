import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { PROPOSAL_ERRORS, PROPOSAL_TYPE } from '../contract.ts';
import { HEAD, headDto, type HeadRow } from './list-proposals.ts';

const ROLE_LABEL: Record<string, string> = { lead: '主办', assist: '协办', joint: '会办' };

/** One item with its 面商 records, replies, ratings and its 协办 / 会办 parts' opinions; 404 outside the actor's scope. */
export async function getProposal(ctx: AppContext, actor: Actor, id: string) {
  const readable = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where('c.type', '=', PROPOSAL_TYPE)
    .where(caseReadable(actor, 'proposals.read'))
    .executeTakeFirst();
  if (!readable) throw new AppError('PROPOSAL_NOT_FOUND', 404, PROPOSAL_ERRORS.NOT_FOUND);
  const r = (
    await sql<HeadRow & Record<string, unknown>>`select ${HEAD}, i.delegation, i.summary, i.lead_office, i.first_replied_on::text as first_replied_on,
      i.consent_on::text as consent_on, i.consent_by, i.objection_reason, i.attitude, i.rated_on::text as rated_on, i.reworks,
      i.disclosure_agreed_on::text as disclosure_agreed_on
    from core.case c join proposals.item i on i.case_id = c.id join core.org_unit o on o.id = c.org_unit_id where c.id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!r) throw new AppError('PROPOSAL_NOT_FOUND', 404, PROPOSAL_ERRORS.NOT_FOUND);
  const q = async <T>(s: ReturnType<typeof sql<T>>) => (await s.execute(ctx.db)).rows;
  const contacts = await q(sql<{ id: string; metOn: string; way: string; people: string; content: string; recordedBy: string }>`
    select id, met_on::text as "metOn", way, people, content, recorded_by_name as "recordedBy" from proposals.contact where case_id = ${id} order by met_on, created_at`);
  const replies = await q(sql<{
    round: number;
    kind: string;
    category: string | null;
    text: string;
    draftedBy: string;
    signedBy: string | null;
    signedOn: string | null;
  }>`select round, kind, category, text, drafted_by_name as "draftedBy", signed_by_name as "signedBy", signed_on::text as "signedOn"
    from proposals.reply where case_id = ${id} order by drafted_at`);
  const ratings = await q(sql<{ round: number; attitude: string; result: string; ratedOn: string; note: string | null }>`
    select round, attitude, result, rated_on::text as "ratedOn", note from proposals.rating where case_id = ${id} order by round`);
  const parts = await q(sql<{
    caseId: string;
    role: string;
    orgUnitName: string;
    state: string;
    dueDate: string | null;
    opinion: string | null;
    sentOn: string | null;
  }>`
    select k.id as "caseId", p.role, o.name as "orgUnitName", k.state, k.due_date::text as "dueDate", po.opinion, po.sent_on::text as "sentOn"
    from core.case_part p join core.case k on k.id = p.child_id join core.org_unit o on o.id = k.org_unit_id
    left join proposals.part_opinion po on po.case_id = k.id where p.parent_id = ${id} order by p.created_at`);
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    ...headDto(r),
    delegation: s(r.delegation),
    summary: String(r.summary),
    leadOffice: s(r.lead_office),
    firstRepliedOn: s(r.first_replied_on),
    consentOn: s(r.consent_on),
    consentBy: s(r.consent_by),
    objectionReason: s(r.objection_reason),
    attitude: s(r.attitude),
    ratedOn: s(r.rated_on),
    reworks: Number(r.reworks),
    disclosureAgreedOn: s(r.disclosure_agreed_on),
    contacts,
    replies: replies.map((x) => ({ ...x, round: Number(x.round) })),
    ratings: ratings.map((x) => ({ ...x, round: Number(x.round) })),
    partOpinions: parts.map((p) => ({ ...p, role: ROLE_LABEL[p.role] ?? p.role })),
  };
}
