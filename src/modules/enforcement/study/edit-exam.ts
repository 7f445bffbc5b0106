import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { examRow } from './exams.ts';
import { ExamEditInput } from './study-inputs.ts';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * 修改试卷. Before anyone sits it, everything may change. Once a candidate has submitted, what decided the scores
 * (the questions and their order, the pass mark, the year and whether it is the 资格考试) is fixed — 409 with the
 * reason; the name and the closing day (extending it for latecomers) may still change.
 */
export async function editExam(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  requirePermission(actor, ENFORCEMENT_PERMISSIONS.study);
  const input = parseInput(ExamEditInput, raw);
  return withTx(ctx, async (tx) => {
    const e = await examRow(tx, id, true);
    const taken = (await sql<{ n: number }>`select count(*)::int as n from enforcement.exam_attempt where exam_id = ${id}`.execute(tx.db)).rows[0]!.n;
    const questionIds = input.questionIds ?? e.question_ids;
    if (taken) {
      const fixed: string[] = [];
      if (!same(questionIds, e.question_ids)) fixed.push('试题');
      if (input.passMark !== undefined && input.passMark !== e.pass_mark) fixed.push('及格分');
      if (input.year !== undefined && input.year !== e.year) fixed.push('年度');
      if (input.qualification !== undefined && input.qualification !== e.qualification) fixed.push('资格考试标记');
      if (fixed.length)
        throw conflict(
          'STUDY_EXAM_TAKEN',
          `已有 ${taken} 人交卷，试卷的${fixed.join('、')}不能再修改（已评定的成绩和结业证明以交卷时的试卷为准）；可另行组卷（the paper has been taken）`,
          { field: fixed[0] === '试题' ? 'questionIds' : fixed[0] === '及格分' ? 'passMark' : undefined },
        );
    }
    if (input.questionIds) {
      if (new Set(questionIds).size !== questionIds.length) throw badRequest('VALIDATION_FAILED', '「试题」中有重复的题目', { field: 'questionIds' });
      const fresh = (
        await sql<{ n: number }>`select count(*)::int as n from enforcement.question where id = any(${questionIds}::uuid[]) and superseded_by is null`.execute(
          tx.db,
        )
      ).rows[0]!.n;
      if (!same(questionIds, e.question_ids) && fresh !== questionIds.length)
        throw badRequest('VALIDATION_FAILED', `「试题」中有 ${questionIds.length - fresh} 道不在题库中（或已有新版本）`, { field: 'questionIds' });
    }
    const next = {
      title: input.title ?? e.title,
      year: input.year ?? e.year,
      qualification: input.qualification ?? e.qualification,
      pass_mark: input.passMark ?? e.pass_mark,
      question_ids: questionIds,
      closes_on: input.closesOn === undefined ? e.closes_on : input.closesOn,
    };
    await sql`update enforcement.exam set title = ${next.title}, year = ${next.year}, qualification = ${next.qualification}, pass_mark = ${next.pass_mark},
      question_ids = ${next.question_ids}::uuid[], closes_on = ${next.closes_on}::date where id = ${id}`.execute(tx.db);
    await recordAudit(tx, { actor, action: 'enforcement.exam.edit', entityType: 'enforcement_exam', entityId: id, before: e, after: next });
    return { id, taken };
  });
}
