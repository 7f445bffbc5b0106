import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS } from '../contract.ts';
import { emitNormdocChange, type NormdocChange } from '../events.ts';
import { mustBePublished, today } from './gates.ts';
import type { ExpireInput, RepealInput, SupersedeInput } from './inputs.ts';

/** 废止: by decision, from the day given (not before publication, not in the future); listeners are told. */
export async function repealDocument(tx: AppContext, c: CaseRow, input: z.output<typeof RepealInput>) {
  const d = await mustBePublished(tx, c.id);
  if (input.repealedOn > today(tx)) throw badRequest('VALIDATION_FAILED', NORMDOC_ERRORS.DATE_FUTURE('废止日期'), { field: 'repealedOn' });
  if (input.repealedOn < d.published_on!) throw badRequest('VALIDATION_FAILED', '「废止日期」不能早于公布日期', { field: 'repealedOn' });
  await end(tx, c, '废止', input.repealedOn, input.reason);
}

/**
 * 失效: once 有效期 has run out (from the day after 有效期至); or 宣布失效 by a closed 清理 that
 * concluded so for this document (from the day the 清理 closed, with its reason).
 */
export async function expireDocument(tx: AppContext, c: CaseRow, input: z.output<typeof ExpireInput>) {
  await mustBePublished(tx, c.id);
  if (input.cleanupId) {
    const k = (
      await sql<{ on: string; name: string; reason: string }>`select k.closed_on::text as on, k.name, i.reason from normdocs.cleanup_item i
        join normdocs.cleanup k on k.id = i.cleanup_id where i.cleanup_id = ${input.cleanupId} and i.case_id = ${c.id}
        and i.conclusion = '宣布失效' and k.closed_on is not null`.execute(tx.db)
    ).rows[0];
    if (!k) throw new AppError('NORMDOC_NOT_DECLARED', 409, NORMDOC_ERRORS.NOT_DECLARED);
    return end(tx, c, '失效', k.on, `清理宣布失效（${k.name}：${k.reason}）`.slice(0, 2000));
  }
  const r = (await sql<{ until: string }>`select valid_until::text as until from normdocs.document where case_id = ${c.id}`.execute(tx.db)).rows[0]!;
  if (today(tx) <= r.until) throw new AppError('NORMDOC_STILL_VALID', 409, NORMDOC_ERRORS.STILL_VALID(r.until));
  const next = new Date(Date.parse(`${r.until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await end(tx, c, '失效', next, '有效期届满');
}

/**
 * 已修改: the published revision (`byCaseId`, whose document names this one in revises_case_id)
 * replaces it from the revision's 施行日期; the document stays in force until the day before.
 * Run by the revision's 公布 (publishDocument); asked by hand for any other pair, it is refused.
 */
export async function supersedeDocument(tx: AppContext, c: CaseRow, input: z.output<typeof SupersedeInput>) {
  await mustBePublished(tx, c.id);
  const n = (
    await sql<{ number: string; effective_on: string }>`select number, effective_on::text as effective_on from normdocs.document
      where case_id = ${input.byCaseId} and revises_case_id = ${c.id} and published_on is not null`.execute(tx.db)
  ).rows[0];
  if (!n) throw new AppError('NORMDOC_NOT_REVISED', 409, NORMDOC_ERRORS.NOT_REVISED);
  await end(tx, c, '修改', n.effective_on, `已被${n.number}修改替代，自${n.effective_on}起失效`, input.byCaseId);
}

export async function end(tx: AppContext, c: CaseRow, kind: NormdocChange['kind'], on: string, reason: string, replacedBy: string | null = null) {
  const d = (
    await sql<{ number: string | null; title: string }>`update normdocs.document set ended_on = ${on}::date, end_kind = ${kind}, end_reason = ${reason},
      replaced_by_case_id = ${replacedBy} where case_id = ${c.id} returning number, title`.execute(tx.db)
  ).rows[0]!;
  await emitNormdocChange(tx, { caseId: c.id, number: d.number, title: d.title, kind, on, reason });
}
