import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import type { CreateOrgInput } from '../contracts/http.ts';
import { checkNameAt } from '../names/run-name-check.ts';
import { resolveAuthority, type Authority } from './authority.ts';
import { usccFor } from './uscc-for.ts';
import { ratingProblem } from './rating.ts';

/**
 * Records an organization registered before (成立登记 already done, e.g. the existing registry):
 * USCC and name checked against the authority, the row and its 成立登记 history in one transaction.
 */
export async function createOrg(ctx: AppContext, actor: Actor, input: z.infer<typeof CreateOrgInput>, opts: { isDemo?: boolean } = {}) {
  requirePermission(actor, 'orgs.register');
  const authority = await resolveAuthority(ctx, actor, 'orgs.register', input.authorityOrgUnitId);
  const uscc = usccFor(input.uscc, input.kind, authority.areaCode);
  const rp = ratingProblem(input.rating ?? null, input.ratingFrom ?? null, input.ratingUntil ?? null);
  if (rp) throw new AppError('VALIDATION_FAILED', 400, rp);
  if (input.publicFundraising && !input.charity) throw new AppError('VALIDATION_FAILED', 400, '只有慈善组织才能具有公开募捐资格。');
  return withTx(ctx, async (tx) => {
    const db = orgsDb(tx.db);
    const taken = await db.selectFrom('orgs.organization').select(['id', 'name']).where('uscc', '=', uscc).executeTakeFirst();
    if (taken) throw conflict('ORG_USCC_TAKEN', `统一社会信用代码“${uscc}”已被登记。`);
    const check = await checkNameAt(tx, authority, input.name, input.kind);
    if (!check.ok) throw new AppError('ORG_NAME_REJECTED', 400, `名称未通过名称审核：${check.explanation}`, { field: 'name', problems: check.problems });
    const id = await insertOrganization(tx, actor, authority, { ...input, uscc, name: check.name, nameKey: check.key }, opts.isDemo ?? false);
    return { id, name: check.name, uscc };
  });
}

export type NewOrganization = Omit<z.infer<typeof CreateOrgInput>, 'authorityOrgUnitId'> & { nameKey: string };

/** Inserts a registered organization with its 成立登记 history row and the audit entry (inside the caller's transaction). */
export async function insertOrganization(tx: AppContext, actor: Actor, authority: Authority, input: NewOrganization, isDemo = false): Promise<string> {
  const db = orgsDb(tx.db);
  const check = { name: input.name, key: input.nameKey };
  const uscc = input.uscc;
  const opts = { isDemo };
  const id = randomUUID();
  await db
    .insertInto('orgs.organization')
    .values({
      id,
      kind: input.kind,
      name: check.name,
      name_key: check.key,
      uscc,
      authority_org_unit_id: authority.id,
      authority_area_code: authority.areaCode,
      authority_area_path: authority.areaPath,
      supervisor_unit: input.supervisorUnit ?? null,
      domicile: input.domicile,
      legal_representative: input.legalRepresentative,
      business_scope: input.businessScope,
      capital_cents: input.capitalCents,
      charity: input.charity,
      public_fundraising: input.publicFundraising,
      rating: input.rating ?? null,
      rating_from: input.ratingFrom ?? null,
      rating_until: input.ratingUntil ?? null,
      registered_on: input.registeredOn,
      certificate_no: input.certificateNo ?? null,
      is_demo: opts.isDemo ?? false,
    })
    .execute();
  await db
    .insertInto('orgs.change')
    .values({
      id: randomUUID(),
      organization_id: id,
      field: 'name',
      before: null,
      after: check.name,
      changed_on: input.registeredOn,
      act: '成立登记',
      basis: input.certificateNo ? `登记证书 ${input.certificateNo}` : null,
      actor_id: userRef(actor),
    })
    .execute();
  await recordAudit(tx, {
    actor,
    action: 'orgs.organization.register',
    entityType: 'orgs_organization',
    entityId: id,
    areaPath: authority.areaPath,
    orgUnitId: authority.id,
    after: { name: check.name, uscc, kind: input.kind, registeredOn: input.registeredOn },
  });
  return id;
}
