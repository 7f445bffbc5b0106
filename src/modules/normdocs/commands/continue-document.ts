import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase, runTransition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { EVALUATION_MONTHS_BEFORE, NORMDOC_ERRORS, NORMDOC_TYPE } from '../contract.ts';
import { addDays, addMonths } from './dates.ts';
import { end } from './end-force.ts';
import { mustBePublished, today } from './gates.ts';
import type { PublishInput } from './inputs.ts';
import { addVersion, assignNumber, publishDocument } from './steps.ts';

const conflict = (code: string, msg: string) => new AppError(code, 409, msg);
const bad = (field: string, msg: string) => badRequest('VALIDATION_FAILED', msg, { field });

/**
 * 继续施行 (regulations.md §6.2): a document in force whose 有效期 ends within 6 months, last
 * evaluated 继续有效, is registered again — a new case at its drafting office with the text in force,
 * the next number of the series and a new 有效期 (≤ 5 years; 暂行/试行 ≤ 2) from its 施行日期, which
 * may not leave a gap after the old period. The old document ends (重新登记) from that day.
 */
export async function continueDocument(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PublishInput>) {
  const d = await mustBePublished(tx, c.id);
  const o = (
    await sql<{ valid_until: string; drafted_by_name: string }>`select valid_until::text as valid_until, drafted_by_name from normdocs.document
      where case_id = ${c.id}`.execute(tx.db)
  ).rows[0]!;
  const day = today(tx);
  if (day > o.valid_until) throw conflict('NORMDOC_CONTINUE_EXPIRED', NORMDOC_ERRORS.CONTINUE_EXPIRED(o.valid_until));
  const windowFrom = addMonths(o.valid_until, -EVALUATION_MONTHS_BEFORE);
  if (day < windowFrom) throw conflict('NORMDOC_CONTINUE_NOT_DUE', NORMDOC_ERRORS.CONTINUE_NOT_DUE(windowFrom));
  const ev = (
    await sql<{ id: string; conclusion: string; evaluated_on: string; evaluator: string }>`select id, conclusion, evaluated_on::text as evaluated_on, evaluator
      from normdocs.evaluation where case_id = ${c.id} order by evaluated_on desc, created_at desc limit 1`.execute(tx.db)
  ).rows[0];
  if (ev?.conclusion !== '继续有效') throw conflict('NORMDOC_CONTINUE_NO_EVALUATION', NORMDOC_ERRORS.CONTINUE_NO_EVALUATION);
  if (input.publishedOn < ev.evaluated_on) throw bad('publishedOn', NORMDOC_ERRORS.CONTINUE_BEFORE_EVALUATION);
  const latest = addDays(o.valid_until, 1);
  if (input.effectiveOn > latest) throw bad('effectiveOn', NORMDOC_ERRORS.CONTINUE_GAP(latest));

  const text = (await sql<{ text: string }>`select text from normdocs.version where case_id = ${c.id} order by version_no desc limit 1`.execute(tx.db)).rows[0]!
    .text;
  // Registered by 政策法规处's decision for the drafting office: a system creation.
  const row = await createCase(tx, actor, { type: NORMDOC_TYPE, title: d.title, orgUnitId: c.org_unit_id, system: true });
  await sql`insert into normdocs.document (case_id, title, series_word, drafted_by_name, continues_case_id, continued_evaluation_id, created_at)
    values (${row.id}, ${d.title}, ${d.series_word}, ${o.drafted_by_name}, ${c.id}, ${ev.id}, ${tx.clock.now()})`.execute(tx.db);
  await addVersion(tx, actor, row.id, text, `继续施行${d.number}（${ev.evaluated_on}${ev.evaluator}评估：继续有效）`.slice(0, 2000), '起草');
  await runTransition(tx, actor, { caseId: row.id, name: 'register_continuation', input, skipWho: true });
  const number = (await sql<{ number: string }>`select number from normdocs.document where case_id = ${row.id}`.execute(tx.db)).rows[0]!.number;
  await end(tx, c, '重新登记', input.effectiveOn, `继续施行，重新登记为${number}，自${input.effectiveOn}起由其替代`, row.id);
}

/** The continuation's own 登记编号 and 公布 in one move: only for a case opened by continueDocument (else 409). */
export async function registerContinuation(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof PublishInput>) {
  const d = (
    await sql<{ series_word: string; continues_case_id: string | null; number: string | null }>`select series_word, continues_case_id, number
      from normdocs.document where case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!d?.continues_case_id || d.number) throw conflict('NORMDOC_NOT_CONTINUATION', NORMDOC_ERRORS.NOT_CONTINUATION);
  await assignNumber(tx, c.id, d.series_word);
  await publishDocument(tx, actor, c, input);
}
