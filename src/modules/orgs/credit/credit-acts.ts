import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { CREDIT_LIST_LABEL, CREDIT_REASONS } from '../contract.ts';
import type { ListOrgInput, RemoveListingInput } from '../contracts/http.ts';
import { orgInScope } from '../registry/get-org.ts';
import { removalProblem } from './credit-rules.ts';
import { announceListing, listingsOf, orgFacts } from './credit-store.ts';

/**
 * 列入 a list (an audited act by a holder of orgs.credit in the organization's scope). A listing on
 * the abnormal list while another is in force is a new event: the six-month period restarts.
 */
export async function listOrganization(ctx: AppContext, actor: Actor, organizationId: string, input: z.infer<typeof ListOrgInput>) {
  requirePermission(actor, 'orgs.credit');
  const reasons = CREDIT_REASONS[input.list] as Record<string, { label: string; obligation: boolean }>;
  const reason = reasons[input.reason];
  if (!reason)
    throw new AppError('ORG_LISTING', 400, `列入${CREDIT_LIST_LABEL[input.list]}的事由“${input.reason}”不正确，应为：${Object.keys(reasons).join('、')}。`, {
      field: 'reason',
    });
  const today = chinaDate(ctx.clock.now());
  if (input.listedOn > today) throw new AppError('VALIDATION_FAILED', 400, '列入日期不能晚于今天。');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, organizationId, 'orgs.credit');
    if (input.listedOn < o.registered_on_t) throw new AppError('VALIDATION_FAILED', 400, `列入日期早于成立登记日期${o.registered_on_t}。`);
    const id = randomUUID();
    await orgsDb(tx.db)
      .insertInto('orgs.credit_listing')
      .values({
        id,
        organization_id: o.id,
        list: input.list,
        reason: input.reason,
        detail: input.detail ?? null,
        obligation: reason.obligation,
        listed_on: input.listedOn,
        listed_by: userRef(actor),
      })
      .execute();
    await announceListing(tx, id);
    await recordAudit(tx, {
      actor,
      action: 'orgs.credit.list',
      entityType: 'orgs_credit_listing',
      entityId: id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      after: { organization: o.name, uscc: o.uscc, list: input.list, reason: reason.label, listedOn: input.listedOn, detail: input.detail ?? null },
    });
    return { id, organizationId: o.id, list: input.list };
  });
}

/** 移出 a listing by hand, if the rules allow it on that day (see removalProblem); audited. */
export async function removeListing(ctx: AppContext, actor: Actor, listingId: string, input: z.infer<typeof RemoveListingInput>) {
  requirePermission(actor, 'orgs.credit');
  if (input.removedOn > chinaDate(ctx.clock.now())) throw new AppError('VALIDATION_FAILED', 400, '移出日期不能晚于今天。');
  return withTx(ctx, async (tx) => {
    const db = orgsDb(tx.db);
    const row = await db.selectFrom('orgs.credit_listing').select(['organization_id']).where('id', '=', listingId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('信用名单记录', 'ORG_LISTING_NOT_FOUND');
    const o = await orgInScope(tx, actor, row.organization_id, 'orgs.credit').catch(() => {
      throw notFound('信用名单记录', 'ORG_LISTING_NOT_FOUND');
    });
    const l = (await listingsOf(tx, o.id)).find((x) => x.id === listingId)!;
    const problem = removalProblem(l, input.removedOn, input.obligationMet, orgFacts(o));
    if (problem) throw conflict('ORG_LISTING', problem);
    await db
      .updateTable('orgs.credit_listing')
      .set({
        removed_on: input.removedOn,
        removal_reason: input.reason,
        removed_by: userRef(actor),
        obligation_met_on: input.obligationMet ? input.removedOn : null,
      })
      .where('id', '=', listingId)
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.credit.remove',
      entityType: 'orgs_credit_listing',
      entityId: listingId,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      before: { list: l.list, reason: l.reason, listedOn: l.listedOn },
      after: { removedOn: input.removedOn, obligationMet: input.obligationMet },
      reason: input.reason,
    });
    return { id: listingId, organizationId: o.id, list: l.list };
  });
}
