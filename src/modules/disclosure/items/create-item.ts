import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase, nextNumber } from '../../../kernel/workflow/index.ts';
import { DISCLOSURE_ERRORS as E, ITEM_TYPE } from '../contracts/labels.ts';
import { ItemInput } from '../contracts/inputs.ts';

/**
 * 拟公开登记: the item gets its 索引号 (`<公开机关代码>/<year>-<5 digits>`, gapless per office and
 * year) and the 20-working-day clock from the day it was formed or changed (第二十六条).
 */
export async function createItem(
  tx: AppContext,
  actor: Actor,
  raw: unknown,
  opts: { source?: string; link?: string; listKey?: string; demo?: boolean; system?: boolean } = {},
) {
  const input = parseInput(ItemInput, raw);
  if (input.formedOn > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', E.ITEM_FORMED_FUTURE, { field: 'formedOn' });
  return withTx(tx, async (t) => {
    const orgUnitId = input.orgUnitId ?? actor.orgUnitId;
    const row = await createCase(t, actor, { type: ITEM_TYPE, title: input.title, orgUnitId, input: { formedOn: input.formedOn }, system: opts.system });
    const org = await t.db.selectFrom('core.org_unit').select('code').where('id', '=', orgUnitId).executeTakeFirstOrThrow();
    const year = Number(input.formedOn.slice(0, 4));
    const indexNo = `${org.code}/${year}-${String(await nextNumber(t, 'disclosure.index', year, org.code)).padStart(5, '0')}`;
    await sql`insert into disclosure.item (case_id, index_no, title, category, office, formed_on, validity, summary, source, source_link, list_key, is_demo, created_at)
      values (${row.id}, ${indexNo}, ${input.title}, ${input.category}, ${input.office}, ${input.formedOn}::date, ${input.validity}, ${input.summary},
        ${opts.source ?? null}, ${opts.link ?? null}, ${opts.listKey ?? null}, ${!!opts.demo}, ${t.clock.now()})`.execute(t.db);
    return { id: row.id, refNo: row.ref_no, indexNo, state: row.state };
  });
}
