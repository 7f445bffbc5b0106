import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { NORMDOC_ERRORS } from '../contract.ts';

/** The hard gates: each step checks the evidence of the one before it in the module's tables (409 naming it). */
const gate = (code: string, msg: string) => new AppError(code, 409, msg);
export const today = (tx: AppContext) => chinaDate(tx.clock.now());

export type DocRow = {
  title: string;
  series_word: string;
  number: string | null;
  signed_on: string | null;
  published_on: string | null;
};
export async function docOf(tx: AppContext, caseId: string): Promise<DocRow> {
  const r = (
    await sql<DocRow>`select title, series_word, number, signed_on::text as signed_on, published_on::text as published_on
      from normdocs.document where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  return r;
}

export async function currentVersion(tx: AppContext, caseId: string): Promise<number> {
  return Number(
    (await sql<{ n: number }>`select coalesce(max(version_no), 0)::int as n from normdocs.version where case_id = ${caseId}`.execute(tx.db)).rows[0]!.n,
  );
}

/** 征求意见 done: a consultation whose period has ended, every comment disposed of. */
export async function mustHaveConsultation(tx: AppContext, caseId: string) {
  const c = (await sql<{ end_on: string }>`select end_on::text as end_on from normdocs.consultation where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (!c) throw gate('NORMDOC_NO_CONSULTATION', NORMDOC_ERRORS.NO_CONSULTATION);
  if (today(tx) <= c.end_on) throw gate('NORMDOC_CONSULTATION_RUNNING', NORMDOC_ERRORS.CONSULTATION_RUNNING);
  const open = (await sql<{ n: number }>`select count(*)::int as n from normdocs.comment where case_id = ${caseId} and disposition is null`.execute(tx.db))
    .rows[0]!.n;
  if (Number(open)) throw gate('NORMDOC_COMMENTS_OPEN', NORMDOC_ERRORS.COMMENTS_OPEN);
}

/** 合法性审核 passed (通过 / 修改后通过) on the current text; returns the day it passed. */
export async function mustHavePassedReview(tx: AppContext, caseId: string): Promise<string> {
  const r = (
    await sql<{ conclusion: string | null; version_no: number; reviewed_on: string | null }>`
    select conclusion, version_no, reviewed_on::text as reviewed_on from normdocs.review where case_id = ${caseId} order by round desc limit 1`.execute(tx.db)
  ).rows[0];
  const v = await currentVersion(tx, caseId);
  if (!r || !r.reviewed_on || (r.conclusion !== '通过' && r.conclusion !== '修改后通过') || Number(r.version_no) !== v)
    throw gate('NORMDOC_NO_REVIEW', NORMDOC_ERRORS.NO_REVIEW);
  return r.reviewed_on;
}

export async function mustHaveMeeting(tx: AppContext, caseId: string) {
  const r = (await sql<{ met_on: string }>`select met_on::text as met_on from normdocs.meeting where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (!r) throw gate('NORMDOC_NO_MEETING', NORMDOC_ERRORS.NO_MEETING);
  return r.met_on;
}

export async function mustBeSigned(tx: AppContext, caseId: string) {
  const d = await docOf(tx, caseId);
  if (!d.signed_on) throw gate('NORMDOC_NOT_SIGNED', NORMDOC_ERRORS.NOT_SIGNED);
  return d;
}
export async function mustBeNumbered(tx: AppContext, caseId: string) {
  const d = await docOf(tx, caseId);
  if (!d.number) throw gate('NORMDOC_NOT_NUMBERED', NORMDOC_ERRORS.NOT_NUMBERED);
  return d;
}
export async function mustBePublished(tx: AppContext, caseId: string) {
  const d = await docOf(tx, caseId);
  if (!d.published_on) throw gate('NORMDOC_NOT_PUBLISHED', NORMDOC_ERRORS.NOT_PUBLISHED);
  return d;
}

export async function mustBeLegalSigned(tx: AppContext, caseId: string) {
  const r = (await sql<{ on: string | null }>`select legal_signed_on::text as "on" from normdocs.document where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (!r?.on) throw gate('NORMDOC_NOT_LEGAL_SIGNED', NORMDOC_ERRORS.NOT_LEGAL_SIGNED);
}
