import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { JUDGE_OPTIONS, LETTERS, QUESTION_KIND_LABELS, QuestionInput, type QuestionKind } from './study-inputs.ts';

const bad = (field: string, msg: string) => badRequest('VALIDATION_FAILED', msg, { field });

/** The options and key must fit the kind: 单选 one of 2–6, 多选 two or more of 3–6, 判断 正确/错误. */
export function checkShape(kind: QuestionKind, options: string[], answer: string[]) {
  const label = QUESTION_KIND_LABELS[kind];
  if (kind !== 'judge' && options.length < (kind === 'multiple' ? 3 : 2)) throw bad('options', `${label}至少需要 ${kind === 'multiple' ? 3 : 2} 个选项`);
  if (new Set(answer).size !== answer.length) throw bad('answer', '「答案」中的字母重复');
  const outside = answer.filter((a) => LETTERS.indexOf(a as (typeof LETTERS)[number]) >= options.length);
  if (outside.length) throw bad('answer', `「答案」${outside.join('、')} 不在选项范围内`);
  if (kind !== 'multiple' && answer.length !== 1) throw bad('answer', `${label}只能有一个正确答案`);
  if (kind === 'multiple' && answer.length < 2) throw bad('answer', '多选题至少有两个正确答案');
}

/** 题库: add a question with its legal basis (the organisers of the study, 法规处). */
export async function addQuestion(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  if (!opts.demo) requirePermission(actor, ENFORCEMENT_PERMISSIONS.study);
  const input = parseInput(QuestionInput, raw);
  const options = input.kind === 'judge' ? JUDGE_OPTIONS : (input.options ?? []);
  checkShape(input.kind, options, input.answer);
  const id = uuidv7();
  await sql`insert into enforcement.question (id, kind, stem, options, answer, basis, is_demo, created_at)
    values (${id}, ${input.kind}, ${input.stem}, ${options}::text[], ${input.answer}::text[], ${input.basis}, ${!!opts.demo}, ${ctx.clock.now()})`.execute(
    ctx.db,
  );
  return { id };
}

/** The bank with its key (newest versions only): only for those who set the papers. */
export async function listQuestions(ctx: AppContext, actor: Actor) {
  requirePermission(actor, ENFORCEMENT_PERMISSIONS.study);
  const items = (
    await sql<{ id: string; kind: QuestionKind; stem: string; options: string[]; answer: string[]; basis: string; version: number }>`
    select id, kind, stem, options, answer, basis, version from enforcement.question where superseded_by is null order by created_at, id`.execute(ctx.db)
  ).rows.map((q) => ({ ...q, kindLabel: QUESTION_KIND_LABELS[q.kind] }));
  return { items, total: items.length };
}
