import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, NORMDOC_TYPE } from '../contract.ts';
import { HEAD, headDto, type HeadRow } from './list-normdocs.ts';
import { headsSignoff } from '../commands/deliberation.ts';

/** One document with the evidence of each gate (dates, people, records); 404 outside the actor's scope. */
export async function getNormdoc(ctx: AppContext, actor: Actor, id: string) {
  const readable = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where('c.type', '=', NORMDOC_TYPE)
    .where(caseReadable(actor, 'normdocs.read'))
    .executeTakeFirst();
  if (!readable) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  const r = (
    await sql<HeadRow>`select ${HEAD}, d.drafted_by_name, d.signed_by_name, d.numbered_on::text as numbered_on, d.published_in, d.filed_with,
      d.legal_signed_by_name, d.legal_signed_on::text as legal_signed_on, d.revises_case_id,
      (select x.number from normdocs.document x where x.case_id = d.revises_case_id) as revises_number,
      d.end_kind, d.ended_on::text as ended_on, d.end_reason, d.replaced_by_case_id,
      (select x.number from normdocs.document x where x.case_id = d.replaced_by_case_id) as replaced_by_number,
      d.continued_evaluation_id
    from core.case c join normdocs.document d on d.case_id = c.id join core.org_unit o on o.id = c.org_unit_id where c.id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!r) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  const q = async <T>(s: ReturnType<typeof sql<T>>) => (await s.execute(ctx.db)).rows;
  const versions = await q(sql<{ versionNo: number; text: string; note: string | null; source: string; by: string; at: string }>`
    select version_no as "versionNo", text, note, source, by_name as by, created_at::text as at from normdocs.version where case_id = ${id} order by version_no`);
  const consultation = (
    await q(sql<{ way: string; targets: string | null; startOn: string; endOn: string; minDays: number; versionNo: number; by: string }>`
    select way, targets, start_on::text as "startOn", end_on::text as "endOn", min_days as "minDays", version_no as "versionNo", by_name as by
    from normdocs.consultation where case_id = ${id}`)
  )[0];
  const comments = await q(sql<{
    id: string;
    commenter: string;
    content: string;
    receivedOn: string;
    disposition: string | null;
    reason: string | null;
    disposedBy: string | null;
    channel: string;
  }>`select id, commenter, content, received_on::text as "receivedOn", channel, disposition, reason, disposed_by_name as "disposedBy"
    from normdocs.comment where case_id = ${id} order by received_on, created_at`);
  const reviews = await q(sql<{
    round: number;
    versionNo: number;
    submittedOn: string;
    conclusion: string | null;
    opinion: string | null;
    reviewedBy: string | null;
    reviewedOn: string | null;
    checklist: { item: string; ok: boolean; note?: string }[] | null;
  }>`select round, version_no as "versionNo", submitted_on::text as "submittedOn", conclusion, opinion, reviewed_by_name as "reviewedBy", checklist,
      reviewed_on::text as "reviewedOn" from normdocs.review where case_id = ${id} order by round`);
  const meeting = (
    await q(sql<{ metOn: string; name: string; attendees: string; decision: string; versionNo: number; recordedBy: string }>`
    select met_on::text as "metOn", name, attendees, decision, version_no as "versionNo", recorded_by_name as "recordedBy" from normdocs.meeting where case_id = ${id}`)
  )[0];
  const cleanups = await q(sql<{ cleanupId: string; name: string; closedOn: string | null; conclusion: string | null; reason: string | null }>`
    select k.id as "cleanupId", k.name, k.closed_on::text as "closedOn", i.conclusion, i.reason
    from normdocs.cleanup_item i join normdocs.cleanup k on k.id = i.cleanup_id where i.case_id = ${id} order by k.created_at`);
  const evaluations = await q(sql<{
    id: string;
    evaluatedOn: string;
    evaluator: string;
    thirdParty: boolean;
    method: string;
    findings: string;
    conclusion: string;
    revisionCaseId: string | null;
    recordedBy: string;
  }>`select id, evaluated_on::text as "evaluatedOn", evaluator, third_party as "thirdParty", method, findings, conclusion,
      revision_case_id as "revisionCaseId", recorded_by_name as "recordedBy" from normdocs.evaluation where case_id = ${id} order by evaluated_on, created_at`);
  const heads = await headsSignoff(ctx.db, id);
  const signedOff = heads.mode === 'all' && heads.rows.length > 0 && heads.rows.every((h) => h.decision === 'approve');
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const lastReview = reviews.at(-1);
  const passed = lastReview && (lastReview.conclusion === '通过' || lastReview.conclusion === '修改后通过') ? lastReview : undefined;
  const made = [
    {
      gate: '征求意见',
      passed: !!consultation && reviews.length > 0,
      on: consultation ? `${consultation.startOn}至${consultation.endOn}` : null,
      by: consultation?.by ?? null,
    },
    { gate: '合法性审核', passed: !!passed, on: passed?.reviewedOn ?? null, by: passed?.reviewedBy ?? null },
    { gate: '集体审议', passed: !!meeting && signedOff, on: meeting?.metOn ?? null, by: meeting ? meeting.name : null },
    {
      gate: '领导会签',
      passed: signedOff,
      on: signedOff
        ? (heads.rows
            .map((h) => h.at!.slice(0, 10))
            .sort()
            .at(-1) ?? null)
        : null,
      by: heads.rows.length
        ? heads.rows.map((h) => `${h.party}${h.decision === 'approve' ? '同意' : h.decision === 'reject' ? '不同意' : '待签'}`).join('、')
        : null,
    },
    { gate: '政策法规处签字', passed: !!r.legal_signed_on, on: s(r.legal_signed_on), by: s(r.legal_signed_by_name) },
    { gate: '签发', passed: !!r.signed_on, on: r.signed_on, by: s(r.signed_by_name) },
  ];
  // A continuation (继续施行) was made by the document it continues; its own gates are that evaluation and the new registration.
  const continued = r.continued_evaluation_id ? await continuationGates(ctx, String(r.continued_evaluation_id)) : null;
  const gates = [
    ...(continued ?? made),
    { gate: '登记编号', passed: !!r.number, on: s(r.numbered_on), by: r.number },
    { gate: '公布', passed: !!r.published_on, on: r.published_on, by: s(r.published_in) },
    { gate: '备案', passed: !!r.filed_on, on: r.filed_on, by: s(r.filed_with) },
  ];
  return {
    ...headDto(r),
    draftedBy: String(r.drafted_by_name),
    signedBy: s(r.signed_by_name),
    numberedOn: s(r.numbered_on),
    publishedIn: s(r.published_in),
    filedWith: s(r.filed_with),
    versions: versions.map((v) => ({ ...v, versionNo: Number(v.versionNo), at: String(v.at) })),
    consultation: consultation ? { ...consultation, minDays: Number(consultation.minDays), versionNo: Number(consultation.versionNo) } : null,
    comments,
    reviews: reviews.map((x) => ({ ...x, round: Number(x.round), versionNo: Number(x.versionNo) })),
    meeting: meeting ? { ...meeting, versionNo: Number(meeting.versionNo) } : null,
    heads: heads.rows,
    gates,
    revises: r.revises_case_id ? { id: String(r.revises_case_id), number: s(r.revises_number) } : null,
    cleanups,
    evaluations,
    ended: r.end_kind
      ? {
          kind: String(r.end_kind),
          on: String(r.ended_on),
          reason: s(r.end_reason),
          replacedBy: r.replaced_by_case_id ? { id: String(r.replaced_by_case_id), number: s(r.replaced_by_number) } : null,
        }
      : null,
  };
}

/** The gates of a continuation: the document continued (its number and 公布), and the 继续有效 evaluation that decided it. */
async function continuationGates(ctx: AppContext, evaluationId: string) {
  const e = (
    await sql<{
      number: string;
      published_on: string;
      evaluated_on: string;
      evaluator: string;
      method: string;
    }>`select d.number, d.published_on::text as published_on,
      e.evaluated_on::text as evaluated_on, e.evaluator, e.method from normdocs.evaluation e join normdocs.document d on d.case_id = e.case_id where e.id = ${evaluationId}`.execute(
      ctx.db,
    )
  ).rows[0]!;
  return [
    { gate: '原文件（已经全部制定程序）', passed: true, on: e.published_on, by: e.number },
    { gate: '有效期届满前评估（继续有效）', passed: true, on: e.evaluated_on, by: `${e.evaluator}（${e.method}）` },
  ];
}
