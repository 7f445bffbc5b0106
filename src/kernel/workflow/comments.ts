import { withTx, type AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { lockCase } from './case-tx.ts';
import { assertCaseWritable } from './write-access.ts';

/** Add a comment (办理意见/备注) to a case within the actor's scope (an office that handed it on only reads it). Audited; comments are never edited. */
export async function addComment(ctx: AppContext, actor: Actor, req: { caseId: string; body: string }) {
  const body = req.body?.trim() ?? '';
  if (!body || body.length > 5000) throw badRequest('VALIDATION_FAILED', '意见内容不能为空且不超过 5000 字', { field: 'body' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    assertCaseWritable(actor, c);
    const row = { id: uuidv7(), case_id: c.id, author_id: userRef(actor), author_name: actor.displayName, body, created_at: tx.clock.now() };
    await tx.db.insertInto('core.case_comment').values(row).execute();
    await recordAudit(tx, {
      actor,
      action: 'case.comment',
      entityType: 'case',
      entityId: c.id,
      after: { commentId: row.id, body },
      areaCode: c.area_code,
      areaPath: c.area_path,
      orgUnitId: c.org_unit_id,
    });
    return row;
  });
}
