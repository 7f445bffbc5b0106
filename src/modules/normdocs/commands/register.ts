import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, NORMDOC_TYPE, SERIES_WORD } from '../contract.ts';
import { RegisterNormdocInput } from './inputs.ts';
import { addVersion } from './steps.ts';

/**
 * 起草: a new document at the actor's own office with its first draft (version 1). The 发文字号
 * word is the issuing area's (宁民规发 for the 厅's divisions, 银民规发 … for a city bureau).
 */
export async function registerNormdoc(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(RegisterNormdocInput, raw);
  const org = await ctx.db.selectFrom('core.org_unit').select(['area_code', 'name']).where('id', '=', actor.orgUnitId).executeTakeFirst();
  const word = org ? SERIES_WORD[org.area_code] : undefined;
  if (!word) throw new AppError('NORMDOC_AREA', 409, NORMDOC_ERRORS.AREA);
  return withTx(ctx, async (tx) => {
    const row = await createCase(tx, actor, { type: NORMDOC_TYPE, title: input.title, orgUnitId: actor.orgUnitId });
    await sql`insert into normdocs.document (case_id, title, series_word, drafted_by_name, is_demo, created_at)
      values (${row.id}, ${input.title}, ${word}, ${actor.displayName}, ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    await addVersion(tx, actor, row.id, input.text, input.note ?? null, '起草');
    return { id: row.id, refNo: row.ref_no, state: row.state };
  });
}
