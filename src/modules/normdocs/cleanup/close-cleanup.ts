import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { runTransition } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, type CleanupConclusion } from '../contract.ts';
import { today } from '../commands/gates.ts';
import { lockCleanup } from './load-cleanup.ts';
import { openRevision } from './open-revision.ts';

type Item = { case_id: string; number: string; title: string; conclusion: CleanupConclusion | null; reason: string | null; state: string };

/**
 * 完成清理, one act in one transaction: every document has a conclusion; the campaign is closed
 * today; 废止 and 宣布失效 run the document's own `repeal` / `expire` moves (their listeners — e.g.
 * 政策问答 flagging answers — run with them); 修改 opens a linked new draft. Any refusal rolls back all.
 */
export async function closeCleanup(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'normdocs.review');
  return withTx(ctx, async (tx) => {
    const k = await lockCleanup(tx, actor, id, { open: true });
    const items = (
      await sql<Item>`select i.case_id, i.number, i.title, i.conclusion, i.reason, c.state from normdocs.cleanup_item i join core.case c on c.id = i.case_id
        where i.cleanup_id = ${id} order by i.number`.execute(tx.db)
    ).rows;
    const open = items.filter((i) => !i.conclusion).length;
    const day = today(tx);
    if (open && k.due_on && k.due_on < day) throw new AppError('NORMDOC_CLEANUP_STALLED', 409, NORMDOC_ERRORS.CLEANUP_STALLED(k.due_on, open));
    if (open) throw new AppError('NORMDOC_CLEANUP_OPEN_ITEMS', 409, NORMDOC_ERRORS.CLEANUP_OPEN_ITEMS(open));
    const ended = items.find((i) => i.state !== 'published' && i.state !== 'filed');
    if (ended) throw new AppError('NORMDOC_CLEANUP_ENDED', 409, NORMDOC_ERRORS.CLEANUP_ENDED(ended.title));
    await sql`update normdocs.cleanup set closed_on = ${day}::date, closed_by_name = ${actor.displayName} where id = ${id}`.execute(tx.db);
    const counts: Record<string, number> = {};
    for (const i of items) {
      counts[i.conclusion!] = (counts[i.conclusion!] ?? 0) + 1;
      const why = `${k.name}：${i.reason}`;
      if (i.conclusion === '废止')
        await runTransition(tx, actor, { caseId: i.case_id, name: 'repeal', input: { repealedOn: day, reason: `清理决定废止（${why}）`.slice(0, 2000) } });
      else if (i.conclusion === '宣布失效') await runTransition(tx, actor, { caseId: i.case_id, name: 'expire', input: { cleanupId: id } });
      else if (i.conclusion === '修改') {
        const rev = await openRevision(tx, actor, { caseId: i.case_id, number: i.number, title: i.title }, why);
        await sql`update normdocs.cleanup_item set revision_case_id = ${rev} where cleanup_id = ${id} and case_id = ${i.case_id}`.execute(tx.db);
      }
    }
    await recordAudit(tx, {
      actor,
      action: 'normdoc.cleanup.close',
      entityType: 'normdoc_cleanup',
      entityId: id,
      areaPath: k.area_path,
      orgUnitId: k.org_unit_id,
      after: { closedOn: day, counts },
    });
    return { id, closedOn: day, counts };
  });
}
