import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { NORMDOC_ERRORS, PUBLIC_WAYS } from '../contract.ts';
import { PortalCommentInput } from '../commands/inputs.ts';

/**
 * A citizen's comment on an open public consultation. It pays with a portal proof of work, spent in
 * the same transaction (a refused comment spends nothing). The text is stored as given and is only
 * ever shown as text (portal: textContent; console: React text nodes), never as markup.
 */
export async function submitPortalComment(ctx: AppContext, caseId: string, raw: unknown) {
  const { pow, ...body } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return withTx(ctx, async (tx) => {
    await spendSolution(tx, pow);
    const input = parseInput(PortalCommentInput, body);
    const on = chinaDate(tx.clock.now());
    const open = (
      await sql`select 1 from normdocs.consultation k join core.case c on c.id = k.case_id
      where k.case_id = ${caseId} and c.state = 'consulting' and k.way in (${sql.join([...PUBLIC_WAYS])})
        and k.start_on <= ${on}::date and k.end_on >= ${on}::date for update of c`.execute(tx.db)
    ).rows.length;
    if (!open) throw new AppError('NORMDOC_NOT_OPEN', 409, NORMDOC_ERRORS.NOT_OPEN);
    await sql`insert into normdocs.comment (id, case_id, commenter, content, received_on, channel, created_at)
      values (${uuidv7()}, ${caseId}, ${input.name || '网民（未署名）'}, ${input.content}, ${on}::date, '门户网站', ${tx.clock.now()})`.execute(tx.db);
    return { receivedOn: on, notice: '意见已提交。起草单位将逐条研究处理（采纳、部分采纳或不采纳并说明理由）。' };
  });
}
