import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { SubmitInput } from './study-inputs.ts';
import { scorePaper } from './scoring.ts';
import { examRow, officerById, officerOfUser } from './exams.ts';
import { getAttempt } from './attempts.ts';
import { issueSubjectDocument } from '../../../kernel/documents/index.ts';
import { certificateFill, studyCertificate } from './certificate-document.ts';

/**
 * 交卷: the server scores the answers against the key it kept; one attempt per officer and paper.
 * A pass earns a 结业证明, a kernel document (certificate-document.ts: number per year without gaps, verification
 * code, PDF); passing a 资格考试 is recorded on the officer
 * (date and score), which the officer page shows for certification.
 */
export async function submitExam(ctx: AppContext, actor: Actor, examId: string, raw: unknown, demo?: { officerId: string }) {
  if (!demo) requirePermission(actor, ENFORCEMENT_PERMISSIONS.read);
  const input = parseInput(SubmitInput, raw);
  const today = chinaDate(ctx.clock.now());
  const attemptId = await withTx(ctx, async (tx) => {
    const e = await examRow(tx, examId, true);
    const me = demo ? await officerById(tx, demo.officerId) : await officerOfUser(tx, actor);
    if (!me) throw new AppError('STUDY_NOT_AN_OFFICER', 422, '当前账号未关联执法人员，不能参加考试（请由管理员在执法人员名录中关联账号）');
    if (e.closes_on && e.closes_on < today) throw new AppError('STUDY_EXAM_CLOSED', 422, `本次考试已于 ${e.closes_on} 截止`);
    if (e.qualification && !me.exam_applicant) throw new AppError('STUDY_NOT_APPLICANT', 422, `${me.name}未报名本次行政执法资格考试，不能参加`);
    const stray = Object.keys(input.answers).filter((q) => !e.question_ids.includes(q));
    if (stray.length) throw badRequest('VALIDATION_FAILED', `答卷中有 ${stray.length} 道题不属于本试卷`, { field: 'answers' });
    const done = await sql`select 1 from enforcement.exam_attempt where exam_id = ${e.id} and officer_id = ${me.id}`.execute(tx.db);
    if (done.rows.length) throw new AppError('STUDY_ALREADY_TAKEN', 409, `${me.name}已参加过「${e.title}」，每人限考一次`);
    const key = (
      await sql<{ id: string; answer: string[] }>`select id, answer from enforcement.question where id = any(${e.question_ids}::uuid[])`.execute(tx.db)
    ).rows;
    const r = scorePaper(key, input.answers, e.pass_mark);
    const id = uuidv7();
    let certificate: { docNo: string; id: string } | null = null;
    if (r.passed) {
      const who = (
        await sql<{ cert_no: string; org_name: string }>`select o.cert_no, u.name as org_name from enforcement.officer o
          join core.org_unit u on u.id = o.org_unit_id where o.id = ${me.id}`.execute(tx.db)
      ).rows[0]!;
      const fill = certificateFill({ orgName: who.org_name, officerName: me.name, certNo: who.cert_no, title: e.title, score: r.score, submittedOn: today });
      certificate = await issueSubjectDocument(tx, {
        type: studyCertificate,
        subject: { id, areaPath: me.area_path, orgUnitId: me.org_unit_id },
        fill,
        actor,
      });
    }
    const certificateNo = certificate?.docNo ?? null;
    await sql`insert into enforcement.exam_attempt (id, exam_id, officer_id, user_id, area_path, org_unit_id, answers, correct, score, passed,
        certificate_no, certificate_document_id, submitted_on, submitted_at)
      values (${id}, ${e.id}, ${me.id}, ${demo ? null : actor.userId}, ${me.area_path}, ${me.org_unit_id}, ${JSON.stringify(input.answers)}::jsonb, ${r.correct},
        ${r.score}, ${r.passed}, ${certificateNo}, ${certificate?.id ?? null}, ${today}::date, ${tx.clock.now()})`.execute(tx.db);
    if (e.qualification && r.passed)
      await sql`update enforcement.officer set qualification_passed_on = ${today}::date, qualification_score = ${r.score}, qualification_attempt_id = ${id}
        where id = ${me.id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'enforcement.exam.submit',
      entityType: 'enforcement_exam_attempt',
      entityId: id,
      areaPath: me.area_path,
      orgUnitId: me.org_unit_id,
      after: { exam: e.title, score: r.score, passed: r.passed, certificateNo },
    });
    return id;
  });
  return demo ? { id: attemptId } : getAttempt(ctx, actor, attemptId);
}
