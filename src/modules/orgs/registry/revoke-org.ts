import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { REVOCATION_BASES } from '../contract.ts';
import { Day } from '../contracts/http.ts';
import { orgInScope } from './get-org.ts';
import { announceListing } from '../credit/credit-store.ts';
import { endRegistration } from './end-registration.ts';

export const RevokeInput = z.object({
  decidedOn: Day.meta({ title: '决定日期' }),
  article: z.string('请选择撤销登记的依据条款').meta({ title: '依据条款' }),
  documentNo: z.string().trim().max(100, '决定书文号不能超过100个字').nullable().optional().meta({ title: '决定书文号' }),
  facts: z.string('请填写违法事实').trim().min(5, '请填写违法事实（不少于5个字）').max(2000, '违法事实不能超过2000个字').meta({ title: '违法事实' }),
});
export const Revoked = z.object({ id: z.uuid(), status: z.literal('revoked'), listingId: z.uuid() });

/**
 * 撤销登记 as a penalty decision of the registrar (recorded here until the enforcement module takes
 * penalties): status 撤销 with its date and basis, the history row, and — 民政部令第60号 — the listing
 * on the 严重违法失信名单 for 撤销登记 on the same day. One transaction, audited.
 */
export async function revokeOrg(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof RevokeInput>) {
  requirePermission(actor, 'orgs.penalize');
  if (input.decidedOn > chinaDate(ctx.clock.now())) throw new AppError('VALIDATION_FAILED', 400, '决定日期不能晚于今天。');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, id, 'orgs.penalize');
    const bases = REVOCATION_BASES[o.kind];
    const basis = bases[input.article];
    if (!basis)
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        `撤销登记的依据条款不正确，${o.kind === 'social_group' ? '社会团体' : o.kind === 'foundation' ? '基金会' : '社会服务机构'}应为：${Object.values(bases).join('；')}。`,
        {
          field: 'article',
        },
      );
    if (o.status !== 'normal') throw conflict('ORG_NOT_ACTIVE', `“${o.name}”已注销或被撤销登记。`);
    if (input.decidedOn < o.registered_on_t) throw new AppError('VALIDATION_FAILED', 400, `决定日期早于成立登记日期${o.registered_on_t}。`);
    const listingId = await applyRevocation(tx, actor, o, {
      decidedOn: input.decidedOn,
      citation: `${input.documentNo ? `${input.documentNo}；` : ''}${basis}`,
      facts: input.facts,
    });
    return { id, status: 'revoked' as const, listingId };
  });
}

/**
 * 撤销登记 takes effect: status 撤销 on the day, the history row, the 严重违法失信名单 listing for 撤销登记 the same
 * day (民政部令第60号), announced, audited. Returns the listing's id. Used by `revokeOrg` and by enforcement's decisions.
 */
export async function applyRevocation(
  tx: AppContext,
  actor: Actor,
  o: { id: string; status: string; version: number; authority_area_path: string; authority_org_unit_id: string },
  r: { decidedOn: string; citation: string; facts: string },
) {
  const db = orgsDb(tx.db);
  await endRegistration(tx, actor, o, { status: 'revoked', on: r.decidedOn, basis: r.citation });
  const listingId = randomUUID();
  await db
    .insertInto('orgs.credit_listing')
    .values({
      id: listingId,
      organization_id: o.id,
      list: 'serious',
      reason: 'revocation',
      detail: `${r.citation}：${r.facts}`,
      obligation: false,
      listed_on: r.decidedOn,
      listed_by: userRef(actor),
    })
    .execute();
  await announceListing(tx, listingId);
  await recordAudit(tx, {
    actor,
    action: 'orgs.organization.revoke',
    entityType: 'orgs_organization',
    entityId: o.id,
    areaPath: o.authority_area_path,
    orgUnitId: o.authority_org_unit_id,
    before: { status: o.status },
    after: { status: 'revoked', decidedOn: r.decidedOn, basis: r.citation, seriousListing: listingId },
    reason: r.facts,
  });
  return listingId;
}
