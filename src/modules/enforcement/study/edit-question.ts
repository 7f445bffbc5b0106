import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { checkShape } from './questions.ts';
import { JUDGE_OPTIONS, QuestionEditInput, type QuestionKind } from './study-inputs.ts';

type Q = {
  id: string;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: string[];
  basis: string;
  version: number;
  superseded_by: string | null;
  is_demo: boolean;
};

/**
 * 修改试题. As exam systems do, a question nobody has answered yet is corrected in place; one that sits on a paper
 * already taken is never changed under the candidates who answered it (their scores, result pages and 结业证明 rest on
 * the stem and key they saw): the edit becomes a new version, the old one leaves the bank (superseded) but stays on
 * the taken papers, and the papers not yet taken move to the new version in the same transaction — so a corrected key
 * reaches every future candidate and rewrites no past score. Only the newest version can be edited (409 otherwise).
 */
export async function editQuestion(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  requirePermission(actor, ENFORCEMENT_PERMISSIONS.study);
  const input = parseInput(QuestionEditInput, raw);
  return withTx(ctx, async (tx) => {
    const q = (
      await sql<Q>`select id, kind, stem, options, answer, basis, version, superseded_by, is_demo from enforcement.question where id = ${id} for update`.execute(
        tx.db,
      )
    ).rows[0];
    if (!q) throw new AppError('STUDY_QUESTION_NOT_FOUND', 404, '试题不存在');
    if (q.superseded_by) throw conflict('STUDY_QUESTION_SUPERSEDED', '该题已有新版本，请修改题库中的最新版本 (edit the newest version)');
    const kind = input.kind ?? q.kind;
    const options = kind === 'judge' ? JUDGE_OPTIONS : (input.options ?? (q.kind === 'judge' ? [] : q.options));
    const next = { kind, stem: input.stem ?? q.stem, options, answer: input.answer ?? q.answer, basis: input.basis ?? q.basis };
    checkShape(kind, options, next.answer);
    // Lock the papers that carry it (a submission locks its paper first), then see which have been taken.
    const papers = (
      await sql<{ id: string; taken: boolean }>`select e.id, exists (select 1 from enforcement.exam_attempt a where a.exam_id = e.id) as taken
        from enforcement.exam e where ${id} = any(e.question_ids) order by e.id for update of e`.execute(tx.db)
    ).rows;
    const before = { kind: q.kind, stem: q.stem, options: q.options, answer: q.answer, basis: q.basis, version: q.version };
    const now = tx.clock.now();
    let out = { id, version: q.version, newVersion: false, papersMoved: 0 };
    if (papers.some((p) => p.taken)) {
      const nid = uuidv7();
      await sql`insert into enforcement.question (id, kind, stem, options, answer, basis, is_demo, created_at, version, replaces_id)
        values (${nid}, ${kind}, ${next.stem}, ${options}::text[], ${next.answer}::text[], ${next.basis}, ${q.is_demo}, ${now}, ${q.version + 1}, ${id})`.execute(
        tx.db,
      );
      await sql`update enforcement.question set superseded_by = ${nid}, updated_at = ${now} where id = ${id}`.execute(tx.db);
      const open = papers.filter((p) => !p.taken).map((p) => p.id);
      if (open.length)
        await sql`update enforcement.exam set question_ids = array_replace(question_ids, ${id}::uuid, ${nid}::uuid) where id = any(${open}::uuid[])`.execute(
          tx.db,
        );
      out = { id: nid, version: q.version + 1, newVersion: true, papersMoved: open.length };
    } else {
      await sql`update enforcement.question set kind = ${kind}, stem = ${next.stem}, options = ${options}::text[], answer = ${next.answer}::text[],
        basis = ${next.basis}, updated_at = ${now} where id = ${id}`.execute(tx.db);
    }
    await recordAudit(tx, {
      actor,
      action: 'enforcement.question.edit',
      entityType: 'enforcement_question',
      entityId: out.id,
      before,
      after: { ...next, ...out },
    });
    return out;
  });
}
