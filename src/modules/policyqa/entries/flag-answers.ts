import { sql, type RawBuilder } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';

/**
 * A policy document was amended or repealed: every published answer that explains it goes to
 * 待复核 (hidden from the portal) with the reason, in the caller's transaction when it has one —
 * the normdocs module calls this from its 修改/废止 step (see README.md), staff from the console.
 * `within` narrows it (a condition on `q`, e.g. a staff member's scope). Returns the flagged entries' ids.
 */
export async function flagAnswersForDocument(
  ctx: AppContext,
  documentId: string,
  reason: string,
  actor: Actor = SYSTEM_ACTOR,
  within: RawBuilder<unknown> = sql`true`,
): Promise<string[]> {
  return withTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const rows = (
      await sql<{ id: string; area_path: string; org_unit_id: string }>`update policyqa.entry q
        set status = 'flagged', flag_reason = ${reason}, flagged_at = ${now}, updated_at = ${now}
        where document_id = ${documentId} and status = 'published' and ${within} returning id, area_path, org_unit_id`.execute(tx.db)
    ).rows;
    for (const r of rows)
      await recordAudit(tx, {
        actor,
        action: 'policyqa.flag',
        entityType: 'policyqa_entry',
        entityId: r.id,
        areaPath: r.area_path,
        orgUnitId: r.org_unit_id,
        after: { documentId, reason },
      });
    return rows.map((r) => r.id);
  });
}
