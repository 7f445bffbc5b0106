import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { ExamInput, QUESTION_KIND_LABELS, type QuestionKind } from './study-inputs.ts';

export type ExamRow = {
  id: string;
  title: string;
  year: number;
  qualification: boolean;
  pass_mark: number;
  question_ids: string[];
  closes_on: string | null;
};

export const examNotFound = () => new AppError('STUDY_EXAM_NOT_FOUND', 404, '试卷不存在');

export async function examRow(ctx: AppContext, id: string, lock = false) {
  const r = (
    await sql<ExamRow>`select id, title, year, qualification, pass_mark, question_ids, closes_on::text as closes_on
      from enforcement.exam where id = ${id} ${lock ? sql`for update` : sql``}`.execute(ctx.db)
  ).rows[0];
  if (!r) throw examNotFound();
  return r;
}

type Candidate = { id: string; name: string; area_path: string; org_unit_id: string; exam_applicant: boolean };
const candidate = sql`select id, name, area_path, org_unit_id, exam_applicant from enforcement.officer`;

/** The officer the account acts as (an officer linked to the platform account), if any. */
export async function officerOfUser(ctx: AppContext, actor: Actor) {
  return (await sql<Candidate>`${candidate} where user_id = ${actor.userId} limit 1`.execute(ctx.db)).rows[0];
}

/** The demo seeder sits officers without accounts. */
export async function officerById(ctx: AppContext, id: string) {
  return (await sql<Candidate>`${candidate} where id = ${id}`.execute(ctx.db)).rows[0];
}

/** 组卷: a fixed paper of questions from the bank, in the given order; 资格考试 when marked. */
export async function createExam(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  if (!opts.demo) requirePermission(actor, ENFORCEMENT_PERMISSIONS.study);
  const input = parseInput(ExamInput, raw);
  const ids = [...new Set(input.questionIds)];
  if (ids.length !== input.questionIds.length) throw badRequest('VALIDATION_FAILED', '「试题」中有重复的题目', { field: 'questionIds' });
  const found = (
    await sql<{ n: number }>`select count(*)::int as n from enforcement.question where id = any(${ids}::uuid[]) and superseded_by is null`.execute(ctx.db)
  ).rows[0]!.n;
  if (found !== ids.length) throw badRequest('VALIDATION_FAILED', `「试题」中有 ${ids.length - found} 道不在题库中（或已有新版本）`, { field: 'questionIds' });
  const id = uuidv7();
  await sql`insert into enforcement.exam (id, title, year, qualification, pass_mark, question_ids, closes_on, org_unit_id, is_demo, created_at)
    values (${id}, ${input.title}, ${input.year}, ${input.qualification}, ${input.passMark}, ${ids}::uuid[], ${input.closesOn ?? null}::date,
      ${actor.orgUnitId}, ${!!opts.demo}, ${ctx.clock.now()})`.execute(ctx.db);
  return { id };
}

/**
 * 试卷 list: the papers the 民政厅 sets are the same for every unit; each carries only the caller's
 * own attempt (score, 结业证明) and whether the caller may still sit it.
 */
export async function listExams(ctx: AppContext, actor: Actor) {
  requirePermission(actor, ENFORCEMENT_PERMISSIONS.read);
  const me = await officerOfUser(ctx, actor);
  const today = chinaDate(ctx.clock.now());
  const rows = (
    await sql<
      ExamRow & {
        attempt_id: string | null;
        score: number | null;
        passed: boolean | null;
        certificate_no: string | null;
        submitted_on: string | null;
        taken: number;
      }
    >`
    select e.id, e.title, e.year, e.qualification, e.pass_mark, e.question_ids, e.closes_on::text as closes_on,
      (select count(*)::int from enforcement.exam_attempt t where t.exam_id = e.id) as taken,
      a.id as attempt_id, a.score, a.passed, a.certificate_no, a.submitted_on::text as submitted_on
    from enforcement.exam e left join enforcement.exam_attempt a on a.exam_id = e.id and a.officer_id = ${me?.id ?? null}
    order by e.year desc, e.created_at desc`.execute(ctx.db)
  ).rows;
  const items = rows.map((e) => ({
    id: e.id,
    title: e.title,
    year: e.year,
    qualification: e.qualification,
    passMark: e.pass_mark,
    questions: e.question_ids.length,
    questionIds: e.question_ids,
    taken: e.taken,
    closesOn: e.closes_on,
    closed: !!e.closes_on && e.closes_on < today,
    myAttempt: e.attempt_id ? { id: e.attempt_id, score: e.score, passed: e.passed, certificateNo: e.certificate_no, submittedOn: e.submitted_on } : null,
  }));
  return { items, total: items.length, officer: me ? { id: me.id, name: me.name, examApplicant: me.exam_applicant } : null };
}

/** The paper as the candidate sees it: stems and options, never the key or the basis. */
export async function getPaper(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, ENFORCEMENT_PERMISSIONS.read);
  const e = await examRow(ctx, id);
  const qs = (
    await sql<{ id: string; kind: QuestionKind; stem: string; options: string[] }>`select id, kind, stem, options from enforcement.question
      where id = any(${e.question_ids}::uuid[])`.execute(ctx.db)
  ).rows;
  const byId = new Map(qs.map((q) => [q.id, q]));
  const questions = e.question_ids.map((qid, i) => {
    const q = byId.get(qid)!;
    return { no: i + 1, id: q.id, kind: q.kind, kindLabel: QUESTION_KIND_LABELS[q.kind], stem: q.stem, options: q.options };
  });
  return { id: e.id, title: e.title, year: e.year, qualification: e.qualification, passMark: e.pass_mark, closesOn: e.closes_on, questions };
}
