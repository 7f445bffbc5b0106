import { randomUUID } from 'node:crypto';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { automaticMoves } from './credit-rules.ts';
import { announceListing, listingsOf } from './credit-store.ts';

export const CREDIT_SWEEP_JOB = 'orgs.credit.sweep';

/**
 * The daily credit rule (idempotent, decided by business day): for every organization with an
 * abnormal listing in force, remove it after six months when nothing is owed, or move it to the
 * 严重违法失信名单 after two years. Each organization in its own transaction; each move audited.
 */
export async function sweepCredit(ctx: AppContext, day: string): Promise<{ removed: number; moved: number }> {
  const orgs = await orgsDb(ctx.db)
    .selectFrom('orgs.credit_listing')
    .select('organization_id')
    .distinct()
    .where('list', '=', 'abnormal')
    .where('removed_on', 'is', null)
    .where('listed_on', '<=', day)
    .execute();
  let removed = 0;
  let moved = 0;
  for (const { organization_id: orgId } of orgs) {
    await withTx(ctx, async (tx) => {
      const db = orgsDb(tx.db);
      const o = await db
        .selectFrom('orgs.organization')
        .select(['id', 'authority_area_path', 'authority_org_unit_id'])
        .where('id', '=', orgId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      for (const m of automaticMoves(await listingsOf(tx, orgId), day)) {
        if (m.kind === 'remove_abnormal') {
          await db.updateTable('orgs.credit_listing').set({ removed_on: m.removedOn, removal_reason: m.reason }).where('id', 'in', m.listingIds).execute();
          removed += m.listingIds.length;
        } else {
          const id = randomUUID();
          await db
            .insertInto('orgs.credit_listing')
            .values({ id, organization_id: orgId, list: 'serious', reason: 'abnormal_two_years', detail: m.reason, obligation: true, listed_on: m.listedOn })
            .execute();
          await announceListing(tx, id);
          await db
            .updateTable('orgs.credit_listing')
            .set({ removed_on: m.listedOn, removal_reason: m.reason, moved_to: id })
            .where('id', 'in', m.listingIds)
            .execute();
          moved += 1;
        }
        await recordAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: m.kind === 'remove_abnormal' ? 'orgs.credit.auto_remove' : 'orgs.credit.auto_serious',
          entityType: 'orgs_organization',
          entityId: orgId,
          areaPath: o.authority_area_path,
          orgUnitId: o.authority_org_unit_id,
          after: m,
          reason: m.reason,
        });
      }
    });
  }
  return { removed, moved };
}
