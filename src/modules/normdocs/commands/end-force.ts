import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS } from '../contract.ts';
import { emitNormdocChange } from '../events.ts';
import { mustBePublished, today } from './gates.ts';
import type { RepealInput } from './inputs.ts';

/** 废止: by decision, from the day given (not before publication, not in the future); listeners are told. */
export async function repealDocument(tx: AppContext, c: CaseRow, input: z.output<typeof RepealInput>) {
  const d = await mustBePublished(tx, c.id);
  if (input.repealedOn > today(tx)) throw badRequest('VALIDATION_FAILED', NORMDOC_ERRORS.DATE_FUTURE('废止日期'), { field: 'repealedOn' });
  if (input.repealedOn < d.published_on!) throw badRequest('VALIDATION_FAILED', '「废止日期」不能早于公布日期', { field: 'repealedOn' });
  await end(tx, c, '废止', input.repealedOn, input.reason);
}

/** 失效: only once 有效期 has run out (the day after 有效期至). */
export async function expireDocument(tx: AppContext, c: CaseRow) {
  await mustBePublished(tx, c.id);
  const r = (await sql<{ until: string }>`select valid_until::text as until from normdocs.document where case_id = ${c.id}`.execute(tx.db)).rows[0]!;
  if (today(tx) <= r.until) throw new AppError('NORMDOC_STILL_VALID', 409, NORMDOC_ERRORS.STILL_VALID(r.until));
  const next = new Date(Date.parse(`${r.until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await end(tx, c, '失效', next, '有效期届满');
}

async function end(tx: AppContext, c: CaseRow, kind: '废止' | '失效', on: string, reason: string) {
  const d = (
    await sql<{ number: string | null; title: string }>`update normdocs.document set ended_on = ${on}::date, end_kind = ${kind}, end_reason = ${reason}
      where case_id = ${c.id} returning number, title`.execute(tx.db)
  ).rows[0]!;
  await emitNormdocChange(tx, { caseId: c.id, number: d.number, title: d.title, kind, on, reason });
}
