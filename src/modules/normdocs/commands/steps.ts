import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { nextNumber, runTransition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { currentCalendar } from '../../../kernel/calendar/index.ts';
import { NORMDOC_ERRORS, PROVISIONAL_VALIDITY_YEARS, REVIEW_MIN_WORKDAYS, VALIDITY_YEARS, formatNumber, isProvisional } from '../contract.ts';
import { addDays, validityEnd } from './dates.ts';
import { emitNormdocPublished } from '../events.ts';
import {
  currentVersion,
  docOf,
  mustBeNumbered,
  mustBePublished,
  mustBeLegalSigned,
  mustBeSigned,
  mustHaveConsultation,
  mustHavePassedReview,
  today,
} from './gates.ts';
import { readNormdocSettings } from './settings.ts';
import type {
  CommentInput,
  ConsultationInput,
  DispositionInput,
  FilingInput,
  MeetingInput,
  PublishInput,
  ReviewPassInput,
  ReviewReturnInput,
  VersionInput,
} from './inputs.ts';

const bad = (field: string, msg: string) => badRequest('VALIDATION_FAILED', msg, { field });
const notFuture = (tx: AppContext, d: string, field: string, title: string) => {
  if (d > today(tx)) throw bad(field, NORMDOC_ERRORS.DATE_FUTURE(title));
};

export async function addVersion(tx: AppContext, actor: Actor, caseId: string, text: string, note: string | null, source: '起草' | '审核修改') {
  const v = await currentVersion(tx, caseId);
  if (v) {
    const last = (await sql<{ text: string }>`select text from normdocs.version where case_id = ${caseId} and version_no = ${v}`.execute(tx.db)).rows[0]!;
    if (last.text === text) throw new AppError('NORMDOC_NO_CHANGE', 409, NORMDOC_ERRORS.NO_CHANGE);
  }
  await sql`insert into normdocs.version (case_id, version_no, text, note, source, by_name, created_at)
    values (${caseId}, ${v + 1}, ${text}, ${note}, ${source}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
  return { versionNo: v + 1 };
}

/** 起草: a new version of the draft. */
export const storeVersion = (tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof VersionInput>) =>
  addVersion(tx, actor, c.id, input.text, input.note, '起草');

/** 征求意见: once per document, at least the configured number of days (start day excluded). */
export async function openConsultation(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ConsultationInput>) {
  const exists = (await sql`select 1 from normdocs.consultation where case_id = ${c.id}`.execute(tx.db)).rows.length;
  if (exists) throw new AppError('NORMDOC_CONSULTATION_EXISTS', 409, NORMDOC_ERRORS.CONSULTATION_EXISTS);
  const { consultationMinDays: n } = await readNormdocSettings(tx);
  if (input.endOn < addDays(input.startOn, n)) throw bad('endOn', NORMDOC_ERRORS.CONSULT_TOO_SHORT(n));
  if (input.way !== '公开征求意见' && !input.targets) throw bad('targets', '定向征求意见的，请填写「征求意见对象」');
  await sql`insert into normdocs.consultation (case_id, way, targets, start_on, end_on, min_days, version_no, by_name, created_at)
    values (${c.id}, ${input.way}, ${input.targets ?? null}, ${input.startOn}::date, ${input.endOn}::date, ${n}, ${await currentVersion(tx, c.id)},
      ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
}

export async function storeComment(tx: AppContext, c: CaseRow, input: z.output<typeof CommentInput>) {
  const k = (
    await sql<{
      s: string;
      e: string;
      way: string;
    }>`select start_on::text as s, end_on::text as e, way from normdocs.consultation where case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!k) throw new AppError('NORMDOC_NO_CONSULTATION', 409, NORMDOC_ERRORS.NO_CONSULTATION);
  if (input.channel === '定向征求' && k.way === '公开征求意见') throw new AppError('NORMDOC_NOT_TARGETED', 409, NORMDOC_ERRORS.NOT_TARGETED);
  notFuture(tx, input.receivedOn, 'receivedOn', '收到日期');
  if (input.receivedOn < k.s || input.receivedOn > k.e) throw bad('receivedOn', '「收到日期」须在征求意见期限内');
  const id = uuidv7();
  await sql`insert into normdocs.comment (id, case_id, commenter, content, received_on, channel, created_at)
    values (${id}, ${c.id}, ${input.commenter}, ${input.content}, ${input.receivedOn}::date, ${input.channel}, ${tx.clock.now()})`.execute(tx.db);
  return { id };
}

/** The drafter's disposition of one comment (采纳 / 部分采纳 / 不采纳, with reasons). */
export async function storeDisposition(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof DispositionInput>) {
  const r = await sql`update normdocs.comment set disposition = ${input.disposition}, reason = ${input.reason}, disposed_by_name = ${actor.displayName},
    disposed_at = ${tx.clock.now()} where id = ${input.commentId} and case_id = ${c.id}`.execute(tx.db);
  if (!Number(r.numAffectedRows)) throw new AppError('NORMDOC_COMMENT_NOT_FOUND', 404, NORMDOC_ERRORS.COMMENT_NOT_FOUND);
  return { id: input.commentId };
}

/** 送合法性审核: only after a completed consultation; each round reviews the current version. */
export async function submitForReview(tx: AppContext, c: CaseRow) {
  await mustHaveConsultation(tx, c.id);
  const round = Number((await sql<{ n: number }>`select count(*)::int as n from normdocs.review where case_id = ${c.id}`.execute(tx.db)).rows[0]!.n) + 1;
  await sql`insert into normdocs.review (id, case_id, round, version_no, submitted_on) values (${uuidv7()}, ${c.id}, ${round}, ${await currentVersion(tx, c.id)}, ${today(tx)}::date)`.execute(
    tx.db,
  );
}

async function openRound(tx: AppContext, caseId: string) {
  const r = (
    await sql<{ id: string; submittedOn: string }>`select id, submitted_on::text as "submittedOn" from normdocs.review
      where case_id = ${caseId} and conclusion is null order by round desc limit 1`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('NORMDOC_NOT_IN_REVIEW', 409, NORMDOC_ERRORS.NOT_IN_REVIEW);
  return r;
}

/** 合法性审核 通过 / 修改后通过 (the reviewer's marked-up text becomes the next version, the one that passed). */
export async function passReview(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ReviewPassInput>) {
  const { id, submittedOn } = await openRound(tx, c.id);
  if (input.conclusion === '修改后通过' && !input.revisedText) throw bad('revisedText', '修改后通过的，请填写「修改后文本」');
  if (input.conclusion === '通过' && input.checklist.some((x) => !x.ok)) throw bad('checklist', NORMDOC_ERRORS.CHECKLIST_FAILED);
  const earliest = (await currentCalendar(tx)).addWorkdays(submittedOn, REVIEW_MIN_WORKDAYS, null);
  if (today(tx) < earliest) throw new AppError('NORMDOC_REVIEW_TOO_EARLY', 409, NORMDOC_ERRORS.REVIEW_TOO_EARLY(earliest));
  let versionNo = await currentVersion(tx, c.id);
  if (input.revisedText)
    versionNo = (await addVersion(tx, actor, c.id, input.revisedText, `合法性审核修改：${input.opinion}`.slice(0, 2000), '审核修改')).versionNo;
  await sql`update normdocs.review set conclusion = ${input.conclusion}, opinion = ${input.opinion}, reviewed_by_name = ${actor.displayName},
    reviewed_on = ${today(tx)}::date, version_no = ${versionNo}, checklist = ${JSON.stringify(input.checklist)}::jsonb where id = ${id}`.execute(tx.db);
}

/** 不予通过: back to the drafter with the opinion and the checklist. */
export async function returnReview(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ReviewReturnInput>) {
  const { id } = await openRound(tx, c.id);
  await sql`update normdocs.review set conclusion = '不予通过', opinion = ${input.opinion}, reviewed_by_name = ${actor.displayName},
    reviewed_on = ${today(tx)}::date, checklist = ${JSON.stringify(input.checklist)}::jsonb where id = ${id}`.execute(tx.db);
}

/** 集体审议: the meeting record, after a passed 合法性审核. */
export async function storeMeeting(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof MeetingInput>) {
  const passedOn = await mustHavePassedReview(tx, c.id);
  notFuture(tx, input.metOn, 'metOn', '会议日期');
  if (input.metOn < passedOn) throw bad('metOn', '「会议日期」不能早于合法性审核通过日期');
  await sql`insert into normdocs.meeting (case_id, met_on, name, attendees, decision, version_no, recorded_by_name, created_at)
    values (${c.id}, ${input.metOn}::date, ${input.name}, ${input.attendees}, ${input.decision}, ${await currentVersion(tx, c.id)}, ${actor.displayName}, ${tx.clock.now()})
    on conflict (case_id) do update set met_on = excluded.met_on, name = excluded.name, attendees = excluded.attendees, decision = excluded.decision,
      version_no = excluded.version_no, recorded_by_name = excluded.recorded_by_name, created_at = excluded.created_at`.execute(tx.db);
}

/** 签发 by the leader, after 政策法规处签字. */
export async function signDocument(tx: AppContext, actor: Actor, c: CaseRow) {
  await mustBeLegalSigned(tx, c.id);
  await sql`update normdocs.document set signed_by_name = ${actor.displayName}, signed_on = ${today(tx)}::date where case_id = ${c.id}`.execute(tx.db);
}

/** 登记编号: the next number of the issuing body's gapless series of the year (a rolled-back move gives it back). */
export async function numberDocument(tx: AppContext, c: CaseRow) {
  const d = await mustBeSigned(tx, c.id);
  await assignNumber(tx, c.id, d.series_word);
}

/** The next number of the series for today's year, written on the document (also a continuation's 重新登记). */
export async function assignNumber(tx: AppContext, caseId: string, seriesWord: string) {
  const day = today(tx);
  const year = Number(day.slice(0, 4));
  const n = await nextNumber(tx, `normdocs:${seriesWord}`, year);
  const number = formatNumber(seriesWord, year, n);
  await sql`update normdocs.document set number_year = ${year}, number_seq = ${n}, number = ${number}, numbered_on = ${day}::date where case_id = ${caseId}`.execute(
    tx.db,
  );
  return number;
}

/** 公布: with the effective date and 有效期至 (≤ 5 years; 暂行、试行 ≤ 2). */
export async function publishDocument(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PublishInput>) {
  const d = await mustBeNumbered(tx, c.id);
  notFuture(tx, input.publishedOn, 'publishedOn', '公布日期');
  if (d.signed_on && input.publishedOn < d.signed_on) throw bad('publishedOn', NORMDOC_ERRORS.PUBLISH_BEFORE_SIGN);
  if (input.effectiveOn < input.publishedOn) throw bad('effectiveOn', NORMDOC_ERRORS.EFFECTIVE_BEFORE_PUBLISH);
  const years = isProvisional(d.title) ? PROVISIONAL_VALIDITY_YEARS : VALIDITY_YEARS;
  const ceiling = validityEnd(input.effectiveOn, years);
  const validUntil = input.validUntil ?? ceiling;
  if (validUntil > ceiling || validUntil < input.effectiveOn) throw bad('validUntil', NORMDOC_ERRORS.VALIDITY(years));
  await sql`update normdocs.document set published_on = ${input.publishedOn}::date, effective_on = ${input.effectiveOn}::date,
    valid_until = ${validUntil}::date, published_in = ${input.publishedIn} where case_id = ${c.id}`.execute(tx.db);
  await emitNormdocPublished(tx, {
    caseId: c.id,
    orgUnitId: c.org_unit_id,
    number: d.number,
    title: d.title,
    publishedOn: input.publishedOn,
    effectiveOn: input.effectiveOn,
    validUntil,
    publishedIn: input.publishedIn,
  });
  // A revision replaces the document it revises (if still in force) from its own 施行日期.
  const old = (
    await sql<{ id: string }>`select o.case_id as id from normdocs.document n join normdocs.document o on o.case_id = n.revises_case_id
      join core.case oc on oc.id = o.case_id where n.case_id = ${c.id} and oc.state in ('published', 'filed')`.execute(tx.db)
  ).rows[0];
  if (old) await runTransition(tx, actor, { caseId: old.id, name: 'supersede', input: { byCaseId: c.id }, skipWho: true });
}

/** 备案: after publication. */
export async function fileDocument(tx: AppContext, c: CaseRow, input: z.output<typeof FilingInput>) {
  const d = await mustBePublished(tx, c.id);
  notFuture(tx, input.filedOn, 'filedOn', '报送备案日期');
  if (input.filedOn < d.published_on!) throw bad('filedOn', '「报送备案日期」不能早于公布日期');
  await sql`update normdocs.document set filed_on = ${input.filedOn}::date, filed_with = ${input.filedWith} where case_id = ${c.id}`.execute(tx.db);
}

export { docOf };
