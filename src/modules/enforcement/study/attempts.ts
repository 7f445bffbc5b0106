import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { QUESTION_KIND_LABELS, type QuestionKind } from './study-inputs.ts';
import { sameChoice } from './scoring.ts';
import { CERTIFICATE_ISSUER, certificateText } from './certificate-document.ts';

type AttemptRow = {
  id: string;
  exam_id: string;
  title: string;
  year: number;
  qualification: boolean;
  pass_mark: number;
  question_ids: string[];
  officer_name: string;
  cert_no: string;
  org_name: string;
  area_path: string;
  org_unit_id: string;
  user_id: string | null;
  answers: Record<string, string[]>;
  correct: number;
  score: number;
  passed: boolean;
  certificate_no: string | null;
  certificate_document_id: string | null;
  submitted_on: string;
};

/**
 * 成绩与结业证明: one submitted attempt with each question's key, the answer given and the legal
 * basis (shown only after submission), and the certificate when passed. The candidate sees their
 * own; others need enforcement.read over the officer's unit.
 */
export async function getAttempt(ctx: AppContext, actor: Actor, id: string) {
  const a = (
    await sql<AttemptRow>`select a.id, a.exam_id, e.title, e.year, e.qualification, e.pass_mark, e.question_ids, o.name as officer_name,
      o.cert_no, u.name as org_name, a.area_path, a.org_unit_id, a.user_id, a.answers, a.correct, a.score, a.passed, a.certificate_no, a.certificate_document_id,
      a.submitted_on::text as submitted_on
    from enforcement.exam_attempt a join enforcement.exam e on e.id = a.exam_id join enforcement.officer o on o.id = a.officer_id
      join core.org_unit u on u.id = a.org_unit_id where a.id = ${id}`.execute(ctx.db)
  ).rows[0];
  const own = !!a && a.user_id === actor.userId;
  if (!a || !(own || recordInScope(actor, ENFORCEMENT_PERMISSIONS.read, { areaPath: a.area_path, orgUnitId: a.org_unit_id })))
    throw new AppError('STUDY_ATTEMPT_NOT_FOUND', 404, '考试成绩不存在或无权查看');
  const qs = (
    await sql<{ id: string; kind: QuestionKind; stem: string; options: string[]; answer: string[]; basis: string }>`
    select id, kind, stem, options, answer, basis from enforcement.question where id = any(${a.question_ids}::uuid[])`.execute(ctx.db)
  ).rows;
  const byId = new Map(qs.map((q) => [q.id, q]));
  const questions = a.question_ids.map((qid, i) => {
    const q = byId.get(qid)!;
    const given = a.answers[qid] ?? [];
    return {
      no: i + 1,
      id: q.id,
      kindLabel: QUESTION_KIND_LABELS[q.kind],
      stem: q.stem,
      options: q.options,
      given,
      answer: q.answer,
      right: sameChoice(given, q.answer),
      basis: q.basis,
    };
  });
  return {
    id: a.id,
    examId: a.exam_id,
    title: a.title,
    year: a.year,
    qualification: a.qualification,
    passMark: a.pass_mark,
    officerName: a.officer_name,
    certNo: a.cert_no,
    orgName: a.org_name,
    areaPath: a.area_path,
    orgUnitId: a.org_unit_id,
    correct: a.correct,
    total: questions.length,
    score: a.score,
    passed: a.passed,
    submittedOn: a.submitted_on,
    certificate: a.certificate_no
      ? {
          no: a.certificate_no,
          text: certificateText({
            orgName: a.org_name,
            officerName: a.officer_name,
            certNo: a.cert_no,
            title: a.title,
            score: a.score,
            submittedOn: a.submitted_on,
          }),
          issuer: CERTIFICATE_ISSUER,
          documentId: a.certificate_document_id,
        }
      : null,
    questions,
  };
}
