import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { stopCaseClock, type CaseRow } from '../../../kernel/workflow/index.ts';
import { PROPOSAL_ERRORS, SECOND_REPLY_CATEGORIES } from '../contract.ts';
import type {
  ConsentInput,
  ContactInput,
  DisclosureInput,
  ObjectionInput,
  DraftReplyInput,
  ImplementationInput,
  PartOpinionInput,
  RatingInput,
} from './inputs.ts';

const conflict = (code: string, msg: string) => new AppError(code, 409, msg);
const today = (tx: AppContext) => chinaDate(tx.clock.now());

export async function itemOf(tx: AppContext, caseId: string) {
  const r = (
    await sql<{ received_on: string; category: string | null; consent_on: string | null; reworks: number }>`
    select received_on::text as received_on, category, consent_on::text as consent_on, reworks from proposals.item where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('PROPOSAL_NOT_FOUND', 404, PROPOSAL_ERRORS.NOT_FOUND);
  return r;
}

/** 异议退回: within 5 日 of 交办 (the 签收 clock's due date, rolled past rest days), with reasons. */
export async function storeObjection(tx: AppContext, c: CaseRow, input: z.output<typeof ObjectionInput>) {
  const due = (
    await sql<{ due: string | null }>`select due_date::text as due from core.deadline_clock where case_id = ${c.id} and name = 'sign'`.execute(tx.db)
  ).rows[0]?.due;
  if (due && today(tx) > due) throw conflict('PROPOSAL_OBJECTION_LATE', PROPOSAL_ERRORS.OBJECTION_LATE);
  await sql`update proposals.item set objection_reason = ${input.reason} where case_id = ${c.id}`.execute(tx.db);
}

/** 经代表、委员同意延期: recorded once; the 6-month clock (from 交办) replaces the 3-month one. */
export async function storeConsent(tx: AppContext, c: CaseRow, input: z.output<typeof ConsentInput>) {
  const item = await itemOf(tx, c.id);
  if (item.consent_on) throw conflict('PROPOSAL_ALREADY_EXTENDED', PROPOSAL_ERRORS.ALREADY_EXTENDED);
  if (input.consentOn < item.received_on || input.consentOn > today(tx))
    throw badRequest('VALIDATION_FAILED', PROPOSAL_ERRORS.CONSENT_DATE, { field: 'consentOn' });
  await sql`update proposals.item set consent_on = ${input.consentOn}::date, consent_by = ${input.consentedBy} where case_id = ${c.id}`.execute(tx.db);
}

export async function storeContact(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ContactInput>) {
  const item = await itemOf(tx, c.id);
  if (input.metOn < item.received_on || input.metOn > today(tx))
    throw badRequest('VALIDATION_FAILED', '「日期」不能早于交办日期或晚于今天', { field: 'metOn' });
  const id = uuidv7();
  await sql`insert into proposals.contact (id, case_id, met_on, way, people, content, recorded_by_name, created_at)
    values (${id}, ${c.id}, ${input.metOn}::date, ${input.way}, ${input.people}, ${input.content}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
  return { id };
}

/** 拟答复: after 面商/沟通, and (as 主办) once every 协办 / 会办 part has sent its opinion. */
export async function storeDraft(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof DraftReplyInput>) {
  const contacts = (await sql<{ n: number }>`select count(*)::int as n from proposals.contact where case_id = ${c.id}`.execute(tx.db)).rows[0]!.n;
  if (!Number(contacts)) throw conflict('PROPOSAL_NO_CONTACT', PROPOSAL_ERRORS.NO_CONTACT);
  const open = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from core.case_part p join core.case k on k.id = p.child_id where p.parent_id = ${c.id} and not k.terminal`.execute(tx.db)
  ).rows[0]!.n;
  if (Number(open)) throw conflict('PROPOSAL_PARTS_OPEN', PROPOSAL_ERRORS.PARTS_OPEN);
  const round = (await sql<{ n: number }>`select count(*)::int as n from proposals.reply where case_id = ${c.id} and kind = '答复'`.execute(tx.db)).rows[0]!.n;
  await sql`insert into proposals.reply (id, case_id, round, kind, category, text, drafted_by_name, drafted_at)
    values (${uuidv7()}, ${c.id}, ${Number(round) + 1}, '答复', ${input.category}, ${input.text}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
  await sql`update proposals.item set category = ${input.category} where case_id = ${c.id}`.execute(tx.db);
}

/** 领导签发: the latest unsigned reply is signed and sent; the first and last reply days are kept. */
export async function signReply(tx: AppContext, actor: Actor, c: CaseRow) {
  const d = today(tx);
  await sql`update proposals.reply set signed_by_name = ${actor.displayName}, signed_on = ${d}::date
    where id = (select id from proposals.reply where case_id = ${c.id} and kind = '答复' and signed_on is null order by round desc limit 1)`.execute(tx.db);
  await sql`update proposals.item set first_replied_on = coalesce(first_replied_on, ${d}::date), last_replied_on = ${d}::date where case_id = ${c.id}`.execute(
    tx.db,
  );
  // As 协办: the opinion has gone to the 主办 (the clock registerProposal started).
  await stopCaseClock(tx, c, 'lead_reply');
}

/** 征询意见表: the latest rating is the item's; `unsatisfied` tells which transition may record it. */
export async function storeRating(tx: AppContext, actor: Actor, c: CaseRow, input: RatingInput, unsatisfied: boolean) {
  const bad = input.attitude === '不满意' || input.result === '不满意';
  if (bad && !unsatisfied) throw conflict('PROPOSAL_RATED_UNSATISFIED', PROPOSAL_ERRORS.RATED_UNSATISFIED);
  if (!bad && unsatisfied) throw conflict('PROPOSAL_NOT_UNSATISFIED', PROPOSAL_ERRORS.NOT_UNSATISFIED);
  const item = await itemOf(tx, c.id);
  if (input.ratedOn < item.received_on || input.ratedOn > today(tx))
    throw badRequest('VALIDATION_FAILED', '「征询意见表收回日期」不能早于交办日期或晚于今天', { field: 'ratedOn' });
  const round = (await sql<{ n: number }>`select count(*)::int as n from proposals.rating where case_id = ${c.id}`.execute(tx.db)).rows[0]!.n;
  await sql`insert into proposals.rating (id, case_id, round, attitude, result, rated_on, note, recorded_by_name, created_at)
    values (${uuidv7()}, ${c.id}, ${Number(round) + 1}, ${input.attitude}, ${input.result}, ${input.ratedOn}::date, ${input.note ?? null}, ${actor.displayName}, ${tx.clock.now()})`.execute(
    tx.db,
  );
  await sql`update proposals.item set attitude = ${input.attitude}, result = ${input.result}, rated_on = ${input.ratedOn}::date,
    reworks = reworks + ${unsatisfied ? 1 : 0} where case_id = ${c.id}`.execute(tx.db);
}

/** B / C 类: the second reply once carried out (落实情况). */
export async function storeImplementation(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ImplementationInput>) {
  const item = await itemOf(tx, c.id);
  if (!item.category || !SECOND_REPLY_CATEGORIES.includes(item.category))
    throw conflict('PROPOSAL_IMPLEMENTATION_NOT_NEEDED', PROPOSAL_ERRORS.IMPLEMENTATION_NOT_NEEDED);
  if (input.repliedOn < item.received_on || input.repliedOn > today(tx))
    throw badRequest('VALIDATION_FAILED', '「再次答复日期」不能早于交办日期或晚于今天', { field: 'repliedOn' });
  const id = uuidv7();
  await sql`insert into proposals.reply (id, case_id, round, kind, category, text, drafted_by_name, drafted_at, signed_by_name, signed_on)
    values (${id}, ${c.id}, 1, '落实情况', ${item.category}, ${input.text}, ${actor.displayName}, ${tx.clock.now()}, ${actor.displayName}, ${input.repliedOn}::date)`.execute(
    tx.db,
  );
  return { id };
}

/** 办结: B / C 类 only after the 落实情况 reply. */
export async function mustBeClosable(tx: AppContext, c: CaseRow) {
  const item = await itemOf(tx, c.id);
  if (!item.category || !SECOND_REPLY_CATEGORIES.includes(item.category)) return;
  const n = (await sql<{ n: number }>`select count(*)::int as n from proposals.reply where case_id = ${c.id} and kind = '落实情况'`.execute(tx.db)).rows[0]!.n;
  if (!Number(n)) throw conflict('PROPOSAL_IMPLEMENTATION_MISSING', PROPOSAL_ERRORS.IMPLEMENTATION_MISSING);
}

/** A 协办 / 会办 part's opinion to the 主办. */
export async function storePartOpinion(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PartOpinionInput>) {
  await sql`insert into proposals.part_opinion (case_id, opinion, sent_on, by_name, created_at)
    values (${c.id}, ${input.opinion}, ${today(tx)}::date, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
}

/** 答复公开: recorded once the deputy or member agrees; the public list shows only these. */
export async function storeDisclosure(tx: AppContext, c: CaseRow, input: z.output<typeof DisclosureInput>) {
  const item = await itemOf(tx, c.id);
  if (input.agreedOn < item.received_on || input.agreedOn > today(tx))
    throw badRequest('VALIDATION_FAILED', '「代表、委员同意公开日期」不能早于交办日期或晚于今天', { field: 'agreedOn' });
  await sql`update proposals.item set disclosure_agreed_on = ${input.agreedOn}::date where case_id = ${c.id}`.execute(tx.db);
  return { id: c.id };
}
