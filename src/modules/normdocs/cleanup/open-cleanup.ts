import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { CLEANUP_DEFAULT_DAYS, NORMDOC_ERRORS, SERIES_WORD } from '../contract.ts';
import { addDays } from '../commands/dates.ts';
import { today } from '../commands/gates.ts';
import { OpenCleanupInput } from './inputs.ts';

/**
 * 开展清理: the actor's issuing body (厅 or 市局) lists every one of its documents in force on the
 * as-of date — published, within 有效期, not ended. One open campaign per body at a time.
 */
export async function openCleanup(ctx: AppContext, actor: Actor, raw: unknown) {
  requirePermission(actor, 'normdocs.review');
  const input = parseInput(OpenCleanupInput, raw);
  const org = await ctx.db.selectFrom('core.org_unit').select(['area_code', 'area_path']).where('id', '=', actor.orgUnitId).executeTakeFirst();
  const word = org ? SERIES_WORD[org.area_code] : undefined;
  if (!org || !word) throw new AppError('NORMDOC_AREA', 409, NORMDOC_ERRORS.AREA);
  return withTx(ctx, async (tx) => {
    if (input.asOf > today(tx)) throw badRequest('VALIDATION_FAILED', NORMDOC_ERRORS.DATE_FUTURE('清理基准日'), { field: 'asOf' });
    const dueOn = input.dueOn ?? addDays(today(tx), CLEANUP_DEFAULT_DAYS);
    if (dueOn < today(tx)) throw badRequest('VALIDATION_FAILED', '「完成期限」不能早于今天', { field: 'dueOn' });
    // Serialize campaigns of one body: the check for an open one and the insert are one decision.
    await sql`select pg_advisory_xact_lock(hashtext(${`normdocs.cleanup:${word}`}))`.execute(tx.db);
    const running = await sql`select 1 from normdocs.cleanup where series_word = ${word} and closed_on is null`.execute(tx.db);
    if (running.rows.length) throw new AppError('NORMDOC_CLEANUP_RUNNING', 409, NORMDOC_ERRORS.CLEANUP_RUNNING);
    const id = uuidv7();
    await sql`insert into normdocs.cleanup (id, name, basis, as_of, due_on, series_word, org_unit_id, area_path, opened_by_name, created_at)
      values (${id}, ${input.name}, ${input.basis}, ${input.asOf}::date, ${dueOn}::date, ${word}, ${actor.orgUnitId}, ${org.area_path}, ${actor.displayName}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    const listed = await sql`insert into normdocs.cleanup_item (cleanup_id, case_id, number, title)
      select ${id}, d.case_id, d.number, d.title from normdocs.document d join core.case c on c.id = d.case_id
      where d.series_word = ${word} and c.state in ('published', 'filed') and d.number is not null
        and d.published_on <= ${input.asOf}::date and d.valid_until >= ${input.asOf}::date and d.ended_on is null`.execute(tx.db);
    const n = Number(listed.numAffectedRows ?? 0);
    if (!n) throw new AppError('NORMDOC_CLEANUP_EMPTY', 409, NORMDOC_ERRORS.CLEANUP_EMPTY);
    await recordAudit(tx, { actor, action: 'normdoc.cleanup.open', entityType: 'normdoc_cleanup', entityId: id, after: { ...input, dueOn, documents: n } });
    return { id, documents: n };
  });
}
